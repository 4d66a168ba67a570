import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconDeviceFloppy,
  IconHourglass,
  IconPlus,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { goalKinds, stepOwners, stepStatuses } from '../../../shared/trajectories.ts';
import { api, ApiError } from '../../api.ts';
import {
  ErrorSummary,
  Loading,
  QueryError,
  SuccessMessage,
  type SummaryItem,
} from '../../components/Feedback.tsx';
import { fieldId, useFormFeedback } from '../../components/form.ts';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { newId, planKey, usePlan, type Plan } from '../../participants.ts';

type Goal = { id: string; kind: string; target: string; dueOn: string };
type Step = { id: string; goalId: string; text: string; owner: string; dueOn: string };
type Changes = { added: string[]; removed: string[]; changed: string[] };
type Conflict = { savedByName: string | null; changes: { goals: Changes; steps: Changes } };
const formId = 'plan';

/** The plan: goals and steps, saved as a new version the participant agrees to. */
export default function PlanTab({ trajectoryId }: { trajectoryId: string }) {
  const plan = usePlan(trajectoryId);
  if (plan.isPending) return <Loading />;
  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanEditor key={plan.data.version} plan={plan.data} />;
}

function ChangeBadge({ kind }: { kind: 'added' | 'changed' | null }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Badge color={kind === 'added' ? 'green' : 'orange'} variant="dot" radius="sm">
      {t(`plan.change.${kind}`)}
    </Badge>
  );
}

