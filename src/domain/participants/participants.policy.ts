import { and, eq, exists, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appUser, roleAssignment } from '../access/access.table.ts';
import { coachTeamRoles } from '../../shared/roles.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';
import { cohort, cohortMember, cohortTrainer } from '../training/training.table.ts';
import { participant } from './participants.table.ts';

/** The same table under another name, for "a later trajectory of the same person". */
const laterName = 'later_trajectory';
const later = alias(trajectory, laterName);

const regionsOf = (actor: Actor, role: 'regional_lead') =>
  actor.roles.filter((r) => r.role === role && r.regionId).map((r) => r.regionId!);
const has = (actor: Actor, role: Actor['roles'][number]['role']) => actor.roles.some((r) => r.role === role);

/**
 * One way of reaching a participant's data. Every question "who may see whom, and how much" is answered from this
 * list: the SQL scope of lists and reads, the check on one record, and the portal's "who can see my file".
 * Relations still to come (the employer of a placement, a municipality by the participant's own grant) are one
 * entry each.
 */
type Relation = {
  /** How the participant's portal names the people who reach them this way. */
  who: 'you' | 'coach' | 'regional_lead' | 'national_lead' | 'referrer' | 'trainer';
  /**
   * The whole file; the phase of the referral and who coaches it (see `referralStatusScope`); or only name,
   * languages and attendance in a cohort.
   */
  sees: 'file' | 'status' | 'cohort';
  /** The participants an actor reaches this way (a condition on `participant`), or null without such a role. */
  reach(actor: Actor): SQL | null;
  /** The accounts that reach one participant this way (a query of user ids); null: everyone with the role. */
  holders: ((participantId: string) => SQL) | null;
};

const relations: Relation[] = [
  {
    who: 'you',
    sees: 'file',
    reach: (actor) => (has(actor, 'participant') ? eq(participant.userId, actor.userId) : null),
    holders: (id) => sql`select ${participant.userId} from ${participant} where ${participant.id} = ${id}`,
  },
  {
    // A coach sees the people whose latest trajectory they coach; an earlier coach of the person does not.
    who: 'coach',
    sees: 'file',
    reach: (actor) =>
      has(actor, 'coach')
        ? exists(
            sql`(select 1 from ${trajectory} where ${and(eq(trajectory.participantId, participant.id), eq(trajectory.coachId, actor.userId))}
          and not exists (select 1 from ${trajectory} as ${sql.identifier(laterName)} where ${and(eq(later.participantId, trajectory.participantId), gt(later.createdAt, trajectory.createdAt))}))`,
          )
        : null,
    holders: (
      id,
    ) => sql`(select ${trajectory.coachId} from ${trajectory} where ${trajectory.participantId} = ${id}
      order by ${trajectory.createdAt} desc limit 1)`,
  },
  {
    who: 'regional_lead',
    sees: 'file',
    // The participant's region is their municipality's (a copy the database keeps, migration 0006), so a
    // regional lead's search is one index lookup of region and name together.
    reach: (actor) => {
      const regions = regionsOf(actor, 'regional_lead');
      return regions.length ? inArray(participant.regionId, regions) : null;
    },
    holders: (id) => sql`select ${roleAssignment.userId} from ${roleAssignment}
      join ${participant} on ${participant.regionId} = ${roleAssignment.regionId}
      where ${participant.id} = ${id} and ${roleAssignment.role} = 'regional_lead'
        and ${roleAssignment.confirmedAt} is not null`,
  },
  {
    who: 'national_lead',
    sees: 'file',
    reach: (actor) => (has(actor, 'national_lead') ? sql`true` : null),
    holders: null,
  },
  {
    // Municipality staff see only the phase of referrals they made themselves and the coach's name, so they know
    // whom to call (more comes with consent); while the referral waits for the lead, also what they sent.
    who: 'referrer',
    sees: 'status',
    reach: (actor) =>
      has(actor, 'municipality_staff')
        ? exists(
            sql`(select 1 from ${trajectory} where ${and(eq(trajectory.participantId, participant.id), eq(trajectory.referredBy, actor.userId))})`,
          )
        : null,
    holders: (id) => sql`select ${trajectory.referredBy} from ${trajectory}
      join ${roleAssignment} on ${roleAssignment.userId} = ${trajectory.referredBy}
        and ${roleAssignment.role} = 'municipality_staff' and ${roleAssignment.confirmedAt} is not null
      where ${trajectory.participantId} = ${id}`,
  },
  {
    // The trainer of a planned or running cohort sees who is in it: name, languages and attendance, never the
    // file (issue #10, "Access"; the report gives trainers no part in the coaching, so nothing more is needed).
    who: 'trainer',
    sees: 'cohort',
    reach: (actor) =>
      has(actor, 'trainer')
        ? exists(
            sql`(select 1 from ${cohortMember} join ${cohortTrainer} on ${cohortTrainer.cohortId} = ${cohortMember.cohortId}
          join ${cohort} on ${cohort.id} = ${cohortMember.cohortId}
          where ${and(eq(cohortMember.participantId, participant.id), eq(cohortTrainer.userId, actor.userId))}
            and ${cohort.status} in ('planned', 'running'))`,
          )
        : null,
    holders: (id) => sql`select ${cohortTrainer.userId} from ${cohortTrainer}
      join ${cohortMember} on ${cohortMember.cohortId} = ${cohortTrainer.cohortId}
      join ${cohort} on ${cohort.id} = ${cohortTrainer.cohortId}
      join ${roleAssignment} on ${roleAssignment.userId} = ${cohortTrainer.userId}
        and ${roleAssignment.role} = 'trainer' and ${roleAssignment.confirmedAt} is not null
      where ${cohortMember.participantId} = ${id} and ${cohort.status} in ('planned', 'running')`,
  },
];

