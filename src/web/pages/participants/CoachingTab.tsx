import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  activityKinds,
  applicationStatuses,
  meetingModes,
  noteVisibilities,
  stepOwners,
} from '../../../shared/trajectories.ts';
import { api } from '../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../components/Feedback.tsx';
import { fieldId, useFormFeedback } from '../../components/form.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { planKey, todayIso, type Timeline } from '../../participants.ts';
import { useProgramme } from '../../queries.ts';

const kinds = ['meeting', 'note', 'application', 'activity'] as const;
type Kind = (typeof kinds)[number];
type Errors = Record<string, string>;

/** Quick capture: pick what happened, fill in a few fields, save. */
export default function CoachingTab({
  participantId,
  trajectoryId,
}: {
  participantId: string;
  trajectoryId: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('meeting');
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const onSaved = (message: string) => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: ['timeline', participantId] });
    void queryClient.invalidateQueries({ queryKey: ['caseload'] });
  };
  const props = { trajectoryId, onSaved };
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Text fw={600} id="capture-kind">
          {t('coaching.what')}
        </Text>
        <SegmentedControl
          aria-labelledby="capture-kind"
          value={kind}
          onChange={(value) => {
            setKind(value as Kind);
            setDone(null);
          }}
          data={kinds.map((k) => ({ value: k, label: t(`coaching.kind.${k}`) }))}
          fullWidth
          orientation="horizontal"
          styles={{ root: { flexWrap: 'wrap' } }}
        />
      </Stack>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <Paper withBorder radius="md" p="md">
        {kind === 'meeting' && <MeetingForm {...props} />}
        {kind === 'note' && <NoteForm {...props} />}
        {kind === 'application' && <ApplicationForm {...props} />}
        {kind === 'activity' && <ActivityForm {...props} />}
      </Paper>
      <Applications participantId={participantId} trajectoryId={trajectoryId} />
    </Stack>
  );
}

type FormProps = { trajectoryId: string; onSaved: (message: string) => void };

