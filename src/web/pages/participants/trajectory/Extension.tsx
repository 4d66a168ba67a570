import { Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { extensionCreate } from '../../../../shared/contracts/participants.ts';
import { api } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorSummary } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { participantKeys, type ParticipantFile, type Trajectory } from '../../../participants.ts';
import { ExtensionHistory } from './ExtensionHistory.tsx';

/** Leads: a longer trajectory, with the new end date and the reason. */
export function Extension({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels: Record<string, string> = { newEndOn: t('trajectory.newEnd'), reason: t('trajectory.reason') };
  const extension = useApiForm({
    formId: 'extension',
    initialValues: { newEndOn: '', reason: '' },
    validate: contractRules(t, extensionCreate, (values) => values, {
      newEndOn: t('validation.dateRequired'),
      reason: t('validation.reasonRequired'),
    }),
    labelOf: (path) => labels[path] ?? path,
    send: (body) => api.post('/api/trajectories/:id/extensions', { params: { id: trajectory.id }, body }),
    onSaved: (data, form) => {
      queryClient.setQueryData(participantKeys.file(file.id), data);
      form.reset();
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="extend-title">
      <Title order={2} size="h3" id="extend-title">
        {t('trajectory.extendTitle')}
      </Title>
      {trajectory.extensions.length > 0 && <ExtensionHistory trajectory={trajectory} />}
      <form noValidate onSubmit={extension.onSubmit}>
        <Stack gap="sm" maw={480}>
          <ErrorSummary {...extension.summary} />
          <DateField {...extension.field('newEndOn')} label={labels.newEndOn} />
          <Textarea {...extension.field('reason')} label={labels.reason} dir="auto" />
          <Group>
            <Button
              type="submit"
              loading={extension.pending}
              leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
            >
              {t('trajectory.extend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
