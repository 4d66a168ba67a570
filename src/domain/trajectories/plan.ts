import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { PlanSave } from '../../shared/contracts/trajectories.ts';
import { appUser } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { canManage, fullFileScope } from '../participants/index.ts';
import { participant } from '../participants/participants.table.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { loadManagedTrajectory } from './manage-trajectory.ts';
import { noticeToParticipant } from './participant-notice.ts';
import { planVersion, stepProgress, trajectory, type PlanGoal, type PlanStep } from './trajectories.table.ts';

/** A trajectory the actor may read, and whether they are its participant or may manage it. */
export async function loadReadableTrajectory(ctx: Ctx, tx: Db, trajectoryId: string) {
  const actor = requireActor(ctx);
  const [row] = await tx
    .select({ trajectory, participantUserId: participant.userId, regionId: municipality.regionId })
    .from(trajectory)
    .innerJoin(participant, eq(participant.id, trajectory.participantId))
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .where(and(eq(trajectory.id, trajectoryId), fullFileScope(actor)));
  if (!row) throw new DomainError('resource.not_found');
  return {
    trajectory: row.trajectory,
    isParticipant: row.participantUserId === actor.userId,
    canManage: canManage(actor, { coachId: row.trajectory.coachId, regionId: row.regionId }),
  };
}

