import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { percent, useCohorts, type CohortSummary } from './training.ts';

/** Today's session of a cohort, big, with the way to the attendance screen. */
function TodayCard({ cohort }: { cohort: CohortSummary }) {
  const { t } = useTranslation();
  const s = cohort.nextSession!;
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <IconCalendarEvent aria-hidden="true" />
          <Title order={2} size="h3">
            {t('training.todayTitle', { name: cohort.name })}
          </Title>
        </Group>
        <Text>
          {s.startTime}–{s.endTime} · {t(`training.kind.${s.kind}`)}
          {s.place ? ` · ${s.place}` : ''}
        </Text>
        <Button
          component={Link}
          to={`/cohorts/${cohort.id}/sessions/${s.id}`}
          size="lg"
          leftSection={<IconChecklist aria-hidden="true" />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('training.markAttendance')}
        </Button>
      </Stack>
    </Card>
  );
}

/**
 * The cohorts the reader sees: for a trainer their own with today's session first, for the regional lead the
 * region's with fill rate and attendance.
 */
export default function CohortsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cohorts = useCohorts();
  if (cohorts.isPending) return <Loading />;
  if (cohorts.isError) return <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const todays = cohorts.data.items.filter((c) => c.nextSession?.date === today);
  return (
    <Stack gap="lg">
      <PageTitle title={t('training.cohortsTitle')} />
      {todays.map((c) => (
        <TodayCard key={c.id} cohort={c} />
      ))}
      {cohorts.data.items.length === 0 ? (
        <Text>{t('training.noCohorts')}</Text>
      ) : (
        <ScrollTable label={t('training.cohortsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.cohort')}</Table.Th>
              <Table.Th>{t('training.status')}</Table.Th>
              <Table.Th>{t('training.fill')}</Table.Th>
              <Table.Th>{t('training.attendanceRate')}</Table.Th>
              <Table.Th>{t('training.nextSession')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohorts.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cohorts/${c.id}`}>
                    {c.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {c.regionName}
                    {c.trainerNames.length ? ` · ${c.trainerNames.join(', ')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'running' ? 'green.9' : 'gray.8'}>
                    {t(`training.cohortStatus.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {t('training.fillValue', { members: c.members, capacity: c.capacity })}
                  {c.waiting > 0 && <Text size="sm">{t('training.waitingCount', { count: c.waiting })}</Text>}
                </Table.Td>
                <Table.Td>{percent(c.attendanceRate)}</Table.Td>
                <Table.Td>
                  {c.nextSession ? `${format.when(c.nextSession.date)} ${c.nextSession.startTime}` : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
