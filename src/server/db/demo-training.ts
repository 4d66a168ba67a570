import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../domain/db.ts';
import { appUser } from '../../domain/access/index.ts';
import { region } from '../../domain/organisation/index.ts';
import { participant } from '../../domain/participants/index.ts';
import { addDays, trajectory } from '../../domain/trajectories/index.ts';
import {
  attendance,
  cohort,
  cohortMember,
  cohortTrainer,
  trainingModule,
  trainingSession,
} from '../../domain/training/index.ts';

type Mark = (typeof attendance.$inferInsert)['status'];
/** Who misses what in the demo: Selam three times in a row without notice, so the coach's "today" shows it. */
const exceptions: Record<string, Record<number, Mark>> = {
  'Selam Tekle': { 1: 'absent_no_notice', 2: 'absent_no_notice', 3: 'absent_no_notice' },
  'Rania Al-Khatib': { 2: 'late' },
  'Dawit Haile': { 0: 'absent_notice' },
};
const kinds: Partial<Record<number, (typeof trainingSession.$inferInsert)['kind']>> = {
  6: 'company_visit',
  9: 'interview_practice',
  11: 'final_presentation',
};

/**
 * A running cohort in Utrecht (Regio Midden) with the demo trainer: weekly sessions from four weeks ago (one
 * today), attendance for the past ones, and the open demo trajectories of Regio Midden as its participants.
 */
export async function loadDemoTraining(db: Db | Tx, today: string) {
  const [trainer] = await db.select().from(appUser).where(eq(appUser.email, 'trainer@demo.opstap.nl'));
  const [midden] = await db.select().from(region).where(eq(region.code, 'Midden'));
  if (!trainer || !midden) return;
  const modules = await db.select().from(trainingModule).orderBy(asc(trainingModule.position));
  const startsOn = addDays(today, -28);
  const [group] = await db
    .insert(cohort)
    .values({
      name: 'Utrecht – voorjaar',
      regionId: midden.id,
      municipalityCodes: ['GM0344', 'GM0307'],
      capacity: 15,
      startsOn,
      endsOn: addDays(startsOn, 11 * 7),
      location: 'Wijkcentrum De Leeuw, Utrecht',
      status: 'running',
    })
    .returning();
  await db.insert(cohortTrainer).values({ cohortId: group!.id, userId: trainer.id });
  const sessions = await db
    .insert(trainingSession)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        cohortId: group!.id,
        date: addDays(startsOn, i * 7),
        startTime: '13:30',
        endTime: '16:00',
        place:
          kinds[i] === 'company_visit' ? 'Bakkerij De Korenschoof, Utrecht' : 'Wijkcentrum De Leeuw, Utrecht',
        kind: kinds[i] ?? 'regular',
        trainerId: trainer.id,
        moduleIds: modules[i] ? [modules[i].id] : [],
        guests: kinds[i] === 'company_visit' ? 'Bakkerij De Korenschoof' : '',
        bring: i === 3 ? 'Je cv, op papier of op je telefoon' : 'Pen en papier',
      })),
    )
    .returning();
  const people = await db
    .select({ participantId: participant.id, name: participant.name, trajectoryId: trajectory.id })
    .from(participant)
    .innerJoin(trajectory, eq(trajectory.participantId, participant.id))
    .where(
      and(
        inArray(participant.name, ['Yonas Tesfay', 'Rania Al-Khatib', 'Selam Tekle', 'Dawit Haile']),
        inArray(trajectory.status, ['intake', 'active']),
      ),
    );
  if (!people.length) return;
  await db.insert(cohortMember).values(
    people.map(({ participantId, trajectoryId }) => ({
      cohortId: group!.id,
      participantId,
      trajectoryId,
      status: 'member' as const,
    })),
  );
  const past = sessions.filter((s) => s.date < today);
  await db.insert(attendance).values(
    past.flatMap((s, i) =>
      people.map((p) => ({
        sessionId: s.id,
        participantId: p.participantId,
        status: exceptions[p.name]?.[i] ?? ('present' as const),
        markedBy: trainer.id,
      })),
    ),
  );
}
