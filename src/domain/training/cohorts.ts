import { and, asc, count, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cohortCreate, cohortQuery, cohortUpdate } from '../../shared/contracts/training.ts';
import { programmeDay } from '../../shared/dates.ts';
import { appUser, audit, auditParticipant, roleAssignment } from '../access/index.ts';
import { DomainError, requireActor, type Actor, type Ctx } from '../context.ts';
import { sequentially, type Db } from '../db.ts';
import { municipality, region } from '../organisation/index.ts';
import { canManage, cohortScope, fullFileScope, participant } from '../participants/index.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';
import { attendanceRate, absencesInARow, moduleCoverage } from './training.rules.ts';
import { runsCohort, seesCohort } from './scope.ts';
import {
  attendance,
  cohort,
  cohortMember,
  cohortTrainer,
  trainingModule,
  trainingSession,
} from './training.table.ts';

type CohortRow = typeof cohort.$inferSelect & { regionName: string };
const today = (ctx: Ctx) => programmeDay(ctx.clock());
const openTrajectory = ['referred', 'intake', 'active'];

/** Counts, attendance, trainers and the next session of cohorts, in four statements whatever their number. */
async function summarise(tx: Db, rows: CohortRow[], day: string) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [members, marks, trainers, next] = await sequentially([
    tx
      .select({ cohortId: cohortMember.cohortId, status: cohortMember.status, n: count() })
      .from(cohortMember)
      .where(inArray(cohortMember.cohortId, ids))
      .groupBy(cohortMember.cohortId, cohortMember.status),
    tx
      .select({
        cohortId: trainingSession.cohortId,
        there: sql<number>`count(*) filter (where ${attendance.status} in ('present', 'late'))`.mapWith(
          Number,
        ),
        n: count(),
      })
      .from(attendance)
      .innerJoin(trainingSession, eq(trainingSession.id, attendance.sessionId))
      .where(inArray(trainingSession.cohortId, ids))
      .groupBy(trainingSession.cohortId),
    tx
      .select({ cohortId: cohortTrainer.cohortId, name: appUser.displayName })
      .from(cohortTrainer)
      .innerJoin(appUser, eq(appUser.id, cohortTrainer.userId))
      .where(inArray(cohortTrainer.cohortId, ids))
      .orderBy(asc(appUser.displayName)),
    tx
      .selectDistinctOn([trainingSession.cohortId], {
        cohortId: trainingSession.cohortId,
        id: trainingSession.id,
        date: trainingSession.date,
        startTime: trainingSession.startTime,
        endTime: trainingSession.endTime,
        kind: trainingSession.kind,
        place: trainingSession.place,
      })
      .from(trainingSession)
      .where(and(inArray(trainingSession.cohortId, ids), gte(trainingSession.date, day)))
      .orderBy(trainingSession.cohortId, asc(trainingSession.date), asc(trainingSession.startTime)),
  ]);
  return rows.map((c) => {
    const memberCount = members.find((m) => m.cohortId === c.id && m.status === 'member')?.n ?? 0;
    const mark = marks.find((m) => m.cohortId === c.id);
    const upcoming = next.find((s) => s.cohortId === c.id);
    return {
      id: c.id,
      name: c.name,
      regionName: c.regionName,
      sectorTrack: c.sectorTrack,
      capacity: c.capacity,
      members: memberCount,
      waiting: members.find((m) => m.cohortId === c.id && m.status === 'waiting')?.n ?? 0,
      fillRate: c.capacity ? memberCount / c.capacity : 0,
      attendanceRate: mark && mark.n ? mark.there / mark.n : null,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      location: c.location,
      status: c.status,
      trainerNames: trainers.filter((t) => t.cohortId === c.id).map((t) => t.name),
      nextSession: upcoming
        ? {
            id: upcoming.id,
            date: upcoming.date,
            startTime: upcoming.startTime,
            endTime: upcoming.endTime,
            kind: upcoming.kind,
            place: upcoming.place,
          }
        : null,
    };
  });
}

const cohortColumns = { cohort, regionName: region.name };
const flatten = (rows: { cohort: typeof cohort.$inferSelect; regionName: string }[]): CohortRow[] =>
  rows.map((r) => ({ ...r.cohort, regionName: r.regionName }));

/**
 * The cohorts the actor sees, running first: a trainer their own, coaches and the regional lead their region,
 * the national lead all. With fill rate, attendance and the next session (a trainer's "today").
 */
export async function findCohorts(ctx: Ctx, query: z.infer<typeof cohortQuery>) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select(cohortColumns)
    .from(cohort)
    .innerJoin(region, eq(region.id, cohort.regionId))
    .where(and(seesCohort(actor), query.status ? eq(cohort.status, query.status) : undefined))
    .orderBy(
      sql`case ${cohort.status} when 'running' then 0 when 'planned' then 1 else 2 end`,
      asc(cohort.startsOn),
      asc(cohort.name),
    )
    .limit(500);
  return { items: await summarise(ctx.db, flatten(rows), today(ctx)) };
}

