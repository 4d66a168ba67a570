import { and, eq, isNull, like } from 'drizzle-orm';
import { secondFactorRoles, sensitiveRoles } from '../../shared/roles.ts';
import { sessionTimeouts } from '../../shared/limits.ts';
import { DomainError, requireActor, type Actor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { appUser, roleAssignment, session } from './access.table.ts';
import { randomToken, sha256 } from './tokens.ts';

export type SessionStage = (typeof session.$inferSelect)['stage'];

/** The first 16 hex characters of the stored hash name a session to its owner without revealing the cookie. */
export const publicSessionId = (storedId: string) => storedId.slice(0, 16);

type UserForSession = Pick<typeof appUser.$inferSelect, 'id' | 'isDemo' | 'totpEnabledAt'>;

/** Starts a fresh session (a new id at every login, so a planted cookie is worthless). Returns the cookie value. */
export async function startSession(ctx: Ctx, tx: Db, user: UserForSession, userAgent: string | null) {
  const roles = await tx
    .select({ role: roleAssignment.role })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, user.id));
  const needsSecondFactor = !user.isDemo && roles.some((r) => secondFactorRoles.includes(r.role));
  const stage: SessionStage = !needsSecondFactor ? 'full' : user.totpEnabledAt ? 'totp' : 'totp_setup';
  const idle = roles.some((r) => sensitiveRoles.includes(r.role))
    ? sessionTimeouts.idleSensitive
    : sessionTimeouts.idleOther;
  const token = randomToken();
  const now = ctx.clock();
  await tx.insert(session).values({
    id: sha256(token),
    userId: user.id,
    stage,
    idleTimeoutSeconds: idle,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionTimeouts.absolute * 1000),
    userAgent: userAgent?.slice(0, 200) ?? null,
  });
  return { token, stage };
}

export type ResolvedSession = { actor: Actor; stage: SessionStage };

/**
 * Finds the live session for a cookie value, or null when it is unknown, ended, idle too long,
 * past its absolute end, or its user is disabled. Touches `lastSeenAt` at most every 30 seconds.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const [row] = await db
    .select({ session, disabledAt: appUser.disabledAt })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.id, id));
  if (!row || row.session.endedAt || row.disabledAt) return null;
  const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
  if (now >= row.session.expiresAt || idleFor > row.session.idleTimeoutSeconds * 1000) {
    await db.update(session).set({ endedAt: now }).where(eq(session.id, id));
    return null;
  }
  if (idleFor > 30_000) await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
  const roles = await db
    .select({
      role: roleAssignment.role,
      regionId: roleAssignment.regionId,
      municipalityCode: roleAssignment.municipalityCode,
      municipalFunction: roleAssignment.municipalFunction,
      employerId: roleAssignment.employerId,
    })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, row.session.userId));
  return { actor: { userId: row.session.userId, sessionId: id, roles }, stage: row.session.stage };
}

export async function endSessionByToken(db: Db, token: string, now: Date) {
  await db
    .update(session)
    .set({ endedAt: now })
    .where(and(eq(session.id, sha256(token)), isNull(session.endedAt)));
}

/** Ends every session of a user: used when the user is disabled or changes their password. */
export async function endSessionsOfUser(db: Db, userId: string, now: Date) {
  await db
    .update(session)
    .set({ endedAt: now })
    .where(and(eq(session.userId, userId), isNull(session.endedAt)));
}

/** The caller's own live sessions, so they can spot one they do not recognise. */
export async function findMySessions(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(session)
    .where(and(eq(session.userId, actor.userId), isNull(session.endedAt)))
    .orderBy(session.createdAt);
  const now = ctx.clock().getTime();
  return rows
    .filter((s) => s.expiresAt.getTime() > now && now - s.lastSeenAt.getTime() <= s.idleTimeoutSeconds * 1000)
    .map((s) => ({
      id: publicSessionId(s.id),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
      isCurrent: s.id === actor.sessionId,
    }));
}

/** Ends one of the caller's own sessions; someone else's session id is simply not found. */
export async function endMySession(ctx: Ctx, publicId: string) {
  const actor = requireActor(ctx);
  const ended = await ctx.db
    .update(session)
    .set({ endedAt: ctx.clock() })
    .where(and(eq(session.userId, actor.userId), like(session.id, `${publicId}%`), isNull(session.endedAt)))
    .returning({ id: session.id });
  if (ended.length === 0) throw new DomainError('resource.not_found');
}

export async function setSessionStage(db: Db, sessionId: string, stage: SessionStage) {
  await db.update(session).set({ stage }).where(eq(session.id, sessionId));
}
