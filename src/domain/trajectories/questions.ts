import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { isLocale } from '../../shared/locales.ts';
import { appUser } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { participant } from '../participants/participants.table.ts';
import { loadManagedTrajectory } from './manage-trajectory.ts';
import { loadReadableTrajectory } from './plan.ts';
import { note } from './trajectories.table.ts';

/** A question of the participant, locked for the change, on a trajectory the actor manages; 404 otherwise. */
async function loadManagedQuestion(ctx: Ctx, tx: Db, questionId: string) {
  const [question] = await tx
    .select()
    .from(note)
    .where(and(eq(note.id, questionId), eq(note.isQuestion, true), isNull(note.replyTo)))
    .for('update');
  if (!question) throw new DomainError('resource.not_found');
  const t = await loadManagedTrajectory(ctx, tx, question.trajectoryId);
  return { question, trajectory: t };
}

/**
 * The coach team answers a participant's question. The participant sees the answer in the portal and hears that
 * there is one (by SMS when that is how they like to be reached, else by e-mail), without its content.
 */
export async function answerQuestion(ctx: Ctx, questionId: string, body: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { question, trajectory: t } = await loadManagedQuestion(ctx, tx, questionId);
    if (question.closedAt) throw new DomainError('question.closed');
    const [answer] = await tx
      .insert(note)
      .values({
        trajectoryId: t.id,
        body,
        visibility: 'participant',
        replyTo: question.id,
        createdBy: actor.userId,
        createdAt: ctx.clock(),
      })
      .returning({ id: note.id });
    const [person] = await tx
      .select({
        name: participant.name,
        channel: participant.contactChannel,
        phone: participant.phone,
        language: participant.preferredLanguage,
        email: appUser.email,
      })
      .from(participant)
      .leftJoin(appUser, eq(appUser.id, participant.userId))
      .where(eq(participant.id, t.participantId));
    if (person) {
      const text = templates.questionAnswered[isLocale(person.language) ? person.language : 'nl']({
        name: person.name,
        link: `${ctx.publicUrl}/`,
      });
      if (person.channel === 'sms' && person.phone)
        await ctx.sender.send(ctx, tx, { channel: 'sms', recipient: person.phone, body: text.body });
      else if (person.email)
        await ctx.sender.send(ctx, tx, { channel: 'email', recipient: person.email, ...text });
    }
    await auditParticipant(ctx, tx, 'create', t.participantId, { answer: answer!.id, question: question.id });
    return answer!;
  });
}

/** The coach closes a question: answered enough, or taken up in a meeting. Closing twice is a conflict. */
export async function closeQuestion(ctx: Ctx, questionId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { question, trajectory: t } = await loadManagedQuestion(ctx, tx, questionId);
    if (question.closedAt) throw new DomainError('question.closed');
    await tx
      .update(note)
      .set({ closedAt: ctx.clock(), closedBy: actor.userId })
      .where(eq(note.id, question.id));
    await auditParticipant(ctx, tx, 'update', t.participantId, { closedQuestion: question.id });
    return { id: question.id };
  });
}

/** The questions of a trajectory for the coach team (and the participant), with their answers; the read is audited. */
export async function listQuestions(ctx: Ctx, trajectoryId: string) {
  const { trajectory: t } = await loadReadableTrajectory(ctx, ctx.db, trajectoryId);
  const items = await selectQuestions(ctx.db, trajectoryId);
  await auditParticipant(ctx, ctx.db, 'read', t.participantId, { questions: trajectoryId });
  return { items };
}

/** A trajectory's questions, newest first, each with its answers in the order they were given. */
export async function selectQuestions(tx: Db, trajectoryId: string) {
  const questions = await tx
    .select()
    .from(note)
    .where(and(eq(note.trajectoryId, trajectoryId), eq(note.isQuestion, true), isNull(note.replyTo)))
    .orderBy(desc(note.createdAt));
  const answers = questions.length
    ? await tx
        .select({ replyTo: note.replyTo, body: note.body, at: note.createdAt, byName: appUser.displayName })
        .from(note)
        .leftJoin(appUser, eq(appUser.id, note.createdBy))
        .where(
          inArray(
            note.replyTo,
            questions.map((q) => q.id),
          ),
        )
        .orderBy(asc(note.createdAt))
    : [];
  return questions.map((q) => ({
    id: q.id,
    body: q.body,
    askedAt: q.createdAt.toISOString(),
    closedAt: q.closedAt?.toISOString() ?? null,
    answers: answers
      .filter((a) => a.replyTo === q.id)
      .map((a) => ({ body: a.body, at: a.at.toISOString(), byName: a.byName })),
  }));
}