const regionsLed = (actor: Actor) =>
  actor.roles.filter((r) => r.role === 'regional_lead' && r.regionId).map((r) => r.regionId!);
const isNational = (actor: Actor) => actor.roles.some((r) => r.role === 'national_lead');

/** A lead plans a cohort in their region, with its trainers (trainers of that region). */
export async function createCohort(ctx: Ctx, input: z.infer<typeof cohortCreate>) {
  const actor = requireActor(ctx);
  if (!isNational(actor) && !regionsLed(actor).includes(input.regionId))
    throw new DomainError('auth.forbidden');
  if (input.endsOn < input.startsOn) throw new DomainError('training.dates_reversed');
  return ctx.db.transaction(async (tx) => {
    const places = await tx
      .select({ code: municipality.code })
      .from(municipality)
      .where(
        and(inArray(municipality.code, input.municipalityCodes), eq(municipality.regionId, input.regionId)),
      );
    if (places.length !== new Set(input.municipalityCodes).size)
      throw new DomainError('training.other_region', { field: 'municipalityCodes' });
    const trainerIds = [...new Set(input.trainerIds)];
    const trainers = await tx
      .selectDistinct({ userId: roleAssignment.userId })
      .from(roleAssignment)
      .where(
        and(
          inArray(roleAssignment.userId, trainerIds),
          eq(roleAssignment.role, 'trainer'),
          eq(roleAssignment.regionId, input.regionId),
          sql`${roleAssignment.confirmedAt} is not null`,
        ),
      );
    if (trainers.length !== trainerIds.length) throw new DomainError('training.not_a_trainer');
    const { trainerIds: _, ...values } = input;
    const [row] = await tx.insert(cohort).values(values).returning({ id: cohort.id });
    await tx.insert(cohortTrainer).values(trainerIds.map((userId) => ({ cohortId: row!.id, userId })));
    await audit(ctx, tx, { action: 'create', entityType: 'cohort', entityId: row!.id });
    return { id: row!.id };
  });
}

/** A lead changes a cohort's status, capacity, place or end; someone else's change in between is a 409. */
export async function updateCohort(ctx: Ctx, id: string, input: z.infer<typeof cohortUpdate>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(cohort)
      .where(and(eq(cohort.id, id), runsCohort(actor)))
      .for('update');
    if (!row) throw new DomainError('resource.not_found');
    if (row.version !== input.version) throw new DomainError('resource.conflict');
    const { version, ...changes } = input;
    if ((changes.endsOn ?? row.endsOn) < row.startsOn) throw new DomainError('training.dates_reversed');
    await tx
      .update(cohort)
      .set({ ...changes, version: version + 1 })
      .where(eq(cohort.id, id));
    await audit(ctx, tx, { action: 'update', entityType: 'cohort', entityId: id, detail: changes });
    return { id };
  });
}

/**
 * The cohort page: sessions, module coverage, and the participants the reader may see with their attendance
 * (the trainer and leads everyone in it, a coach their own). Who was shown is audited.
 */
