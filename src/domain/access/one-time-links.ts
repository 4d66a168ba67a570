import { and, eq, isNull } from 'drizzle-orm';
import { DomainError, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { appUser, authToken } from './access.table.ts';
import { throttles } from '../../shared/limits.ts';
import { audit } from './audit.ts';
import { checkPasswordPolicy } from './passwords.ts';
import { storePassword } from './login.ts';
import { endSessionsOfUser, startSession } from './sessions.ts';
import { countAttempt, throttleKey } from './throttle.ts';
import { randomToken, sha256 } from './tokens.ts';

type Kind = (typeof authToken.$inferSelect)['kind'];
const lifetimeHours: Record<Kind, number> = { invitation: 7 * 24, password_reset: 1 };
const pagePath: Record<Kind, string> = { invitation: '/invitation', password_reset: '/reset-password' };

/** Makes a one-time link and e-mails it in the user's language. Earlier unused links of the same kind stop working. */
export async function sendOneTimeLink(ctx: Ctx, tx: Db, user: typeof appUser.$inferSelect, kind: Kind) {
  const now = ctx.clock();
  await tx
    .update(authToken)
    .set({ usedAt: now })
    .where(and(eq(authToken.userId, user.id), eq(authToken.kind, kind), isNull(authToken.usedAt)));
  const token = randomToken();
  const hours = lifetimeHours[kind];
  await tx.insert(authToken).values({
    id: sha256(token),
    kind,
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3_600_000),
  });
  const link = `${ctx.publicUrl}${pagePath[kind]}?token=${token}&lang=${user.preferredLanguage}`;
  const mail = templates[kind][user.preferredLanguage]({ name: user.displayName, link, hours });
  await ctx.sender.send(ctx, tx, { channel: 'email', recipient: user.email, ...mail });
  return token;
}

/** Finds the user behind a link, or says why the link no longer works. */
export async function getLinkUser(db: Db, token: string, kind: Kind, now: Date) {
  const [row] = await db
    .select({ token: authToken, user: appUser })
    .from(authToken)
    .innerJoin(appUser, eq(appUser.id, authToken.userId))
    .where(and(eq(authToken.id, sha256(token)), eq(authToken.kind, kind)));
  if (!row || row.user.disabledAt) throw new DomainError('auth.link_invalid', { kind });
  if (row.token.usedAt) throw new DomainError('auth.link_used', { kind });
  if (row.token.expiresAt <= now) throw new DomainError('auth.link_expired', { kind });
  return row.user;
}

/** Shows whose invitation a link is, so the page can greet them before they choose a password. */
export async function getInvitation(ctx: Ctx, token: string) {
  const user = await getLinkUser(ctx.db, token, 'invitation', ctx.clock());
  return { email: user.email, displayName: user.displayName };
}

/**
 * Uses a link to set a password. The link is spent, every other session of the user ends,
 * and an invitation signs the user in straight away.
 */
export async function useOneTimeLink(
  ctx: Ctx,
  input: { token: string; password: string; kind: Kind; displayName?: string; userAgent: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const user = await getLinkUser(tx, input.token, input.kind, ctx.clock());
    checkPasswordPolicy(input.password, {
      email: user.email,
      displayName: input.displayName ?? user.displayName,
    });
    const now = ctx.clock();
    const spent = await tx
      .update(authToken)
      .set({ usedAt: now })
      .where(and(eq(authToken.id, sha256(input.token)), isNull(authToken.usedAt)))
      .returning({ id: authToken.id });
    // Two tabs using the same link at once: only the first wins.
    if (spent.length === 0) throw new DomainError('auth.link_used', { kind: input.kind });
    await storePassword(tx, user.id, input.password);
    if (input.displayName)
      await tx.update(appUser).set({ displayName: input.displayName }).where(eq(appUser.id, user.id));
    const ended = await endSessionsOfUser(tx, user.id, now);
    const subject = { ...ctx, actor: { userId: user.id, sessionId: null, roles: [] } };
    await audit(subject, tx, {
      action: input.kind === 'invitation' ? 'invitation_accepted' : 'password_changed',
      entityType: 'user',
      entityId: user.id,
      detail: { endedSessions: ended, by: input.kind },
    });
    if (input.kind !== 'invitation') return null;
    return startSession(ctx, tx, user, input.userAgent);
  });
}

/**
 * Sends a reset link if the address has an account. The caller answers before this runs (see the route), so
 * the answer and its timing are the same whether or not the account exists. At most a few mails per address
 * and per client address an hour: past that, nothing is sent, silently.
 */
export async function requestPasswordReset(ctx: Ctx, email: string) {
  const now = ctx.clock();
  const perAccount = await countAttempt(ctx.db, throttleKey('reset', email), throttles.resetPerAccount, now);
  const perIp = await countAttempt(ctx.db, throttleKey('reset-ip', ctx.ip), throttles.resetPerIp, now);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.email, email));
    if (!user || !user.passwordHash || user.disabledAt) return;
    const sent = perAccount.allowed && perIp.allowed;
    if (sent) await sendOneTimeLink(ctx, tx, user, 'password_reset');
    await audit(ctx, tx, {
      action: 'password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      detail: { sent },
    });
  });
}
