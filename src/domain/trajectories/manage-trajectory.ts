import { staffLocaleOf } from '../../shared/locales.ts';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TrajectoryActionInput } from '../../shared/contracts/participants.ts';
import { appUser, roleAssignment } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { templates } from '../notifications/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { municipality, partnership, programme, region } from '../organisation/organisation.table.ts';
import {
  canManage,
  fullFileScope,
  readParticipantFile,
  selectParticipant,
  today,
} from '../participants/index.ts';
import { participant } from '../participants/participants.table.ts';
import {
  addMonths,
  assertExtension,
  assertPlausibleDate,
  nextStatus,
  openStatuses,
} from './trajectories.rules.ts';
import { coachAssignment, trajectory, trajectoryExtension } from './trajectories.table.ts';

/**
 * A trajectory the actor may change: 404 when out of sight, 403 when visible but not theirs to manage.
 * The row stays locked until the transaction ends, so two changes at once (complete and stop, two plan saves)
 * take turns, and the second sees what the first did.
 */
export async function loadManagedTrajectory(ctx: Ctx, tx: Db, trajectoryId: string) {
  const actor = requireActor(ctx);
  const [row] = await tx
    .select({ trajectory, regionId: municipality.regionId })
    .from(trajectory)
    .innerJoin(participant, eq(participant.id, trajectory.participantId))
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .where(and(eq(trajectory.id, trajectoryId), fullFileScope(actor)))
    .for('update', { of: trajectory });
  if (!row) throw new DomainError('resource.not_found');
  if (!canManage(actor, { coachId: row.trajectory.coachId, regionId: row.regionId }))
    throw new DomainError('auth.forbidden');
  return { ...row.trajectory, regionId: row.regionId };
}

async function trajectoryMonths(tx: Db) {
  const [row] = await tx.select({ months: programme.trajectoryMonths }).from(programme).limit(1);
  return row?.months ?? 6;
}

/** An active partnership with the municipality on the start date (DOMAIN: the municipality must really take part). */
async function hasActivePartnership(tx: Db, municipalityCode: string, on: string) {
  const rows = await tx
    .select({ startsOn: partnership.startsOn, endsOn: partnership.endsOn })
    .from(partnership)
    .where(and(eq(partnership.municipalityCode, municipalityCode), eq(partnership.status, 'active')));
  return rows.some((p) => (!p.startsOn || p.startsOn <= on) && (!p.endsOn || p.endsOn >= on));
}

/**
 * Moves a trajectory through its phases: referred → intake → active → completed, or stopped (with a reason).
 * Starting needs an active partnership with the participant's municipality and an assigned coach.
 */
export async function changeTrajectoryStatus(ctx: Ctx, trajectoryId: string, input: TrajectoryActionInput) {
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    const to = nextStatus(t.status, input.action);
    assertPlausibleDate('on', input.on, today(ctx), { yearsBack: 1, yearsAhead: 1 });
    const changes: Partial<typeof trajectory.$inferInsert> = { status: to, version: t.version + 1 };
    if (input.action === 'start_intake') changes.intakeOn = input.on;
    if (input.action === 'start') {
      if (!(await hasActivePartnership(tx, t.municipalityCode, input.on))) {
        const [m] = await tx
          .select({ name: municipality.name })
          .from(municipality)
          .where(eq(municipality.code, t.municipalityCode));
        throw new DomainError('trajectory.partnership_required', {
          municipalityCode: t.municipalityCode,
          municipalityName: m?.name,
          contact: 'regional_lead',
        });
      }
      if (!t.coachId) throw new DomainError('trajectory.coach_required', { field: 'coachId' });
      if (t.intakeOn && input.on < t.intakeOn)
        throw new DomainError('request.date_out_of_range', { field: 'on', min: t.intakeOn });
      changes.startedOn = input.on;
      changes.plannedEndOn = addMonths(input.on, await trajectoryMonths(tx));
    }
    if (input.action === 'complete' || input.action === 'stop') {
      const earliest = t.startedOn ?? t.intakeOn ?? t.referredOn;
      if (input.on < earliest)
        throw new DomainError('request.date_out_of_range', { field: 'on', min: earliest });
      changes.endedOn = input.on;
      if (input.action === 'stop') changes.stopReason = input.reason;
    }
    await tx.update(trajectory).set(changes).where(eq(trajectory.id, trajectoryId));
    await auditParticipant(ctx, tx, 'update', t.participantId, {
      trajectory: trajectoryId,
      action: input.action,
      to,
    });
    return readParticipantFile(ctx, tx, t.participantId);
  });
}

