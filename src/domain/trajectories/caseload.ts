import { caseloadRules } from '../../shared/limits.ts';
import { leadRoles } from '../../shared/roles.ts';
import {
  aliasedTable,
  and,
  desc,
  eq,
  gte,
  inArray,
  lt,
  isNotNull,
  isNull,
  lte,
  notExists,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { caseloadQuery, todayItem } from '../../shared/contracts/trajectories.ts';
import { appUser, roleAssignment } from '../access/access.table.ts';
import { audit } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { sequentially, type Db } from '../db.ts';
import { municipality, programme, region } from '../organisation/organisation.table.ts';
import { fullFileScope, today } from '../participants/index.ts';
import { participant } from '../participants/participants.table.ts';
import {
  addDays,
  daysBetween,
  minusWorkingDays,
  monthOfTrajectory,
  openStatuses,
} from './trajectories.rules.ts';
import { programmeInstant, programmeTime } from '../../shared/dates.ts';
import {
  appointment,
  jobApplication,
  meeting,
  note,
  planVersion,
  stepProgress,
  trajectory,
} from './trajectories.table.ts';

const coach = aliasedTable(appUser, 'coach');
const answer = aliasedTable(note, 'answer');
type Query = z.infer<typeof caseloadQuery>;
type TodayItem = z.infer<typeof todayItem>;

/**
 * Whose trajectories the actor asks for: their own caseload (coaches), one coach's (leads: a coach of their
 * region), or everything a lead may see. Always within the participant policy's full-file scope, so the caseload
 * never shows more than the files behind it.
 */
async function caseloadScope(ctx: Ctx, coachId: string | undefined): Promise<SQL> {
  const actor = requireActor(ctx);
  const isLead = actor.roles.some((r) => leadRoles.includes(r.role));
  const whose = coachId ?? (actor.roles.some((r) => r.role === 'coach') ? actor.userId : undefined);
  if (whose !== actor.userId && !isLead) throw new DomainError('auth.forbidden');
  if (whose && whose !== actor.userId && !actor.roles.some((r) => r.role === 'national_lead')) {
    const leadRegions = actor.roles.filter((r) => r.role === 'regional_lead').map((r) => r.regionId!);
    const [inRegion] = await ctx.db
      .select({ id: roleAssignment.id })
      .from(roleAssignment)
      .where(
        and(
          eq(roleAssignment.userId, whose),
          eq(roleAssignment.role, 'coach'),
          inArray(roleAssignment.regionId, leadRegions),
        ),
      );
    if (!inRegion) throw new DomainError('auth.forbidden');
  }
  return and(fullFileScope(actor), whose ? eq(trajectory.coachId, whose) : undefined)!;
}

async function planStates(tx: Db, ids: string[]) {
  if (!ids.length) return { latest: new Map(), agreed: new Map(), done: new Set<string>() };
  const latest = await tx
    .selectDistinctOn([planVersion.trajectoryId], {
      trajectoryId: planVersion.trajectoryId,
      version: planVersion.version,
      steps: planVersion.steps,
    })
    .from(planVersion)
    .where(inArray(planVersion.trajectoryId, ids))
    .orderBy(planVersion.trajectoryId, desc(planVersion.version));
  const agreed = await tx
    .selectDistinctOn([planVersion.trajectoryId], {
      trajectoryId: planVersion.trajectoryId,
      version: planVersion.version,
    })
    .from(planVersion)
    .where(and(inArray(planVersion.trajectoryId, ids), isNotNull(planVersion.agreedAt)))
    .orderBy(planVersion.trajectoryId, desc(planVersion.version));
  const progress = await tx
    .select({ trajectoryId: stepProgress.trajectoryId, stepId: stepProgress.stepId })
    .from(stepProgress)
    .where(and(inArray(stepProgress.trajectoryId, ids), inArray(stepProgress.status, ['done', 'dropped'])));
  return {
    latest: new Map(latest.map((l) => [l.trajectoryId, l])),
    agreed: new Map(agreed.map((a) => [a.trajectoryId, a.version])),
    done: new Set(progress.map((p) => `${p.trajectoryId}/${p.stepId}`)),
  };
}

/**
 * A coach's caseload: per participant the month of the trajectory, the next step, overdue steps, days since the
 * last contact, whether the plan waits for agreement and whether the end is near; plus a "today" list.
 */
export async function getCaseload(ctx: Ctx, query: Query) {
  const scope = await caseloadScope(ctx, query.coachId);
  const now = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const [{ months } = { months: 6 }] = await tx
      .select({ months: programme.trajectoryMonths })
      .from(programme)
      .limit(1);
    const rows = await tx
      .select({
        trajectory,
        name: participant.name,
        municipalityName: municipality.name,
        coachName: coach.displayName,
      })
      .from(trajectory)
      .innerJoin(participant, eq(participant.id, trajectory.participantId))
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .leftJoin(coach, eq(coach.id, trajectory.coachId))
      .where(
        and(
          scope,
          query.status ? eq(trajectory.status, query.status) : inArray(trajectory.status, [...openStatuses]),
        ),
      )
      .limit(caseloadRules.maxRows);
    const ids = rows.map((r) => r.trajectory.id);
    const plans = await planStates(tx, ids);
    const [contacts, meetingsToday, followUps, questions] = ids.length
      ? await sequentially([
          tx
            .select({ trajectoryId: meeting.trajectoryId, last: sql<string>`max(${meeting.heldOn})` })
            .from(meeting)
            .where(and(inArray(meeting.trajectoryId, ids), lte(meeting.heldOn, now)))
            .groupBy(meeting.trajectoryId),
          // Appointments planned for today (Dutch time), not the meetings logged today.
          tx
            .select({ trajectoryId: appointment.trajectoryId, startsAt: appointment.startsAt })
            .from(appointment)
            .where(
              and(
                inArray(appointment.trajectoryId, ids),
                eq(appointment.status, 'planned'),
                gte(appointment.startsAt, programmeInstant(now, '00:00')),
                lt(appointment.startsAt, programmeInstant(addDays(now, 1), '00:00')),
              ),
            )
            .orderBy(appointment.startsAt),
          tx
            .select({ trajectoryId: jobApplication.trajectoryId, vacancy: jobApplication.vacancy })
            .from(jobApplication)
            .where(
              and(
                inArray(jobApplication.trajectoryId, ids),
                lte(jobApplication.followUpOn, now),
                inArray(jobApplication.status, ['sent', 'interview']),
              ),
            ),
          // Open questions: not answered and not closed, however old.
          tx
            .select({ trajectoryId: note.trajectoryId, body: note.body, askedAt: note.createdAt })
            .from(note)
            .where(
              and(
                inArray(note.trajectoryId, ids),
                eq(note.isQuestion, true),
                isNull(note.replyTo),
                isNull(note.closedAt),
                notExists(
                  tx
                    .select({ one: sql`1` })
                    .from(answer)
                    .where(eq(answer.replyTo, note.id)),
                ),
              ),
            ),
        ])
      : [[], [], [], []];
    // A question should have an answer within a few working days (an Opstap setting, shared/limits.ts).
    const answerDueBefore = minusWorkingDays(ctx.clock(), caseloadRules.questionAnswerWorkingDays);
    const lastContact = new Map(contacts.map((c) => [c.trajectoryId, c.last]));
    const todayList: TodayItem[] = [];
    const items = rows.map(({ trajectory: t, name, municipalityName, coachName }) => {
      const latest = plans.latest.get(t.id);
      const openSteps = (latest?.steps ?? []).filter(
        (s: { id: string }) => !plans.done.has(`${t.id}/${s.id}`),
      ) as { text: string; dueOn: string | null }[];
      const byDue = [...openSteps].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
      const overdue = openSteps.filter((s) => s.dueOn && s.dueOn < now);
      const last = lastContact.get(t.id) ?? null;
      const isWaiting = !!latest && plans.agreed.get(t.id) !== latest.version;
      const isEndingSoon =
        t.status === 'active' &&
        !!t.plannedEndOn &&
        t.plannedEndOn <= addDays(now, caseloadRules.endingSoonDays);
      const person = { participantId: t.participantId, name };
      for (const s of overdue) todayList.push({ ...person, reason: 'step_overdue', detail: s.text });
      for (const s of openSteps.filter((s) => s.dueOn === now))
        todayList.push({ ...person, reason: 'step_due_today', detail: s.text });
      for (const m of meetingsToday.filter((m) => m.trajectoryId === t.id))
        todayList.push({ ...person, reason: 'meeting_today', detail: programmeTime(m.startsAt) });
      for (const f of followUps.filter((f) => f.trajectoryId === t.id))
        todayList.push({ ...person, reason: 'follow_up_due', detail: f.vacancy });
      if (isWaiting) todayList.push({ ...person, reason: 'plan_not_agreed', detail: null });
      if (isEndingSoon) todayList.push({ ...person, reason: 'ending_soon', detail: t.plannedEndOn });
      // A lead's to-do until a coach is assigned (a coach's own caseload never holds these).
      if (t.status === 'referred' && !t.coachId)
        todayList.push({ ...person, reason: 'referral_waiting', detail: municipalityName });
      const asked = questions.filter((q) => q.trajectoryId === t.id);
      for (const q of asked) todayList.push({ ...person, reason: 'question', detail: q.body.slice(0, 140) });
      const waiting = asked.filter((q) => q.askedAt < answerDueBefore).length;
      return {
        participantId: t.participantId,
        trajectoryId: t.id,
        name,
        municipalityName,
        status: t.status,
        coachId: t.coachId,
        coachName,
        monthNumber: t.status === 'active' && t.startedOn ? monthOfTrajectory(t.startedOn, now) : null,
        trajectoryMonths: months,
        plannedEndOn: t.plannedEndOn,
        nextStep: byDue[0] ? { text: byDue[0].text, dueOn: byDue[0].dueOn } : null,
        overdueSteps: overdue.length,
        lastContactOn: last,
        daysSinceLastContact: last ? daysBetween(last, now) : null,
        isPlanWaitingForAgreement: isWaiting,
        hasNoPlan: !latest,
        isEndingSoon,
        openQuestions: asked.length,
        questionsWaiting: waiting,
      };
    });
    // What other modules ask the coach to look at today (a missed session, a placement check-in, …).
    const byTrajectory = new Map(rows.map((r) => [r.trajectory.id, r]));
    for (const source of ctx.contributions.today)
      for (const item of await source(tx, { trajectoryIds: ids, today: now })) {
        const row = byTrajectory.get(item.trajectoryId);
        if (row)
          todayList.push({
            participantId: row.trajectory.participantId,
            name: row.name,
            reason: item.reason,
            detail: item.detail,
          });
      }
    const filtered = items.filter((i) =>
      query.filter === 'overdue'
        ? i.overdueSteps > 0
        : query.filter === 'not_agreed'
          ? i.isPlanWaitingForAgreement
          : query.filter === 'ending_soon'
            ? i.isEndingSoon
            : query.filter === 'no_contact_14d'
              ? i.daysSinceLastContact === null || i.daysSinceLastContact > caseloadRules.noContactDays
              : true,
    );
    const key: Record<Query['sort'], (i: (typeof items)[number]) => string | number> = {
      name: (i) => i.name.toLowerCase(),
      month: (i) => -(i.monthNumber ?? 0),
      next_due: (i) => i.nextStep?.dueOn ?? '9999-12-31',
      last_contact: (i) => -(i.daysSinceLastContact ?? 10_000),
      ending: (i) => i.plannedEndOn ?? '9999-12-31',
    };
    const sortKey = key[query.sort];
    filtered.sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.name.localeCompare(b.name),
    );
    await audit(ctx, tx, {
      action: 'list',
      entityType: 'participant',
      detail: {
        caseload: query.coachId ?? 'own',
        count: filtered.length,
        participantIds: filtered.map((i) => i.participantId),
      },
    });
    return { items: filtered, today: todayList };
  });
}

