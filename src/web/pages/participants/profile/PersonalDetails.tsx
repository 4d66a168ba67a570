import { Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { genders } from '../../../../shared/participants.ts';
import { DateField } from '../../../components/DateField.tsx';
import { CountrySelect } from './fields.tsx';
import type { IntakeParts } from './intake.ts';

/** Who the participant is; nationality and country of birth only for those who may see them. */
export function PersonalDetails({ intake, seesOrigin }: { intake: IntakeParts; seesOrigin: boolean }) {
  const { t } = useTranslation();
  const { field, label } = intake;
  return (
    <Fieldset legend={t('profile.personal')} radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...field('name')} label={label('name')} dir="auto" />
        <TextInput {...field('permitName')} label={label('permitName')} dir="auto" />
        <DateField {...field('dateOfBirth')} label={label('dateOfBirth')} />
        <NativeSelect
          {...field('gender')}
          label={label('gender')}
          data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
        />
        {seesOrigin && (
          <>
            <CountrySelect {...field('nationality')} label={label('nationality')} />
            <CountrySelect {...field('countryOfBirth')} label={label('countryOfBirth')} />
          </>
        )}
      </SimpleGrid>
    </Fieldset>
  );
}
