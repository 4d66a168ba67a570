import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { appUser } from './access.table.ts';
import { setSessionStage } from './sessions.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

const totpFor = (secret: string, label: string) =>
  new TOTP({
    issuer: 'Opstap',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

async function loadUser(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  return { actor, user };
}

/** Checks a code, allowing one period of clock drift; wrong codes count towards throttling. */
async function checkCode(ctx: Ctx, userId: string, secret: string, label: string, code: string) {
  const keys = { account: `totp:${userId}`, ip: null };
  await assertNotThrottled(ctx, keys);
  const delta = totpFor(secret, label).validate({ token: code, timestamp: ctx.clock().getTime(), window: 1 });
  if (delta === null) {
    await recordFailure(ctx, keys);
    throw new DomainError('auth.totp_invalid', { field: 'code' });
  }
  await clearFailures(ctx.db, keys);
}

/** Makes a new secret and shows it as a QR code. It only takes effect once a code from it is confirmed. */
export async function beginSecondFactorSetup(ctx: Ctx) {
  const { user } = await loadUser(ctx);
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db
    .update(appUser)
    .set({ totpSecret: secret, totpEnabledAt: null })
    .where(eq(appUser.id, user.id));
  const uri = totpFor(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** Confirms the new secret with a code from the app and completes a session that was waiting for it. */
export async function confirmSecondFactor(ctx: Ctx, code: string) {
  const { actor, user } = await loadUser(ctx);
  if (!user.totpSecret) throw new DomainError('auth.totp_invalid', { field: 'code' });
  await checkCode(ctx, user.id, user.totpSecret, user.email, code);
  await ctx.db.update(appUser).set({ totpEnabledAt: ctx.clock() }).where(eq(appUser.id, user.id));
  if (actor.sessionId) await setSessionStage(ctx.db, actor.sessionId, 'full');
}

/** The second step of a login for users who already set up their app. */
export async function verifySecondFactor(ctx: Ctx, code: string) {
  const { actor, user } = await loadUser(ctx);
  if (!user.totpSecret || !user.totpEnabledAt) throw new DomainError('auth.totp_invalid', { field: 'code' });
  await checkCode(ctx, user.id, user.totpSecret, user.email, code);
  if (actor.sessionId) await setSessionStage(ctx.db, actor.sessionId, 'full');
}

/** For tests and the demo: the code an authenticator app would show now. */
export const currentCode = (secret: string, at: Date) =>
  totpFor(secret, 'x').generate({ timestamp: at.getTime() });
