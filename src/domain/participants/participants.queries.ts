import {
  aliasedTable,
  and,
  count,
  desc,
  eq,
  getTableColumns,
  like,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { nameKey } from '../../shared/names.ts';
import { appUser, authToken } from '../access/access.table.ts';
import type { Db } from '../db.ts';
import { municipality, programme } from '../organisation/organisation.table.ts';
import { trajectory, trajectoryExtension } from '../trajectories/trajectories.table.ts';
import { education, languageLevel, participant, workExperience } from './participants.table.ts';

const coach = aliasedTable(appUser, 'coach');
const portalUser = aliasedTable(appUser, 'portal_user');

export async function selectParticipant(db: Db, id: string) {
  const [row] = await db
    .select({ participant, municipalityName: municipality.name, regionId: municipality.regionId })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .where(eq(participant.id, id));
  return row;
}

/** The fields of one participant with how much of the file the actor may see and who coaches them now. */
const inScopeFields = (scope: { full: SQL; limited: SQL }) => ({
  participant,
  municipalityName: municipality.name,
  regionId: municipality.regionId,
  isFullFile: sql<boolean>`(${scope.full})`,
  isReferrer: sql<boolean>`(${scope.limited})`,
  latestCoachId: sql<string | null>`(select ${trajectory.coachId} from ${trajectory}
    where ${trajectory.participantId} = ${participant.id} order by ${trajectory.createdAt} desc limit 1)`,
  portalEmail: portalUser.email,
  portalActive: sql<boolean>`${portalUser.passwordHash} is not null`,
  invitedAt: sql<string | null>`(select max(${authToken.createdAt}) from ${authToken}
    where ${authToken.userId} = ${participant.userId} and ${authToken.kind} = 'invitation')`,
});

/**
 * One participant with how much of the file the actor may see (`full`, or only the status of a referral they
 * made) and who coaches their latest trajectory: the access check is part of the read, one round trip.
 */
export async function selectParticipantInScope(db: Db, id: string, scope: { full: SQL; limited: SQL }) {
  const [row] = await db
    .select(inScopeFields(scope))
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .leftJoin(portalUser, eq(portalUser.id, participant.userId))
    .where(eq(participant.id, id));
  return row && (row.isFullFile || row.isReferrer) ? row : undefined;
}

/**
 * The participant file in one round trip: the participant as `selectParticipantInScope` reads them, their
 * trajectories (for the actor in scope) and the profile lists (only for the whole file). Each round trip costs the
 * app and the database more than the rows it carries, and the file is the screen read most.
 */
export async function selectParticipantFileInScope(db: Db, id: string, scope: { full: SQL; limited: SQL }) {
  const lists = profileListFields(participant.id);
  const [row] = await db
    .select({
      ...inScopeFields(scope),
      trajectories: sql<TrajectoryJson[] | null>`case when (${scope.full}) or (${scope.limited})
        then ${trajectoriesJson(participant.id)} end`,
      // The profile lists only for those who see the whole file: a referrer's answer never holds them.
      educations: sql<
        ProfileLists['educations'] | null
      >`case when (${scope.full}) then ${lists.educations} end`,
      work: sql<ProfileLists['work'] | null>`case when (${scope.full}) then ${lists.work} end`,
      levels: sql<ProfileLists['levels'] | null>`case when (${scope.full}) then ${lists.levels} end`,
    })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .leftJoin(portalUser, eq(portalUser.id, participant.userId))
    .where(eq(participant.id, id));
  if (!row || !(row.isFullFile || row.isReferrer)) return undefined;
  const { trajectories, educations, work, levels, ...rest } = row;
  return {
    ...rest,
    trajectories: decodeTrajectories(trajectories ?? []),
    lists: { educations: educations ?? [], work: work ?? [], levels: levels ?? [] },
  };
}

type Extension = {
  extension: Omit<typeof trajectoryExtension.$inferSelect, 'id' | 'approvedBy'>;
  approvedByName: string | null;
};
type TrajectoryJson = {
  /** The trajectory's columns as JSON: timestamps are text here, decoded by the column. */
  trajectory: Record<string, unknown>;
  coachName: string | null;
  trajectoryMonths: number;
  extensions: (Omit<Extension['extension'], 'createdAt'> & {
    createdAt: string;
    approvedByName: string | null;
  })[];
};

const trajectoryColumns = Object.entries(getTableColumns(trajectory));

/** A person's trajectories, newest first, each with its coach's name and extensions, as one JSON array. */
const trajectoriesJson = (participantId: AnyColumn | SQL) => sql`coalesce((select json_agg(json_build_object(
    'trajectory', json_build_object(${sql.join(
      trajectoryColumns.map(([key, column]) => sql`${key}::text, ${column}`),
      sql`, `,
    )}),
    'coachName', ${coach.displayName},
    'trajectoryMonths', coalesce((select ${programme.trajectoryMonths} from ${programme} limit 1), 6),
    'extensions', coalesce((select json_agg(json_build_object(
        'trajectoryId', ${trajectoryExtension.trajectoryId}, 'previousEndOn', ${trajectoryExtension.previousEndOn},
        'newEndOn', ${trajectoryExtension.newEndOn}, 'reason', ${trajectoryExtension.reason},
        'createdAt', ${trajectoryExtension.createdAt}, 'approvedByName',
        (select ${appUser.displayName} from ${appUser} where ${appUser.id} = ${trajectoryExtension.approvedBy}))
        order by ${trajectoryExtension.createdAt})
      from ${trajectoryExtension} where ${trajectoryExtension.trajectoryId} = ${trajectory.id}), '[]'::json))
    order by ${trajectory.createdAt} desc)
  from ${trajectory} left join ${appUser} as ${sql.identifier('coach')} on ${coach.id} = ${trajectory.coachId}
  where ${trajectory.participantId} = ${participantId}), '[]'::json)`;

function decodeTrajectories(rows: TrajectoryJson[]) {
  return rows.map(({ trajectory: json, extensions, ...r }) => ({
    ...r,
    // Each column reads its JSON value as it reads a column (a timestamp's text becomes a Date).
    trajectory: Object.fromEntries(
      trajectoryColumns.map(([key, column]) => {
        const value = json[key];
        return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
      }),
    ) as typeof trajectory.$inferSelect,
    extensions: extensions.map(({ approvedByName, createdAt, ...e }): Extension => ({
      extension: { ...e, createdAt: new Date(createdAt) },
      approvedByName,
    })),
  }));
}

/** A person's trajectories, newest first, each with its extensions, and the programme's trajectory length. */
export async function selectTrajectoriesOf(db: Db, participantId: string) {
  const [row] = await db
    .select({ trajectories: sql<TrajectoryJson[]>`${trajectoriesJson(sql`${participantId}`)}` })
    .from(sql`(select 1) as one`);
  return decodeTrajectories(row!.trajectories);
}

/** Education, work experience and Dutch levels (newest first) of one person, each as a JSON array. */
function profileListFields(participantId: AnyColumn | SQL) {
  const list = <T>(table: SQL, fields: Record<string, SQL | AnyColumn>, orderBy?: SQL) =>
    sql<T[]>`coalesce((select json_agg(json_build_object(${sql.join(
      Object.entries(fields).map(([key, column]) => sql`${key}::text, ${column}`),
      sql`, `,
    )})${orderBy ? sql` order by ${orderBy}` : sql``}) from ${table} where participant_id = ${participantId}), '[]'::json)`;
  return {
    educations: list<Omit<typeof education.$inferSelect, 'id' | 'participantId'>>(sql`${education}`, {
      country: education.country,
      level: education.level,
      field: education.field,
      years: education.years,
      hasDiploma: education.hasDiploma,
      valuation: education.valuation,
      valuationResult: education.valuationResult,
    }),
    work: list<Omit<typeof workExperience.$inferSelect, 'id' | 'participantId'>>(sql`${workExperience}`, {
      escoUri: workExperience.escoUri,
      occupation: workExperience.occupation,
      years: workExperience.years,
      country: workExperience.country,
    }),
    levels: list<Pick<typeof languageLevel.$inferSelect, 'skill' | 'level' | 'assessedOn' | 'source'>>(
      sql`${languageLevel}`,
      {
        skill: languageLevel.skill,
        level: languageLevel.level,
        assessedOn: languageLevel.assessedOn,
        source: languageLevel.source,
      },
      sql`${languageLevel.assessedOn} desc, ${languageLevel.createdAt} desc`,
    ),
  };
}
type ProfileListFields = ReturnType<typeof profileListFields>;
type ProfileLists = { [K in keyof ProfileListFields]: ProfileListFields[K] extends SQL<infer T> ? T : never };

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

/** A participant's latest trajectory: the open one, or else the last that ended (one index lookup). */
const latestTrajectoryOf = (db: Db, participantId: AnyColumn, name: string) =>
  db
    .select({ id: trajectory.id, status: trajectory.status, coachId: trajectory.coachId })
    .from(trajectory)
    .where(eq(trajectory.participantId, participantId))
    .orderBy(desc(trajectory.createdAt))
    .limit(1)
    .as(name);

/**
 * Participants in `scope`, each with their latest trajectory; the name filter tolerates spelling variants.
 * One statement: the page of participants is chosen first (the scope and name in one index, migration 0006) and
 * counted in the same scan (`count(*) over ()`); only the rows on the page look up their trajectory and coach.
 */
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
    // The key is lower-case already: LIKE is several times faster than ILIKE here.
    ...words.map((word) => like(participant.nameKey, `%${escapeLike(word)}%`)),
    filter.municipalityCode ? eq(participant.municipalityCode, filter.municipalityCode) : undefined,
  );
  const fields = {
    id: participant.id,
    name: participant.name,
    dateOfBirth: participant.dateOfBirth,
    municipalityCode: participant.municipalityCode,
    isFullFile: sql<boolean>`(${scope.full})`.as('is_full_file'),
    total: sql<number>`count(*) over ()`.mapWith(Number).as('total'),
  };
  // Filtering on the phase needs every candidate's latest trajectory; otherwise only the page's.
  const status = filter.status;
  const candidates = status
    ? (() => {
        const latest = latestTrajectoryOf(db, participant.id, 'latest_of_candidate');
        return db
          .select(fields)
          .from(participant)
          .innerJoinLateral(latest, sql`true`)
          .where(and(where, eq(latest.status, status)));
      })()
    : db.select(fields).from(participant).where(where);
  const page = candidates
    .orderBy(participant.name, participant.id)
    .limit(filter.limit)
    .offset(filter.offset)
    .as('page');
  const latest = latestTrajectoryOf(db, page.id, 'latest');
  const rows = await db
    .select({
      id: page.id,
      name: page.name,
      dateOfBirth: page.dateOfBirth,
      municipalityCode: page.municipalityCode,
      municipalityName: municipality.name,
      status: latest.status,
      coachName: coach.displayName,
      trajectoryId: latest.id,
      isFullFile: page.isFullFile,
      total: page.total,
    })
    .from(page)
    .innerJoin(municipality, eq(municipality.code, page.municipalityCode))
    .leftJoinLateral(latest, sql`true`)
    .leftJoin(coach, eq(coach.id, latest.coachId))
    .orderBy(page.name, page.id);
  const items = rows.map(({ total: _, ...item }) => item);
  if (rows.length > 0 || filter.offset === 0) return { items, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the count: count on its own (rare: a list changed under the pager).
  const counting = db.select({ n: count() }).from(participant);
  const [total] = status
    ? await (() => {
        const latest = latestTrajectoryOf(db, participant.id, 'latest_of_candidate');
        return counting.innerJoinLateral(latest, sql`true`).where(and(where, eq(latest.status, status)));
      })()
    : await counting.where(where);
  return { items, total: total?.n ?? 0 };
}