export async function getCohort(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select(cohortColumns)
      .from(cohort)
      .innerJoin(region, eq(region.id, cohort.regionId))
      .where(and(eq(cohort.id, id), seesCohort(actor)));
    if (!found) throw new DomainError('resource.not_found');
    const day = today(ctx);
    const [row] = flatten([found]);
    const [[summary], trainers, people, sessions, modules] = await sequentially([
      summarise(tx, [row!], day),
      tx
        .select({ id: appUser.id, name: appUser.displayName })
        .from(cohortTrainer)
        .innerJoin(appUser, eq(appUser.id, cohortTrainer.userId))
        .where(eq(cohortTrainer.cohortId, id))
        .orderBy(asc(appUser.displayName)),
      tx
        .select({
          participantId: participant.id,
          name: participant.name,
          languages: participant.languages,
          status: cohortMember.status,
        })
        .from(cohortMember)
        .innerJoin(participant, eq(participant.id, cohortMember.participantId))
        .where(and(eq(cohortMember.cohortId, id), or(fullFileScope(actor), cohortScope(actor))))
        .orderBy(asc(cohortMember.status), asc(participant.name)),
      tx
        .select({ session: trainingSession, trainerName: appUser.displayName })
        .from(trainingSession)
        .leftJoin(appUser, eq(appUser.id, trainingSession.trainerId))
        .where(eq(trainingSession.cohortId, id))
        .orderBy(asc(trainingSession.date), asc(trainingSession.startTime)),
      tx.select().from(trainingModule).orderBy(asc(trainingModule.position)),
    ]);
    const ids = people.map((p) => p.participantId);
    const marks = ids.length
      ? await tx
          .select({
            sessionId: attendance.sessionId,
            participantId: attendance.participantId,
            status: attendance.status,
          })
          .from(attendance)
          .innerJoin(trainingSession, eq(trainingSession.id, attendance.sessionId))
          .where(and(eq(trainingSession.cohortId, id), inArray(attendance.participantId, ids)))
      : [];
    const order = new Map(sessions.map((s, index) => [s.session.id, index]));
    const marksOf = (participantId: string) =>
      marks
        .filter((m) => m.participantId === participantId)
        .sort((a, b) => order.get(b.sessionId)! - order.get(a.sessionId)!)
        .map((m) => m.status);
    await audit(ctx, tx, {
      action: 'list',
      entityType: 'participant',
      detail: { cohort: id, count: ids.length, participantIds: ids },
    });
    return {
      ...summary!,
      version: row!.version,
      regionId: row!.regionId,
      municipalityCodes: row!.municipalityCodes,
      trainers,
      participants: people.map((p) => ({
        ...p,
        attendanceRate: attendanceRate(marksOf(p.participantId)),
        absentInARow: absencesInARow(marksOf(p.participantId)),
      })),
      sessions: sessions.map(({ session: s, trainerName }) => ({
        id: s.id,
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
        place: s.place,
        onlineUrl: s.onlineUrl,
        kind: s.kind,
        trainerId: s.trainerId,
        trainerName,
        moduleIds: s.moduleIds,
        guests: s.guests,
        bring: s.bring,
      })),
      coverage: moduleCoverage(
        modules,
        sessions.map((s) => s.session),
        day,
      ).map((m) => ({
        moduleId: m.id,
        key: m.key,
        title: m.title,
        status: m.status,
      })),
      attendance: marks,
    };
  });
}

/**
 * A participant joins a cohort from their trajectory: a member while there is room, else on the waiting list.
 * At most one planned or running cohort per person. The trajectory row and then the cohort row are locked, so
 * two joins for the last place (or one person joining two cohorts at once) are decided one after the other.
 */
export async function joinCohort(ctx: Ctx, trajectoryId: string, cohortId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select({
        id: trajectory.id,
        status: trajectory.status,
        coachId: trajectory.coachId,
        participantId: trajectory.participantId,
        regionId: municipality.regionId,
      })
      .from(trajectory)
      .innerJoin(participant, eq(participant.id, trajectory.participantId))
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .where(and(eq(trajectory.id, trajectoryId), fullFileScope(actor)))
      .for('update', { of: trajectory });
    if (!t) throw new DomainError('resource.not_found');
    if (!canManage(actor, t)) throw new DomainError('auth.forbidden');
    if (!openTrajectory.includes(t.status)) throw new DomainError('training.trajectory_closed');
    const [c] = await tx
      .select()
      .from(cohort)
      .where(and(eq(cohort.id, cohortId), seesCohort(actor)))
      .for('update');
    if (!c) throw new DomainError('resource.not_found');
    if (c.status === 'finished') throw new DomainError('training.cohort_closed');
    if (c.regionId !== t.regionId) throw new DomainError('training.other_region');
    const [elsewhere] = await tx
      .select({ id: cohortMember.cohortId })
      .from(cohortMember)
      .innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
      .where(
        and(
          eq(cohortMember.participantId, t.participantId),
          or(inArray(cohort.status, ['planned', 'running']), eq(cohort.id, cohortId)),
        ),
      )
      .limit(1);
    if (elsewhere) throw new DomainError('training.already_in_cohort', { cohortId: elsewhere.id });
    const [members, waiting] = await sequentially([
      tx
        .select({ n: count() })
        .from(cohortMember)
        .where(and(eq(cohortMember.cohortId, cohortId), eq(cohortMember.status, 'member'))),
      tx
        .select({ n: count() })
        .from(cohortMember)
        .where(and(eq(cohortMember.cohortId, cohortId), ne(cohortMember.status, 'member'))),
    ]);
    const status = (members[0]?.n ?? 0) < c.capacity ? ('member' as const) : ('waiting' as const);
    await tx.insert(cohortMember).values({
      cohortId,
      participantId: t.participantId,
      trajectoryId,
      status,
      joinedAt: ctx.clock(),
      addedBy: actor.userId,
    });
    await auditParticipant(ctx, tx, 'update', t.participantId, { joinedCohort: cohortId, status });
    return { cohortId, status, waitingPosition: status === 'waiting' ? (waiting[0]?.n ?? 0) + 1 : null };
  });
}
