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
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconHourglass, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { planSave } from '../../../shared/contracts/trajectories.ts';
import { goalKinds, stepStatuses } from '../../../shared/trajectories.ts';
import { api, ApiError, type BodyOf } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary, Loading, QueryError, SuccessMessage } from '../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../components/form.ts';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { caseloadKeys, newId, trajectoryKeys, usePlan, type Plan } from '../../participants.ts';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons.tsx';
import { StepFields } from './StepFields.tsx';

type StepStatus = (typeof stepStatuses)[number];

type Request = NonNullable<BodyOf<'PUT', '/api/trajectories/:id/plan'>>;
/** Goals and steps as the form holds them: no date and no goal are `''`. */
type Goal = Omit<Request['goals'][number], 'dueOn'> & { dueOn: string };
type Step = Omit<Request['steps'][number], 'dueOn' | 'goalId'> & { dueOn: string; goalId: string };
type PlanValues = { goals: Goal[]; steps: Step[] };
type Changes = { added: string[]; removed: string[]; changed: string[] };
type Conflict = { savedByName: string | null; changes: { goals: Changes; steps: Changes } };

/** The plan: goals and steps, saved as a new version the participant agrees to. */
export default function PlanTab({ trajectoryId }: { trajectoryId: string }) {
  const plan = usePlan(trajectoryId);
  // Saving gives a new version, which starts the editor afresh; the note "saved" belongs to that version.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  return (
    <PlanEditor
      key={plan.data.version}
      plan={plan.data}
      justSaved={savedVersion === plan.data.version}
      onSaved={setSavedVersion}
    />
  );
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

const planValues = (plan: Plan): PlanValues => ({
  goals: plan.goals.map((g) => ({ ...g, dueOn: g.dueOn ?? '' })),
  steps: plan.steps.map((s) => ({
    id: s.id,
    goalId: s.goalId ?? '',
    text: s.text,
    owner: s.owner,
    dueOn: s.dueOn ?? '',
  })),
});
const planRequest = (plan: Plan, values: PlanValues): Request => ({
  baseVersion: plan.version,
  goals: values.goals.map((g) => ({ ...g, dueOn: g.dueOn || null })),
  steps: values.steps.map((s) => ({ ...s, goalId: s.goalId || null, dueOn: s.dueOn || null })),
});

