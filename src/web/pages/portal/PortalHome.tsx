import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import {
  IconBriefcase,
  IconCalendarEvent,
  IconMapPin,
  IconPhone,
  IconVideo,
  IconCheck,
  IconCircle,
  IconCircleCheck,
  IconCircleX,
  IconClipboardCheck,
  IconDevices,
  IconEye,
  IconFileCv,
  IconLogout,
  IconMail,
  IconMessageQuestion,
  IconRoute,
  IconUser,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { mapLink, useAppointmentFormat } from '../../appointments.ts';
import { useLogout } from '../../auth/useLogout.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import type { HomeProps } from '../HomePage.tsx';
import { portalKey, usePortal } from './portal.ts';
import { MyQuestions } from './MyQuestions.tsx';
import { PortalCards } from './PortalCards.tsx';
import { DutchToggle, Line } from './PortalParts.tsx';

const statusIcons = { open: IconCircle, done: IconCircleCheck, dropped: IconCircleX };
const placeIcons = { address: IconMapPin, video: IconVideo, phone: IconPhone };

/** The participant's start page: phone first, short sentences, big buttons, icons beside the words. */
export default function PortalHome({ roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const appointmentFormat = useAppointmentFormat();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const portal = usePortal();
  const markDone = useMutation({
    mutationFn: ({ trajectoryId, stepId }: { trajectoryId: string; stepId: string }) =>
      api.put('/api/trajectories/:id/steps/:stepId', {
        params: { id: trajectoryId, stepId },
        body: { status: 'done' },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey }),
  });

  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  const { trajectory, plan, coach, appointments, questions, cards } = portal.data;
  const steps = plan?.steps.filter((s) => s.status !== 'dropped') ?? [];

  return (
    <Stack gap="lg" maw={640}>
      <Group justify="space-between" gap="sm" align="center">
        <PageTitle title={t('participant.hello', { name: portal.data.name })}>
          <span dir="auto">{t('participant.hello', { name: portal.data.name })}</span>
        </PageTitle>
        <DutchToggle own={portal.data.preferredLanguage} />
      </Group>
      {roleSwitcher}

      {plan?.isWaitingForAgreement && (
        <Paper
          withBorder
          radius="lg"
          p="md"
          bg="orange.0"
          style={{ borderColor: 'var(--mantine-color-orange-7)' }}
        >
          <Stack gap="sm">
            <Line icon={IconClipboardCheck}>
              {/* A first plan is new, not changed. */}
              {t(plan.agreedVersion === null ? 'portal.planNew' : 'portal.planWaiting')}
            </Line>
            <Button
              component={Link}
              to="/my/plan/check"
              size="xl"
              className="participant-action"
              leftSection={<IconClipboardCheck size={26} aria-hidden="true" />}
              fullWidth
            >
              {t('portal.checkPlan')}
            </Button>
          </Stack>
        </Paper>
      )}

      <PortalCards cards={cards} />

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="trajectory-title">
        <Title order={2} size="h3" id="trajectory-title" mb="md">
          {t('portal.trajectoryTitle')}
        </Title>
        {trajectory?.monthNumber ? (
          <Stack gap="sm">
            <Line icon={IconRoute}>
              {t('portal.monthOf', {
                n: format.number(trajectory.monthNumber),
                m: format.number(trajectory.trajectoryMonths),
              })}
            </Line>
            <Progress
              value={(100 * trajectory.monthNumber) / trajectory.trajectoryMonths}
              size="lg"
              aria-label={t('portal.progress')}
            />
            {trajectory.plannedEndOn && (
              <Text>{t('portal.endsOn', { date: format.date(trajectory.plannedEndOn) })}</Text>
            )}
          </Stack>
        ) : (
          <Line icon={IconRoute}>{t('portal.notStarted')}</Line>
        )}
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="plan-title">
        <Title order={2} size="h3" id="plan-title" mb="md">
          {t('participant.planTitle')}
        </Title>
        {steps.length === 0 ? (
          <Text size="lg">{t('portal.noPlan')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="task-list">
            {steps.map((step) => {
              const StatusIcon = statusIcons[step.status];
              const mine = step.owner === 'participant' && step.status === 'open';
              return (
                <Paper component="li" key={step.id} withBorder radius="md" p="sm">
                  <Group justify="space-between" gap="sm" wrap="wrap">
                    <Group gap="sm" wrap="nowrap" style={{ minInlineSize: 0, flex: '1 1 12rem' }}>
                      <StatusIcon
                        size={28}
                        aria-hidden="true"
                        color={step.status === 'done' ? 'var(--mantine-color-green-9)' : undefined}
                      />
                      <Stack gap={2} style={{ minInlineSize: 0 }}>
                        <Text size="lg" dir="auto" className="break-anywhere">
                          {step.text}
                        </Text>
                        <Text size="sm">
                          {t(`portal.owner.${step.owner}`)}
                          {step.dueOn ? ` · ${t('portal.before', { date: format.date(step.dueOn) })}` : ''}
                        </Text>
                      </Stack>
                    </Group>
                    <Badge
                      variant="dot"
                      color={step.status === 'done' ? 'green' : 'gray'}
                      radius="sm"
                      size="lg"
                    >
                      {t(`portal.stepStatus.${step.status}`)}
                    </Badge>
                    {mine && trajectory && (
                      <Button
                        size="lg"
                        variant="light"
                        fullWidth
                        className="participant-action"
                        leftSection={<IconCheck size={22} aria-hidden="true" />}
                        loading={markDone.isPending && markDone.variables?.stepId === step.id}
                        onClick={() => markDone.mutate({ trajectoryId: trajectory.id, stepId: step.id })}
                        aria-label={t('portal.markDoneFor', { step: step.text })}
                      >
                        {t('portal.markDone')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
        {markDone.error && (
          <Text c="red.9" role="alert" mt="sm">
            {errorText(t, markDone.error)}
          </Text>
        )}
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="appointments-title">
        <Title order={2} size="h3" id="appointments-title" mb="md">
          {t('portal.appointments')}
        </Title>
        {appointments.length === 0 ? (
          <Text size="lg">{t('portal.noAppointments')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="lg"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="my-appointments"
          >
            {appointments.map((a) => (
              <Stack component="li" key={a.id} gap="xs">
                <Line icon={IconCalendarEvent}>
                  <Text fw={700} size="lg" component="span">
                    {appointmentFormat.day(a)}
                  </Text>
                  <br />
                  <span dir="ltr">{appointmentFormat.time(a)}</span>
                </Line>
                <Line icon={placeIcons[a.place.kind]}>
                  {a.place.kind === 'address' && (
                    <>
                      <span dir="auto">{a.place.text}</span>
                      <br />
                      <Anchor href={mapLink(a.place.text)} target="_blank" rel="noopener noreferrer">
                        {t('portal.appointmentMap')}
                      </Anchor>
                    </>
                  )}
                  {a.place.kind === 'video' && (
                    <Anchor href={a.place.text} target="_blank" rel="noopener noreferrer">
                      {t('portal.appointmentVideo')}
                    </Anchor>
                  )}
                  {a.place.kind === 'phone' && (
                    <>
                      {t('portal.appointmentPhone')}{' '}
                      <Anchor href={`tel:${a.place.text.replace(/[^+\d]/g, '')}`} dir="ltr">
                        {a.place.text}
                      </Anchor>
                    </>
                  )}
                </Line>
                {(a.withWhom || a.coachName) && (
                  <Line icon={IconUser}>
                    <span dir="auto">{t('portal.appointmentWith', { who: a.withWhom || a.coachName })}</span>
                  </Line>
                )}
                {a.bring && (
                  <Line icon={IconBriefcase}>
                    <span dir="auto">{t('portal.appointmentBring', { what: a.bring })}</span>
                  </Line>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Paper>

      {coach && (
        <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="coach-title">
          <Title order={2} size="h3" id="coach-title" mb="md">
            {t('portal.yourCoach')}
          </Title>
          <Stack gap="sm">
            <Line icon={IconUser}>{coach.name}</Line>
            <Line icon={IconMail}>
              <Anchor href={`mailto:${coach.email}`} dir="ltr" className="break-anywhere">
                {coach.email}
              </Anchor>
            </Line>
          </Stack>
        </Paper>
      )}

      <MyQuestions questions={questions} />

      <Stack gap="sm">
        {trajectory && (
          <Button
            component={Link}
            to="/my/question"
            size="xl"
            variant="default"
            className="participant-action"
            leftSection={<IconMessageQuestion size={26} aria-hidden="true" />}
            fullWidth
          >
            {t('portal.askQuestion')}
          </Button>
        )}
        <Button
          component={Link}
          to="/my/privacy"
          size="xl"
          variant="default"
          className="participant-action"
          leftSection={<IconEye size={26} aria-hidden="true" />}
          fullWidth
        >
          {t('participant.fileTitle')}
        </Button>
        <Button
          component={Link}
          to="/my/cv"
          size="xl"
          variant="default"
          className="participant-action"
          leftSection={<IconFileCv size={26} aria-hidden="true" />}
          fullWidth
        >
          {t('portal.myCv')}
        </Button>
        <Button
          component={Link}
          to="/account/sessions"
          size="xl"
          variant="default"
          className="participant-action"
          leftSection={<IconDevices size={26} aria-hidden="true" />}
          fullWidth
        >
          {t('participant.devices')}
        </Button>
        <Button
          size="xl"
          variant="outline"
          className="participant-action"
          leftSection={<IconLogout size={26} aria-hidden="true" className="rtl-flip" />}
          onClick={() => void logout()}
          fullWidth
        >
          {t('nav.logout')}
        </Button>
      </Stack>
    </Stack>
  );
}
