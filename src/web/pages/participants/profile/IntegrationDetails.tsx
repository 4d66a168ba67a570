import { Checkbox, Fieldset, NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { integrationRoutes } from '../../../../shared/participants.ts';
import { DateField } from '../../../components/DateField.tsx';
import type { IntakeParts } from './intake.ts';

/** Arrival, the residence permit, the civic-integration plan (PIP) and route, and the driving licence. */
export function IntegrationDetails({ intake }: { intake: IntakeParts }) {
  const { t } = useTranslation();
  const { field, label } = intake;
  return (
    <Fieldset legend={t('profile.integration')} radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField {...field('arrivalDate')} label={label('arrivalDate')} />
        <DateField {...field('permitDate')} label={label('permitDate')} />
        <DateField {...field('pipDate')} label={label('pipDate')} />
        <NativeSelect
          {...field('integrationRoute')}
          label={label('integrationRoute')}
          data={integrationRoutes.map((r) => ({ value: r, label: t(`integrationRoute.${r}`) }))}
        />
      </SimpleGrid>
      <Checkbox mt="md" {...field('hasDrivingLicence', 'checkbox')} label={label('hasDrivingLicence')} />
    </Fieldset>
  );
}
