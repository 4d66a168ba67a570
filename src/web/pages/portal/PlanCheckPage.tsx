import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconCircleCheck,
  IconMessageQuestion,
  IconTarget,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Loading, QueryError, SuccessMessage } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { portalKey, usePortal } from './portal.ts';
import { BackHome, DutchToggle, Line } from './PortalParts.tsx';

function Changed({ kind }: { kind: 'added' | 'changed' | null }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Badge color="orange" variant="dot" radius="sm" size="lg">
      {t(`portal.change.${kind}`)}
    </Badge>
  );
}

/** "Check your plan": all goals and steps, what changed marked, then "I agree" or "I have a question". */
export default function PlanCheckPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const portal = usePortal();
  const agree = useMutation({
    mutationFn: ({ trajectoryId, version }: { trajectoryId: string; version: number }) =>
      api.post('/api/trajectories/:id/plan/agreement', { params: { id: trajectoryId }, body: { version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey }),
  });

  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  const plan = portal.data.plan;

  if (agree.isSuccess)
    return (
      <Stack gap="lg" maw={640}>
        <PageTitle title={t('portal.agreedTitle')} />
        <SuccessMessage>
          <Text size="lg">{t('portal.agreedText')}</Text>
        </SuccessMessage>
        <BackHome />
      </Stack>
    );

  const changeOf = (list: 'goals' | 'steps', id: string) => {
    if (!plan) return null;
    const c = plan.changesSinceAgreed[list];
    return c.added.includes(id) ? 'added' : c.changed.includes(id) ? 'changed' : null;
  };

  return (
    <Stack gap="lg" maw={640}>
      <Group justify="space-between" gap="sm">
        <PageTitle title={t('portal.checkTitle')} />
        <DutchToggle own={portal.data.preferredLanguage} />
      </Group>
      {!plan || !plan.isWaitingForAgreement ? (
        <>
          <Line icon={IconCircleCheck}>{t('portal.nothingToCheck')}</Line>
          <BackHome />
        </>
      ) : (
        <>
          <Text size="lg">{t('portal.checkIntro')}</Text>
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="goals-title">
            <Title order={2} size="h3" id="goals-title" mb="md">
              {t('portal.goals')}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {plan.goals.map((goal) => (
                <li key={goal.id}>
                  <Line icon={IconTarget}>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text size="lg" fw={600} dir="auto">
                          {goal.target}
                        </Text>
                        <Changed kind={changeOf('goals', goal.id)} />
                      </Group>
                      <Text size="sm">
                        {t(`goalKind.${goal.kind}`)}
                        {goal.dueOn ? ` · ${t('portal.before', { date: format.date(goal.dueOn) })}` : ''}
                      </Text>
                    </Stack>
                  </Line>
                </li>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="steps-title">
            <Title order={2} size="h3" id="steps-title" mb="md">
              {t('portal.steps')}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {plan.steps.map((step) => (
                <li key={step.id}>
                  <Line icon={IconCalendarEvent}>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text size="lg" dir="auto">
                          {step.text}
                        </Text>
                        <Changed kind={changeOf('steps', step.id)} />
                      </Group>
                      <Text size="sm">
                        {t(`portal.owner.${step.owner}`)}
                        {step.dueOn ? ` · ${t('portal.before', { date: format.date(step.dueOn) })}` : ''}
                      </Text>
                    </Stack>
                  </Line>
                </li>
              ))}
            </Stack>
          </Paper>
          {plan.changesSinceAgreed.steps.removed.length + plan.changesSinceAgreed.goals.removed.length >
            0 && (
            <Text size="lg">
              {t('portal.removed', {
                count:
                  plan.changesSinceAgreed.steps.removed.length + plan.changesSinceAgreed.goals.removed.length,
              })}
            </Text>
          )}
          {agree.error && (
            <Text c="red.9" role="alert" size="lg">
              {errorText(t, agree.error)}
            </Text>
          )}
          <Stack gap="sm">
            <Button
              size="xl"
              className="participant-action"
              leftSection={<IconCheck size={26} aria-hidden="true" />}
              loading={agree.isPending}
              onClick={() => agree.mutate({ trajectoryId: plan.trajectoryId, version: plan.version })}
              fullWidth
            >
              {t('portal.agree')}
            </Button>
            <Button
              component={Link}
              to="/my/question"
              size="xl"
              variant="default"
              className="participant-action"
              leftSection={<IconMessageQuestion size={26} aria-hidden="true" />}
              fullWidth
            >
              {t('portal.haveQuestion')}
            </Button>
            <BackHome />
          </Stack>
        </>
      )}
    </Stack>
  );
}