function PlanEditor({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback();
  const initialGoals: Goal[] = plan.goals.map((g) => ({ ...g, dueOn: g.dueOn ?? '' }));
  const initialSteps: Step[] = plan.steps.map((s) => ({
    id: s.id,
    goalId: s.goalId ?? '',
    text: s.text,
    owner: s.owner,
    dueOn: s.dueOn ?? '',
  }));
  const [goals, setGoals] = useState(initialGoals);
  const [steps, setSteps] = useState(initialSteps);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty =
    JSON.stringify(goals) !== JSON.stringify(initialGoals) ||
    JSON.stringify(steps) !== JSON.stringify(initialSteps);

  const changeOf = (list: 'goals' | 'steps', id: string) => {
    if (!plan.isWaitingForAgreement) return null;
    const c = plan.changesSinceAgreed[list];
    return c.added.includes(id) ? 'added' : c.changed.includes(id) ? 'changed' : null;
  };
  const statusOf = (id: string) => plan.steps.find((s) => s.id === id)?.status ?? null;

  const save = useMutation({
    mutationFn: () =>
      api<Plan>(`/api/trajectories/${plan.trajectoryId}/plan`, {
        method: 'PUT',
        body: {
          baseVersion: plan.version,
          goals: goals.map((g) => ({
            id: g.id,
            kind: g.kind,
            target: g.target.trim(),
            dueOn: g.dueOn || null,
          })),
          steps: steps.map((s) => ({
            id: s.id,
            goalId: s.goalId || null,
            text: s.text.trim(),
            owner: s.owner,
            dueOn: s.dueOn || null,
          })),
        },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(planKey(plan.trajectoryId), data);
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
  const setStatus = useMutation({
    mutationFn: ({ stepId, status }: { stepId: string; status: string }) =>
      api<Plan>(`/api/trajectories/${plan.trajectoryId}/steps/${stepId}`, {
        method: 'PUT',
        body: { status },
      }),
    onSuccess: (data) => queryClient.setQueryData(planKey(plan.trajectoryId), data),
  });

  const reload = () => void queryClient.invalidateQueries({ queryKey: planKey(plan.trajectoryId) });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    feedback.setGeneral(null);
    const next: Record<string, string> = {};
    goals.forEach((g, i) => {
      if (!g.target.trim()) next[`goals.${i}.target`] = t('plan.targetRequired');
    });
    steps.forEach((s, i) => {
      if (!s.text.trim()) next[`steps.${i}.text`] = t('plan.stepRequired');
    });
    setErrors(next);
    if (Object.keys(next).length) {
      feedback.focusSummary();
      return;
    }
    save.mutate(undefined, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'plan.version_conflict') {
          setConflict(error.details as Conflict);
          window.setTimeout(() => document.getElementById('plan-conflict')?.focus(), 0);
          return;
        }
        feedback.setGeneral(errorText(t, error));
        feedback.focusSummary();
      },
    });
  };

  const labelOf = (path: string) => {
    const [list, index, field] = path.split('.');
    const n = Number(index) + 1;
    return `${list === 'goals' ? t('plan.goalN', { n }) : t('plan.stepN', { n })}, ${t(`plan.field.${field}`)}`;
  };
  const summary: SummaryItem[] = [
    ...(feedback.general ? [{ message: feedback.general }] : []),
    ...Object.entries(errors).map(([path, message]) => ({
      id: fieldId(formId, path),
      message: `${labelOf(path)}: ${message}`,
    })),
  ];
  const countText = (c: Changes) =>
    t('plan.conflictCounts', { added: c.added.length, changed: c.changed.length, removed: c.removed.length });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Group justify="space-between" gap="sm" align="flex-start">
          <Stack gap={4}>
            <Text size="sm">
              {plan.savedAt
                ? t('plan.savedBy', {
                    version: plan.version,
                    name: plan.savedByName ?? '–',
                    date: format.dateTime(plan.savedAt),
                  })
                : t('plan.empty')}
            </Text>
            {plan.agreedAt && (
              <Text size="sm">
                {t('plan.agreedOn', { version: plan.agreedVersion, date: format.dateTime(plan.agreedAt) })}
              </Text>
            )}
          </Stack>
        </Group>
        {plan.isWaitingForAgreement && (
          <Alert
            color="orange"
            variant="light"
            styles={{ title: { color: 'var(--mantine-color-black)' } }}
            icon={<IconHourglass aria-hidden="true" />}
            title={t('plan.waiting')}
            data-testid="plan-waiting"
          >
            <Text size="sm">{t('plan.waitingText')}</Text>
            {(plan.changesSinceAgreed.goals.removed.length > 0 ||
              plan.changesSinceAgreed.steps.removed.length > 0) && (
              <Text size="sm">
                {t('plan.removedSinceAgreed', {
                  count:
                    plan.changesSinceAgreed.goals.removed.length +
                    plan.changesSinceAgreed.steps.removed.length,
                })}
              </Text>
            )}
          </Alert>
        )}
        {conflict && (
          <Alert
            id="plan-conflict"
            tabIndex={-1}
            role="alert"
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('errors.plan.version_conflict')}
          >
            <Stack gap="xs">
              <Text size="sm">{t('plan.conflictBy', { name: conflict.savedByName ?? '–' })}</Text>
              <List size="sm">
                <List.Item>
                  {t('plan.goalsTitle')}: {countText(conflict.changes.goals)}
                </List.Item>
                <List.Item>
                  {t('plan.stepsTitle')}: {countText(conflict.changes.steps)}
                </List.Item>
              </List>
              <Group>
                <Button
                  variant="outline"
                  color="red.9"
                  c="red.9"
                  leftSection={<IconRefresh size={16} aria-hidden="true" />}
                  onClick={reload}
                >
                  {t('plan.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <ErrorSummary id={feedback.summaryId} items={summary} />
        {saved && !dirty && <SuccessMessage>{t('plan.saved')}</SuccessMessage>}

        <Stack gap="sm" component="section" aria-labelledby="goals-title">
          <Title order={2} size="h3" id="goals-title">
            {t('plan.goalsTitle')}
          </Title>
          {goals.length === 0 && <Text>{t('plan.noGoals')}</Text>}
          {goals.map((goal, i) => {
            const set = (patch: Partial<Goal>) =>
              setGoals((list) => list.map((g, j) => (j === i ? { ...g, ...patch } : g)));
            const change = changeOf('goals', goal.id);
            return (
              <Fieldset
                key={goal.id}
                legend={
                  <Group gap="xs" component="span">
                    {t('plan.goalN', { n: i + 1 })}
                    <ChangeBadge kind={change} />
                  </Group>
                }
                radius="md"
                data-testid={`goal-${i}`}
                style={change ? { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 } : undefined}
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NativeSelect
                    id={fieldId(formId, `goals.${i}.kind`)}
                    label={t('plan.field.kind')}
                    value={goal.kind}
                    onChange={(event) => set({ kind: event.currentTarget.value })}
                    data={goalKinds.map((k) => ({ value: k, label: t(`goalKind.${k}`) }))}
                  />
                  <TextInput
                    id={fieldId(formId, `goals.${i}.target`)}
                    label={t('plan.field.target')}
                    dir="auto"
                    value={goal.target}
                    error={errors[`goals.${i}.target`]}
                    onChange={(event) => set({ target: event.currentTarget.value })}
                  />
                  <TextInput
                    id={fieldId(formId, `goals.${i}.dueOn`)}
                    type="date"
                    label={t('plan.field.dueOn')}
                    value={goal.dueOn}
                    onChange={(event) => set({ dueOn: event.currentTarget.value })}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    onClick={() => {
                      setGoals((list) => list.filter((_, j) => j !== i));
                      setSteps((list) => list.map((s) => (s.goalId === goal.id ? { ...s, goalId: '' } : s)));
                    }}
                  >
                    {t('plan.removeGoal', { n: i + 1 })}
                  </Button>
                </Group>
              </Fieldset>
            );
          })}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() =>
                setGoals((list) => [...list, { id: newId(), kind: 'work', target: '', dueOn: '' }])
              }
            >
              {t('plan.addGoal')}
            </Button>
          </Group>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="steps-title">
          <Title order={2} size="h3" id="steps-title">
            {t('plan.stepsTitle')}
          </Title>
          {steps.length === 0 && <Text>{t('plan.noSteps')}</Text>}
          {steps.map((step, i) => {
            const set = (patch: Partial<Step>) =>
              setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
            const change = changeOf('steps', step.id);
            const status = statusOf(step.id);
            return (
              <Fieldset
                key={step.id}
                legend={
                  <Group gap="xs" component="span">
                    {t('plan.stepN', { n: i + 1 })}
                    <ChangeBadge kind={change} />
                  </Group>
                }
                radius="md"
                data-testid={`step-${i}`}
                style={change ? { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 } : undefined}
              >
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                  <TextInput
                    id={fieldId(formId, `steps.${i}.text`)}
                    label={t('plan.field.text')}
                    dir="auto"
                    value={step.text}
                    error={errors[`steps.${i}.text`]}
                    onChange={(event) => set({ text: event.currentTarget.value })}
                  />
                  <NativeSelect
                    id={fieldId(formId, `steps.${i}.owner`)}
                    label={t('plan.field.owner')}
                    value={step.owner}
                    onChange={(event) => set({ owner: event.currentTarget.value })}
                    data={stepOwners.map((o) => ({ value: o, label: t(`stepOwner.${o}`) }))}
                  />
                  <TextInput
                    id={fieldId(formId, `steps.${i}.dueOn`)}
                    type="date"
                    label={t('plan.field.dueOn')}
                    value={step.dueOn}
                    onChange={(event) => set({ dueOn: event.currentTarget.value })}
                  />
                  <NativeSelect
                    id={fieldId(formId, `steps.${i}.goalId`)}
                    label={t('plan.field.goalId')}
                    value={step.goalId}
                    onChange={(event) => set({ goalId: event.currentTarget.value })}
                    data={[
                      { value: '', label: t('plan.noGoal') },
                      ...goals.map((g, j) => ({
                        value: g.id,
                        label: g.target || t('plan.goalN', { n: j + 1 }),
                      })),
                    ]}
                  />
                </SimpleGrid>
                <Group justify="space-between" mt="xs" gap="sm" align="flex-end">
                  {status ? (
                    <NativeSelect
                      label={t('plan.field.status')}
                      value={status}
                      disabled={setStatus.isPending}
                      onChange={(event) =>
                        setStatus.mutate({ stepId: step.id, status: event.currentTarget.value })
                      }
                      data={stepStatuses.map((s) => ({ value: s, label: t(`stepStatus.${s}`) }))}
                      w={180}
                    />
                  ) : (
                    <Text size="sm">{t('plan.notSavedYet')}</Text>
                  )}
                  <Button
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    onClick={() => setSteps((list) => list.filter((_, j) => j !== i))}
                  >
                    {t('plan.removeStep', { n: i + 1 })}
                  </Button>
                </Group>
              </Fieldset>
            );
          })}
          {setStatus.error && (
            <Text c="red.9" role="alert">
              {errorText(t, setStatus.error)}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() =>
                setSteps((list) => [
                  ...list,
                  { id: newId(), goalId: goals[0]?.id ?? '', text: '', owner: 'participant', dueOn: '' },
                ])
              }
            >
              {t('plan.addStep')}
            </Button>
          </Group>
        </Stack>
        <Group>
          <Button
            type="submit"
            size="md"
            loading={save.isPending}
            disabled={!dirty}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('plan.save')}
          </Button>
          {dirty && <Text size="sm">{t('plan.unsaved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}
