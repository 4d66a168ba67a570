import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { attendanceSave, sessionCreate } from '../../shared/contracts/training.ts';
import { audit } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { runsCohort } from './scope.ts';
import {
  attendance,
  cohort,
  cohortMember,
  cohortTrainer,
  trainingModule,
  trainingSession,
} from './training.table.ts';

/**
 * A trainer or lead plans a session of a cohort: within the cohort's dates, led by one of its trainers, who has
 * no other session at the same time (any cohort).
 */
export async function addSession(ctx: Ctx, cohortId: string, input: z.infer<typeof sessionCreate>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(cohort)
      .where(and(eq(cohort.id, cohortId), runsCohort(actor)));
    if (!c) throw new DomainError('resource.not_found');
    if (input.date < c.startsOn || input.date > c.endsOn)
      throw new DomainError('training.session_outside_cohort', { startsOn: c.startsOn, endsOn: c.endsOn });
    if (input.endTime <= input.startTime)
      throw new DomainError('training.dates_reversed', { field: 'endTime' });
    const [trains] = await tx
      .select({ userId: cohortTrainer.userId })
      .from(cohortTrainer)
      .where(and(eq(cohortTrainer.cohortId, cohortId), eq(cohortTrainer.userId, input.trainerId)));
    if (!trains) throw new DomainError('training.not_a_trainer');
    const moduleIds = [...new Set(input.moduleIds)];
    if (moduleIds.length) {
      const known = await tx
        .select({ id: trainingModule.id })
        .from(trainingModule)
        .where(inArray(trainingModule.id, moduleIds));
      if (known.length !== moduleIds.length) throw new DomainError('training.unknown_module');
    }
    // One trainer's sessions are planned one at a time, so two overlapping ones cannot both pass the check.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`session-trainer:${input.trainerId}`}, 0))`,
    );
    const [clash] = await tx
      .select({ id: trainingSession.id })
      .from(trainingSession)
      .where(
        and(
          eq(trainingSession.trainerId, input.trainerId),
          eq(trainingSession.date, input.date),
          lt(trainingSession.startTime, input.endTime),
          gt(trainingSession.endTime, input.startTime),
        ),
      )
      .limit(1);
    if (clash) throw new DomainError('training.trainer_double_booked', { sessionId: clash.id });
    const [row] = await tx
      .insert(trainingSession)
      .values({ ...input, moduleIds, cohortId })
      .returning({ id: trainingSession.id });
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'cohort',
      entityId: cohortId,
      detail: { session: row!.id },
    });
    return { id: row!.id };
  });
}

/**
 * Attendance in one go: the screen sends the whole group (all present after one tap, then the exceptions).
 * Marking again replaces a mark. Everyone marked must be a member of the cohort, or nothing is saved.
 */
export async function saveAttendance(ctx: Ctx, sessionId: string, input: z.infer<typeof attendanceSave>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx
      .select({ id: trainingSession.id, cohortId: trainingSession.cohortId })
      .from(trainingSession)
      .innerJoin(cohort, eq(cohort.id, trainingSession.cohortId))
      .where(and(eq(trainingSession.id, sessionId), runsCohort(actor)));
    if (!s) throw new DomainError('resource.not_found');
    const ids = [...new Set(input.marks.map((m) => m.participantId))];
    if (ids.length !== input.marks.length)
      throw new DomainError('request.invalid', [
        { field: 'marks', message: 'a participant is marked twice' },
      ]);
    const members = await tx
      .select({ participantId: cohortMember.participantId })
      .from(cohortMember)
      .where(
        and(
          eq(cohortMember.cohortId, s.cohortId),
          inArray(cohortMember.participantId, ids),
          ne(cohortMember.status, 'waiting'),
        ),
      );
    const known = new Set(members.map((m) => m.participantId));
    const strangers = ids.filter((id) => !known.has(id));
    if (strangers.length) throw new DomainError('training.not_in_cohort', { participantIds: strangers });
    const now = ctx.clock();
    await tx
      .insert(attendance)
      .values(input.marks.map((m) => ({ sessionId, ...m, markedBy: actor.userId, markedAt: now })))
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.participantId],
        set: { status: sql`excluded.status`, markedBy: actor.userId, markedAt: now },
      });
    // One line for the group: who was marked, findable per participant in the audit log.
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'participant',
      detail: { attendance: sessionId, count: ids.length, participantIds: ids },
    });
    return { saved: ids.length };
  });
}
