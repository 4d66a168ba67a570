import { and, desc, eq } from 'drizzle-orm';
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

/** Records a meeting; a meeting in the future is an appointment. Agreed actions become plan steps. */
export function addMeeting(ctx: Ctx, trajectoryId: string, input: z.infer<typeof meetingCreate>) {
  assertPlausibleDate('heldOn', input.heldOn, today(ctx), { yearsBack: 1, yearsAhead: 1 });
  return record(
    ctx,
    trajectoryId,
    'meeting',
    async (tx) => {
      const { agreedActions, ...fields } = input;
      const [row] = await tx
        .insert(meeting)
        .values({ ...fields, trajectoryId, createdBy: ctx.actor!.userId, createdAt: ctx.clock() })
        .returning({ id: meeting.id });
      await appendSteps(ctx, tx, trajectoryId, agreedActions);
      return row!;
    },
    { afterTheEnd: input.agreedActions.length === 0 },
  );
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
