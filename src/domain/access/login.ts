import { eq } from 'drizzle-orm';
import { maxLoginDelayMs, throttles } from '../../shared/limits.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { appUser } from './access.table.ts';
import { audit } from './audit.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { findRolesOf } from './roles.queries.ts';
import { checkSecondFactor } from './second-factor.ts';
import {
  endSessionByToken,
  endSessionsOfUser,
  markReauthenticated,
  stageAtLogin,
  startSession,
  type SessionStage,
} from './sessions.ts';
import { clearAttempts, countAttempt, peekAttempts, throttleKey, throttled } from './throttle.ts';

export type LoginInput = {
  email: string;
  password: string;
  userAgent: string | null;
  previousToken?: string;
};

const nextStep = (stage: SessionStage): 'done' | 'totp' | 'totp_setup' => (stage === 'full' ? 'done' : stage);

/** The wait before checking a password from an address with many failed logins: 0.25 s, doubling, at most 8 s. */
export function loginDelayMs(failuresFromAddress: number) {
  const over = failuresFromAddress - throttles.loginIp.max;
  return over <= 0 ? 0 : Math.min(250 * 2 ** (over - 1), maxLoginDelayMs);
}

/**
 * Checks the password and starts a new session. An unknown e-mail, a wrong password, a disabled account, an
 * unaccepted invitation and (outside demo mode) a demo account all get the same answer, so nobody can probe who
 * has an account.
 *
 * Throttling: each attempt on an account from one address is counted before the password is checked (so
 * parallel guesses cannot slip past the limit), and that pair is paused after five — the owner elsewhere can
 * still log in. An address with many failures waits longer and longer before each check, but a correct
 * password is never refused for the address alone.
 */
export async function login(ctx: Ctx, input: LoginInput, wait = defaultWait) {
  const pairKey = throttleKey('login', input.email, ctx.ip);
  const ipKey = throttleKey('login-ip', ctx.ip);
  const attempt = await countAttempt(ctx.db, pairKey, throttles.loginPair, ctx.clock());
  if (!attempt.allowed) throttled(attempt, 'login');
  await wait(loginDelayMs(await peekAttempts(ctx.db, ipKey, ctx.clock())));

  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.email, input.email));
  const matches = await verifyPassword(user?.passwordHash ?? null, input.password);
  const refused = !user
    ? 'unknown_account'
    : !matches
      ? 'wrong_password'
      : user.disabledAt
        ? 'disabled'
        : user.isDemo && !ctx.demoMode
          ? 'demo_account'
          : null;
  if (!user || refused) {
    await countAttempt(ctx.db, ipKey, throttles.loginIp, ctx.clock());
    await audit(ctx, ctx.db, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      detail: { reason: refused },
    });
    throw new DomainError('auth.invalid_credentials');
  }
  return ctx.db.transaction(async (tx) => {
    if (input.previousToken) await endSessionByToken(tx, input.previousToken, ctx.clock());
    await clearAttempts(tx, pairKey);
    const started = await startSession(ctx, tx, user, input.userAgent);
    await audit({ ...ctx, actor: { userId: user.id, sessionId: null, roles: [] } }, tx, {
      action: 'login',
      entityType: 'session',
      entityId: null,
      detail: { stage: started.stage },
    });
    return { token: started.token, next: nextStep(started.stage) };
  });
}

const defaultWait = (ms: number) =>
  ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve();

export { nextStep };

/**
 * Enters the password (and, with a second factor, a current code) again, for the sensitive actions that need a
 * recent one. Wrong passwords count like failed logins.
 */
export async function reauthenticate(ctx: Ctx, input: { password: string; code?: string }) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  const pairKey = throttleKey('login', user.email, ctx.ip);
  const attempt = await countAttempt(ctx.db, pairKey, throttles.loginPair, ctx.clock());
  if (!attempt.allowed) throttled(attempt, 'login');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await audit(ctx, ctx.db, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user.id,
      detail: { reason: 'reauthentication' },
    });
    throw new DomainError('auth.invalid_credentials', { field: 'password' });
  }
  if (user.totpEnabledAt) {
    if (!input.code) throw new DomainError('auth.totp_invalid', { field: 'code' });
    await checkSecondFactor(ctx, user, input.code);
  }
  await clearAttempts(ctx.db, pairKey);
  await ctx.db.transaction(async (tx) => {
    if (actor.sessionId) await markReauthenticated(tx, actor.sessionId, ctx.clock());
    await audit(ctx, tx, { action: 'reauthenticated', entityType: 'session', entityId: null });
  });
}

/** Changes one's own password; the other sessions can be ended at the same time. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; endOtherSessions: boolean },
) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  const attempt = await countAttempt(
    ctx.db,
    throttleKey('login', user.email, ctx.ip),
    throttles.loginPair,
    ctx.clock(),
  );
  if (!attempt.allowed) throttled(attempt, 'login');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new DomainError('auth.invalid_credentials', { field: 'currentPassword' });
  checkPasswordPolicy(input.newPassword, user);
  return ctx.db.transaction(async (tx) => {
    await storePassword(tx, user.id, input.newPassword);
    const ended = input.endOtherSessions
      ? await endSessionsOfUser(tx, user.id, ctx.clock(), actor.sessionId)
      : 0;
    await clearAttempts(tx, throttleKey('login', user.email, ctx.ip));
    await audit(ctx, tx, {
      action: 'password_changed',
      entityType: 'user',
      entityId: user.id,
      detail: { endedSessions: ended },
    });
    return { endedSessions: ended };
  });
}

/** Everything the web app needs to know about the signed-in user. */
export async function getMe(ctx: Ctx, stage: SessionStage) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  const allRoles = (await findRolesOf(ctx.db, [user.id])).get(user.id) ?? [];
  const roles = allRoles.filter((r) => r.confirmed);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLanguage: user.preferredLanguage,
    roles,
    hasSecondFactor: !!user.totpEnabledAt,
    needsSecondFactor: stageAtLogin(ctx, { ...user, totpEnabledAt: null }, allRoles) !== 'full',
    isDemo: user.isDemo,
    sessionStage: stage,
  };
}

export async function setPreferredLanguage(
  ctx: Ctx,
  language: (typeof appUser.$inferSelect)['preferredLanguage'],
) {
  const actor = requireActor(ctx);
  await ctx.db.update(appUser).set({ preferredLanguage: language }).where(eq(appUser.id, actor.userId));
}

/** Sets a new password for a user; callers check the policy and end old sessions. */
export async function storePassword(tx: Ctx['db'], userId: string, password: string) {
  await tx
    .update(appUser)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(appUser.id, userId));
}
