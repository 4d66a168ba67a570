import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { nameKey } from '../../shared/names.ts';
import { appUser } from '../access/access.table.ts';
import { sequentially, type Db } from '../db.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { trajectory, trajectoryExtension } from '../trajectories/trajectories.table.ts';
import { education, languageLevel, participant, workExperience } from './participants.table.ts';

const coach = aliasedTable(appUser, 'coach');
const approver = aliasedTable(appUser, 'approver');

/** The most recent trajectory of each participant: the open one, or else the last one that ended. */
const latestTrajectory = sql`${trajectory.id} = (select t2.id from ${trajectory} t2 where t2.participant_id = ${participant.id} order by t2.created_at desc limit 1)`;

export async function selectParticipant(db: Db, id: string) {
  const [row] = await db
    .select({ participant, municipalityName: municipality.name, regionId: municipality.regionId })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .where(eq(participant.id, id));
  return row;
}

export async function selectTrajectoriesOf(db: Db, participantId: string) {
  const rows = await db
    .select({ trajectory, coachName: coach.displayName })
    .from(trajectory)
    .leftJoin(coach, eq(coach.id, trajectory.coachId))
    .where(eq(trajectory.participantId, participantId))
    .orderBy(desc(trajectory.createdAt));
  const extensions = rows.length
    ? await db
        .select({ extension: trajectoryExtension, approvedByName: approver.displayName })
        .from(trajectoryExtension)
        .leftJoin(approver, eq(approver.id, trajectoryExtension.approvedBy))
        .where(
          inArray(
            trajectoryExtension.trajectoryId,
            rows.map((r) => r.trajectory.id),
          ),
        )
        .orderBy(asc(trajectoryExtension.createdAt))
    : [];
  return rows.map((r) => ({
    ...r,
    extensions: extensions.filter((e) => e.extension.trajectoryId === r.trajectory.id),
  }));
}

export async function selectProfileLists(db: Db, participantId: string) {
  const [educations, work, levels] = await sequentially([
    db.select().from(education).where(eq(education.participantId, participantId)),
    db.select().from(workExperience).where(eq(workExperience.participantId, participantId)),
    db
      .select()
      .from(languageLevel)
      .where(eq(languageLevel.participantId, participantId))
      .orderBy(desc(languageLevel.assessedOn), desc(languageLevel.createdAt)),
  ]);
  return { educations, work, levels };
}

/** Files with the same spelling-tolerant name and date of birth in the same municipality. */
export async function selectPossibleDuplicates(
  db: Db,
  input: { name: string; dateOfBirth: string | null; municipalityCode: string },
) {
  if (!input.dateOfBirth) return [];
  return db
    .select({ id: participant.id, name: participant.name })
    .from(participant)
    .where(
      and(
        eq(participant.nameKey, nameKey(input.name)),
        eq(participant.dateOfBirth, input.dateOfBirth),
        eq(participant.municipalityCode, input.municipalityCode),
      ),
    );
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, '\\$&');

/** Participants in `scope`, each with their latest trajectory; the name filter tolerates spelling variants. */
export async function selectParticipants(
  db: Db,
  scope: { full: SQL; limited: SQL },
  filter: {
    q?: string;
    municipalityCode?: string;
    status?: (typeof trajectory.$inferSelect)['status'];
    limit: number;
    offset: number;
  },
) {
  const words = filter.q ? nameKey(filter.q).split(' ').filter(Boolean) : [];
  const where = and(
    sql`(${scope.full} or ${scope.limited})`,
    ...words.map((word) => ilike(participant.nameKey, `%${escapeLike(word)}%`)),
    filter.municipalityCode ? eq(participant.municipalityCode, filter.municipalityCode) : undefined,
    filter.status ? eq(trajectory.status, filter.status) : undefined,
  );
  const base = db
    .select({
      id: participant.id,
      name: participant.name,
      dateOfBirth: participant.dateOfBirth,
      municipalityCode: participant.municipalityCode,
      municipalityName: municipality.name,
      status: trajectory.status,
      coachName: coach.displayName,
      trajectoryId: trajectory.id,
      isFullFile: sql<boolean>`(${scope.full})`,
    })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .leftJoin(trajectory, latestTrajectory)
    .leftJoin(coach, eq(coach.id, trajectory.coachId));
  const [items, [total]] = await sequentially([
    base.where(where).orderBy(participant.name, participant.id).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(participant).leftJoin(trajectory, latestTrajectory).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
