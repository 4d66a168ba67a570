import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recoveryCodeCount, throttles } from '../../shared/limits.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { appUser, recoveryCode } from './access.table.ts';
import { audit } from './audit.ts';
import {
  endSessionsOfUser,
  requireRecentReauthentication,
  setSessionStage,
  type SessionStage,
} from './sessions.ts';
import { clearAttempts, countAttempt, throttleKey, throttled } from './throttle.ts';
import { sha256 } from './tokens.ts';

const period = 30;
const totpFor = (secret: string, label: string) =>
  new TOTP({
    issuer: 'Opstap',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secret),
  });

type User = typeof appUser.$inferSelect;

async function loadUser(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.userId));
  if (!user) throw new DomainError('auth.unauthenticated');
  return { actor, user };
}

const wrongCode = () => new DomainError('auth.totp_invalid', { field: 'code' });

/** Counts the attempt first (atomically), so parallel guesses cannot get past the limit. */
async function countCodeAttempt(ctx: Ctx, userId: string) {
  const attempt = await countAttempt(
    ctx.db,
    throttleKey('totp', userId),
    throttles.secondFactor,
    ctx.clock(),
  );
  if (!attempt.allowed) throttled(attempt, 'second_factor');
}

/**
 * Checks a code from the app, allowing one period of clock drift, and spends its time step: the same code
 * (or an earlier one) is refused afterwards, also when two requests race (the update checks the last step).
 */
async function spendTotpCode(ctx: Ctx, user: User, sealedSecret: string, code: string) {
  const now = ctx.clock().getTime();
  const delta = totpFor(ctx.secretBox.open(sealedSecret), user.email).validate({
    token: code,
    timestamp: now,
    window: 1,
  });
  if (delta === null) return false;
  const step = Math.floor(now / 1000 / period) + delta;
  const spent = await ctx.db
    .update(appUser)
    .set({ totpLastStep: step })
    .where(and(eq(appUser.id, user.id), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))))
    .returning({ id: appUser.id });
  return spent.length === 1;
}

