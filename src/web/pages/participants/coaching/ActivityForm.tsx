import { NativeSelect, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activityCreate } from '../../../../shared/contracts/trajectories.ts';
import { activityKinds } from '../../../../shared/trajectories.ts';
import { api, type BodyOf } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { todayIso } from '../../../participants.ts';
import { CaptureForm, type CaptureProps } from './CaptureForm.tsx';

type Activity = Required<NonNullable<BodyOf<'POST', '/api/trajectories/:id/activities'>>>;

/** Something done towards work: a CV made, an open day, a company visit, … */
export function ActivityForm({ trajectoryId, onSaved }: CaptureProps) {
  const { t } = useTranslation();
  const labelOf = (path: string) => t(`coaching.activity.${path}`);
  const activity = useApiForm<Activity, unknown>({
    formId: 'activity',
    initialValues: { kind: 'cv_made', happenedOn: todayIso(), note: '' },
    validate: contractRules<Activity>(t, activityCreate, (values) => values, {
      happenedOn: t('validation.dateRequired'),
    }),
    labelOf,
    send: (body) => api.post('/api/trajectories/:id/activities', { params: { id: trajectoryId }, body }),
    onSaved: (_, form) => {
      onSaved(t('coaching.activitySaved'));
      form.setFieldValue('note', '');
    },
  });
  return (
    <CaptureForm title={t('coaching.kind.activity')} capture={activity}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...activity.field('kind')}
          label={labelOf('kind')}
          data={activityKinds.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))}
        />
        <DateField {...activity.field('happenedOn')} label={labelOf('happenedOn')} />
      </SimpleGrid>
      <Textarea {...activity.field('note')} label={labelOf('note')} dir="auto" autosize minRows={2} />
    </CaptureForm>
  );
}
