import { eq } from 'drizzle-orm';
import { secondFactorRoles } from '../../shared/roles.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { appUser } from './access.table.ts';
import { audit } from './audit.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findRolesOf } from './roles.queries.ts';
import { endSessionByToken, startSession, type SessionStage } from './sessions.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

export type LoginInput = {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  previousToken?: string;
};

const nextStep = (stage: SessionStage): 'done' | 'totp' | 'totp_setup' => (stage === 'full' ? 'done' : stage);

/**
 * Checks the password and starts a new session. An unknown e-mail, a wrong password, a disabled
 * account and an unaccepted invitation all get the same answer, so nobody can probe who has an account.
 */
export async function login(ctx: Ctx, input: LoginInput) {
  const keys = { account: input.email, ip: input.ip };
  await assertNotThrottled(ctx, keys);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.email, input.email));
  const matches = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !matches || user.disabledAt) {
    await recordFailure(ctx, keys);
    throw new DomainError('auth.invalid_credentials');
  }
  return ctx.db.transaction(async (tx) => {
    if (input.previousToken) await endSessionByToken(tx, input.previousToken, ctx.clock());
    await clearFailures(tx, keys);
    const started = await startSession(ctx, tx, user, input.userAgent);
    await audit({ ...ctx, actor: { userId: user.id, sessionId: null, roles: [] } }, tx, {
      action: 'login',
      entityType: 'session',
      entityId: null,
    });
    return { token: started.token, next: nextStep(started.stage) };
  });
}

export { nextStep };

/** Everything the web app needs to know about the signed-in user. */
export async function getMe(ctx: Ctx, stage: SessionStage) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  const roles = (await findRolesOf(ctx.db, [user.id])).get(user.id) ?? [];
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLanguage: user.preferredLanguage,
    roles,
    hasSecondFactor: !!user.totpEnabledAt,
    needsSecondFactor: !user.isDemo && roles.some((r) => secondFactorRoles.includes(r.role)),
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
