import { and, asc, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { appointmentCreate, appointmentUpdate } from '../../shared/contracts/trajectories.ts';
import { programmeDay, programmeInstant, programmeTime } from '../../shared/dates.ts';
import { appointmentRules } from '../../shared/limits.ts';
import { appUser } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx, type JobDefinition } from '../context.ts';
import type { Db } from '../db.ts';
import { today } from '../participants/index.ts';
import { loadManagedTrajectory } from './manage-trajectory.ts';
import { notifyParticipant } from './notices.ts';
import { loadReadableTrajectory } from './plan.ts';
import { addMonths, reminderMoment } from './trajectories.rules.ts';
import { appointment, trajectory } from './trajectories.table.ts';

type Row = typeof appointment.$inferSelect;
type Input = z.infer<typeof appointmentCreate>;

export const reminderJob = 'trajectories.appointment-reminder';

const endOf = (a: Pick<Row, 'startsAt' | 'durationMinutes'>) =>
  new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);

/** The stored place as the contract gives it back: its kind and the one line that says where. */
function placeOf(input: Input['place']): Pick<Row, 'placeKind' | 'place'> {
  if (input.kind === 'address') return { placeKind: 'address', place: input.address };
  if (input.kind === 'video') return { placeKind: 'video', place: input.link };
  return { placeKind: 'phone', place: input.phone };
}

export function toAppointment(a: Row, coachName: string | null = null) {
  return {
    id: a.id,
    trajectoryId: a.trajectoryId,
    date: programmeDay(a.startsAt),
    startTime: programmeTime(a.startsAt),
    startsAt: a.startsAt.toISOString(),
    endsAt: endOf(a).toISOString(),
    durationMinutes: a.durationMinutes,
    place: { kind: a.placeKind, text: a.place },
    withWhom: a.withWhom,
    bring: a.bring,
    status: a.status,
    version: a.version,
    coachName,
    meetingId: a.meetingId,
  };
}

/**
 * The time of an appointment, checked: in the future, not too far ahead, and free in the coach's calendar.
 * Two plans for one coach at the same moment wait for each other (a lock per coach), so both cannot pass.
 */
