import { and, eq, isNull, like, ne, sql } from 'drizzle-orm';
import Bowser from 'bowser';
import { secondFactorRoles, sensitiveRoles } from '../../shared/roles.ts';
import { reauthenticationSeconds, sessionTimeouts } from '../../shared/limits.ts';
import { DomainError, requireActor, type Actor, type Ctx, type ScopedRole } from '../context.ts';
import type { Db } from '../db.ts';
import { appUser, roleAssignment, session } from './access.table.ts';
import { audit } from './audit.ts';
import type { Role } from '../../shared/roles.ts';
import { randomToken, sha256 } from './tokens.ts';

export type SessionStage = (typeof session.$inferSelect)['stage'];

/** The first 16 hex characters of the stored hash name a session to its owner without revealing the cookie. */
export const publicSessionId = (storedId: string) => storedId.slice(0, 16);

type UserForSession = Pick<typeof appUser.$inferSelect, 'id' | 'isDemo' | 'totpEnabledAt'>;

/**
 * "Firefox on Android": enough for a person to recognise their device in "my sessions". The raw header is
 * never stored: it is free text chosen by the client.
 */
export function describeDevice(userAgent: string | null) {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent.slice(0, 500));
  const clean = (name: string | undefined) => (name && /^[\w .-]{1,30}$/.test(name) ? name : null);
  const parts = [clean(browser.name), clean(os.name)].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** Staff must use a second factor (demo accounts only in demo mode); others may choose to. */
export function stageAtLogin(ctx: Pick<Ctx, 'demoMode'>, user: UserForSession, roles: { role: Role }[]) {
  if (user.totpEnabledAt) return user.isDemo && ctx.demoMode ? 'full' : 'totp';
  const needsSecondFactor =
    !(user.isDemo && ctx.demoMode) && roles.some((r) => secondFactorRoles.includes(r.role));
  return needsSecondFactor ? 'totp_setup' : 'full';
}

/** Starts a fresh session (a new id at every login, so a planted cookie is worthless). Returns the cookie value. */
export async function startSession(ctx: Ctx, tx: Db, user: UserForSession, userAgent: string | null) {
  const roles = await tx
    .select({ role: roleAssignment.role })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, user.id));
  const stage: SessionStage = stageAtLogin(ctx, user, roles);
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
    userAgent: describeDevice(userAgent),
    // The password was just entered: sensitive actions right after logging in need no second prompt.
    reauthenticatedAt: now,
  });
  return { token, stage };
}

export type ResolvedSession = { actor: Actor; stage: SessionStage };

/**
 * Finds the live session for a cookie value, or null when it is unknown, ended, idle too long,
 * past its absolute end, or its user is disabled. Touches `lastSeenAt` at most every 30 seconds.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  demoMode: boolean,
): Promise<ResolvedSession | null> {
  const id = sha256(token);
  // One round trip: the session, its user and the roles that count (a role waiting for a lead's confirmation
  // gives no access yet).
  const [row] = await db
    .select({
      session,
      disabledAt: appUser.disabledAt,
      isDemo: appUser.isDemo,
      roles: sql<ScopedRole[]>`coalesce((select json_agg(json_build_object(
          'role', ${roleAssignment.role}, 'regionId', ${roleAssignment.regionId},
          'municipalityCode', ${roleAssignment.municipalityCode},
          'municipalFunction', ${roleAssignment.municipalFunction}, 'employerId', ${roleAssignment.employerId}))
        from ${roleAssignment}
        where ${roleAssignment.userId} = ${session.userId} and ${roleAssignment.confirmedAt} is not null), '[]'::json)`,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.id, id));
  if (!row || row.session.endedAt || row.disabledAt || (row.isDemo && !demoMode)) return null;
  const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
  if (now >= row.session.expiresAt || idleFor > row.session.idleTimeoutSeconds * 1000) {
    await db.update(session).set({ endedAt: now }).where(eq(session.id, id));
    return null;
  }
  if (idleFor > 30_000) await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
  return {
    actor: {
      userId: row.session.userId,
      sessionId: id,
      roles: row.roles,
      reauthenticatedAt: row.session.reauthenticatedAt,
    },
    stage: row.session.stage,
  };
}

export async function endSessionByToken(db: Db, token: string, now: Date) {
  await db
    .update(session)
    .set({ endedAt: now })
    .where(and(eq(session.id, sha256(token)), isNull(session.endedAt)));
}

/** Logging out ends the session on the server, not only the cookie. */
export async function logout(ctx: Ctx, token: string) {
  await ctx.db.transaction(async (tx) => {
    await endSessionByToken(tx, token, ctx.clock());
    await audit(ctx, tx, { action: 'logout', entityType: 'session', entityId: null });
  });
}

/** Ends every session of a user (but `except`): when the user is disabled, changes their password or factor. */
export async function endSessionsOfUser(db: Db, userId: string, now: Date, except: string | null = null) {
  const ended = await db
    .update(session)
    .set({ endedAt: now })
    .where(
      and(eq(session.userId, userId), isNull(session.endedAt), except ? ne(session.id, except) : undefined),
    )
    .returning({ id: session.id });
  return ended.length;
}

/**
 * Sensitive actions need the password (and code) entered again in the last few minutes, so a session left
 * open on a shared computer cannot take over the account.
 */
export function requireRecentReauthentication(ctx: Ctx) {
  const at = requireActor(ctx).reauthenticatedAt;
  if (!at || ctx.clock().getTime() - at.getTime() > reauthenticationSeconds * 1000)
    throw new DomainError('auth.reauthentication_required');
}

export async function markReauthenticated(db: Db, sessionId: string, now: Date) {
  await db.update(session).set({ reauthenticatedAt: now }).where(eq(session.id, sessionId));
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
  requireRecentReauthentication(ctx);
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(session)
      .set({ endedAt: ctx.clock() })
      .where(and(eq(session.userId, actor.userId), like(session.id, `${publicId}%`), isNull(session.endedAt)))
      .returning({ id: session.id });
    if (ended.length === 0) throw new DomainError('resource.not_found');
    await audit(ctx, tx, { action: 'session_ended', entityType: 'session', entityId: publicId });
  });
}

/** "Log out everywhere else": ends every session of the caller but this one. */
export async function endMyOtherSessions(ctx: Ctx) {
  const actor = requireActor(ctx);
  requireRecentReauthentication(ctx);
  return ctx.db.transaction(async (tx) => {
    const ended = await endSessionsOfUser(tx, actor.userId, ctx.clock(), actor.sessionId);
    await audit(ctx, tx, {
      action: 'session_ended',
      entityType: 'session',
      entityId: null,
      detail: { ended },
    });
    return { ended };
  });
}

export async function setSessionStage(db: Db, sessionId: string, stage: SessionStage) {
  await db.update(session).set({ stage }).where(eq(session.id, sessionId));
}
