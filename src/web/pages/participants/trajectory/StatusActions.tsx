import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack } from '@mantine/core';
import {
  IconCircleCheck,
  IconPlayerPlay,
  IconPlayerStop,
  IconUserSearch,
  type Icon,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { trajectoryAction } from '../../../../shared/contracts/participants.ts';
import { stopReasons } from '../../../../shared/participants.ts';
import { api, ApiError, type BodyOf } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorSummary, SuccessMessage } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import {
  caseloadKeys,
  participantKeys,
  todayIso,
  type ParticipantFile,
  type Trajectory,
} from '../../../participants.ts';

type Action = Trajectory['allowedActions'][number];
type Request = NonNullable<BodyOf<'POST', '/api/trajectories/:id/status'>>;
type StopReason = Extract<Request, { action: 'stop' }>['reason'];
type Values = { on: string; reason: StopReason | '' };
const toRequest = (action: Action, { on, reason }: Values) =>
  (action === 'stop' ? { action, on, reason } : { action, on }) as Request;

/** The next phase: start the intake, start, complete or stop, each on a date (stopping with a reason). */

// An icon that says what the action does: stopping is not "play".
const actionIcons: Record<string, Icon> = {
  start_intake: IconUserSearch,
  start: IconPlayerPlay,
  complete: IconCircleCheck,
  stop: IconPlayerStop,
};
function ActionIcon({ action }: { action: string }) {
  const Shown = actionIcons[action] ?? IconPlayerPlay;
  return <Shown size={16} aria-hidden="true" className={Shown === IconPlayerPlay ? 'rtl-flip' : undefined} />;
}
export function StatusActions({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (trajectory.allowedActions.length === 0) return null;
  return (
    <Stack gap="sm">
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <Group gap="sm">
        {trajectory.allowedActions.map((a) => (
          <Button
            key={a}
            variant={action === a ? 'filled' : a === 'stop' ? 'outline' : 'light'}
            color={a === 'stop' ? 'red.9' : undefined}
            leftSection={<ActionIcon action={a} />}
            aria-expanded={action === a}
            onClick={() => {
              setAction(action === a ? null : a);
              setDone(null);
            }}
          >
            {t(`trajectory.action.${a}`)}
          </Button>
        ))}
      </Group>
      {action && (
        <PhaseChange
          key={action}
          file={file}
          trajectory={trajectory}
          action={action}
          onDone={() => {
            setDone(t(`trajectory.done.${action}`));
            setAction(null);
          }}
          onCancel={() => setAction(null)}
        />
      )}
    </Stack>
  );
}

function PhaseChange({
  file,
  trajectory,
  action,
  onDone,
  onCancel,
}: {
  file: ParticipantFile;
  trajectory: Trajectory;
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels: Record<string, string> = {
    on: t('trajectory.actionDate'),
    reason: t('trajectory.stopReason'),
  };
  const change = useApiForm<Values, unknown>({
    formId: 'phase',
    initialValues: { on: todayIso(), reason: '' },
    validate: contractRules<Values>(t, trajectoryAction, (values) => toRequest(action, values), {
      on: t('validation.dateRequired'),
      reason: t('validation.choose'),
    }),
    labelOf: (path) => labels[path] ?? path,
    send: (values) =>
      api.post('/api/trajectories/:id/status', {
        params: { id: trajectory.id },
        body: toRequest(action, values),
      }),
    onSaved: (data) => {
      queryClient.setQueryData(participantKeys.file(file.id), data);
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
      onDone();
    },
    // "Needs a partnership" names the municipality that has none.
    onRefused: (error) =>
      error instanceof ApiError && error.code === 'trajectory.partnership_required'
        ? t('trajectory.partnershipRequired', { municipality: file.municipalityName })
        : false,
  });
  return (
    <Paper withBorder radius="md" p="md">
      <form noValidate onSubmit={change.onSubmit}>
        <Stack gap="sm" maw={480}>
          <ErrorSummary {...change.summary} />
          <DateField {...change.field('on')} label={labels.on} />
          {action === 'stop' && (
            <NativeSelect
              {...change.field('reason')}
              label={labels.reason}
              data={[
                { value: '', label: t('referral.choose') },
                ...stopReasons.map((r) => ({ value: r, label: t(`stopReason.${r}`) })),
              ]}
            />
          )}
          <Group>
            <Button
              type="submit"
              data-testid="confirm-action"
              loading={change.pending}
              color={action === 'stop' ? 'red.9' : undefined}
            >
              {t(`trajectory.confirm.${action}`)}
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
