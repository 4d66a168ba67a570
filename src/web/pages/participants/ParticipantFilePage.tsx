import { lazy, Suspense } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconFileCv,
  IconListCheck,
  IconMessages,
  IconRoute,
  IconTimeline,
  IconUser,
} from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { TrajectoryStatusBadge } from '../../components/Badges.tsx';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useParticipantFile, type ParticipantFile, type ReferralStatus } from '../../participants.ts';
import { PortalAccount } from './PortalAccount.tsx';
import { ReferralCorrection } from './ReferralCorrection.tsx';
import { TrajectoryTab } from './TrajectoryTab.tsx';

const PlanTab = lazy(() => import('./PlanTab.tsx'));
const CoachingTab = lazy(() => import('./CoachingTab.tsx'));
const TimelineTab = lazy(() => import('./TimelineTab.tsx'));
const ProfileTab = lazy(() => import('./ProfileTab.tsx'));

const tabs = ['trajectory', 'plan', 'coaching', 'timeline', 'profile'] as const;
type Tab = (typeof tabs)[number];
const tabIcons = {
  trajectory: IconRoute,
  plan: IconListCheck,
  coaching: IconMessages,
  timeline: IconTimeline,
  profile: IconUser,
};

/** The participant file: the header, then the sections as tabs (the open tab is kept in the URL). */
export default function ParticipantFilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const file = useParticipantFile(id);
  if (file.isPending) return <Loading />;
  if (file.error)
    return (
      <Stack gap="lg">
        <PageTitle title={t('file.title')} />
        <QueryError error={file.error} onRetry={() => void file.refetch()} />
      </Stack>
    );
  if (file.data.kind === 'referral_status') return <ReferralStatusView file={file.data.file} />;
  return <FullFile file={file.data.file} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

function ReferralStatusView({ file }: { file: ReferralStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={file.name}>
        <span dir="auto">{file.name}</span>
      </PageTitle>
      <Text>{t('file.referralOnly')}</Text>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('participants.municipality')}>{file.municipalityName}</Fact>
          <Fact label={t('participants.phase')}>
            <TrajectoryStatusBadge status={file.status} />
          </Fact>
          <Fact label={t('referral.referredOn')}>{format.date(file.referredOn) || '–'}</Fact>
          <Fact label={t('participants.coach')}>
            {file.coachName ? <span dir="auto">{file.coachName}</span> : t('file.noCoachYet')}
          </Fact>
        </SimpleGrid>
      </Paper>
      {file.correction ? (
        <ReferralCorrection participantId={file.id} details={file.correction} />
      ) : (
        file.status !== 'referred' && <Text>{t('correction.closed')}</Text>
      )}
      <Anchor component={Link} to="/participants">
        {t('file.backToList')}
      </Anchor>
    </Stack>
  );
}

function FullFile({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = tabs.find((x) => x === asked) ?? 'trajectory';
  const trajectory = file.trajectory;
  const openTab = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('tab', value ?? 'trajectory');
        next.delete('kind');
        return next;
      },
      { replace: true },
    );
  // Keyboard shortcuts for coaches who work in the file all day: Alt+1 … Alt+5 open the sections.
  useHotkeys(tabs.map((name, index) => [`alt+${index + 1}`, () => openTab(name)]));

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <PageTitle title={file.name}>
            <span dir="auto">{file.name}</span>
          </PageTitle>
          <Button
            component={Link}
            to={`/participants/${file.id}/cv`}
            variant="default"
            leftSection={<IconFileCv size={18} aria-hidden="true" />}
          >
            {t('file.cv')}
          </Button>
        </Group>
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
            <Fact label={t('participants.municipality')}>{file.municipalityName}</Fact>
            <Fact label={t('participants.phase')}>
              <TrajectoryStatusBadge status={trajectory?.status ?? null} />
            </Fact>
            <Fact label={t('file.month')}>
              {trajectory?.monthNumber
                ? t('file.monthOf', {
                    n: format.number(trajectory.monthNumber),
                    m: format.number(trajectory.trajectoryMonths),
                  })
                : '–'}
            </Fact>
            <Fact label={t('participants.coach')}>{trajectory?.coachName ?? t('file.noCoach')}</Fact>
            <Fact label={t('file.plannedEnd')}>
              <Group gap={4} wrap="nowrap" component="span">
                <IconCalendarEvent size={16} aria-hidden="true" />
                {format.date(trajectory?.plannedEndOn) || '–'}
              </Group>
            </Fact>
          </SimpleGrid>
        </Paper>
      </Stack>

      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List aria-label={t('file.sections')} style={{ flexWrap: 'wrap' }}>
          {tabs.map((name) => {
            const TabIcon = tabIcons[name];
            return (
              <Tabs.Tab key={name} value={name} leftSection={<TabIcon size={16} aria-hidden="true" />}>
                {t(`file.tab.${name}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Text size="xs" mt={4} visibleFrom="sm">
          {t('file.shortcuts')}
        </Text>
        <Suspense fallback={<Loading />}>
          <Tabs.Panel value="trajectory" pt="md">
            <Stack gap="xl">
              <TrajectoryTab file={file} />
              <PortalAccount file={file} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="plan" pt="md">
            {trajectory ? <PlanTab trajectoryId={trajectory.id} /> : <Text>{t('file.noTrajectory')}</Text>}
          </Tabs.Panel>
          <Tabs.Panel value="coaching" pt="md">
            {trajectory ? (
              <CoachingTab participantId={file.id} trajectoryId={trajectory.id} />
            ) : (
              <Text>{t('file.noTrajectory')}</Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineTab participantId={file.id} />
          </Tabs.Panel>
          <Tabs.Panel value="profile" pt="md">
            <ProfileTab file={file} />
          </Tabs.Panel>
        </Suspense>
      </Tabs>
    </Stack>
  );
}