function PlanEditor({
  plan,
  justSaved,
  onSaved,
}: {
  plan: Plan;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const labelOf = (path: string) => {
    const [list, index, field] = path.split('.');
    const n = Number(index) + 1;
    return `${list === 'goals' ? t('plan.goalN', { n }) : t('plan.stepN', { n })}, ${t(`plan.field.${field}`)}`;
  };
  const editor = useApiForm({
    formId: 'plan',
    initialValues: planValues(plan),
    validate: contractRules<PlanValues>(t, planSave, (values) => planRequest(plan, values), {
      'goals.*.target': t('plan.targetRequired'),
      'steps.*.text': t('plan.stepRequired'),
    }),
    labelOf,
    send: (values) =>
      api.put('/api/trajectories/:id/plan', {
        params: { id: plan.trajectoryId },
        body: planRequest(plan, values),
      }),
    onSaved: (data) => {
      queryClient.setQueryData(trajectoryKeys.plan(plan.trajectoryId), data);
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
      onSaved(data.version);
    },
    onRefused: (error) => {
      if (!(error instanceof ApiError && error.code === 'plan.version_conflict')) return false;
      setConflict(error.details as Conflict);
      window.setTimeout(() => document.getElementById('plan-conflict')?.focus(), 0);
      return true;
    },
  });
  const { form, field } = editor;
  const { goals, steps } = form.values;
  const dirty = form.isDirty();

  const changeOf = (list: 'goals' | 'steps', id: string) => {
    if (!plan.isWaitingForAgreement) return null;
    const c = plan.changesSinceAgreed[list];
    return c.added.includes(id) ? 'added' : c.changed.includes(id) ? 'changed' : null;
  };
  const statusOf = (id: string) => plan.steps.find((s) => s.id === id)?.status ?? null;

  const setStatus = useMutation({
    mutationFn: ({ stepId, status }: { stepId: string; status: StepStatus }) =>
      api.put('/api/trajectories/:id/steps/:stepId', {
        params: { id: plan.trajectoryId, stepId },
        body: { status },
      }),
    onSuccess: (data) => queryClient.setQueryData(trajectoryKeys.plan(plan.trajectoryId), data),
  });

  const reload = () =>
    void queryClient.invalidateQueries({ queryKey: trajectoryKeys.plan(plan.trajectoryId) });
  /** A removed goal's steps stay, without a goal. */
  const removeGoal = (goal: Goal) =>
    form.setValues({
      goals: goals.filter((g) => g.id !== goal.id),
      steps: steps.map((s) => (s.goalId === goal.id ? { ...s, goalId: '' } : s)),
    });

  const countText = (c: Changes) =>
    t('plan.conflictCounts', { added: c.added.length, changed: c.changed.length, removed: c.removed.length });

  return (
    <form onSubmit={editor.onSubmit} noValidate>
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
            <Text size="sm">
              {t(plan.agreedVersion === null ? 'plan.waitingTextNew' : 'plan.waitingText')}
            </Text>
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
        <ErrorSummary {...editor.summary} />
        {justSaved && !dirty && <SuccessMessage>{t('plan.saved')}</SuccessMessage>}

        <Stack gap="sm" component="section" aria-labelledby="goals-title">
          <Title order={2} size="h3" id="goals-title">
            {t('plan.goalsTitle')}
          </Title>
          {goals.length === 0 && <Text>{t('plan.noGoals')}</Text>}
          {goals.map((goal, i) => {
            const path = (name: string) => `goals.${i}.${name}`;
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
                    {...field(path('kind'))}
                    label={t('plan.field.kind')}
                    data={goalKinds.map((k) => ({ value: k, label: t(`goalKind.${k}`) }))}
                  />
                  <Textarea
                    {...field(path('target'))}
                    label={t('plan.field.target')}
                    dir="auto"
                    autosize
                    minRows={1}
                  />
                  <DateField {...field(path('dueOn'))} label={t('plan.field.dueOn')} />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <RemoveRowButton onClick={() => removeGoal(goal)}>
                    {t('plan.removeGoal', { n: i + 1 })}
                  </RemoveRowButton>
                </Group>
              </Fieldset>
            );
          })}
          <AddRowButton
            onClick={() => form.insertListItem('goals', { id: newId(), kind: 'work', target: '', dueOn: '' })}
          >
            {t('plan.addGoal')}
          </AddRowButton>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="steps-title">
          <Title order={2} size="h3" id="steps-title">
            {t('plan.stepsTitle')}
          </Title>
          {steps.length === 0 && <Text>{t('plan.noSteps')}</Text>}
          {steps.map((step, i) => {
            const path = (name: string) => `steps.${i}.${name}`;
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
                  <StepFields field={field} path={path} />
                  <NativeSelect
                    {...field(path('goalId'))}
                    label={t('plan.field.goalId')}
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
                        setStatus.mutate({ stepId: step.id, status: event.currentTarget.value as StepStatus })
                      }
                      data={stepStatuses.map((s) => ({ value: s, label: t(`stepStatus.${s}`) }))}
                      w={180}
                    />
                  ) : (
                    <Text size="sm">{t('plan.notSavedYet')}</Text>
                  )}
                  <RemoveRowButton onClick={() => form.removeListItem('steps', i)}>
                    {t('plan.removeStep', { n: i + 1 })}
                  </RemoveRowButton>
                </Group>
              </Fieldset>
            );
          })}
          {setStatus.error && (
            <Text c="red.9" role="alert">
              {errorText(t, setStatus.error)}
            </Text>
          )}
          <AddRowButton
            onClick={() =>
              form.insertListItem('steps', {
                id: newId(),
                goalId: goals[0]?.id ?? '',
                text: '',
                owner: 'participant',
                dueOn: '',
              })
            }
          >
            {t('plan.addStep')}
          </AddRowButton>
        </Stack>
        <Group>
          <Button
            type="submit"
            size="md"
            loading={editor.pending}
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
