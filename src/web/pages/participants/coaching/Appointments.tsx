import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCalendarPlus, IconCalendarX, IconClock, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { appointmentCreate } from '../../../../shared/contracts/trajectories.ts';
import { appointmentPlaces } from '../../../../shared/trajectories.ts';
import { api, ApiError } from '../../../api.ts';
import { useAppointmentFormat, type Appointment } from '../../../appointments.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { ActionMessage, ErrorSummary, type Message } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { errorText } from '../../../errors.ts';
import { caseloadKeys, participantKeys, todayIso, trajectoryKeys } from '../../../participants.ts';
import { portalKey } from '../../portal/portal.ts';

type Place = (typeof appointmentPlaces)[number];
/** The appointment as the form holds it: minutes as typed, the place as its kind and one line. */
type Values = {
  date: string;
  startTime: string;
  durationMinutes: number | string;
  placeKind: Place;
  placeText: string;
  withWhom: string;
  bring: string;
};
const placeField = { address: 'address', video: 'link', phone: 'phone' } as const;
const toRequest = (v: Values) => ({
  date: v.date,
  startTime: v.startTime,
  durationMinutes: Number(v.durationMinutes),
  place: { kind: v.placeKind, [placeField[v.placeKind]]: v.placeText } as never,
  withWhom: v.withWhom,
  bring: v.bring,
});
const valuesOf = (a: Appointment): Values => ({
  date: a.date,
  startTime: a.startTime,
  durationMinutes: a.durationMinutes,
  placeKind: a.place.kind,
  placeText: a.place.text,
  withWhom: a.withWhom,
  bring: a.bring,
});
/** `place.address` in the request is the one place field of the form. */
const formField = (path: string) => (path.startsWith('place.') ? 'placeText' : path);

export const useAppointments = (trajectoryId: string) =>
  useQuery({
    queryKey: trajectoryKeys.appointments(trajectoryId),
    queryFn: () => api.get('/api/trajectories/:id/appointments', { params: { id: trajectoryId } }),
  });

