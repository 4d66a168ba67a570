import { sequentially } from '../db.ts';
import { and, desc, eq } from 'drizzle-orm';
import { appUser } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { municipality, programme } from '../organisation/organisation.table.ts';
import { fullFileScope, today, whoCanSee } from '../participants/index.ts';
import { activity, trajectory } from './trajectories.table.ts';
import { selectUpcomingAppointments } from './appointments.ts';
import { education, languageLevel, participant, workExperience } from '../participants/participants.table.ts';
import { readPlan } from './plan.ts';
import { selectQuestions } from './questions.ts';
import { monthOfTrajectory } from './trajectories.rules.ts';

/** The participant's own page: plan, appointments, coach, and who can see the file. */
export async function getPortal(ctx: Ctx) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select({ participant, regionId: municipality.regionId })
      .from(participant)
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .where(eq(participant.userId, actor.userId));
    if (!p) throw new DomainError('resource.not_found');
    const [t] = await tx
      .select()
      .from(trajectory)
      .where(eq(trajectory.participantId, p.participant.id))
      .orderBy(desc(trajectory.createdAt))
      .limit(1);
    const [{ months } = { months: 6 }] = await tx
      .select({ months: programme.trajectoryMonths })
      .from(programme)
      .limit(1);
    const now = today(ctx);
    const appointments = t ? await selectUpcomingAppointments(tx, t.id, ctx.clock()) : [];
    const [coach] = t?.coachId
      ? await tx
          .select({ name: appUser.displayName, email: appUser.email })
          .from(appUser)
          .where(eq(appUser.id, t.coachId))
      : [];
    const whoSees = await whoCanSee(tx, p.participant.id);
    const cards = [];
    for (const source of ctx.contributions.portal)
      cards.push(
        ...(await source(tx, { participantId: p.participant.id, trajectoryId: t?.id ?? null, today: now })),
      );
    await auditParticipant(ctx, tx, 'read', p.participant.id, { portal: true });
    return {
      participantId: p.participant.id,
      name: p.participant.name,
      preferredLanguage: p.participant.preferredLanguage,
      trajectory: t
        ? {
            id: t.id,
            status: t.status,
            monthNumber: t.status === 'active' && t.startedOn ? monthOfTrajectory(t.startedOn, now) : null,
            trajectoryMonths: months,
            startedOn: t.startedOn,
            plannedEndOn: t.plannedEndOn,
          }
        : null,
      plan: t ? await readPlan(tx, t.id) : null,
      appointments,
      coach: coach ?? null,
      questions: t ? await selectQuestions(tx, t.id) : [],
      cards,
      whoCanSee: whoSees,
    };
  });
}

/** The facts for a Europass-like CV, from the profile and the steps taken. */
export async function getCv(ctx: Ctx, participantId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ participant, municipalityName: municipality.name })
      .from(participant)
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .where(and(eq(participant.id, participantId), fullFileScope(actor)));
    if (!row) throw new DomainError('resource.not_found');
    const p = row.participant;
    const [educations, work, levels, activities] = await sequentially([
      tx.select().from(education).where(eq(education.participantId, participantId)),
      tx.select().from(workExperience).where(eq(workExperience.participantId, participantId)),
      tx
        .select()
        .from(languageLevel)
        .where(eq(languageLevel.participantId, participantId))
        .orderBy(desc(languageLevel.assessedOn), desc(languageLevel.createdAt)),
      tx
        .select({ kind: activity.kind, happenedOn: activity.happenedOn })
        .from(activity)
        .innerJoin(trajectory, eq(trajectory.id, activity.trajectoryId))
        .where(eq(trajectory.participantId, participantId))
        .orderBy(desc(activity.happenedOn)),
    ]);
    const currentLevels = new Map<string, string>();
    for (const l of levels) if (!currentLevels.has(l.skill)) currentLevels.set(l.skill, l.level);
    await auditParticipant(ctx, tx, 'read', participantId, { cv: true });
    return {
      name: p.name,
      municipalityName: row.municipalityName,
      phone: p.phone,
      email: p.email,
      hasDrivingLicence: p.hasDrivingLicence,
      languages: p.languages,
      dutchLevels: [...currentLevels].map(([skill, level]) => ({ skill, level })),
      education: educations.map(({ country, level, field, years, hasDiploma, valuationResult }) => ({
        country,
        level,
        field,
        years,
        hasDiploma,
        valuationResult,
      })),
      workExperience: work.map(({ occupation, years, country }) => ({ occupation, years, country })),
      ambition: p.ambitions.nextStep.text || p.ambitions.dreamJob.text,
      activities,
    };
  });
}
