import { Anchor, Badge, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { moduleName, percent, useCohort } from './training.ts';

const markSign = { present: '✓', late: '◔', absent_notice: '○', absent_no_notice: '✕' } as const;

/** A cohort: its participants with attendance, its sessions, which modules are covered, and the attendance grid. */
export default function CohortPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const cohort = useCohort(id!);
  if (cohort.isPending) return <Loading />;
  if (cohort.isError) return <QueryError error={cohort.error} onRetry={() => void cohort.refetch()} />;
  const c = cohort.data;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const past = c.sessions.filter((s) => s.date <= today);
  const mark = (sessionId: string, participantId: string) =>
    c.attendance.find((a) => a.sessionId === sessionId && a.participantId === participantId)?.status;
  return (
    <Stack gap="lg">
      <PageTitle title={c.name} />
      <Text>
        {c.regionName} · {format.when(c.startsOn)} – {format.when(c.endsOn)}
        {c.location ? ` · ${c.location}` : ''} · {t(`training.cohortStatus.${c.status}`)}
      </Text>
      <Text>
        {t('training.fillValue', { members: c.members, capacity: c.capacity })} ·{' '}
        {t('training.attendanceRate')}: {percent(c.attendanceRate)}
      </Text>

      <Title order={2}>{t('training.participants')}</Title>
      {c.participants.length === 0 ? (
        <Text>{t('training.noParticipants')}</Text>
      ) : (
        <ScrollTable label={t('training.participants')} minWidth={360}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.name')}</Table.Th>
              <Table.Th>{t('training.attendanceRate')}</Table.Th>
              <Table.Th>{t('training.alert')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.participants.map((p) => (
              <Table.Tr key={p.participantId}>
                <Table.Td dir="auto">
                  {p.name}
                  {p.status === 'waiting' && (
                    <Badge ms="xs" variant="light" color="gray.8">
                      {t('training.waiting')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{percent(p.attendanceRate)}</Table.Td>
                <Table.Td>
                  {p.absentInARow > 0 ? t('training.absentInARow', { count: p.absentInARow }) : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}

      <Title order={2}>{t('training.sessions')}</Title>
      <List spacing="xs" listStyleType="none" ps={0}>
        {c.sessions.map((s) => (
          <List.Item key={s.id}>
            <Text>
              {format.when(s.date)} {s.startTime}–{s.endTime} · {t(`training.kind.${s.kind}`)}
              {s.place ? ` · ${s.place}` : ''}
              {s.trainerName ? ` · ${s.trainerName}` : ''}
            </Text>
            {s.date <= today && (
              <Anchor component={Link} to={`/cohorts/${c.id}/sessions/${s.id}`} size="sm">
                {t('training.markAttendance')}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>

      <Title order={2}>{t('training.coverage')}</Title>
      <List spacing={4}>
        {c.coverage.map((m) => (
          <List.Item key={m.moduleId}>
            {moduleName(t, m)}: {t(`training.coverageStatus.${m.status}`)}
          </List.Item>
        ))}
      </List>

      {past.length > 0 && c.participants.length > 0 && (
        <>
          <Title order={2}>{t('training.grid')}</Title>
          <Text size="sm">{t('training.gridLegend')}</Text>
          <ScrollTable label={t('training.grid')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.name')}</Table.Th>
                {past.map((s) => (
                  <Table.Th key={s.id}>{format.when(s.date)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.participants.map((p) => (
                <Table.Tr key={p.participantId}>
                  <Table.Td dir="auto">{p.name}</Table.Td>
                  {past.map((s) => {
                    const status = mark(s.id, p.participantId);
                    return (
                      <Table.Td key={s.id}>
                        {status ? (
                          // A sign with its word as its name (a visually hidden text would escape the table's
                          // scroll box and widen the page on a phone).
                          <span
                            role="img"
                            aria-label={t(`training.mark.${status}`)}
                            title={t(`training.mark.${status}`)}
                          >
                            {markSign[status]}
                          </span>
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
      {past.length > 0 && (
        <Button
          component={Link}
          to={`/cohorts/${c.id}/sessions/${past.at(-1)!.id}`}
          leftSection={<IconChecklist aria-hidden="true" />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('training.markAttendance')}
        </Button>
      )}
    </Stack>
  );
}