/** A recovery code works once. */
async function spendRecoveryCode(ctx: Ctx, userId: string, code: string) {
  const spent = await ctx.db
    .update(recoveryCode)
    .set({ usedAt: ctx.clock() })
    .where(
      and(
        eq(recoveryCode.userId, userId),
        eq(recoveryCode.codeHash, sha256(normaliseRecoveryCode(code))),
        isNull(recoveryCode.usedAt),
      ),
    )
    .returning({ id: recoveryCode.id });
  return spent.length === 1;
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
export const isRecoveryCode = (code: string) => !/^\d{6}$/.test(code);

/**
 * Checks the enrolled factor: a current code from the app, or one of the recovery codes.
 * Wrong codes count towards throttling and are recorded as security events.
 */
export async function checkSecondFactor(ctx: Ctx, user: User, code: string) {
  if (!user.totpSecret || !user.totpEnabledAt) throw wrongCode();
  await countCodeAttempt(ctx, user.id);
  const recovery = isRecoveryCode(code);
  const ok = recovery
    ? await spendRecoveryCode(ctx, user.id, code)
    : await spendTotpCode(ctx, user, user.totpSecret, code);
  if (!ok) {
    await audit(ctx, ctx.db, { action: 'second_factor_failed', entityType: 'user', entityId: user.id });
    throw wrongCode();
  }
  await clearAttempts(ctx.db, throttleKey('totp', user.id));
  if (recovery)
    await audit(ctx, ctx.db, { action: 'recovery_code_used', entityType: 'user', entityId: user.id });
}

/**
 * Makes a new secret and shows it as a QR code. It stays pending (the enrolled one keeps working) until a code
 * from it is confirmed. Allowed while a login waits for its first factor, or in a full session after the
 * password and current code were entered again; never in a session that still owes its code.
 */
export async function beginSecondFactorSetup(ctx: Ctx, stage: SessionStage) {
  const { user } = await loadUser(ctx);
  if (stage === 'totp') throw new DomainError('auth.second_factor_required', { next: 'totp' });
  if (stage === 'full') requireRecentReauthentication(ctx);
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db
    .update(appUser)
    .set({ totpPendingSecret: ctx.secretBox.seal(secret) })
    .where(eq(appUser.id, user.id));
  const uri = totpFor(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** Ten codes like `k3f9q-27xmd`, shown once; only their hashes are kept. */
async function replaceRecoveryCodes(tx: Db, userId: string) {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const raw = randomBytes(8)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const text = (raw + randomBytes(8).toString('hex')).slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
  await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  await tx
    .insert(recoveryCode)
    .values(codes.map((c) => ({ userId, codeHash: sha256(normaliseRecoveryCode(c)) })));
  return codes;
}

/**
 * Confirms the pending secret with a code from the app: it replaces the enrolled one, new recovery codes are
 * made, and a login that was waiting for its factor is completed. Changing an existing factor can end the
 * user's other sessions, and the user gets an e-mail about it.
 */
export async function confirmSecondFactor(
  ctx: Ctx,
  input: { code: string; stage: SessionStage; endOtherSessions?: boolean },
) {
  const { actor, user } = await loadUser(ctx);
  if (input.stage === 'totp') throw new DomainError('auth.second_factor_required', { next: 'totp' });
  if (!user.totpPendingSecret) throw wrongCode();
  await countCodeAttempt(ctx, user.id);
  if (!(await spendTotpCode(ctx, user, user.totpPendingSecret, input.code))) {
    await audit(ctx, ctx.db, { action: 'second_factor_failed', entityType: 'user', entityId: user.id });
    throw wrongCode();
  }
  const replaced = !!user.totpEnabledAt;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    await tx
      .update(appUser)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now })
      .where(eq(appUser.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    if (actor.sessionId) await setSessionStage(tx, actor.sessionId, 'full');
    const ended = input.endOtherSessions ? await endSessionsOfUser(tx, user.id, now, actor.sessionId) : 0;
    await clearAttempts(tx, throttleKey('totp', user.id));
    await audit(ctx, tx, {
      action: 'second_factor_set_up',
      entityType: 'user',
      entityId: user.id,
      detail: { replaced, endedSessions: ended },
    });
    if (replaced) await notify(ctx, tx, user, 'secondFactorChanged');
    return { recoveryCodes };
  });
}

/** The second step of a login for users who already set up their app (or use a recovery code). */
export async function verifySecondFactor(ctx: Ctx, code: string) {
  const { actor, user } = await loadUser(ctx);
  await checkSecondFactor(ctx, user, code);
  if (actor.sessionId) await setSessionStage(ctx.db, actor.sessionId, 'full');
}

/**
 * An administrator removes a user's factor when their phone is lost: every session of the user ends, the
 * user sets up a new factor at their next login, and gets an e-mail about it.
 */
export async function resetSecondFactor(ctx: Ctx, userId: string) {
  requireRecentReauthentication(ctx);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(appUser)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(appUser.id, userId))
      .returning();
    if (!user) throw new DomainError('resource.not_found');
    await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
    const ended = await endSessionsOfUser(tx, userId, ctx.clock());
    await audit(ctx, tx, {
      action: 'second_factor_reset',
      entityType: 'user',
      entityId: userId,
      detail: { endedSessions: ended },
    });
    await notify(ctx, tx, user, 'secondFactorReset');
  });
}

async function notify(ctx: Ctx, tx: Db, user: User, kind: 'secondFactorChanged' | 'secondFactorReset') {
  const mail = templates[kind][user.preferredLanguage]({
    name: user.displayName,
    link: `${ctx.publicUrl}/security`,
  });
  await ctx.sender.send(ctx, tx, { channel: 'email', recipient: user.email, ...mail });
}

/** For tests and the demo: the code an authenticator app would show at a moment. */
export const currentCode = (secret: string, at: Date) =>
  totpFor(secret, 'x').generate({ timestamp: at.getTime() });
