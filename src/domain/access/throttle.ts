import { and, count, eq, gte, inArray, min } from 'drizzle-orm';
import { throttle } from '../../shared/limits.ts';
import { DomainError, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authFailure } from './access.table.ts';
import { sha256 } from './tokens.ts';

export type ThrottleKeys = { account: string; ip: string | null };

const keysOf = ({ account, ip }: ThrottleKeys) => ({
  account: `account:${sha256(account)}`,
  ip: ip ? `ip:${sha256(ip)}` : null,
});

/** Refuses with "try again in N minutes" when an account or an address failed too often. */
export async function assertNotThrottled(ctx: Ctx, keys: ThrottleKeys) {
  const hashed = keysOf(keys);
  const since = new Date(ctx.clock().getTime() - throttle.windowSeconds * 1000);
  const checks: [string, number][] = [[hashed.account, throttle.perAccount]];
  if (hashed.ip) checks.push([hashed.ip, throttle.perIp]);
  for (const [key, max] of checks) {
    const [row] = await ctx.db
      .select({ n: count(), first: min(authFailure.at) })
      .from(authFailure)
      .where(and(eq(authFailure.key, key), gte(authFailure.at, since)));
    if (row && row.n >= max && row.first) {
      const retryAt = new Date(row.first).getTime() + throttle.windowSeconds * 1000;
      const minutes = Math.max(1, Math.ceil((retryAt - ctx.clock().getTime()) / 60_000));
      throw new DomainError('auth.throttled', { retryAfterMinutes: minutes });
    }
  }
}

export async function recordFailure(ctx: Ctx, keys: ThrottleKeys) {
  const hashed = keysOf(keys);
  const at = ctx.clock();
  await ctx.db
    .insert(authFailure)
    .values([hashed.account, hashed.ip].filter((k) => k !== null).map((key) => ({ key, at })));
}

export async function clearFailures(db: Db, keys: ThrottleKeys) {
  await db.delete(authFailure).where(inArray(authFailure.key, [keysOf(keys).account]));
}
