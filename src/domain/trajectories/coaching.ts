import { and, desc, eq, gt } from 'drizzle-orm';
import { coachingRules } from '../../shared/limits.ts';
import type { z } from 'zod';
import type {
  activityCreate,
  applicationCreate,
  applicationUpdate,
  meetingCreate,
  noteCreate,
} from '../../shared/contracts/trajectories.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { today } from '../participants/index.ts';
import { closeAppointment } from './appointments.ts';
import { loadManagedTrajectory } from './manage-trajectory.ts';
import { appendSteps, loadReadableTrajectory } from './plan.ts';
import { assertPlausibleDate } from './trajectories.rules.ts';
import type { trajectory } from './trajectories.table.ts';
import { activity, jobApplication, meeting, note } from './trajectories.table.ts';

type Recorded = { id: string };

/**
 * Runs a coaching write on a trajectory the actor manages, audited as a change to the participant's file.
 * Contacts and notes may follow the end (aftercare: the coach keeps in touch); what changes the plan may not.
 */
async function record(
  ctx: Ctx,
  trajectoryId: string,
  what: string,
  write: (tx: Db, t: typeof trajectory.$inferSelect) => Promise<Recorded>,
  { afterTheEnd = false } = {},
) {
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    if (!afterTheEnd && (t.status === 'completed' || t.status === 'stopped'))
      throw new DomainError('trajectory.not_active');
    const created = await write(tx, t);
    await auditParticipant(ctx, tx, 'create', t.participantId, { [what]: created.id });
    return created;
  });
}

/**
 * Records a meeting as it happened (never in the future: that is an appointment), closing the appointment it was.
 * The same record again within minutes is a double save and is refused. Agreed actions become plan steps.
 */
export function addMeeting(ctx: Ctx, trajectoryId: string, input: z.infer<typeof meetingCreate>) {
  assertPlausibleDate('heldOn', input.heldOn, today(ctx), { yearsBack: 1, yearsAhead: 0 });
  return record(
    ctx,
    trajectoryId,
    'meeting',
    async (tx) => {
      const { agreedActions, appointmentId, ...fields } = input;
      await refuseDuplicateMeeting(ctx, tx, trajectoryId, input);
      const [row] = await tx
        .insert(meeting)
        .values({ ...fields, trajectoryId, createdBy: ctx.actor!.userId, createdAt: ctx.clock() })
        .returning({ id: meeting.id });
      if (appointmentId) await closeAppointment(tx, trajectoryId, appointmentId, row!.id);
      await appendSteps(ctx, tx, trajectoryId, agreedActions);
      return row!;
    },
    { afterTheEnd: input.agreedActions.length === 0 },
  );
}

/** What makes two meeting records the same: the form saved twice, not a second meeting that day. */
const sameness = (
  m: Pick<z.infer<typeof meetingCreate>, 'heldOn' | 'durationMinutes' | 'mode' | 'topics' | 'summary'>,
) => JSON.stringify([m.heldOn, m.durationMinutes, m.mode, [...m.topics].sort(), m.summary]);

/**
 * Refuses a meeting record equal to one saved on this trajectory within the last minutes (a setting). The
 * trajectory is locked by then, so two saves at once see each other.
 */
async function refuseDuplicateMeeting(
  ctx: Ctx,
  tx: Db,
  trajectoryId: string,
  input: z.infer<typeof meetingCreate>,
) {
  const since = new Date(ctx.clock().getTime() - coachingRules.duplicateMeetingMinutes * 60_000);
  const recent = await tx
    .select()
    .from(meeting)
    .where(and(eq(meeting.trajectoryId, trajectoryId), gt(meeting.createdAt, since)));
  const twin = recent.find((m) => sameness(m) === sameness(input));
  if (twin)
    throw new DomainError('meeting.duplicate', {
      meetingId: twin.id,
      withinMinutes: coachingRules.duplicateMeetingMinutes,
    });
}