/** Assigns or changes the coach. The history of assignments is kept. */
export async function assignCoach(ctx: Ctx, trajectoryId: string, coachId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    if (!openStatuses.includes(t.status))
      throw new DomainError('trajectory.transition_not_allowed', { from: t.status, action: 'assign_coach' });
    // Only a coach of the trajectory's own region: a file handed to a coach elsewhere would leave the region.
    const [isCoach] = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .innerJoin(roleAssignment, eq(roleAssignment.userId, appUser.id))
      .where(
        and(
          eq(appUser.id, coachId),
          eq(roleAssignment.role, 'coach'),
          isNull(appUser.disabledAt),
          t.regionId ? eq(roleAssignment.regionId, t.regionId) : sql`false`,
        ),
      );
    if (!isCoach)
      throw new DomainError('request.invalid', [
        { field: 'coachId', message: "not an active coach in the participant's region" },
      ]);
    await tx
      .update(trajectory)
      .set({ coachId, version: t.version + 1 })
      .where(eq(trajectory.id, trajectoryId));
    await tx
      .insert(coachAssignment)
      .values({ trajectoryId, coachId, assignedBy: actor.userId, assignedAt: ctx.clock() });
    // The coach hears of it (a link to the file, nothing of its content).
    const [coach] = await tx
      .select({ email: appUser.email, name: appUser.displayName, language: appUser.preferredLanguage })
      .from(appUser)
      .where(eq(appUser.id, coachId));
    if (coach && coachId !== t.coachId) {
      const mail = templates.coachAssigned[staffLocaleOf(coach.language)]({
        name: coach.name,
        link: `${ctx.publicUrl}/participants/${t.participantId}`,
      });
      await ctx.sender.send(ctx, tx, { channel: 'email', recipient: coach.email, ...mail });
    }
    await auditParticipant(ctx, tx, 'update', t.participantId, {
      trajectory: trajectoryId,
      coachId,
      previousCoachId: t.coachId,
    });
    return readParticipantFile(ctx, tx, t.participantId);
  });
}

/** Extends a running trajectory; the reason, new end and approver are recorded. */
export async function extendTrajectory(
  ctx: Ctx,
  trajectoryId: string,
  input: { newEndOn: string; reason: string },
) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    if (t.status !== 'active' || !t.plannedEndOn) throw new DomainError('trajectory.not_active');
    assertExtension(t.plannedEndOn, input.newEndOn);
    assertPlausibleDate('newEndOn', input.newEndOn, today(ctx), { yearsBack: 1, yearsAhead: 2 });
    await tx.insert(trajectoryExtension).values({
      trajectoryId,
      previousEndOn: t.plannedEndOn,
      newEndOn: input.newEndOn,
      reason: input.reason,
      approvedBy: actor.userId,
      createdAt: ctx.clock(),
    });
    await tx
      .update(trajectory)
      .set({ plannedEndOn: input.newEndOn, version: t.version + 1 })
      .where(eq(trajectory.id, trajectoryId));
    await auditParticipant(ctx, tx, 'update', t.participantId, {
      trajectory: trajectoryId,
      extendedTo: input.newEndOn,
    });
    return readParticipantFile(ctx, tx, t.participantId);
  });
}

/** Opens a new trajectory for someone whose earlier one ended; the earlier ones stay readable. */
export async function openTrajectory(
  ctx: Ctx,
  participantId: string,
  input: {
    referredOn: string;
    referrerKind: (typeof trajectory.$inferInsert)['referrerKind'];
    motivation: string;
  },
) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await selectParticipant(tx, participantId);
    const [inScope] = row
      ? await tx
          .select({ id: participant.id })
          .from(participant)
          .where(and(eq(participant.id, participantId), fullFileScope(actor)))
      : [];
    if (!row || !inScope) throw new DomainError('resource.not_found');
    if (!canManage(actor, { coachId: null, regionId: row.regionId })) throw new DomainError('auth.forbidden');
    const [open] = await tx
      .select({ n: count() })
      .from(trajectory)
      .where(and(eq(trajectory.participantId, participantId), inArray(trajectory.status, [...openStatuses])));
    if (open && open.n > 0) throw new DomainError('trajectory.already_open');
    assertPlausibleDate('referredOn', input.referredOn, today(ctx), { yearsBack: 1, yearsAhead: 0 });
    await tx.insert(trajectory).values({
      participantId,
      municipalityCode: row.participant.municipalityCode,
      referredOn: input.referredOn,
      referredBy: actor.userId,
      referrerKind: input.referrerKind,
      referralMotivation: input.motivation,
      createdAt: ctx.clock(),
    });
    await auditParticipant(ctx, tx, 'update', participantId, { newTrajectory: true });
    return readParticipantFile(ctx, tx, participantId);
  });
}

/** Coaches a lead can assign: coaches in the lead's regions (all for the national lead), with their open caseload. */
export async function findCoaches(ctx: Ctx) {
  const actor = requireActor(ctx);
  const national = actor.roles.some((r) => r.role === 'national_lead');
  const regions = actor.roles
    .filter((r) => r.regionId && ['regional_lead', 'coach'].includes(r.role))
    .map((r) => r.regionId!);
  const rows = await ctx.db
    .select({ id: appUser.id, displayName: appUser.displayName, regionName: region.name })
    .from(appUser)
    .innerJoin(roleAssignment, and(eq(roleAssignment.userId, appUser.id), eq(roleAssignment.role, 'coach')))
    .leftJoin(region, eq(region.id, roleAssignment.regionId))
    .where(
      and(
        isNull(appUser.disabledAt),
        national
          ? undefined
          : regions.length
            ? inArray(roleAssignment.regionId, regions)
            : eq(appUser.id, actor.userId),
      ),
    )
    .orderBy(appUser.displayName);
  const counts = rows.length
    ? await ctx.db
        .select({ coachId: trajectory.coachId, n: count() })
        .from(trajectory)
        .where(
          and(
            inArray(
              trajectory.coachId,
              rows.map((r) => r.id),
            ),
            inArray(trajectory.status, [...openStatuses]),
          ),
        )
        .groupBy(trajectory.coachId)
    : [];
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    regionName: r.regionName,
    activeCount: counts.find((c) => c.coachId === r.id)?.n ?? 0,
  }));
}
