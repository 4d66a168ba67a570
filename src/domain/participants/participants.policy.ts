import { and, eq, exists, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../context.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';
import { participant } from './participants.table.ts';

/** The same table under another name, for "a later trajectory of the same person". */
const laterName = 'later_trajectory';
const later = alias(trajectory, laterName);

const regionsOf = (actor: Actor, role: 'regional_lead') =>
  actor.roles.filter((r) => r.role === role && r.regionId).map((r) => r.regionId!);
const has = (actor: Actor, role: Actor['roles'][number]['role']) => actor.roles.some((r) => r.role === role);

/**
 * Which participants an actor may see the whole file of: a coach their own caseload, a regional lead their region,
 * the national lead everyone, a participant only themself. Everyone else: nobody.
 */
export function fullFileScope(actor: Actor): SQL {
  if (has(actor, 'national_lead')) return sql`true`;
  const parts: SQL[] = [];
  const regions = regionsOf(actor, 'regional_lead');
  if (regions.length)
    parts.push(
      inArray(
        participant.municipalityCode,
        sql`(select ${municipality.code} from ${municipality} where ${inArray(municipality.regionId, regions)})`,
      ),
    );
  // A coach sees the people whose latest trajectory they coach; an earlier coach of the person does not.
  if (has(actor, 'coach'))
    parts.push(
      exists(
        sql`(select 1 from ${trajectory} where ${and(eq(trajectory.participantId, participant.id), eq(trajectory.coachId, actor.userId))}
          and not exists (select 1 from ${trajectory} as ${sql.identifier(laterName)} where ${and(eq(later.participantId, trajectory.participantId), gt(later.createdAt, trajectory.createdAt))}))`,
      ),
    );
  if (has(actor, 'participant')) parts.push(eq(participant.userId, actor.userId));
  return parts.length ? or(...parts)! : sql`false`;
}

/** Municipality staff see only the status of referrals they made themselves (more comes with consent). */
export function referralStatusScope(actor: Actor): SQL {
  if (!has(actor, 'municipality_staff')) return sql`false`;
  return exists(
    sql`(select 1 from ${trajectory} where ${and(eq(trajectory.participantId, participant.id), eq(trajectory.referredBy, actor.userId))})`,
  );
}

/** Nationality and country of birth can reveal ethnic origin: only the coach team, leads and the person see them. */
export const seesOrigin = (actor: Actor, participantUserId: string | null) =>
  actor.roles.some((r) => ['coach', 'regional_lead', 'national_lead'].includes(r.role)) ||
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
