import {
  Anchor,
  Badge,
  Box,
  Card,
  SimpleGrid,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
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
  IconUserPlus,
  IconUsers,
  type Icon,
  IconPoint,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseloadFilters, caseloadSorts } from '../../shared/contracts/trajectories.ts';
import { trajectoryStatuses } from '../../shared/participants.ts';
import { api } from '../api.ts';
import { hasRole, leadRoles, useMe } from '../auth/me.ts';
import { TrajectoryStatusBadge } from '../components/Badges.tsx';
import { Loading, QueryError } from '../components/Feedback.tsx';
import { DataTable, FilterBar } from '../components/ListView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useUrlFilters } from '../components/useUrlFilters.ts';
import { useFormat } from '../i18n/format.ts';
import { openKeyText } from '../i18n/keys.ts';
import { caseloadKeys, useCoaches, type Caseload, type CaseloadQuery } from '../participants.ts';
import { questionsAnchor } from '../questions.ts';

// Reasons other modules add (the list is open) get the point icon.
const reasonIcons: Partial<Record<string, Icon>> = {
  step_overdue: IconAlertTriangle,
  step_due_today: IconCalendarDue,
  meeting_today: IconUsers,
  follow_up_due: IconClockHour4,
  plan_not_agreed: IconHourglass,
  ending_soon: IconHourglass,
  question: IconMessageQuestion,
  referral_waiting: IconUserPlus,
};

// Where a reason leads in the file; other reasons open the file at its start.
const reasonPlaces: Partial<Record<string, string>> = { question: `?tab=coaching#${questionsAnchor}` };

type Row = Caseload['items'][number];

/** The next open step, or why there is none. */
function NextStep({ item }: { item: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.nextStep)
    return (
      <>
        <Text size="sm" dir="auto">
          {item.nextStep.text}
        </Text>
        <Text size="xs">{format.date(item.nextStep.dueOn)}</Text>
      </>
    );
  return item.hasNoPlan ? t('caseload.noPlan') : '–';
}

/**
 * What needs attention: a plan waiting for agreement, an ending trajectory, open questions, and questions waiting
 * for an answer longer than they should (a setting, in working days).
 */
function Signals({ item }: { item: Row }) {
  const { t } = useTranslation();
  return (
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
      {item.questionsWaiting > 0 && (
        <Badge variant="dot" color="red" radius="sm">
          {t('caseload.questionsWaiting', { count: item.questionsWaiting })}
        </Badge>
      )}
    </Group>
  );
}
const nextStepCell = (item: Row) => <NextStep item={item} />;

/**
 * The caseload on a phone: one card per participant, everything in view without scrolling sideways (the wide
 * table is for larger screens; CSS shows one of the two, so screen readers meet only one).
 */
