import { aliasedTable, and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { nameKey } from '../../shared/names.ts';
import { appUser } from '../access/access.table.ts';
import { sequentially, type Db } from '../db.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { trajectory, trajectoryExtension } from '../trajectories/trajectories.table.ts';
import { education, languageLevel, participant, workExperience } from './participants.table.ts';

const coach = aliasedTable(appUser, 'coach');
const approver = aliasedTable(appUser, 'approver');

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
  // The latest trajectory per participant: the open one, or else the last that ended (one index lookup each).
  const latest = db
    .select({ id: trajectory.id, status: trajectory.status, coachId: trajectory.coachId })
    .from(trajectory)
    .where(eq(trajectory.participantId, participant.id))
    .orderBy(desc(trajectory.createdAt))
    .limit(1)
    .as('latest');
  const where = and(
    sql`(${scope.full} or ${scope.limited})`,
    // The key is lower-case already: LIKE is several times faster than ILIKE here.
    ...words.map((word) => like(participant.nameKey, `%${escapeLike(word)}%`)),
    filter.municipalityCode ? eq(participant.municipalityCode, filter.municipalityCode) : undefined,
    filter.status ? eq(latest.status, filter.status) : undefined,
  );
  const rows = await db
    .select({
      id: participant.id,
      name: participant.name,
      dateOfBirth: participant.dateOfBirth,
      municipalityCode: participant.municipalityCode,
      municipalityName: municipality.name,
      status: latest.status,
      coachName: coach.displayName,
      trajectoryId: latest.id,
      isFullFile: sql<boolean>`(${scope.full})`,
    })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .leftJoinLateral(latest, sql`true`)
    .leftJoin(coach, eq(coach.id, latest.coachId))
    .where(where)
    .orderBy(participant.name, participant.id)
    .limit(filter.limit)
    .offset(filter.offset);
  // The count needs the trajectories only when filtering on their status.
  const counting = db.select({ n: count() }).from(participant);
  const [total] = filter.status
    ? await counting.leftJoinLateral(latest, sql`true`).where(where)
    : await counting.where(where);
  return { items: rows, total: total?.n ?? 0 };
}
