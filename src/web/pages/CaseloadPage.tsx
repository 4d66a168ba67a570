import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconClockHour4,
  IconHourglass,
  IconMessageQuestion,
  IconUsers,
  type Icon,
  IconPoint,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseloadFilters, caseloadSorts } from '../../shared/contracts/trajectories.ts';
import { trajectoryStatuses } from '../../shared/participants.ts';
import { api } from '../api.ts';
import { hasRole, leadRoles, useMe } from '../auth/me.ts';
import { TrajectoryStatusBadge } from '../components/Badges.tsx';
import { Loading, QueryError } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useUrlFilters } from '../components/useUrlFilters.ts';
import { useFormat } from '../i18n/format.ts';
import { useCoaches, type Caseload, type Workload } from '../participants.ts';

// Reasons other modules add (the list is open) get the point icon.
const reasonIcons: Partial<Record<string, Icon>> = {
  step_overdue: IconAlertTriangle,
  step_due_today: IconCalendarDue,
  meeting_today: IconUsers,
  follow_up_due: IconClockHour4,
  plan_not_agreed: IconHourglass,
  ending_soon: IconHourglass,
  question: IconMessageQuestion,
};

/** Coaches: who needs me today, then everyone I coach in a dense table. Leads can look at any coach. */
export default function CaseloadPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const isLead = hasRole(me, ...leadRoles);
  const coaches = useCoaches(isLead);
  const filters = useUrlFilters(['coachId', 'sort', 'filter', 'status'] as const);
  const query = {
    coachId: filters.values.coachId || undefined,
    sort: filters.values.sort || undefined,
    filter: filters.values.filter || undefined,
    status: filters.values.status || undefined,
  };
  const caseload = useQuery({
    queryKey: ['caseload', query],
    queryFn: () => api<Caseload>('/api/caseload', { query }),
    placeholderData: (previous) => previous,
  });
  const workload = useQuery({
    queryKey: ['caseload', 'workload'],
    queryFn: () => api<Workload>('/api/caseload/workload'),
    enabled: isLead,
  });

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <PageTitle title={t('caseload.title')} />
        <Text>{t('caseload.intro')}</Text>
        {isLead && (
          <NativeSelect
            label={t('caseload.coach')}
            value={filters.values.coachId}
            onChange={(event) => filters.set({ coachId: event.currentTarget.value })}
            data={[
              { value: '', label: t('caseload.allCoaches') },
              ...(coaches.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName })),
            ]}
            w={{ base: '100%', xs: 300 }}
          />
        )}
      </Stack>

      {caseload.isPending ? (
        <Loading />
      ) : caseload.error ? (
        <QueryError error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="today-title">
            <Title order={2} size="h3" id="today-title" mb="sm">
              {t('caseload.today')}
            </Title>
            {caseload.data.today.length === 0 ? (
              <Text>{t('caseload.todayEmpty')}</Text>
            ) : (
              <List spacing="sm" listStyleType="none" data-testid="today-list">
                {caseload.data.today.map((item, index) => {
                  const ReasonIcon = reasonIcons[item.reason] ?? IconPoint;
                  return (
                    <List.Item key={index}>
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <ThemeIcon variant="light" color="orange" size={28} radius="xl">
                          <ReasonIcon size={16} aria-hidden="true" />
                        </ThemeIcon>
                        <div style={{ minInlineSize: 0 }}>
                          <Anchor
                            component={Link}
                            to={`/participants/${item.participantId}`}
                            fw={600}
                            dir="auto"
                          >
                            {item.name}
                          </Anchor>
                          <Text size="sm">
                            {t(`todayReason.${item.reason}`)}
                            {item.detail ? (
                              <>
                                {': '}
                                <span dir="auto">{item.detail}</span>
                              </>
                            ) : null}
                          </Text>
                        </div>
                      </Group>
                    </List.Item>
                  );
                })}
              </List>
            )}
          </Paper>

          <Stack gap="sm" component="section" aria-labelledby="list-title">
            <Title order={2} size="h3" id="list-title">
              {t('caseload.listTitle')}
            </Title>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('caseload.show')}
                value={filters.values.filter || 'all'}
                onChange={(event) =>
                  filters.set({
                    filter: event.currentTarget.value === 'all' ? '' : event.currentTarget.value,
                  })
                }
                data={caseloadFilters.map((f) => ({ value: f, label: t(`caseload.filter.${f}`) }))}
                w={{ base: '100%', xs: 240 }}
              />
              <NativeSelect
                label={t('filters.status')}
                value={filters.values.status}
                onChange={(event) => filters.set({ status: event.currentTarget.value })}
                data={[
                  { value: '', label: t('filters.all') },
                  ...trajectoryStatuses.map((s) => ({ value: s, label: t(`trajectoryStatus.${s}`) })),
                ]}
                w={{ base: '100%', xs: 180 }}
              />
              <NativeSelect
                label={t('caseload.sort')}
                value={filters.values.sort || 'next_due'}
                onChange={(event) =>
                  filters.set({
                    sort: event.currentTarget.value === 'next_due' ? '' : event.currentTarget.value,
                  })
                }
                data={caseloadSorts.map((s) => ({ value: s, label: t(`caseload.sortBy.${s}`) }))}
                w={{ base: '100%', xs: 220 }}
              />
              {filters.active && (
                <Button variant="subtle" onClick={filters.clear}>
                  {t('filters.clear')}
                </Button>
              )}
            </Group>
            {caseload.data.items.length === 0 ? (
              <Text>{t('caseload.empty')}</Text>
            ) : (
              <ScrollTable label={t('caseload.listTitle')} minWidth={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('participants.name')}</Table.Th>
                    <Table.Th>{t('participants.phase')}</Table.Th>
                    <Table.Th>{t('file.month')}</Table.Th>
                    <Table.Th>{t('caseload.nextStep')}</Table.Th>
                    <Table.Th>{t('caseload.overdue')}</Table.Th>
                    <Table.Th>{t('caseload.lastContact')}</Table.Th>
                    <Table.Th>{t('caseload.signals')}</Table.Th>
                    {!filters.values.coachId && isLead && <Table.Th>{t('participants.coach')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {caseload.data.items.map((item) => (
                    <Table.Tr key={item.trajectoryId}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/participants/${item.participantId}`}
                          fw={600}
                          dir="auto"
                        >
                          {item.name}
                        </Anchor>
                        <Text size="xs">{item.municipalityName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <TrajectoryStatusBadge status={item.status} />
                      </Table.Td>
                      <Table.Td>
                        {item.monthNumber
                          ? t('file.monthOf', {
                              n: format.number(item.monthNumber),
                              m: format.number(item.trajectoryMonths),
                            })
                          : '–'}
                      </Table.Td>
                      <Table.Td>
                        {item.nextStep ? (
                          <>
                            <Text size="sm" dir="auto">
                              {item.nextStep.text}
                            </Text>
                            <Text size="xs">{format.date(item.nextStep.dueOn)}</Text>
                          </>
                        ) : item.hasNoPlan ? (
                          t('caseload.noPlan')
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {item.overdueSteps > 0 ? (
                          <Text c="red.9" fw={700} size="sm">
                            {format.number(item.overdueSteps)}
                          </Text>
                        ) : (
                          '0'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {item.daysSinceLastContact === null
                          ? t('caseload.never')
                          : t('caseload.daysAgo', { count: item.daysSinceLastContact })}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {item.isPlanWaitingForAgreement && (
                            <Badge variant="dot" color="orange" radius="sm">
                              {t('caseload.notAgreed')}
                            </Badge>
                          )}
                          {item.isEndingSoon && (
                            <Badge variant="dot" color="grape" radius="sm">
                              {t('caseload.endingSoon')}
                            </Badge>
                          )}
                          {item.openQuestions > 0 && (
                            <Badge variant="dot" color="blue" radius="sm">
                              {t('caseload.questions', { count: item.openQuestions })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      {!filters.values.coachId && isLead && <Table.Td>{item.coachName ?? '–'}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            )}
          </Stack>
        </>
      )}

      {isLead && workload.data && (
        <Stack gap="sm" component="section" aria-labelledby="workload-title">
          <Title order={2} size="h3" id="workload-title">
            {t('caseload.workload')}
          </Title>
          <ScrollTable label={t('caseload.workload')} minWidth={600}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participants.coach')}</Table.Th>
                <Table.Th>{t('caseload.open')}</Table.Th>
                <Table.Th>{t('caseload.active')}</Table.Th>
                <Table.Th>{t('caseload.overdue')}</Table.Th>
                <Table.Th>{t('caseload.notAgreed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workload.data.items.map((w) => (
                <Table.Tr key={w.coachId}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => filters.set({ coachId: w.coachId })}
                    >
                      {w.coachName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{format.number(w.open)}</Table.Td>
                  <Table.Td>{format.number(w.active)}</Table.Td>
                  <Table.Td>{format.number(w.overdueSteps)}</Table.Td>
                  <Table.Td>{format.number(w.notAgreed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Stack>
      )}
    </Stack>
  );
}
