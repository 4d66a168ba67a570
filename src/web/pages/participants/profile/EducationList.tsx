import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { educationLevels, valuationStatuses } from '../../../../shared/participants.ts';
import { CountrySelect } from './fields.tsx';
import type { Education, IntakeParts } from './intake.ts';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';

const newEducation = (): Education => ({
  country: null,
  level: 'secondary',
  field: '',
  years: '',
  hasDiploma: false,
  valuation: 'not_requested',
  valuationResult: '',
});

/** Education followed, in the Netherlands or elsewhere, with the diploma and its evaluation (IDW). */
export function EducationList({ intake }: { intake: IntakeParts }) {
  const { t } = useTranslation();
  const { form, field } = intake;
  const label = (name: string) => t(`profile.field.${name}`);
  return (
    <Fieldset legend={t('profile.education')} radius="md">
      <Stack gap="md">
        {form.values.education.map((_, i) => {
          const path = (name: string) => `education.${i}.${name}`;
          return (
            <Fieldset key={i} legend={t('profile.educationN', { n: i + 1 })} radius="md" variant="filled">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <CountrySelect {...field(path('country'))} label={label('country')} />
                <NativeSelect
                  {...field(path('level'))}
                  label={label('level')}
                  data={educationLevels.map((l) => ({ value: l, label: t(`educationLevel.${l}`) }))}
                />
                <TextInput {...field(path('field'))} label={label('field')} dir="auto" />
                <NumberInput {...field(path('years'))} label={label('years')} min={0} max={30} />
                <NativeSelect
                  {...field(path('valuation'))}
                  label={label('valuation')}
                  data={valuationStatuses.map((s) => ({ value: s, label: t(`valuationStatus.${s}`) }))}
                />
                <TextInput {...field(path('valuationResult'))} label={label('valuationResult')} dir="auto" />
              </SimpleGrid>
              <Group justify="space-between" mt="sm">
                <Checkbox {...field(path('hasDiploma'), 'checkbox')} label={label('hasDiploma')} />
                <RemoveRowButton onClick={() => form.removeListItem('education', i)}>
                  {t('profile.removeEducation', { n: i + 1 })}
                </RemoveRowButton>
              </Group>
            </Fieldset>
          );
        })}
        <AddRowButton onClick={() => form.insertListItem('education', newEducation())}>
          {t('profile.addEducation')}
        </AddRowButton>
      </Stack>
    </Fieldset>
  );
}
