import { eq, lt, sql } from 'drizzle-orm';
import type { ThrottlePolicy } from '../../shared/limits.ts';
import { DomainError } from '../context.ts';
import type { Db } from '../db.ts';
import { throttleCounter } from './access.table.ts';
import { sha256 } from './tokens.ts';

/** The key of a counter: what is counted, hashed, so the table holds no e-mail addresses or client addresses. */
export const throttleKey = (kind: string, ...parts: (string | null)[]) =>
  `${kind}:${sha256(parts.map((p) => p ?? '-').join('\u0001'))}`;

export type Attempt = { count: number; allowed: boolean; retryAfterSeconds: number };

/**
 * How long to wait after attempt number `count`: nothing up to `max`, then 1 minute, doubling with every
 * further attempt up to `maxBlockSeconds`. A pure rule, so it is tested without a database.
 */
export function blockSecondsAfter(count: number, policy: ThrottlePolicy) {
  if (count <= policy.max) return 0;
  return Math.min(60 * 2 ** (count - policy.max - 1), policy.maxBlockSeconds);
}

/**
 * Counts one attempt and says whether it may go ahead, in one statement: parallel attempts each get their
 * own number, so no more than `max` of them pass (the row lock of `on conflict do update` orders them).
 * A counter starts again when its window has passed; attempts beyond `max` push the window further out.
 */
export async function countAttempt(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<Attempt> {
  const windowEnd = new Date(now.getTime() + policy.windowSeconds * 1000);
  const [row] = await db
    .insert(throttleCounter)
    .values({ key, count: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: throttleCounter.key,
      set: {
        count: sql`case when ${throttleCounter.windowEndsAt} <= ${now} then 1 else ${throttleCounter.count} + 1 end`,
        windowEndsAt: sql`case when ${throttleCounter.windowEndsAt} <= ${now} then ${windowEnd}
          else ${throttleCounter.windowEndsAt} end`,
      },
    })
    .returning({ count: throttleCounter.count, windowEndsAt: throttleCounter.windowEndsAt });
  const count = row!.count;
  if (count <= policy.max) return { count, allowed: true, retryAfterSeconds: 0 };
  // Past the limit: the counter stays closed for a growing time from now (or until its window ends).
  const blockedUntil = new Date(
    Math.max(row!.windowEndsAt.getTime(), now.getTime() + blockSecondsAfter(count, policy) * 1000),
  );
  await db.update(throttleCounter).set({ windowEndsAt: blockedUntil }).where(eq(throttleCounter.key, key));
  return {
    count,
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

/** The number of attempts in the current window, without counting one. */
export async function peekAttempts(db: Db, key: string, now: Date) {
  const [row] = await db.select().from(throttleCounter).where(eq(throttleCounter.key, key));
  return row && row.windowEndsAt > now ? row.count : 0;
}

export async function clearAttempts(db: Db, key: string) {
  await db.delete(throttleCounter).where(eq(throttleCounter.key, key));
}

/** Refuses with "try again in N minutes" (and a Retry-After header). */
export function throttled(attempt: Attempt, what: string): never {
  throw new DomainError('auth.throttled', {
    retryAfterSeconds: attempt.retryAfterSeconds,
    retryAfterMinutes: Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60)),
    what,
  });
}

/** Counters whose window ended a day ago are of no use: the worker prunes them. */
export async function pruneThrottleCounters(db: Db, now: Date) {
  await db
    .delete(throttleCounter)
    .where(lt(throttleCounter.windowEndsAt, new Date(now.getTime() - 86_400_000)));
}
