import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ephemeralSecretBox } from '../domain/access/index.ts';
import { noContributions, type Ctx } from '../domain/context.ts';
import { outboxSender } from '../domain/notifications/index.ts';
import { outboxMessage } from '../domain/notifications/notifications.table.ts';
import { participant } from '../domain/participants/index.ts';
import { addDays, appointment, meeting, sendAppointmentReminder } from '../domain/trajectories/index.ts';
import { programmeDay } from '../shared/dates.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie: string; origin: string };
let as: Record<'coach' | 'coach2' | 'regional' | 'participant', Headers>;
let trajectoryId: string;
let participantId: string;

beforeAll(async () => {
  t = await createTestApp();
  as = {
    coach: await t.loginAs(demoEmail('coach')),
    coach2: await t.loginAs(demoEmail('coach2')),
    regional: await t.loginAs(demoEmail('regional')),
    participant: await t.loginAs(demoEmail('participant')),
  };
  const portal = (await call('GET', '/api/portal', as.participant)).json();
  trajectoryId = portal.trajectory.id;
  participantId = portal.participantId;
  // Notices by e-mail, in Arabic: the channel and language the messages must follow.
  await t.db
    .update(participant)
    .set({ contactChannel: 'email', preferredLanguage: 'ar' })
    .where(eq(participant.id, participantId));
});
afterAll(() => t.close());
// Every test starts with the demo participant's calendar empty and no messages about appointments.
beforeEach(async () => {
  await t.db.delete(appointment);
  await t.db.delete(outboxMessage);
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
/** The test clock starts on Monday 2 March 2026, 10:00 in Amsterdam. */
const day = (offset: number) => addDays(programmeDay(t.clock.now()), offset);
const plan = (body: object, headers = as.coach) =>
  call('POST', `/api/trajectories/${trajectoryId}/appointments`, headers, {
    date: day(1),
    startTime: '14:00',
    durationMinutes: 45,
    place: { kind: 'address', address: 'Stationsplein 1, Utrecht' },
    withWhom: 'Joost (coach)',
    bring: 'Uw diploma',
    ...body,
  });
/** What a job gets: no actor, the app's clock, sender and queue. */
const jobContext = (): Ctx => ({
  db: t.db,
  actor: null,
  clock: t.clock.now,
  log: t.app.log,
  requestId: null,
  sender: outboxSender,
  publicUrl: origin,
  ip: null,
  demoMode: true,
  secretBox: ephemeralSecretBox(),
  jobs: t.app.jobs.queue,
  contributions: noContributions,
});
const reminders = () => t.db.select().from(outboxMessage).where(like(outboxMessage.subject, 'لديك موعد غدًا'));
const jobRows = async () =>
  (
    await t.database.executeSql(
      `select data, start_after from pgboss.job where name = 'trajectories.appointment-reminder' order by start_after`,
    )
  ).rows as { data: { appointmentId: string; version: number }; start_after: Date }[];

describe('appointments', () => {
  it('the coach plans one; the portal shows it with time, place and what to bring, and the file lists it', async () => {
    const planned = await plan({});
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({
      date: day(1),
      startTime: '14:00',
      startsAt: '2026-03-03T13:00:00.000Z', // 14:00 in Amsterdam in winter
      status: 'planned',
      version: 1,
      place: { kind: 'address', text: 'Stationsplein 1, Utrecht' },
      coachName: 'Joost Verhoeven',
    });
    const mine = (await call('GET', '/api/portal', as.participant)).json().appointments;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ startTime: '14:00', bring: 'Uw diploma', withWhom: 'Joost (coach)' });
    const file = (await call('GET', `/api/trajectories/${trajectoryId}/appointments`, as.coach)).json();
    expect(file.items.map((a: { id: string }) => a.id)).toEqual([planned.json().id]);
    // A logged meeting is not an appointment: it does not appear in the portal.
    await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      heldOn: day(0),
      durationMinutes: 30,
      mode: 'phone',
    });
    expect((await call('GET', '/api/portal', as.participant)).json().appointments).toHaveLength(1);
  });

  it('a coach of another caseload cannot see, move or cancel it; the participant cannot plan one', async () => {
    const { id } = (await plan({})).json();
    expect((await call('GET', `/api/trajectories/${trajectoryId}/appointments`, as.coach2)).statusCode).toBe(
      404,
    );
    const move = {
      date: day(2),
      startTime: '10:00',
      durationMinutes: 30,
      place: { kind: 'phone', phone: '0612345678' },
    };
    expect(
      (await call('PUT', `/api/appointments/${id}`, as.coach2, { ...move, version: 1 })).statusCode,
    ).toBe(404);
    expect((await call('POST', `/api/appointments/${id}/cancel`, as.coach2, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await plan({}, as.participant)).statusCode).toBe(403);
    const [row] = await t.db.select().from(appointment).where(eq(appointment.id, id));
    expect(row).toMatchObject({ status: 'planned', version: 1 });
    // The regional lead of the region may move it (the coach team).
    expect(
      (await call('PUT', `/api/appointments/${id}`, as.regional, { ...move, version: 1 })).statusCode,
    ).toBe(200);
  });

  it('refuses a time in the past, no length, an overlap with the same coach and a bad link, naming the field', async () => {
    const past = await plan({ date: day(0), startTime: '09:00' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'appointment.in_past', details: { field: 'startTime' } });
    const yesterday = await plan({ date: day(-1) });
    expect(yesterday.json().error).toMatchObject({ code: 'appointment.in_past', details: { field: 'date' } });
    const empty = await plan({ durationMinutes: 0 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body.durationMinutes');
    const link = await plan({ place: { kind: 'video', link: 'http://example.org/meet' } });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.details[0].field).toBe('body.place.link');
    const time = await plan({ startTime: '25:00' });
    expect(time.json().error.details[0].field).toBe('body.startTime');
    expect(await t.db.select().from(appointment)).toHaveLength(0);

    expect((await plan({})).statusCode).toBe(201); // 14:00–14:45
    const overlap = await plan({ startTime: '14:30' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({
      code: 'appointment.overlap',
      details: { field: 'startTime' },
    });
    expect((await plan({ startTime: '13:30', durationMinutes: 30 })).statusCode).toBe(201); // ends as it starts
    expect((await plan({ startTime: '14:45' })).statusCode).toBe(201);
    expect(await t.db.select().from(appointment)).toHaveLength(3);
  });

  it('the reminder goes the day before, once; a moved one reminds for the new time, a cancelled one not at all', async () => {
    const first = (await plan({ date: day(2), startTime: '11:00' })).json();
    const [job] = (await jobRows()).filter((j) => j.data.appointmentId === first.id);
    // The day before at 10:00 Amsterdam time (a setting).
    expect(new Date(job!.start_after).toISOString()).toBe(`${day(1)}T09:00:00.000Z`);
    const moved = await call('PUT', `/api/appointments/${first.id}`, as.coach, {
      date: day(3),
      startTime: '15:30',
      durationMinutes: 30,
      place: { kind: 'video', link: 'https://meet.example.org/opstap-yonas' },
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ version: 2, startTime: '15:30', place: { kind: 'video' } });
    const other = (await plan({ date: day(2), startTime: '09:00' })).json();
    expect(
      (await call('POST', `/api/appointments/${other.id}/cancel`, as.coach, { version: 1 })).statusCode,
    ).toBe(200);
    // The participant heard of the move and of the cancellation, in Arabic, with the time and no place.
    const notices = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, demoEmail('participant')));
    expect(notices.map((n) => n.subject).sort()).toEqual(['أُلغي موعدك', 'تغيّر موعدك']);
    for (const n of notices) expect(n.body).not.toContain('meet.example.org');
    expect(notices.find((n) => n.subject === 'تغيّر موعدك')!.body).toContain('15:30');

    // Jobs run whenever the queue finds them due; the handler decides what still applies.
    await t.app.jobs.drain(['trajectories.appointment-reminder']);
    await t.app.jobs.drain(['trajectories.appointment-reminder']);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('15:30');
    // The same version again (a retried job) sends nothing more.
    await sendAppointmentReminder(jobContext(), { appointmentId: first.id, version: 2 });
    await sendAppointmentReminder(jobContext(), { appointmentId: other.id, version: 1 });
    expect(await reminders()).toHaveLength(1);
  });

  it('two moves at once: one wins, the other gets 409 with the current appointment', async () => {
    const { id } = (await plan({})).json();
    const move = (startTime: string) =>
      call('PUT', `/api/appointments/${id}`, as.coach, {
        date: day(4),
        startTime,
        durationMinutes: 30,
        place: { kind: 'phone', phone: '0612345678' },
        version: 1,
      });
    const answers = await Promise.all([move('09:00'), move('16:00')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.statusCode === 409)!.json().error;
    expect(lost.code).toBe('appointment.version_conflict');
    expect(lost.details.current.version).toBe(2);
    const [row] = await t.db.select().from(appointment).where(eq(appointment.id, id));
    expect(row!.version).toBe(2);
  });

  it("shows on the coach's today list with its time, and the meeting record closes it; a double save is refused", async () => {
    const { id } = (await plan({ date: day(0), startTime: '10:30' })).json();
    const today = (await call('GET', '/api/caseload', as.coach)).json().today;
    expect(today).toContainEqual(expect.objectContaining({ reason: 'meeting_today', detail: '10:30' }));
    const record = {
      heldOn: day(0),
      durationMinutes: 45,
      mode: 'in_person',
      summary: 'CV besproken',
      appointmentId: id,
    };
    const saved = await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, record);
    expect(saved.statusCode).toBe(201);
    const [row] = await t.db.select().from(appointment).where(eq(appointment.id, id));
    expect(row).toMatchObject({ status: 'held', meetingId: saved.json().id });
    expect((await call('GET', '/api/portal', as.participant)).json().appointments).toHaveLength(0);

    const again = await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      ...record,
      appointmentId: null,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('meeting.duplicate');
    const meetings = await t.db
      .select()
      .from(meeting)
      .where(and(eq(meeting.trajectoryId, trajectoryId), eq(meeting.summary, 'CV besproken')));
    expect(meetings).toHaveLength(1);
    // A held appointment cannot be moved or closed again.
    const late = await call('POST', `/api/appointments/${id}/cancel`, as.coach, { version: 2 });
    expect(late.json().error.code).toBe('appointment.not_planned');
    // A meeting record is what happened: not in the future.
    const future = await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      ...record,
      heldOn: day(1),
      appointmentId: null,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.field).toBe('heldOn');
  });
});