/**
 * Each coach's workload in the lead's region(s): open and active trajectories, overdue steps and plans waiting for
 * agreement, counted in the database over every open trajectory (no row cap).
 */
export async function getWorkload(ctx: Ctx) {
  const scope = await caseloadScope(ctx, undefined);
  const now = today(ctx);
  const latestPlan = ctx.db
    .selectDistinctOn([planVersion.trajectoryId], {
      trajectoryId: planVersion.trajectoryId,
      version: planVersion.version,
      steps: planVersion.steps,
      agreedAt: planVersion.agreedAt,
    })
    .from(planVersion)
    .orderBy(planVersion.trajectoryId, desc(planVersion.version))
    .as('latest_plan');
  // Steps of the latest plan due before today that are neither done nor dropped.
  const overdueSteps = sql`(select count(*) from jsonb_array_elements(${latestPlan.steps}) as step
    where step->>'dueOn' < ${now} and not exists (select 1 from ${stepProgress}
      where ${stepProgress.trajectoryId} = ${trajectory.id} and ${stepProgress.stepId} = step->>'id'
        and ${stepProgress.status} in ('done', 'dropped')))`;
  const items = await ctx.db
    .select({
      coachId: sql<string>`${trajectory.coachId}`,
      coachName: sql<string>`coalesce(${coach.displayName}, '')`,
      open: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${trajectory.status} = 'active'))::int`,
      overdueSteps: sql<number>`coalesce(sum(${overdueSteps}), 0)::int`,
      notAgreed: sql<number>`(count(*) filter (where ${latestPlan.version} is not null and ${latestPlan.agreedAt} is null))::int`,
    })
    .from(trajectory)
    .innerJoin(participant, eq(participant.id, trajectory.participantId))
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .leftJoin(coach, eq(coach.id, trajectory.coachId))
    .leftJoin(latestPlan, eq(latestPlan.trajectoryId, trajectory.id))
    .where(and(scope, inArray(trajectory.status, [...openStatuses]), isNotNull(trajectory.coachId)))
    .groupBy(trajectory.coachId, coach.displayName)
    .orderBy(desc(sql`count(*)`), coach.displayName);
  return { items };
}

/**
 * Referrals waiting for a coach in the lead's region(s), everywhere for the national lead: the oldest first, and
 * how many per region. They stay a to-do until a coach is assigned.
 */
export async function getWaitingReferrals(ctx: Ctx) {
  const actor = requireActor(ctx);
  const national = actor.roles.some((r) => r.role === 'national_lead');
  const leadRegions = actor.roles
    .filter((r) => r.role === 'regional_lead' && r.regionId)
    .map((r) => r.regionId!);
  if (!national && !leadRegions.length) throw new DomainError('auth.forbidden');
  const now = today(ctx);
  const waiting = and(
    eq(trajectory.status, 'referred'),
    isNull(trajectory.coachId),
    national ? undefined : inArray(municipality.regionId, leadRegions),
  );
  return ctx.db.transaction(async (tx) => {
    const byRegion = await tx
      .select({
        regionId: municipality.regionId,
        regionName: region.name,
        count: sql<number>`count(*)::int`,
        oldestReferredOn: sql<string>`min(${trajectory.referredOn})::text`,
      })
      .from(trajectory)
      .innerJoin(participant, eq(participant.id, trajectory.participantId))
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .leftJoin(region, eq(region.id, municipality.regionId))
      .where(waiting)
      .groupBy(municipality.regionId, region.name)
      .orderBy(region.name);
    const rows = await tx
      .select({
        participantId: participant.id,
        trajectoryId: trajectory.id,
        name: participant.name,
        municipalityName: municipality.name,
        regionName: region.name,
        referredOn: trajectory.referredOn,
      })
      .from(trajectory)
      .innerJoin(participant, eq(participant.id, trajectory.participantId))
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .leftJoin(region, eq(region.id, municipality.regionId))
      .where(waiting)
      .orderBy(trajectory.referredOn, participant.name)
      .limit(caseloadRules.waitingReferralsShown);
    await audit(ctx, tx, {
      action: 'list',
      entityType: 'participant',
      detail: { waitingReferrals: rows.length, participantIds: rows.map((r) => r.participantId) },
    });
    return {
      items: rows.map((r) => ({ ...r, daysWaiting: Math.max(0, daysBetween(r.referredOn, now)) })),
      byRegion,
      total: byRegion.reduce((sum, r) => sum + r.count, 0),
    };
  });
}
