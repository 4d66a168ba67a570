import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Contributions, PortalCard, TodayContribution } from '../context.ts';
import { absencesInARow, needsAbsenceAlert } from './training.rules.ts';
import { attendance, cohort, cohortMember, trainingSession } from './training.table.ts';

/** A local date and time in Europe/Amsterdam as an instant (the programme's clock; DST included). */
export function amsterdamInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return new Date(guess.getTime() - (local - guess.getTime())).toISOString();
}

/** Where a place is on a map (OpenStreetMap's search: no key, no tracking script). */
export const mapLink = (place: string) =>
  `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`;

/**
 * The training module on others' views: each attendance mark on the participant's timeline, a run of absences
 * without notice on the coach's "today" list, the next session on the portal home.
 */
export const trainingContributions: Partial<Contributions> = {
  timeline: [
    async (tx, { participantId }) =>
      (
        await tx
          .select({
            status: attendance.status,
            markedBy: attendance.markedBy,
            date: trainingSession.date,
            sessionId: trainingSession.id,
            kind: trainingSession.kind,
            cohortName: cohort.name,
          })
          .from(attendance)
          .innerJoin(trainingSession, eq(trainingSession.id, attendance.sessionId))
          .innerJoin(cohort, eq(cohort.id, trainingSession.cohortId))
          .where(eq(attendance.participantId, participantId))
          .orderBy(asc(trainingSession.date))
      ).map((a) => ({
        kind: 'attendance',
        at: a.date,
        title: `attendance.${a.status}`,
        text: a.cohortName,
        byId: a.markedBy,
        data: { sessionId: a.sessionId, sessionKind: a.kind },
      })),
  ],
  today: [
    async (tx, { trajectoryIds }) => {
      if (!trajectoryIds.length) return [];
      const members = await tx
        .select({
          trajectoryId: cohortMember.trajectoryId,
          participantId: cohortMember.participantId,
          cohortId: cohortMember.cohortId,
          cohortName: cohort.name,
        })
        .from(cohortMember)
        .innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
        .where(
          and(
            inArray(cohortMember.trajectoryId, trajectoryIds),
            eq(cohortMember.status, 'member'),
            eq(cohort.status, 'running'),
          ),
        );
      if (!members.length) return [];
      const marks = await tx
        .select({
          participantId: attendance.participantId,
          cohortId: trainingSession.cohortId,
          status: attendance.status,
        })
        .from(attendance)
        .innerJoin(trainingSession, eq(trainingSession.id, attendance.sessionId))
        .where(
          and(
            inArray(
              attendance.participantId,
              members.map((m) => m.participantId),
            ),
            inArray(
              trainingSession.cohortId,
              members.map((m) => m.cohortId),
            ),
          ),
        )
        .orderBy(desc(trainingSession.date), desc(trainingSession.startTime));
      const alerts: TodayContribution[] = [];
      for (const m of members) {
        const newestFirst = marks
          .filter((a) => a.participantId === m.participantId && a.cohortId === m.cohortId)
          .map((a) => a.status);
        if (needsAbsenceAlert(newestFirst))
          alerts.push({
            trajectoryId: m.trajectoryId,
            reason: 'absent_in_a_row',
            detail: `${m.cohortName} (${absencesInARow(newestFirst)}×)`,
          });
      }
      return alerts;
    },
  ],
  portal: [
    async (tx, { participantId, today }) => {
      const [next] = await tx
        .select({ session: trainingSession })
        .from(trainingSession)
        .innerJoin(cohortMember, eq(cohortMember.cohortId, trainingSession.cohortId))
        .innerJoin(cohort, eq(cohort.id, trainingSession.cohortId))
        .where(
          and(
            eq(cohortMember.participantId, participantId),
            eq(cohortMember.status, 'member'),
            inArray(cohort.status, ['planned', 'running']),
            gte(trainingSession.date, today),
          ),
        )
        .orderBy(asc(trainingSession.date), asc(trainingSession.startTime))
        .limit(1);
      if (!next) return [];
      const s = next.session;
      const cards: PortalCard[] = [
        {
          kind: 'training',
          title: s.onlineUrl ? 'training.card.nextOnline' : 'training.card.nextSession',
          at: amsterdamInstant(s.date, s.startTime),
          text: s.place || null,
          // Online: the meeting link; in a room: the place on a map.
          link: s.onlineUrl || (s.place ? mapLink(s.place) : null),
        },
      ];
      if (s.bring)
        cards.push({ kind: 'training', title: 'training.card.bring', at: null, text: s.bring, link: null });
      return cards;
    },
  ],
};
