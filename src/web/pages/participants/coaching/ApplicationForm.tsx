import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationCreate } from '../../../../shared/contracts/trajectories.ts';
import { applicationStatuses } from '../../../../shared/trajectories.ts';
import { api, type BodyOf } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { todayIso, trajectoryKeys } from '../../../participants.ts';
import { CaptureForm, type CaptureProps } from './CaptureForm.tsx';

type Request = Required<NonNullable<BodyOf<'POST', '/api/trajectories/:id/applications'>>>;
/** The application as the form holds it: no follow-up date is `''`. */
type Application = Omit<Request, 'followUpOn'> & { followUpOn: string };
const toRequest = (values: Application): Request => ({ ...values, followUpOn: values.followUpOn || null });

/** A job application: the vacancy, the employer, when, its status and when to follow it up. */
export function ApplicationForm({ trajectoryId, onSaved }: CaptureProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labelOf = (path: string) => t(`coaching.application.${path}`);
  const application = useApiForm<Application, unknown>({
    formId: 'application',
    initialValues: { vacancy: '', employerName: '', appliedOn: todayIso(), status: 'sent', followUpOn: '' },
    validate: contractRules(t, applicationCreate, toRequest, {
      vacancy: t('coaching.textRequired'),
      employerName: t('coaching.textRequired'),
      appliedOn: t('validation.dateRequired'),
    }),
    labelOf,
    send: (values) =>
      api.post('/api/trajectories/:id/applications', {
        params: { id: trajectoryId },
        body: toRequest(values),
      }),
    onSaved: (_, form) => {
      onSaved(t('coaching.applicationSaved'));
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.applications(trajectoryId) });
      form.setValues({ vacancy: '', employerName: '', followUpOn: '' });
    },
  });
  const { field } = application;
  return (
    <CaptureForm title={t('coaching.kind.application')} capture={application}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...field('vacancy')} label={labelOf('vacancy')} dir="auto" />
        <TextInput {...field('employerName')} label={labelOf('employerName')} dir="auto" />
        <DateField {...field('appliedOn')} label={labelOf('appliedOn')} />
        <NativeSelect
          {...field('status')}
          label={labelOf('status')}
          data={applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
        />
        <DateField {...field('followUpOn')} label={labelOf('followUpOn')} />
      </SimpleGrid>
    </CaptureForm>
  );
}