/** Plans a new appointment, or moves one (`existing`): when, how long, where, with whom, what to bring. */
function AppointmentForm({
  trajectoryId,
  existing,
  onDone,
}: {
  trajectoryId: string;
  existing?: Appointment;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const formId = existing ? `appointment-${existing.id}` : 'appointment';
  const labelOf = (path: string): string => {
    const field = formField(path);
    return field === 'placeText'
      ? t(`appointments.placeText.${capture.form.values.placeKind}`)
      : t(`appointments.field.${field}`);
  };
  const capture: ReturnType<typeof useApiForm<Values, Appointment>> = useApiForm<Values, Appointment>({
    formId,
    initialValues: existing
      ? valuesOf(existing)
      : {
          date: todayIso(),
          startTime: '',
          durationMinutes: 45,
          placeKind: 'address',
          placeText: '',
          withWhom: '',
          bring: '',
        },
    validate: contractRules(
      t,
      appointmentCreate,
      toRequest,
      {
        date: t('validation.dateRequired'),
        startTime: t('appointments.timeRequired'),
        durationMinutes: t('coaching.minutesRange'),
        placeText: t('appointments.placeRequired'),
      },
      formField,
    ),
    labelOf,
    send: (values) =>
      existing
        ? api.put('/api/appointments/:id', {
            params: { id: existing.id },
            body: { ...toRequest(values), version: existing.version },
          })
        : api.post('/api/trajectories/:id/appointments', {
            params: { id: trajectoryId },
            body: toRequest(values),
          }),
    onSaved: () => onDone(existing ? t('appointments.moved') : t('appointments.planned')),
    onRefused: (error) =>
      error instanceof ApiError && error.code === 'appointment.version_conflict'
        ? t('errors.appointment.version_conflict')
        : false,
  });
  const { form, field } = capture;
  const kind = form.values.placeKind;
  return (
    <form noValidate onSubmit={capture.onSubmit}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {existing ? t('appointments.moveTitle') : t('appointments.planTitle')}
        </Title>
        <ErrorSummary {...capture.summary} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField {...field('date')} label={labelOf('date')} />
          <TextInput {...field('startTime')} type="time" label={labelOf('startTime')} step={300} />
          <NumberInput
            {...field('durationMinutes')}
            label={labelOf('durationMinutes')}
            min={5}
            max={480}
            step={5}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            {...field('placeKind')}
            label={labelOf('placeKind')}
            data={appointmentPlaces.map((p) => ({ value: p, label: t(`appointments.place.${p}`) }))}
          />
          <TextInput
            {...field('placeText')}
            label={labelOf('placeText')}
            dir={kind === 'address' ? 'auto' : 'ltr'}
            type={kind === 'video' ? 'url' : kind === 'phone' ? 'tel' : 'text'}
          />
        </SimpleGrid>
        <TextInput
          {...field('withWhom')}
          label={labelOf('withWhom')}
          description={t('appointments.withWhomHelp')}
          dir="auto"
        />
        <TextInput
          {...field('bring')}
          label={labelOf('bring')}
          description={t('appointments.bringHelp')}
          dir="auto"
        />
        <Group>
          <Button
            type="submit"
            loading={capture.pending}
            disabled={!form.isDirty()}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {existing ? t('appointments.saveMove') : t('appointments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The trajectory's appointments on the file: planned ones first (to move or cancel), then held and cancelled.
 * The participant sees the planned ones in the portal and gets a reminder the day before.
 */
export function Appointments({
  participantId,
  trajectoryId,
}: {
  participantId: string;
  trajectoryId: string;
}) {
  const { t } = useTranslation();
  const format = useAppointmentFormat();
  const queryClient = useQueryClient();
  const list = useAppointments(trajectoryId);
  const [editing, setEditing] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trajectoryKeys.appointments(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: participantKeys.timelines(participantId) });
    void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    void queryClient.invalidateQueries({ queryKey: portalKey });
  };
  const cancel = useMutation({
    mutationFn: (a: Appointment) =>
      api.post('/api/appointments/:id/cancel', { params: { id: a.id }, body: { version: a.version } }),
    onSuccess: () => setMessage({ ok: true, text: t('appointments.cancelled') }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
    onSettled: () => {
      setCancelling(null);
      refresh();
    },
  });
  const done = (text: string) => {
    setEditing(null);
    setMessage({ ok: true, text });
    refresh();
  };
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="appointments-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="appointments-title">
          {t('appointments.title')}
        </Title>
        {editing !== 'new' && (
          <Button
            variant="light"
            leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
            onClick={() => {
              setEditing('new');
              setMessage(null);
            }}
          >
            {t('appointments.plan')}
          </Button>
        )}
      </Group>
      <ActionMessage message={message} />
      {editing === 'new' && (
        <Paper withBorder radius="md" p="md">
          <AppointmentForm trajectoryId={trajectoryId} onDone={done} />
        </Paper>
      )}
      {items.length === 0 && <Text>{t('appointments.none')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="appointments">
        {items.map((a) => (
          <Paper component="li" key={a.id} withBorder radius="md" p="sm">
            <Stack gap={4}>
              <Group gap="xs">
                <IconClock size={18} aria-hidden="true" />
                <Text fw={600}>
                  {format.day(a)}, {format.time(a)}
                </Text>
                {a.status !== 'planned' && (
                  <Badge variant="dot" radius="sm" color={a.status === 'held' ? 'green' : 'gray'}>
                    {t(`appointments.status.${a.status}`)}
                  </Badge>
                )}
              </Group>
              <Text dir="auto" className="break-anywhere">
                {t(`appointments.place.${a.place.kind}`)}: {a.place.text}
              </Text>
              {a.withWhom && (
                <Text dir="auto">
                  {t('appointments.field.withWhom')}: {a.withWhom}
                </Text>
              )}
              {a.bring && (
                <Text dir="auto">
                  {t('appointments.field.bring')}: {a.bring}
                </Text>
              )}
              {a.status === 'planned' && editing !== a.id && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-md"
                    variant="default"
                    onClick={() => {
                      setEditing(a.id);
                      setMessage(null);
                    }}
                  >
                    {t('appointments.move')}
                  </Button>
                  <Button
                    size="compact-md"
                    variant="default"
                    color="red"
                    leftSection={<IconCalendarX size={16} aria-hidden="true" />}
                    onClick={() => setCancelling(a)}
                  >
                    {t('appointments.cancel')}
                  </Button>
                </Group>
              )}
              {editing === a.id && <AppointmentForm trajectoryId={trajectoryId} existing={a} onDone={done} />}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <ConfirmDialog
        opened={!!cancelling}
        title={t('appointments.cancelTitle')}
        confirmLabel={t('appointments.cancel')}
        busy={cancel.isPending}
        onConfirm={() => cancelling && cancel.mutate(cancelling)}
        onCancel={() => setCancelling(null)}
      >
        {t('appointments.cancelText')}
      </ConfirmDialog>
    </Stack>
  );
}
