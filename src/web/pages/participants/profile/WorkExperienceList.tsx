import { Fieldset, Group, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect, OccupationField } from './fields.tsx';
import type { IntakeParts, Work } from './intake.ts';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';

const newWork = (): Work => ({ escoUri: null, occupation: '', years: '', country: null });

/** Earlier work: the occupation (linked to ESCO where possible), for how long and where. */
export function WorkExperienceList({ intake }: { intake: IntakeParts }) {
  const { t } = useTranslation();
  const { form, field } = intake;
  const label = (name: string) => t(`profile.field.${name}`);
  return (
    <Fieldset legend={t('profile.work')} radius="md">
      <Stack gap="md">
        {form.values.workExperience.map((entry, i) => {
          const path = (name: string) => `workExperience.${i}.${name}`;
          const occupation = field(path('occupation'));
          return (
            <Fieldset
              key={i}
              legend={t('profile.workExperienceN', { n: i + 1 })}
              radius="md"
              variant="filled"
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <OccupationField
                  id={occupation.id}
                  label={label('occupation')}
                  value={{ escoUri: entry.escoUri, text: entry.occupation }}
                  error={occupation.error}
                  onChange={(o) =>
                    form.setFieldValue(`workExperience.${i}`, {
                      ...entry,
                      escoUri: o.escoUri,
                      occupation: o.text,
                    })
                  }
                />
                <NumberInput {...field(path('years'))} label={label('years')} min={0} max={60} />
                <CountrySelect {...field(path('country'))} label={label('country')} />
              </SimpleGrid>
              <Group justify="flex-end" mt="sm">
                <RemoveRowButton onClick={() => form.removeListItem('workExperience', i)}>
                  {t('profile.removeWork', { n: i + 1 })}
                </RemoveRowButton>
              </Group>
            </Fieldset>
          );
        })}
        <AddRowButton onClick={() => form.insertListItem('workExperience', newWork())}>
          {t('profile.addWork')}
        </AddRowButton>
      </Stack>
    </Fieldset>
  );
}