async function checkedTime(ctx: Ctx, tx: Db, coachId: string, input: Input, exceptId: string | null) {
  const startsAt = programmeInstant(input.date, input.startTime);
  const now = ctx.clock();
  if (startsAt.getTime() <= now.getTime())
    throw new DomainError('appointment.in_past', {
      field: input.date === programmeDay(now) ? 'startTime' : 'date',
    });
  const latest = addMonths(today(ctx), appointmentRules.monthsAhead);
  if (input.date > latest) throw new DomainError('appointment.too_far_ahead', { field: 'date', max: latest });
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`appointment:${coachId}`}, 0))`);
  const [clash] = await tx
    .select()
    .from(appointment)
    .where(
      and(
        eq(appointment.coachId, coachId),
        eq(appointment.status, 'planned'),
        exceptId ? ne(appointment.id, exceptId) : undefined,
        lt(appointment.startsAt, endsAt),
        gt(sql`${appointment.startsAt} + ${appointment.durationMinutes} * interval '1 minute'`, startsAt),
      ),
    )
    .limit(1);
  if (clash) {
    const other = toAppointment(clash);
    // Only the other appointment's time: it may be another coach's participant.
    throw new DomainError('appointment.overlap', {
      field: 'startTime',
      otherStartsAt: other.startsAt,
      otherEndsAt: other.endsAt,
    });
  }
  return startsAt;
}

/** The reminder of this version of the appointment, the day before; a moved one gets a new one. */
async function scheduleReminder(ctx: Ctx, tx: Db, a: Row) {
  const at = reminderMoment(a.startsAt, ctx.clock());
  if (!at) return;
  await ctx.jobs.enqueue(
    tx,
    reminderJob,
    { appointmentId: a.id, version: a.version },
    { startAfter: at, key: `${a.id}:${a.version}` },
  );
}

/** The coach team plans an appointment with the participant; the participant sees it in the portal. */
export async function planAppointment(ctx: Ctx, trajectoryId: string, input: Input) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    const coachId = t.coachId ?? actor.userId;
    const startsAt = await checkedTime(ctx, tx, coachId, input, null);
    const [row] = await tx
      .insert(appointment)
      .values({
        trajectoryId,
        coachId,
        startsAt,
        durationMinutes: input.durationMinutes,
        ...placeOf(input.place),
        withWhom: input.withWhom,
        bring: input.bring,
        createdBy: actor.userId,
        createdAt: ctx.clock(),
        updatedBy: actor.userId,
        updatedAt: ctx.clock(),
      })
      .returning();
    await scheduleReminder(ctx, tx, row!);
    await auditParticipant(ctx, tx, 'create', t.participantId, { appointment: row!.id });
    return readAppointment(tx, row!.id);
  });
}

/**
 * The appointment locked for a change, on a trajectory the actor manages (404 otherwise), still planned and at
 * the version the actor saw (409 with the current appointment otherwise). The trajectory is locked first, as
 * every coaching write does, so a move and the meeting that closes the appointment cannot deadlock.
 */
async function loadForChange(ctx: Ctx, tx: Db, appointmentId: string, version: number) {
  const [found] = await tx
    .select({ trajectoryId: appointment.trajectoryId })
    .from(appointment)
    .where(eq(appointment.id, appointmentId));
  if (!found) throw new DomainError('resource.not_found');
  const t = await loadManagedTrajectory(ctx, tx, found.trajectoryId);
  const [a] = await tx.select().from(appointment).where(eq(appointment.id, appointmentId)).for('update');
  if (!a) throw new DomainError('resource.not_found');
  if (a.status !== 'planned')
    throw new DomainError('appointment.not_planned', { current: await readAppointment(tx, a.id) });
  if (a.version !== version)
    throw new DomainError('appointment.version_conflict', { current: await readAppointment(tx, a.id) });
  return { appointment: a, trajectory: t };
}

/** Moves or changes an appointment: a new version, with its own reminder; the participant hears of it. */
export async function moveAppointment(
  ctx: Ctx,
  appointmentId: string,
  input: z.infer<typeof appointmentUpdate>,
) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { appointment: a, trajectory: t } = await loadForChange(ctx, tx, appointmentId, input.version);
    const startsAt = await checkedTime(ctx, tx, a.coachId, input, a.id);
    const [row] = await tx
      .update(appointment)
      .set({
        startsAt,
        durationMinutes: input.durationMinutes,
        ...placeOf(input.place),
        withWhom: input.withWhom,
        bring: input.bring,
        version: a.version + 1,
        updatedBy: actor.userId,
        updatedAt: ctx.clock(),
      })
      .where(and(eq(appointment.id, a.id), eq(appointment.version, a.version)))
      .returning();
    if (!row) throw new DomainError('appointment.version_conflict');
    await scheduleReminder(ctx, tx, row);
    await notifyParticipant(ctx, tx, t.participantId, 'appointmentMoved', row.startsAt);
    await auditParticipant(ctx, tx, 'update', t.participantId, { appointment: a.id, version: row.version });
    return readAppointment(tx, a.id);
  });
}

/** Cancels an appointment: no reminder goes out, and the participant hears it is off. */
export async function cancelAppointment(ctx: Ctx, appointmentId: string, version: number) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { appointment: a, trajectory: t } = await loadForChange(ctx, tx, appointmentId, version);
    await tx
      .update(appointment)
      .set({ status: 'cancelled', version: a.version + 1, updatedBy: actor.userId, updatedAt: ctx.clock() })
      .where(eq(appointment.id, a.id));
    await notifyParticipant(ctx, tx, t.participantId, 'appointmentCancelled', a.startsAt);
    await auditParticipant(ctx, tx, 'update', t.participantId, { cancelledAppointment: a.id });
    return readAppointment(tx, a.id);
  });
}

/**
 * The meeting record of what happened closes the appointment it was (in the meeting's transaction, after the
 * trajectory was locked). An appointment of another trajectory does not exist here.
 */
export async function closeAppointment(
  tx: Db,
  trajectoryId: string,
  appointmentId: string,
  meetingId: string,
) {
  const [a] = await tx
    .select()
    .from(appointment)
    .where(and(eq(appointment.id, appointmentId), eq(appointment.trajectoryId, trajectoryId)))
    .for('update');
  if (!a)
    throw new DomainError('request.invalid', [{ field: 'appointmentId', message: 'no such appointment' }]);
  if (a.status !== 'planned') throw new DomainError('appointment.not_planned', { field: 'appointmentId' });
  await tx
    .update(appointment)
    .set({ status: 'held', meetingId, version: a.version + 1 })
    .where(eq(appointment.id, a.id));
}

async function readAppointment(tx: Db, appointmentId: string) {
  const [row] = await tx
    .select({ appointment, coachName: appUser.displayName })
    .from(appointment)
    .leftJoin(appUser, eq(appUser.id, appointment.coachId))
    .where(eq(appointment.id, appointmentId));
  return toAppointment(row!.appointment, row!.coachName);
}

/** A trajectory's appointments for the coach team: planned ones first (soonest first), then the rest (newest first). */
export async function listAppointments(ctx: Ctx, trajectoryId: string) {
  const { trajectory: t } = await loadReadableTrajectory(ctx, ctx.db, trajectoryId);
  const rows = await ctx.db
    .select({ appointment, coachName: appUser.displayName })
    .from(appointment)
    .leftJoin(appUser, eq(appUser.id, appointment.coachId))
    .where(eq(appointment.trajectoryId, trajectoryId))
    .orderBy(sql`${appointment.status} <> 'planned'`, desc(appointment.startsAt));
  const planned = rows.filter((r) => r.appointment.status === 'planned').reverse();
  const rest = rows.filter((r) => r.appointment.status !== 'planned');
  await auditParticipant(ctx, ctx.db, 'read', t.participantId, { appointments: trajectoryId });
  return { items: [...planned, ...rest].map((r) => toAppointment(r.appointment, r.coachName)) };
}

/** Planned appointments that have not ended by `now`, soonest first: the portal's "your appointments". */
export async function selectUpcomingAppointments(tx: Db, trajectoryId: string, now: Date) {
  const rows = await tx
    .select({ appointment, coachName: appUser.displayName })
    .from(appointment)
    .leftJoin(appUser, eq(appUser.id, appointment.coachId))
    .where(
      and(
        eq(appointment.trajectoryId, trajectoryId),
        eq(appointment.status, 'planned'),
        gt(sql`${appointment.startsAt} + ${appointment.durationMinutes} * interval '1 minute'`, now),
      ),
    )
    .orderBy(asc(appointment.startsAt));
  return rows.map((r) => toAppointment(r.appointment, r.coachName));
}

/**
 * Sends the reminder of one version of an appointment, once: a moved appointment (a newer version), a cancelled
 * or held one, or one whose reminder already went (a retried job) sends nothing.
 */
export async function sendAppointmentReminder(ctx: Ctx, data: { appointmentId: string; version: number }) {
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx
      .update(appointment)
      .set({ remindedVersion: data.version })
      .where(
        and(
          eq(appointment.id, data.appointmentId),
          eq(appointment.version, data.version),
          eq(appointment.status, 'planned'),
          sql`${appointment.remindedVersion} is distinct from ${data.version}`,
          gt(appointment.startsAt, ctx.clock()),
        ),
      )
      .returning({ trajectoryId: appointment.trajectoryId, startsAt: appointment.startsAt });
    if (!a) return;
    const [t] = await tx
      .select({ participantId: trajectory.participantId })
      .from(trajectory)
      .where(eq(trajectory.id, a.trajectoryId));
    if (t) await notifyParticipant(ctx, tx, t.participantId, 'appointmentReminder', a.startsAt);
  });
}

export const trajectoryJobs: JobDefinition[] = [
  {
    name: reminderJob,
    run: (ctx, data) =>
      sendAppointmentReminder(ctx, {
        appointmentId: String(data.appointmentId),
        version: Number(data.version),
      }),
    retries: 3,
  },
];