export function addNote(ctx: Ctx, trajectoryId: string, input: z.infer<typeof noteCreate>) {
  return record(
    ctx,
    trajectoryId,
    'note',
    async (tx) => {
      const [row] = await tx
        .insert(note)
        .values({ ...input, trajectoryId, createdBy: ctx.actor!.userId, createdAt: ctx.clock() })
        .returning({ id: note.id });
      return row!;
    },
    { afterTheEnd: true },
  );
}

/** A question from the participant to their coach, from the portal. */
export async function askQuestion(ctx: Ctx, trajectoryId: string, body: string) {
  return ctx.db.transaction(async (tx) => {
    const { trajectory: t, isParticipant } = await loadReadableTrajectory(ctx, tx, trajectoryId);
    if (!isParticipant) throw new DomainError('auth.forbidden');
    const [row] = await tx
      .insert(note)
      .values({
        trajectoryId,
        body,
        visibility: 'participant',
        isQuestion: true,
        createdBy: ctx.actor!.userId,
        createdAt: ctx.clock(),
      })
      .returning({ id: note.id });
    await auditParticipant(ctx, tx, 'create', t.participantId, { question: row!.id });
    return row!;
  });
}

export function addApplication(ctx: Ctx, trajectoryId: string, input: z.infer<typeof applicationCreate>) {
  assertPlausibleDate('appliedOn', input.appliedOn, today(ctx), { yearsBack: 1, yearsAhead: 0 });
  if (input.followUpOn)
    assertPlausibleDate('followUpOn', input.followUpOn, today(ctx), { yearsBack: 1, yearsAhead: 1 });
  return record(ctx, trajectoryId, 'application', async (tx) => {
    const [row] = await tx
      .insert(jobApplication)
      .values({ ...input, trajectoryId, createdBy: ctx.actor!.userId, createdAt: ctx.clock() })
      .returning({ id: jobApplication.id });
    return row!;
  });
}

/** The applications of one trajectory, newest first: what the coach follows up and moves on. */
export async function listApplications(ctx: Ctx, trajectoryId: string) {
  const { trajectory: t } = await loadReadableTrajectory(ctx, ctx.db, trajectoryId);
  const items = await ctx.db
    .select({
      id: jobApplication.id,
      vacancy: jobApplication.vacancy,
      employerName: jobApplication.employerName,
      appliedOn: jobApplication.appliedOn,
      status: jobApplication.status,
      followUpOn: jobApplication.followUpOn,
    })
    .from(jobApplication)
    .where(eq(jobApplication.trajectoryId, trajectoryId))
    .orderBy(desc(jobApplication.appliedOn), desc(jobApplication.createdAt));
  await auditParticipant(ctx, ctx.db, 'read', t.participantId, { applications: trajectoryId });
  return { items };
}

/** Moves an application on: interview, rejected, offer; or sets the next follow-up date. */
export function updateApplication(
  ctx: Ctx,
  trajectoryId: string,
  applicationId: string,
  input: z.infer<typeof applicationUpdate>,
) {
  return record(ctx, trajectoryId, 'application', async (tx) => {
    const [row] = await tx
      .update(jobApplication)
      .set(input)
      .where(and(eq(jobApplication.id, applicationId), eq(jobApplication.trajectoryId, trajectoryId)))
      .returning({ id: jobApplication.id });
    if (!row) throw new DomainError('resource.not_found');
    return row;
  });
}

export function addActivity(ctx: Ctx, trajectoryId: string, input: z.infer<typeof activityCreate>) {
  assertPlausibleDate('happenedOn', input.happenedOn, today(ctx), { yearsBack: 1, yearsAhead: 1 });
  return record(
    ctx,
    trajectoryId,
    'activity',
    async (tx) => {
      const [row] = await tx
        .insert(activity)
        .values({ ...input, trajectoryId, createdBy: ctx.actor!.userId, createdAt: ctx.clock() })
        .returning({ id: activity.id });
      return row!;
    },
    { afterTheEnd: true },
  );
}
