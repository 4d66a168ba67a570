import { NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stepOwners } from '../../../shared/trajectories.ts';
import { DateField } from '../../components/DateField.tsx';
import type { FormParts } from '../../components/form.ts';

/**
 * A step's what, who and by when: in the plan, and in a meeting's agreements (which become steps of the plan).
 * `path` names each field of this row, e.g. `steps.2.text`.
 */
export function StepFields({
  field,
  path,
}: {
  field: FormParts<Record<string, unknown>>['field'];
  path: (name: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {/* Wraps over several lines: a step is often a sentence, and a phone shows little of one line. */}
      <Textarea {...field(path('text'))} label={t('plan.field.text')} dir="auto" autosize minRows={1} />
      <NativeSelect
        {...field(path('owner'))}
        label={t('plan.field.owner')}
        data={stepOwners.map((o) => ({ value: o, label: t(`stepOwner.${o}`) }))}
      />
      <DateField {...field(path('dueOn'))} label={t('plan.field.dueOn')} />
    </>
  );
}
