import { sequentially } from '../db.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { timelineEntry } from '../../shared/contracts/trajectories.ts';
import { appUser } from '../access/access.table.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { fullFileScope, selectTrajectoriesOf } from '../participants/index.ts';
import { participant } from '../participants/participants.table.ts';
import {
  activity,
  coachAssignment,
  jobApplication,
  meeting,
  note,
  planVersion,
} from './trajectories.table.ts';

type Entry = z.infer<typeof timelineEntry>;

/**
 * Everything on one participant in time order, over all their trajectories. The participant does not see notes
 * kept for the coach team.
 */
export async function getTimeline(ctx: Ctx, participantId: string, kind?: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select({ userId: participant.userId })
      .from(participant)
      .where(and(eq(participant.id, participantId), fullFileScope(actor)));
    if (!p) throw new DomainError('resource.not_found');
    const isParticipant = p.userId === actor.userId;
    const trajectories = await selectTrajectoriesOf(tx, participantId);
    const ids = trajectories.map((t) => t.trajectory.id);
    const [assignments, versions, meetings, notes, applications, activities] = ids.length
      ? await sequentially([
          tx.select().from(coachAssignment).where(inArray(coachAssignment.trajectoryId, ids)),
          tx.select().from(planVersion).where(inArray(planVersion.trajectoryId, ids)),
          tx.select().from(meeting).where(inArray(meeting.trajectoryId, ids)),
          tx.select().from(note).where(inArray(note.trajectoryId, ids)),
          tx.select().from(jobApplication).where(inArray(jobApplication.trajectoryId, ids)),
          tx.select().from(activity).where(inArray(activity.trajectoryId, ids)),
        ])
      : [[], [], [], [], [], []];
    // What other modules put on the timeline (language levels, and later attendance, placements, …).
    const contributed = [];
    for (const source of ctx.contributions.timeline)
      contributed.push(
        ...(await source(tx, { participantId, trajectoryIds: ids, forParticipant: isParticipant })).filter(
          (entry) => !kind || entry.kind === kind,
        ),
      );
    const userIds = new Set<string>();
    for (const row of [
      ...trajectories.map((t) => t.trajectory),
      ...assignments,
      ...versions,
      ...meetings,
      ...notes,
      ...applications,
      ...activities,
    ] as Record<string, unknown>[])
      for (const key of ['referredBy', 'coachId', 'assignedBy', 'savedBy', 'agreedBy', 'createdBy'])
        if (typeof row[key] === 'string') userIds.add(row[key] as string);
    for (const entry of contributed) if (entry.byId) userIds.add(entry.byId);
    const names = new Map(
      userIds.size
        ? (
            await tx
              .select({ id: appUser.id, name: appUser.displayName })
              .from(appUser)
              .where(inArray(appUser.id, [...userIds]))
          ).map((u) => [u.id, u.name])
        : [],
    );
    const by = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const entries: Entry[] = [];
    const want = (k: string) => !kind || kind === k;

    if (want('trajectory'))
      for (const { trajectory: t, extensions } of trajectories) {
        const base = { kind: 'trajectory' as const, text: null, data: { trajectoryId: t.id } };
        entries.push({
          ...base,
          at: t.referredOn,
          title: 'trajectory.referred',
          byName: by(t.referredBy),
          text: t.referralMotivation || null,
        });
        if (t.intakeOn) entries.push({ ...base, at: t.intakeOn, title: 'trajectory.intake', byName: null });
        if (t.startedOn)
          entries.push({
            ...base,
            at: t.startedOn,
            title: 'trajectory.started',
            byName: null,
            data: { ...base.data, plannedEndOn: t.plannedEndOn },
          });
        if (t.endedOn)
          entries.push({
            ...base,
            at: t.endedOn,
            title: `trajectory.${t.status}`,
            byName: null,
            data: { ...base.data, stopReason: t.stopReason },
          });
        for (const e of extensions)
          entries.push({
            ...base,
            at: e.extension.createdAt.toISOString(),
            title: 'trajectory.extended',
            text: e.extension.reason,
            byName: e.approvedByName,
            data: { newEndOn: e.extension.newEndOn },
          });
      }
    if (ids.length && want('trajectory'))
      for (const a of assignments)
        entries.push({
          kind: 'trajectory',
          at: a.assignedAt.toISOString(),
          title: 'trajectory.coach_assigned',
          text: by(a.coachId),
          byName: by(a.assignedBy),
          data: { coachId: a.coachId },
        });
    if (ids.length && want('plan'))
      for (const v of versions) {
        entries.push({
          kind: 'plan',
          at: v.savedAt.toISOString(),
          title: 'plan.saved',
          text: null,
          byName: by(v.savedBy),
          data: { version: v.version, goals: v.goals.length, steps: v.steps.length },
        });
        if (v.agreedAt)
          entries.push({
            kind: 'plan',
            at: v.agreedAt.toISOString(),
            title: 'plan.agreed',
            text: null,
            byName: by(v.agreedBy),
            data: { version: v.version },
          });
      }
    if (ids.length && want('meeting'))
      for (const m of meetings)
        entries.push({
          kind: 'meeting',
          at: m.heldOn,
          title: `meeting.${m.mode}`,
          text: m.summary || null,
          byName: by(m.createdBy),
          data: { durationMinutes: m.durationMinutes, topics: m.topics },
        });
    if (ids.length && (want('note') || want('question')))
      for (const n of notes) {
        if (isParticipant && n.visibility === 'team') continue;
        const k = n.isQuestion || n.replyTo ? 'question' : 'note';
        if (want(k))
          entries.push({
            kind: k,
            at: n.createdAt.toISOString(),
            title: n.replyTo ? 'question.answered' : `${k}.${n.visibility}`,
            text: n.body,
            byName: by(n.createdBy),
            data: {},
          });
      }
    if (ids.length && want('application'))
      for (const a of applications)
        entries.push({
          kind: 'application',
          at: a.appliedOn,
          title: `application.${a.status}`,
          text: `${a.vacancy} – ${a.employerName}`,
          byName: by(a.createdBy),
          data: { id: a.id, followUpOn: a.followUpOn },
        });
    if (ids.length && want('activity'))
      for (const a of activities)
        entries.push({
          kind: 'activity',
          at: a.happenedOn,
          title: `activity.${a.kind}`,
          text: a.note || null,
          byName: by(a.createdBy),
          data: {},
        });
    for (const { byId, ...entry } of contributed) entries.push({ ...entry, byName: by(byId) });

    await auditParticipant(ctx, tx, 'read', participantId, { timeline: kind ?? 'all' });
    // Newest first; a date-only entry sorts before the same day's timed entries.
    return { items: entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)) };
  });
}
