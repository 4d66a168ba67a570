import { and, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import { cohort, cohortTrainer } from './training.table.ts';

const regionsOf = (actor: Actor, role: 'regional_lead' | 'coach') =>
  actor.roles.filter((r) => r.role === role && r.regionId).map((r) => r.regionId!);
const has = (actor: Actor, role: Actor['roles'][number]['role']) => actor.roles.some((r) => r.role === role);
const trains = (actor: Actor) =>
  exists(
    sql`(select 1 from ${cohortTrainer} where ${and(eq(cohortTrainer.cohortId, cohort.id), eq(cohortTrainer.userId, actor.userId))})`,
  );

/**
 * Who runs a cohort (plans sessions, marks attendance): its trainers, the regional lead of its region and the
 * national lead. A condition on `cohort`.
 */
export function runsCohort(actor: Actor): SQL {
  if (has(actor, 'national_lead')) return sql`true`;
  const parts: SQL[] = [];
  const regions = regionsOf(actor, 'regional_lead');
  if (regions.length) parts.push(inArray(cohort.regionId, regions));
  if (has(actor, 'trainer')) parts.push(trains(actor));
  return parts.length ? or(...parts)! : sql`false`;
}

/**
 * Who sees a cohort (its dates, sessions and counts): who runs it, and the coaches of its region, who place
 * their participants in it. Which participants each sees is the participant policy's answer.
 */
export function seesCohort(actor: Actor): SQL {
  const coachRegions = regionsOf(actor, 'coach');
  return coachRegions.length
    ? or(runsCohort(actor), inArray(cohort.regionId, coachRegions))!
    : runsCohort(actor);
}
