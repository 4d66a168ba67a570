import { Checkbox, Fieldset, Group, NumberInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdays } from '../../../../shared/participants.ts';
import type { IntakeParts } from './intake.ts';

/** When someone can work or learn, and what limits it (childcare; health as yes or no, never a diagnosis). */
export function Availability({ intake }: { intake: IntakeParts }) {
  const { t } = useTranslation();
  const { form, field, label } = intake;
  return (
    <Fieldset legend={t('profile.availability')} radius="md">
      <Checkbox.Group label={label('availability.days')} {...form.getInputProps('availability.days')}>
        <Group mt="xs" gap="md">
          {weekdays.map((d) => (
            <Checkbox key={d} value={d} label={t(`weekday.${d}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <NumberInput
        mt="md"
        {...field('availability.hoursPerWeek')}
        label={label('availability.hoursPerWeek')}
        min={0}
        max={60}
        maw={240}
      />
      <Stack gap="sm" mt="md">
        <Checkbox {...field('constraints.childcare', 'checkbox')} label={label('constraints.childcare')} />
        <Checkbox
          {...field('constraints.healthLimitsAvailability', 'checkbox')}
          label={label('constraints.healthLimitsAvailability')}
          description={t('profile.healthHelp')}
        />
        {form.values.constraints.healthLimitsAvailability && (
          <NumberInput
            {...field('constraints.healthHoursPerWeek')}
            label={label('constraints.healthHoursPerWeek')}
            min={0}
            max={60}
            maw={240}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
