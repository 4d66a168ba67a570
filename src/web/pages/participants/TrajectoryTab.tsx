import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCalendarPlus, IconPlayerPlay, IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referrerKinds, stopReasons } from '../../../shared/participants.ts';
import { api, ApiError } from '../../api.ts';
import { hasRole, leadRoles, useMe } from '../../auth/me.ts';
import { TrajectoryStatusBadge } from '../../components/Badges.tsx';
import { SuccessMessage } from '../../components/Feedback.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  fileKey,
  todayIso,
  useCoaches,
  type FileResponse,
  type ParticipantFile,
  type Trajectory,
} from '../../participants.ts';

type Action = Trajectory['allowedActions'][number];

/** A failed call as a translated sentence; "needs a partnership" names the municipality. */
function problemText(t: ReturnType<typeof useTranslation>['t'], error: unknown, municipality: string) {
  if (error instanceof ApiError && error.code === 'trajectory.partnership_required')
    return t('trajectory.partnershipRequired', { municipality });
  return errorText(t, error);
}

function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden="true" />}>
      {text}
    </Alert>
  );
}

/** Phase changes, the coach, extensions, a new trajectory and earlier ones. */
export function TrajectoryTab({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const isLead = hasRole(me, ...leadRoles);
  const trajectory = file.trajectory;
  const open = trajectory && ['referred', 'intake', 'active'].includes(trajectory.status);

  return (
    <Stack gap="xl">
      {trajectory && (
        <Stack gap="md" component="section" aria-labelledby="phase-title">
          <Title order={2} size="h3" id="phase-title">
            {t('trajectory.phaseTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Dated label={t('trajectory.referredOn')} value={format.date(trajectory.referredOn)} />
            <Dated label={t('trajectory.intakeOn')} value={format.date(trajectory.intakeOn)} />
            <Dated label={t('trajectory.startedOn')} value={format.date(trajectory.startedOn)} />
            <Dated label={t('trajectory.endedOn')} value={format.date(trajectory.endedOn)} />
          </SimpleGrid>
          {trajectory.stopReason && (
            <Text>
              {t('trajectory.stoppedBecause', { reason: t(`stopReason.${trajectory.stopReason}`) })}
            </Text>
          )}
          {trajectory.referralMotivation && (
            <Text size="sm" dir="auto">
              <Text span fw={600}>
                {t('referral.motivation')}:
              </Text>{' '}
              {trajectory.referralMotivation}
            </Text>
          )}
          <StatusActions file={file} trajectory={trajectory} />
        </Stack>
      )}
      {trajectory && open && isLead && <CoachPicker file={file} trajectory={trajectory} />}
      {trajectory && isLead && trajectory.status === 'active' && (
        <Extension file={file} trajectory={trajectory} />
      )}
      {trajectory && !isLead && trajectory.extensions.length > 0 && (
        <ExtensionHistory trajectory={trajectory} />
      )}
      {!open && <NewTrajectory file={file} />}
      {file.earlierTrajectories.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="earlier-title">
          <Title order={2} size="h3" id="earlier-title">
            {t('trajectory.earlier')}
          </Title>
          <ScrollTable label={t('trajectory.earlier')} minWidth={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participants.phase')}</Table.Th>
                <Table.Th>{t('trajectory.referredOn')}</Table.Th>
                <Table.Th>{t('trajectory.startedOn')}</Table.Th>
                <Table.Th>{t('trajectory.endedOn')}</Table.Th>
                <Table.Th>{t('trajectory.stopReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.earlierTrajectories.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <TrajectoryStatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>{format.date(e.referredOn)}</Table.Td>
                  <Table.Td>{format.date(e.startedOn) || '–'}</Table.Td>
                  <Table.Td>{format.date(e.endedOn) || '–'}</Table.Td>
                  <Table.Td>{e.stopReason ? t(`stopReason.${e.stopReason}`) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Stack>
      )}
    </Stack>
  );
}

function Dated({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text>{value || '–'}</Text>
    </div>
  );
}

function StatusActions({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: object) =>
      api<FileResponse>(`/api/trajectories/${trajectory.id}/status`, { method: 'POST', body }),
    onSuccess: (data, body) => {
      queryClient.setQueryData(fileKey(file.id), data);
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      setDone(t(`trajectory.done.${(body as { action: Action }).action}`));
      setAction(null);
    },
  });
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
            leftSection={<IconPlayerPlay size={16} aria-hidden="true" className="rtl-flip" />}
            aria-expanded={action === a}
            onClick={() => {
              setAction(action === a ? null : a);
              setDone(null);
              change.reset();
            }}
          >
            {t(`trajectory.action.${a}`)}
          </Button>
        ))}
      </Group>
      {action && (
        <Paper withBorder radius="md" p="md">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (action === 'stop' && !reason) {
                setReasonError(t('validation.choose'));
                return;
              }
              setReasonError(null);
              change.mutate(action === 'stop' ? { action, on, reason } : { action, on });
            }}
          >
            <Stack gap="sm" maw={480}>
              <Problem text={change.error ? problemText(t, change.error, file.municipalityName) : null} />
              <TextInput
                type="date"
                label={t('trajectory.actionDate')}
                value={on}
                onChange={(event) => setOn(event.currentTarget.value)}
              />
              {action === 'stop' && (
                <NativeSelect
                  label={t('trajectory.stopReason')}
                  value={reason}
                  error={reasonError}
                  onChange={(event) => setReason(event.currentTarget.value)}
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
                  loading={change.isPending}
                  color={action === 'stop' ? 'red.9' : undefined}
                >
                  {t(`trajectory.confirm.${action}`)}
                </Button>
                <Button variant="subtle" onClick={() => setAction(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}

function CoachPicker({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const coaches = useCoaches();
  const [coachId, setCoachId] = useState(trajectory.coachId ?? '');
  const assign = useMutation({
    mutationFn: () =>
      api<FileResponse>(`/api/trajectories/${trajectory.id}/coach`, { method: 'PUT', body: { coachId } }),
    onSuccess: (data) => {
      queryClient.setQueryData(fileKey(file.id), data);
      void queryClient.invalidateQueries({ queryKey: ['coaches'] });
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="coach-title">
      <Title order={2} size="h3" id="coach-title">
        {t('trajectory.coachTitle')}
      </Title>
      <Problem text={assign.error ? errorText(t, assign.error) : null} />
      {assign.isSuccess && (
        <SuccessMessage>{t('trajectory.coachAssigned', { name: trajectory.coachName ?? '' })}</SuccessMessage>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (coachId) assign.mutate();
        }}
      >
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('trajectory.coach')}
            value={coachId}
            onChange={(event) => setCoachId(event.currentTarget.value)}
            data={[
              { value: '', label: t('referral.choose') },
              ...(coaches.data?.items ?? []).map((c) => ({
                value: c.id,
                label: t('trajectory.coachOption', { name: c.displayName, count: c.activeCount }),
              })),
            ]}
            w={{ base: '100%', xs: 320 }}
          />
          <Button
            type="submit"
            loading={assign.isPending}
            disabled={!coachId || coachId === trajectory.coachId}
            leftSection={<IconUserCheck size={18} aria-hidden="true" />}
          >
            {trajectory.coachId ? t('trajectory.changeCoach') : t('trajectory.assignCoach')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function ExtensionHistory({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('trajectory.extensions')}
      </Title>
      <ScrollTable label={t('trajectory.extensions')} minWidth={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trajectory.previousEnd')}</Table.Th>
            <Table.Th>{t('trajectory.newEnd')}</Table.Th>
            <Table.Th>{t('trajectory.reason')}</Table.Th>
            <Table.Th>{t('trajectory.approvedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trajectory.extensions.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{format.date(e.previousEndOn)}</Table.Td>
              <Table.Td>{format.date(e.newEndOn)}</Table.Td>
              <Table.Td dir="auto">{e.reason}</Table.Td>
              <Table.Td>{e.approvedByName ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

function Extension({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [newEndOn, setNewEndOn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ newEndOn?: string; reason?: string }>({});
  const extend = useMutation({
    mutationFn: () =>
      api<FileResponse>(`/api/trajectories/${trajectory.id}/extensions`, {
        method: 'POST',
        body: { newEndOn, reason: reason.trim() },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(fileKey(file.id), data);
      setNewEndOn('');
      setReason('');
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="extend-title">
      <Title order={2} size="h3" id="extend-title">
        {t('trajectory.extendTitle')}
      </Title>
      {trajectory.extensions.length > 0 && <ExtensionHistory trajectory={trajectory} />}
      <Problem text={extend.error ? errorText(t, extend.error) : null} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const next = {
            newEndOn: newEndOn ? undefined : t('validation.dateRequired'),
            reason: reason.trim() ? undefined : t('validation.reasonRequired'),
          };
          setErrors(next);
          if (!next.newEndOn && !next.reason) extend.mutate();
        }}
      >
        <Stack gap="sm" maw={480}>
          <TextInput
            type="date"
            label={t('trajectory.newEnd')}
            value={newEndOn}
            error={errors.newEndOn}
            onChange={(event) => setNewEndOn(event.currentTarget.value)}
          />
          <Textarea
            label={t('trajectory.reason')}
            dir="auto"
            value={reason}
            error={errors.reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group>
            <Button
              type="submit"
              loading={extend.isPending}
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

function NewTrajectory({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [referredOn, setReferredOn] = useState(todayIso());
  const [referrerKind, setReferrerKind] = useState('coach');
  const [motivation, setMotivation] = useState('');
  const start = useMutation({
    mutationFn: () =>
      api<FileResponse>(`/api/participants/${file.id}/trajectories`, {
        method: 'POST',
        body: { referredOn, referrerKind, motivation },
      }),
    onSuccess: (data) => queryClient.setQueryData(fileKey(file.id), data),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="new-trajectory-title">
      <Title order={2} size="h3" id="new-trajectory-title">
        {t('trajectory.newTitle')}
      </Title>
      <Text>{t('trajectory.noOpen')}</Text>
      <Problem text={start.error ? errorText(t, start.error) : null} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate();
        }}
      >
        <Stack gap="sm" maw={480}>
          <TextInput
            type="date"
            label={t('referral.referredOn')}
            value={referredOn}
            onChange={(event) => setReferredOn(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('referral.referrerKind')}
            value={referrerKind}
            onChange={(event) => setReferrerKind(event.currentTarget.value)}
            data={referrerKinds.map((k) => ({ value: k, label: t(`referrerKind.${k}`) }))}
          />
          <Textarea
            label={t('referral.motivation')}
            dir="auto"
            value={motivation}
            onChange={(event) => setMotivation(event.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={start.isPending}>
              {t('trajectory.startNew')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
