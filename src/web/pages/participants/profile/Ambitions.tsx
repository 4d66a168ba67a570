import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OccupationField } from './fields.tsx';
import type { IntakeParts } from './intake.ts';

/** The dream job, a realistic next step (both linked to ESCO where possible) and the sectors of interest. */
export function Ambitions({ intake }: { intake: IntakeParts }) {
  const { t } = useTranslation();
  const { field, label } = intake;
  return (
    <Fieldset legend={t('profile.ambitions')} radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OccupationField {...field('ambitions.dreamJob')} label={label('ambitions.dreamJob')} />
        <OccupationField {...field('ambitions.nextStep')} label={label('ambitions.nextStep')} />
      </SimpleGrid>
      <TextInput
        mt="md"
        {...field('ambitions.sectors')}
        label={label('ambitions.sectors')}
        description={t('profile.sectorsHelp')}
        dir="auto"
      />
    </Fieldset>
  );
}