type Item = { id: string };
/** Ids of items added, removed or changed between two lists. */
function diff<T extends Item>(before: T[], after: T[]) {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  const now = new Map(after.map((item) => [item.id, JSON.stringify(item)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
  };
}

async function latestVersions(tx: Db, trajectoryId: string) {
  const [latest] = await tx
    .select({ plan: planVersion, savedByName: appUser.displayName })
    .from(planVersion)
    .leftJoin(appUser, eq(appUser.id, planVersion.savedBy))
    .where(eq(planVersion.trajectoryId, trajectoryId))
    .orderBy(desc(planVersion.version))
    .limit(1);
  const [agreed] = await tx
    .select()
    .from(planVersion)
    .where(and(eq(planVersion.trajectoryId, trajectoryId), isNotNull(planVersion.agreedAt)))
    .orderBy(desc(planVersion.version))
    .limit(1);
  return { latest, agreed };
}

/** The plan as it stands, with step progress, and what changed since the participant last agreed. */
export async function readPlan(tx: Db, trajectoryId: string) {
  const { latest, agreed } = await latestVersions(tx, trajectoryId);
  const progress = await tx.select().from(stepProgress).where(eq(stepProgress.trajectoryId, trajectoryId));
  const statusOf = new Map(progress.map((p) => [p.stepId, p.status]));
  const goals: PlanGoal[] = latest?.plan.goals ?? [];
  const steps: PlanStep[] = latest?.plan.steps ?? [];
  return {
    trajectoryId,
    version: latest?.plan.version ?? 0,
    goals,
    steps: steps.map((s) => ({ ...s, status: statusOf.get(s.id) ?? ('open' as const) })),
    savedAt: latest?.plan.savedAt.toISOString() ?? null,
    savedByName: latest?.savedByName ?? null,
    agreedVersion: agreed?.version ?? null,
    agreedAt: agreed?.agreedAt?.toISOString() ?? null,
    isWaitingForAgreement: !!latest && latest.plan.version !== agreed?.version,
    changesSinceAgreed: { goals: diff(agreed?.goals ?? [], goals), steps: diff(agreed?.steps ?? [], steps) },
  };
}

export async function getPlan(ctx: Ctx, trajectoryId: string) {
  return ctx.db.transaction(async (tx) => {
    const { trajectory: t } = await loadReadableTrajectory(ctx, tx, trajectoryId);
    await auditParticipant(ctx, tx, 'read', t.participantId, { plan: trajectoryId });
    return readPlan(tx, trajectoryId);
  });
}

/** Writes a new plan version; it waits for the participant's agreement. */
async function writeVersion(
  ctx: Ctx,
  tx: Db,
  trajectoryId: string,
  version: number,
  goals: PlanGoal[],
  steps: PlanStep[],
) {
  await tx
    .insert(planVersion)
    .values({ trajectoryId, version, goals, steps, savedBy: ctx.actor?.userId, savedAt: ctx.clock() });
}

/**
 * Saves the plan as a new version. The editor says which version they started from; when someone saved in
 * between, the answer is a conflict with what changed, and nothing is overwritten.
 */
export async function savePlan(ctx: Ctx, trajectoryId: string, input: PlanSave) {
  return ctx.db.transaction(async (tx) => {
    const t = await loadManagedTrajectory(ctx, tx, trajectoryId);
    if (!['intake', 'active'].includes(t.status)) throw new DomainError('trajectory.not_active');
    const current = await readPlan(tx, trajectoryId);
    if (input.baseVersion !== current.version)
      throw new DomainError('plan.version_conflict', {
        yourVersion: input.baseVersion,
        currentVersion: current.version,
        savedByName: current.savedByName,
        changes: {
          goals: diff(input.goals, current.goals),
          steps: diff(
            input.steps,
            current.steps.map(({ status: _status, ...s }) => s),
          ),
        },
      });
    const goalIds = new Set(input.goals.map((g) => g.id));
    input.steps.forEach((step, index) => {
      if (step.goalId && !goalIds.has(step.goalId))
        throw new DomainError('request.invalid', [
          { field: `steps.${index}.goalId`, message: 'unknown goal' },
        ]);
    });
    await writeVersion(ctx, tx, trajectoryId, current.version + 1, input.goals, input.steps);
    // The participant hears once that a plan waits for their agreement: when the plan starts waiting, not at
    // every later save before they have looked (the link shows the latest version anyway).
    if (!current.isWaitingForAgreement) await noticeToParticipant(ctx, tx, t.participantId, 'planWaiting');
    await auditParticipant(ctx, tx, 'update', t.participantId, {
      plan: trajectoryId,
      version: current.version + 1,
    });
    return readPlan(tx, trajectoryId);
  });
}

/** Adds steps agreed in a meeting to the plan, as a new version on top of the latest. */
export async function appendSteps(
  ctx: Ctx,
  tx: Db,
  trajectoryId: string,
  steps: Omit<PlanStep, 'id' | 'goalId'>[],
) {
  if (steps.length === 0) return;
  const current = await readPlan(tx, trajectoryId);
  const kept = current.steps.map(({ status: _status, ...s }) => s);
  await writeVersion(ctx, tx, trajectoryId, current.version + 1, current.goals, [
    ...kept,
    ...steps.map((s) => ({ ...s, id: crypto.randomUUID(), goalId: null })),
  ]);
}

/** The participant agrees to the plan version they saw. A newer version means they have not seen it yet. */
export async function agreeToPlan(ctx: Ctx, trajectoryId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const { trajectory: t, isParticipant } = await loadReadableTrajectory(ctx, tx, trajectoryId);
    if (!isParticipant) throw new DomainError('auth.forbidden');
    const current = await readPlan(tx, trajectoryId);
    if (!current.isWaitingForAgreement) throw new DomainError('plan.nothing_to_agree');
    if (version !== current.version)
      throw new DomainError('plan.version_conflict', {
        yourVersion: version,
        currentVersion: current.version,
      });
    await tx
      .update(planVersion)
      .set({ agreedAt: ctx.clock(), agreedBy: requireActor(ctx).userId })
      .where(and(eq(planVersion.trajectoryId, trajectoryId), eq(planVersion.version, version)));
    await auditParticipant(ctx, tx, 'update', t.participantId, { planAgreed: version });
    return readPlan(tx, trajectoryId);
  });
}

/** Marks a step done (or open again, or dropped). The participant does this for their own plan; so can the coach. */
export async function setStepStatus(
  ctx: Ctx,
  trajectoryId: string,
  stepId: string,
  status: (typeof stepProgress.$inferInsert)['status'],
) {
  return ctx.db.transaction(async (tx) => {
    const {
      trajectory: t,
      isParticipant,
      canManage: manages,
    } = await loadReadableTrajectory(ctx, tx, trajectoryId);
    if (!isParticipant && !manages) throw new DomainError('auth.forbidden');
    const current = await readPlan(tx, trajectoryId);
    if (!current.steps.some((s) => s.id === stepId)) throw new DomainError('resource.not_found');
    const values = {
      trajectoryId,
      stepId,
      status,
      changedBy: requireActor(ctx).userId,
      changedAt: ctx.clock(),
    };
    await tx
      .insert(stepProgress)
      .values(values)
      .onConflictDoUpdate({ target: [stepProgress.trajectoryId, stepProgress.stepId], set: values });
    await auditParticipant(ctx, tx, 'update', t.participantId, { step: stepId, status });
    return readPlan(tx, trajectoryId);
  });
}