const scopeOf = (actor: Actor, sees: Relation['sees']): SQL => {
  const parts = relations
    .filter((r) => r.sees === sees)
    .map((r) => r.reach(actor))
    .filter((part): part is SQL => part !== null);
  return parts.length ? or(...parts)! : sql`false`;
};

/**
 * Which participants an actor may see the whole file of (a condition on `participant`): a coach their own
 * caseload, a regional lead their region, the national lead everyone, a participant only themself.
 */
export const fullFileScope = (actor: Actor): SQL => scopeOf(actor, 'file');

/**
 * Whose referral the actor may follow: its phase and its coach's name; while it is still "referred", what the
 * referrer sent (to correct it).
 */
export const referralStatusScope = (actor: Actor): SQL => scopeOf(actor, 'status');

/** Whose name, languages and attendance an actor sees as the trainer of their cohort (not the file). */
export const cohortScope = (actor: Actor): SQL => scopeOf(actor, 'cohort');

/** Who can see a participant's file, by name where the relation names people: for the participant's portal. */
export async function whoCanSee(db: Db, participantId: string) {
  const holders = await db
    .select({ who: sql<Relation['who']>`holder.who`, name: appUser.displayName })
    .from(
      sql`(${sql.join(
        relations
          .filter((r) => r.holders)
          .map(
            (r) =>
              sql`select ${r.who}::text as who, h.user_id from (${r.holders!(participantId)}) as h(user_id)`,
          ),
        sql` union `,
      )}) as holder`,
    )
    .innerJoin(appUser, and(sql`${appUser.id} = holder.user_id`, sql`${appUser.disabledAt} is null`))
    .orderBy(appUser.displayName);
  const what = (r: Relation) =>
    r.sees === 'file'
      ? ('everything' as const)
      : r.sees === 'cohort'
        ? ('name_and_attendance' as const)
        : ('status_only' as const);
  return relations.flatMap(
    (r): { who: Relation['who']; name: string | null; what: ReturnType<typeof what> }[] =>
      r.holders
        ? holders.filter((h) => h.who === r.who).map((h) => ({ who: r.who, name: h.name, what: what(r) }))
        : [{ who: r.who, name: null, what: what(r) }],
  );
}

/** Nationality and country of birth can reveal ethnic origin: only the coach team, leads and the person see them. */
export const seesOrigin = (actor: Actor, participantUserId: string | null) =>
  actor.roles.some((r) => coachTeamRoles.includes(r.role)) ||
  (participantUserId !== null && participantUserId === actor.userId);

/** Who may change a file and its trajectory: its coach, the regional lead of its region, the national lead. */
export function canManage(actor: Actor, file: { coachId: string | null; regionId: string | null }) {
  return (
    has(actor, 'national_lead') ||
    actor.roles.some(
      (r) => r.role === 'regional_lead' && r.regionId !== null && r.regionId === file.regionId,
    ) ||
    (file.coachId !== null && file.coachId === actor.userId && has(actor, 'coach'))
  );
}

/** Who may register a referral for a municipality. */
export function canRefer(actor: Actor, target: { code: string; regionId: string | null }) {
  return (
    has(actor, 'national_lead') ||
    actor.roles.some(
      (r) =>
        (['regional_lead', 'coach'].includes(r.role) &&
          r.regionId !== null &&
          r.regionId === target.regionId) ||
        (r.role === 'municipality_staff' && r.municipalityCode === target.code),
    )
  );
}