function CaseloadCards({ items, showCoach }: { items: Row[]; showCoach: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Box hiddenFrom="md">
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="caseload-cards">
        {items.map((item) => (
          <Card key={item.trajectoryId} component="li" withBorder radius="md" padding="sm">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <div style={{ minInlineSize: 0 }}>
                <Anchor component={Link} to={`/participants/${item.participantId}`} fw={600} dir="auto">
                  {item.name}
                </Anchor>
                <Text size="xs">
                  {item.municipalityName}
                  {item.monthNumber
                    ? ` · ${t('file.monthOf', {
                        n: format.number(item.monthNumber),
                        m: format.number(item.trajectoryMonths),
                      })}`
                    : ''}
                </Text>
              </div>
              <TrajectoryStatusBadge status={item.status} />
            </Group>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} mt="xs">
              <div style={{ gridColumn: '1 / -1' }}>
                <Text size="xs" fw={600}>
                  {t('caseload.nextStep')}
                </Text>
                <NextStep item={item} />
              </div>
              <div>
                <Text size="xs" fw={600}>
                  {t('caseload.overdue')}
                </Text>
                <Text
                  size="sm"
                  c={item.overdueSteps > 0 ? 'red.9' : undefined}
                  fw={item.overdueSteps > 0 ? 700 : 400}
                >
                  {format.number(item.overdueSteps)}
                </Text>
              </div>
              <div>
                <Text size="xs" fw={600}>
                  {t('caseload.lastContact')}
                </Text>
                <Text size="sm">
                  {item.daysSinceLastContact === null
                    ? t('caseload.never')
                    : format.daysAgo(item.daysSinceLastContact)}
                </Text>
              </div>
              {showCoach && (
                <div style={{ gridColumn: '1 / -1' }}>
                  <Text size="xs" fw={600}>
                    {t('participants.coach')}
                  </Text>
                  <Text size="sm">{item.coachName ?? '–'}</Text>
                </div>
              )}
            </SimpleGrid>
            <Box mt="xs">
              <Signals item={item} />
            </Box>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
const signalsCell = (item: Row) => <Signals item={item} />;

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
  } as CaseloadQuery;
  const caseload = useQuery({
    queryKey: caseloadKeys.list(query),
    queryFn: () => api.get('/api/caseload', { query }),
    placeholderData: keepPreviousData,
  });
  const workload = useQuery({
    queryKey: caseloadKeys.workload,
    queryFn: () => api.get('/api/caseload/workload'),
    enabled: isLead,
  });
  const showCoach = !filters.values.coachId && isLead;

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
                            to={`/participants/${item.participantId}${reasonPlaces[item.reason] ?? ''}`}
                            fw={600}
                            dir="auto"
                          >
                            {item.name}
                          </Anchor>
                          <Text size="sm">
                            {openKeyText(t, `todayReason.${item.reason}`, t('caseload.otherReason'))}
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
            <FilterBar
              state={filters}
              filters={[
                {
                  kind: 'select',
                  key: 'filter',
                  label: t('caseload.show'),
                  fallback: 'all',
                  options: caseloadFilters.map((f) => ({ value: f, label: t(`caseload.filter.${f}`) })),
                  width: 240,
                },
                {
                  kind: 'select',
                  key: 'status',
                  label: t('filters.status'),
                  options: trajectoryStatuses.map((s) => ({ value: s, label: t(`trajectoryStatus.${s}`) })),
                  width: 180,
                },
                {
                  kind: 'select',
                  key: 'sort',
                  label: t('caseload.sort'),
                  fallback: 'next_due',
                  options: caseloadSorts.map((s) => ({ value: s, label: t(`caseload.sortBy.${s}`) })),
                  width: 220,
                },
              ]}
            />
            {caseload.data.items.length === 0 ? (
              <Text>{t('caseload.empty')}</Text>
            ) : (
              <>
                <CaseloadCards items={caseload.data.items} showCoach={showCoach} />
                <Box visibleFrom="md">
                  <DataTable
                    label={t('caseload.listTitle')}
                    minWidth={900}
                    rows={caseload.data.items}
                    rowKey={(item) => item.trajectoryId}
                    columns={[
                      {
                        header: t('participants.name'),
                        cell: (item) => (
                          <>
                            <Anchor
                              component={Link}
                              to={`/participants/${item.participantId}`}
                              fw={600}
                              dir="auto"
                            >
                              {item.name}
                            </Anchor>
                            <Text size="xs">{item.municipalityName}</Text>
                          </>
                        ),
                      },
                      {
                        header: t('participants.phase'),
                        cell: (item) => <TrajectoryStatusBadge status={item.status} />,
                      },
                      {
                        header: t('file.month'),
                        cell: (item) =>
                          item.monthNumber
                            ? t('file.monthOf', {
                                n: format.number(item.monthNumber),
                                m: format.number(item.trajectoryMonths),
                              })
                            : '–',
                      },
                      { header: t('caseload.nextStep'), cell: nextStepCell },
                      {
                        header: t('caseload.overdue'),
                        cell: (item) =>
                          item.overdueSteps > 0 ? (
                            <Text c="red.9" fw={700} size="sm">
                              {format.number(item.overdueSteps)}
                            </Text>
                          ) : (
                            '0'
                          ),
                      },
                      {
                        header: t('caseload.lastContact'),
                        cell: (item) =>
                          item.daysSinceLastContact === null
                            ? t('caseload.never')
                            : format.daysAgo(item.daysSinceLastContact),
                      },
                      { header: t('caseload.signals'), cell: signalsCell },
                      showCoach && { header: t('participants.coach'), cell: (item) => item.coachName ?? '–' },
                    ]}
                  />
                </Box>
              </>
            )}
          </Stack>
        </>
      )}

      {isLead && workload.data && (
        <Stack gap="sm" component="section" aria-labelledby="workload-title">
          <Title order={2} size="h3" id="workload-title">
            {t('caseload.workload')}
          </Title>
          <DataTable
            label={t('caseload.workload')}
            minWidth={600}
            rows={workload.data.items}
            rowKey={(w) => w.coachId}
            columns={[
              {
                header: t('participants.coach'),
                cell: (w) => (
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => filters.set({ coachId: w.coachId })}
                  >
                    {w.coachName}
                  </Anchor>
                ),
              },
              { header: t('caseload.open'), cell: (w) => format.number(w.open) },
              { header: t('caseload.active'), cell: (w) => format.number(w.active) },
              { header: t('caseload.overdue'), cell: (w) => format.number(w.overdueSteps) },
              { header: t('caseload.notAgreed'), cell: (w) => format.number(w.notAgreed) },
            ]}
          />
        </Stack>
      )}
    </Stack>
  );
}
