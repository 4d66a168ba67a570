import { Checkbox, Fieldset, NativeSelect, NumberInput, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meetingCreate } from '../../../../shared/contracts/trajectories.ts';
import { meetingModes } from '../../../../shared/trajectories.ts';
import { api, type BodyOf } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { todayIso, trajectoryKeys } from '../../../participants.ts';
import { useProgramme } from '../../../queries.ts';
import { StepFields } from '../StepFields.tsx';
import { CaptureForm, type CaptureProps } from './CaptureForm.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { useAppointmentFormat } from '../../../appointments.ts';
import { useAppointments } from './Appointments.tsx';

type Request = Required<NonNullable<BodyOf<'POST', '/api/trajectories/:id/meetings'>>>;
type Action = Omit<Request['agreedActions'][number], 'dueOn'> & { dueOn: string };
/** The meeting as the form holds it: minutes as typed, an action without a date has `''`. */
type Meeting = Omit<Request, 'durationMinutes' | 'agreedActions' | 'appointmentId'> & {
  durationMinutes: number | string;
  agreedActions: Action[];
  /** The planned appointment this was, `''` for none. */
  appointmentId: string;
};
const toRequest = (values: Meeting): Request => ({
  ...values,
  appointmentId: values.appointmentId || null,
  durationMinutes: Number(values.durationMinutes),
  agreedActions: values.agreedActions.map((a) => ({ ...a, dueOn: a.dueOn || null })),
});

/**
 * The record of a meeting with the participant: when, how long, how, the topics, a summary and what was agreed;
 * and which planned appointment it was (that appointment is then held).
 */
export function MeetingForm({ trajectoryId, onSaved }: CaptureProps) {
  const { t } = useTranslation();
  const format = useAppointmentFormat();
  const appointments = useAppointments(trajectoryId);
  // The planned appointments: the meeting being recorded is probably one of them (or it came early).
  const open = (appointments.data?.items ?? []).filter((a) => a.status === 'planned');
  const queryClient = useQueryClient();
  const programme = useProgramme();
  const labelOf = (path: string) => {
    const [head, index, field] = path.split('.');
    if (head === 'agreedActions')
      return `${t('coaching.actionN', { n: Number(index) + 1 })}, ${t(`plan.field.${field}`)}`;
    return t(`coaching.meeting.${head === 'durationMinutes' ? 'minutes' : head}`);
  };
  const meeting = useApiForm<Meeting, unknown>({
    formId: 'meeting',
    initialValues: {
      heldOn: todayIso(),
      durationMinutes: 45,
      mode: 'in_person',
      topics: [],
      summary: '',
      agreedActions: [],
      appointmentId: '',
    },
    validate: contractRules(t, meetingCreate, toRequest, {
      heldOn: t('validation.dateRequired'),
      durationMinutes: t('coaching.minutesRange'),
      'agreedActions.*.text': t('plan.stepRequired'),
    }),
    labelOf,
    send: (values) =>
      api.post('/api/trajectories/:id/meetings', { params: { id: trajectoryId }, body: toRequest(values) }),
    onSaved: (_, form, values) => {
      const withSteps = values.agreedActions.length > 0;
      onSaved(withSteps ? t('coaching.meetingSavedSteps') : t('coaching.meetingSaved'));
      // Agreed actions became steps of the plan.
      if (withSteps) void queryClient.invalidateQueries({ queryKey: trajectoryKeys.plan(trajectoryId) });
      if (values.appointmentId)
        void queryClient.invalidateQueries({ queryKey: trajectoryKeys.appointments(trajectoryId) });
      form.setValues({ summary: '', topics: [], agreedActions: [], appointmentId: '' });
    },
  });
  const { form, field } = meeting;
  return (
    <CaptureForm title={t('coaching.kind.meeting')} capture={meeting}>
      {open.length > 0 && (
        <NativeSelect
          {...field('appointmentId')}
          label={t('coaching.meeting.appointmentId')}
          data={[
            { value: '', label: t('coaching.meeting.noAppointment') },
            ...open.map((a) => ({ value: a.id, label: `${format.day(a)}, ${format.time(a)}` })),
          ]}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField {...field('heldOn')} label={labelOf('heldOn')} />
        <NumberInput
          {...field('durationMinutes')}
          label={labelOf('durationMinutes')}
          min={5}
          max={480}
          step={5}
        />
        <NativeSelect
          {...field('mode')}
          label={labelOf('mode')}
          data={meetingModes.map((m) => ({ value: m, label: t(`meetingMode.${m}`) }))}
        />
      </SimpleGrid>
      <Checkbox.Group label={labelOf('topics')} {...form.getInputProps('topics')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
          {(programme.data?.topics ?? []).map((topic) => (
            <Checkbox key={topic} value={topic} label={topic} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea {...field('summary')} label={labelOf('summary')} dir="auto" autosize minRows={3} />
      <Text fw={600}>{t('coaching.agreedActions')}</Text>
      <Text size="sm">{t('coaching.agreedActionsHelp')}</Text>
      {form.values.agreedActions.map((_, i) => {
        const path = (name: string) => `agreedActions.${i}.${name}`;
        return (
          <Fieldset key={i} legend={t('coaching.actionN', { n: i + 1 })} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <StepFields field={field} path={path} />
            </SimpleGrid>
            <RemoveRowButton mt="xs" onClick={() => form.removeListItem('agreedActions', i)}>
              {t('coaching.removeAction', { n: i + 1 })}
            </RemoveRowButton>
          </Fieldset>
        );
      })}
      <AddRowButton
        onClick={() => form.insertListItem('agreedActions', { text: '', owner: 'participant', dueOn: '' })}
      >
        {t('coaching.addAction')}
      </AddRowButton>
    </CaptureForm>
  );
}