/** Shared frame: error summary at the top, a save button at the bottom. */
function CaptureForm({
  title,
  errors,
  general,
  summaryId,
  formId,
  labelOf,
  onSubmit,
  pending,
  children,
}: {
  title: string;
  errors: Errors;
  general: string | null;
  summaryId: string;
  formId: string;
  labelOf: (path: string) => string;
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        <ErrorSummary
          id={summaryId}
          items={[
            ...(general ? [{ message: general }] : []),
            ...Object.entries(errors).map(([path, message]) => ({
              id: fieldId(formId, path),
              message: `${labelOf(path)}: ${message}`,
            })),
          ]}
        />
        {children}
        <Group>
          <Button
            type="submit"
            loading={pending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function useCapture<T>(trajectoryId: string, path: string) {
  const feedback = useFormFeedback();
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: (body: T) => api(`/api/trajectories/${trajectoryId}/${path}`, { method: 'POST', body }),
  });
  return { feedback, errors, setErrors, mutation };
}

function MeetingForm({ trajectoryId, onSaved }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programme = useProgramme();
  const { feedback, errors, setErrors, mutation } = useCapture<object>(trajectoryId, 'meetings');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [minutes, setMinutes] = useState<number | string>(45);
  const [mode, setMode] = useState('in_person');
  const [topics, setTopics] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<{ text: string; owner: string; dueOn: string }[]>([]);
  const formId = 'meeting';
  const labelOf = (path: string) => {
    const [head, index, field] = path.split('.');
    if (head === 'actions')
      return `${t('coaching.actionN', { n: Number(index) + 1 })}, ${t(`plan.field.${field}`)}`;
    return t(`coaching.meeting.${head}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.setGeneral(null);
    const next: Errors = {};
    if (!heldOn) next.heldOn = t('validation.dateRequired');
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 5 || m > 480) next.minutes = t('coaching.minutesRange');
    actions.forEach((a, i) => {
      if (!a.text.trim()) next[`actions.${i}.text`] = t('plan.stepRequired');
    });
    setErrors(next);
    if (Object.keys(next).length) return feedback.focusSummary();
    mutation.mutate(
      {
        heldOn,
        durationMinutes: m,
        mode,
        topics,
        summary: summary.trim(),
        agreedActions: actions.map((a) => ({ text: a.text.trim(), owner: a.owner, dueOn: a.dueOn || null })),
      },
      {
        onSuccess: () => {
          onSaved(actions.length ? t('coaching.meetingSavedSteps') : t('coaching.meetingSaved'));
          if (actions.length) void queryClient.invalidateQueries({ queryKey: planKey(trajectoryId) });
          setSummary('');
          setTopics([]);
          setActions([]);
        },
        onError: (error) => {
          feedback.setGeneral(errorText(t, error));
          feedback.focusSummary();
        },
      },
    );
  };
  return (
    <CaptureForm
      title={t('coaching.kind.meeting')}
      errors={errors}
      general={feedback.general}
      summaryId={feedback.summaryId}
      formId={formId}
      labelOf={labelOf}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          id={fieldId(formId, 'heldOn')}
          type="date"
          label={labelOf('heldOn')}
          value={heldOn}
          error={errors.heldOn}
          onChange={(event) => setHeldOn(event.currentTarget.value)}
        />
        <NumberInput
          id={fieldId(formId, 'minutes')}
          label={labelOf('minutes')}
          min={5}
          max={480}
          step={5}
          value={minutes}
          error={errors.minutes}
          onChange={setMinutes}
        />
        <NativeSelect
          id={fieldId(formId, 'mode')}
          label={labelOf('mode')}
          value={mode}
          onChange={(event) => setMode(event.currentTarget.value)}
          data={meetingModes.map((m) => ({ value: m, label: t(`meetingMode.${m}`) }))}
        />
      </SimpleGrid>
      <Checkbox.Group label={labelOf('topics')} value={topics} onChange={setTopics}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
          {(programme.data?.topics ?? []).map((topic) => (
            <Checkbox key={topic} value={topic} label={topic} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        id={fieldId(formId, 'summary')}
        label={labelOf('summary')}
        dir="auto"
        autosize
        minRows={3}
        value={summary}
        onChange={(event) => setSummary(event.currentTarget.value)}
      />
      <Text fw={600}>{t('coaching.agreedActions')}</Text>
      <Text size="sm">{t('coaching.agreedActionsHelp')}</Text>
      {actions.map((a, i) => {
        const set = (patch: Partial<typeof a>) =>
          setActions((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <Fieldset key={i} legend={t('coaching.actionN', { n: i + 1 })} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                id={fieldId(formId, `actions.${i}.text`)}
                label={t('plan.field.text')}
                dir="auto"
                value={a.text}
                error={errors[`actions.${i}.text`]}
                onChange={(event) => set({ text: event.currentTarget.value })}
              />
              <NativeSelect
                label={t('plan.field.owner')}
                value={a.owner}
                onChange={(event) => set({ owner: event.currentTarget.value })}
                data={stepOwners.map((o) => ({ value: o, label: t(`stepOwner.${o}`) }))}
              />
              <TextInput
                type="date"
                label={t('plan.field.dueOn')}
                value={a.dueOn}
                onChange={(event) => set({ dueOn: event.currentTarget.value })}
              />
            </SimpleGrid>
            <Button
              mt="xs"
              variant="subtle"
              color="red.9"
              c="red.9"
              size="xs"
              leftSection={<IconTrash size={14} aria-hidden="true" />}
              onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
            >
              {t('coaching.removeAction', { n: i + 1 })}
            </Button>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => setActions((list) => [...list, { text: '', owner: 'participant', dueOn: '' }])}
        >
          {t('coaching.addAction')}
        </Button>
      </Group>
    </CaptureForm>
  );
}

function NoteForm({ trajectoryId, onSaved }: FormProps) {
  const { t } = useTranslation();
  const { feedback, errors, setErrors, mutation } = useCapture<object>(trajectoryId, 'notes');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState('team');
  const formId = 'note';
  const labelOf = (path: string) => t(`coaching.note.${path}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.setGeneral(null);
    const next: Errors = body.trim() ? {} : { body: t('coaching.textRequired') };
    setErrors(next);
    if (Object.keys(next).length) return feedback.focusSummary();
    mutation.mutate(
      { body: body.trim(), visibility },
      {
        onSuccess: () => {
          onSaved(t('coaching.noteSaved'));
          setBody('');
        },
        onError: (error) => {
          feedback.setGeneral(errorText(t, error));
          feedback.focusSummary();
        },
      },
    );
  };
  return (
    <CaptureForm
      title={t('coaching.kind.note')}
      errors={errors}
      general={feedback.general}
      summaryId={feedback.summaryId}
      formId={formId}
      labelOf={labelOf}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <Textarea
        id={fieldId(formId, 'body')}
        label={labelOf('body')}
        dir="auto"
        autosize
        minRows={3}
        value={body}
        error={errors.body}
        onChange={(event) => setBody(event.currentTarget.value)}
      />
      <NativeSelect
        id={fieldId(formId, 'visibility')}
        label={labelOf('visibility')}
        value={visibility}
        onChange={(event) => setVisibility(event.currentTarget.value)}
        data={noteVisibilities.map((v) => ({ value: v, label: t(`noteVisibility.${v}`) }))}
        maw={360}
      />
    </CaptureForm>
  );
}

function ApplicationForm({ trajectoryId, onSaved }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { feedback, errors, setErrors, mutation } = useCapture<object>(trajectoryId, 'applications');
  const [vacancy, setVacancy] = useState('');
  const [employerName, setEmployerName] = useState('');
  const [appliedOn, setAppliedOn] = useState(todayIso());
  const [status, setStatus] = useState('sent');
  const [followUpOn, setFollowUpOn] = useState('');
  const formId = 'application';
  const labelOf = (path: string) => t(`coaching.application.${path}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.setGeneral(null);
    const next: Errors = {};
    if (!vacancy.trim()) next.vacancy = t('coaching.textRequired');
    if (!employerName.trim()) next.employerName = t('coaching.textRequired');
    if (!appliedOn) next.appliedOn = t('validation.dateRequired');
    setErrors(next);
    if (Object.keys(next).length) return feedback.focusSummary();
    mutation.mutate(
      {
        vacancy: vacancy.trim(),
        employerName: employerName.trim(),
        appliedOn,
        status,
        followUpOn: followUpOn || null,
      },
      {
        onSuccess: () => {
          onSaved(t('coaching.applicationSaved'));
          void queryClient.invalidateQueries({ queryKey: ['applications', trajectoryId] });
          setVacancy('');
          setEmployerName('');
          setFollowUpOn('');
        },
        onError: (error) => {
          feedback.setGeneral(errorText(t, error));
          feedback.focusSummary();
        },
      },
    );
  };
  return (
    <CaptureForm
      title={t('coaching.kind.application')}
      errors={errors}
      general={feedback.general}
      summaryId={feedback.summaryId}
      formId={formId}
      labelOf={labelOf}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id={fieldId(formId, 'vacancy')}
          label={labelOf('vacancy')}
          dir="auto"
          value={vacancy}
          error={errors.vacancy}
          onChange={(event) => setVacancy(event.currentTarget.value)}
        />
        <TextInput
          id={fieldId(formId, 'employerName')}
          label={labelOf('employerName')}
          dir="auto"
          value={employerName}
          error={errors.employerName}
          onChange={(event) => setEmployerName(event.currentTarget.value)}
        />
        <TextInput
          id={fieldId(formId, 'appliedOn')}
          type="date"
          label={labelOf('appliedOn')}
          value={appliedOn}
          error={errors.appliedOn}
          onChange={(event) => setAppliedOn(event.currentTarget.value)}
        />
        <NativeSelect
          id={fieldId(formId, 'status')}
          label={labelOf('status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
          data={applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
        />
        <TextInput
          id={fieldId(formId, 'followUpOn')}
          type="date"
          label={labelOf('followUpOn')}
          value={followUpOn}
          onChange={(event) => setFollowUpOn(event.currentTarget.value)}
        />
      </SimpleGrid>
    </CaptureForm>
  );
}

function ActivityForm({ trajectoryId, onSaved }: FormProps) {
  const { t } = useTranslation();
  const { feedback, errors, setErrors, mutation } = useCapture<object>(trajectoryId, 'activities');
  const [kind, setKind] = useState('cv_made');
  const [happenedOn, setHappenedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const formId = 'activity';
  const labelOf = (path: string) => t(`coaching.activity.${path}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.setGeneral(null);
    const next: Errors = happenedOn ? {} : { happenedOn: t('validation.dateRequired') };
    setErrors(next);
    if (Object.keys(next).length) return feedback.focusSummary();
    mutation.mutate(
      { kind, happenedOn, note: note.trim() },
      {
        onSuccess: () => {
          onSaved(t('coaching.activitySaved'));
          setNote('');
        },
        onError: (error) => {
          feedback.setGeneral(errorText(t, error));
          feedback.focusSummary();
        },
      },
    );
  };
  return (
    <CaptureForm
      title={t('coaching.kind.activity')}
      errors={errors}
      general={feedback.general}
      summaryId={feedback.summaryId}
      formId={formId}
      labelOf={labelOf}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          id={fieldId(formId, 'kind')}
          label={labelOf('kind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          data={activityKinds.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))}
        />
        <TextInput
          id={fieldId(formId, 'happenedOn')}
          type="date"
          label={labelOf('happenedOn')}
          value={happenedOn}
          error={errors.happenedOn}
          onChange={(event) => setHappenedOn(event.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        id={fieldId(formId, 'note')}
        label={labelOf('note')}
        dir="auto"
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
    </CaptureForm>
  );
}

/** Applications so far (from the timeline), with their status changeable later. */
function Applications({ participantId, trajectoryId }: { participantId: string; trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['timeline', participantId, 'application'],
    queryFn: () =>
      api<Timeline>(`/api/participants/${participantId}/timeline`, { query: { kind: 'application' } }),
  });
  const update = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) =>
      api(`/api/trajectories/${trajectoryId}/applications/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['timeline', participantId] }),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="applications-title">
      <Title order={2} size="h3" id="applications-title">
        {t('coaching.applicationsTitle')}
      </Title>
      {update.error && (
        <Text c="red.9" role="alert">
          {errorText(t, update.error)}
        </Text>
      )}
      <ScrollTable label={t('coaching.applicationsTitle')} minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coaching.application.vacancy')}</Table.Th>
            <Table.Th>{t('coaching.application.appliedOn')}</Table.Th>
            <Table.Th>{t('coaching.application.followUpOn')}</Table.Th>
            <Table.Th>{t('coaching.application.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const id = String(item.data.id ?? '');
            const status = item.title.replace('application.', '');
            return (
              <Table.Tr key={id}>
                <Table.Td dir="auto">{item.text}</Table.Td>
                <Table.Td>{format.date(item.at)}</Table.Td>
                <Table.Td>{format.date(item.data.followUpOn as string | null) || '–'}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('coaching.statusOf', { name: item.text ?? '' })}
                    value={status}
                    disabled={update.isPending}
                    onChange={(event) => update.mutate({ id, status: event.currentTarget.value })}
                    data={applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
                    w={160}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}
