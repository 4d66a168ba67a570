import { useState } from 'react';
import { Anchor, Button, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconChecks, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { ActionMessage, Loading, QueryError, type Message } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { attendanceStatuses, trainingKeys, useCohort, type AttendanceStatus } from './training.ts';

/**
 * Attendance in seconds, on a phone: one tap marks everyone present and saves; then change the exceptions (late,
 * absent with or without notice) and save again.
 */
export default function AttendancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id, sessionId } = useParams();
  const cohort = useCohort(id!);
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState<Record<string, AttendanceStatus>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const save = useMutation({
    mutationFn: (marks: { participantId: string; status: AttendanceStatus }[]) =>
      api.put('/api/sessions/:id/attendance', { params: { id: sessionId! }, body: { marks } }),
    onSuccess: (answer) => {
      setChanged({});
      setMessage({ ok: true, text: t('training.saved', { count: answer.saved }) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  if (cohort.isPending) return <Loading />;
  if (cohort.isError) return <QueryError error={cohort.error} onRetry={() => void cohort.refetch()} />;
  const c = cohort.data;
  const session = c.sessions.find((s) => s.id === sessionId);
  const members = c.participants.filter((p) => p.status === 'member');
  const saved = (participantId: string) =>
    c.attendance.find((a) => a.sessionId === sessionId && a.participantId === participantId)?.status;
  const current = (participantId: string) => changed[participantId] ?? saved(participantId);
  const allPresent = () => {
    setChanged({});
    save.mutate(members.map((p) => ({ participantId: p.participantId, status: 'present' as const })));
  };
  const saveChanges = () =>
    save.mutate(
      members
        .filter((p) => current(p.participantId))
        .map((p) => ({ participantId: p.participantId, status: current(p.participantId)! })),
    );
  return (
    <Stack gap="md">
      <PageTitle title={t('training.attendanceTitle')} />
      <Text>
        <Anchor component={Link} to={`/cohorts/${c.id}`}>
          {c.name}
        </Anchor>
        {session ? ` · ${format.when(session.date)} ${session.startTime}` : ''}
      </Text>
      <Button
        size="xl"
        fullWidth
        leftSection={<IconChecks aria-hidden="true" />}
        onClick={allPresent}
        loading={save.isPending}
      >
        {t('training.allPresent')}
      </Button>
      <ActionMessage message={message} />
      <Text size="sm">{t('training.exceptionsHint')}</Text>
      {members.map((p) => (
        <Paper key={p.participantId} withBorder p="sm" radius="md">
          <Radio.Group
            label={<span dir="auto">{p.name}</span>}
            value={current(p.participantId) ?? ''}
            onChange={(value) =>
              setChanged((all) => ({ ...all, [p.participantId]: value as AttendanceStatus }))
            }
          >
            <Group gap="md" mt="xs">
              {attendanceStatuses.map((status) => (
                <Radio key={status} value={status} label={t(`training.mark.${status}`)} size="md" />
              ))}
            </Group>
          </Radio.Group>
        </Paper>
      ))}
      <Button
        size="lg"
        variant="outline"
        leftSection={<IconDeviceFloppy aria-hidden="true" />}
        onClick={saveChanges}
        disabled={Object.keys(changed).length === 0}
        loading={save.isPending}
      >
        {t('training.saveChanges')}
      </Button>
    </Stack>
  );
}
