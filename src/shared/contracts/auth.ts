import { z } from 'zod';
import { limits } from '../limits.ts';
import { municipalFunctions, roles } from '../roles.ts';
import { email, id, isoDateTime, linkToken, locale, shortText } from './common.ts';

export const password = z.string().max(limits.passwordMax);

export const loginRequest = z.strictObject({
  email,
  password: z.string().min(1).max(limits.passwordMax),
});

/** What the client must do next after a correct password. */
export const loginResponse = z.object({
  next: z.enum(['done', 'totp', 'totp_setup']),
});

const sixDigits = z.string().regex(/^\d{6}$/, 'six digits');
/** A code from the app, or one of the recovery codes (like `k3f9q-27xmd`) when the phone is lost. */
const codeOrRecoveryCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, 'six digits, or a recovery code');
export const totpVerifyRequest = z.strictObject({ code: codeOrRecoveryCode });
export const totpConfirmRequest = z.strictObject({
  code: sixDigits,
  /** When replacing a factor: log out everywhere else too. */
  endOtherSessions: z.boolean().default(false),
});
export const totpConfirmResponse = z.object({
  next: z.literal('done'),
  /** Shown once: each works once instead of a code when the phone is lost. */
  recoveryCodes: z.array(z.string()),
});
export const reauthenticateRequest = z.strictObject({
  password: z.string().min(1).max(limits.passwordMax),
  code: codeOrRecoveryCode.optional(),
});
export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword: z.string().max(limits.passwordMax),
  endOtherSessions: z.boolean().default(false),
});
export const sessionsEnded = z.object({ ended: z.number().int() });

export const totpSetupResponse = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const roleAssignment = z.object({
  role: z.enum(roles),
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  municipalFunction: z.enum(municipalFunctions).nullable(),
  employerId: id.nullable(),
  employerName: z.string().nullable(),
  /** False while the role waits for a lead's confirmation (it gives no access until then). */
  confirmed: z.boolean(),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

export const me = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: locale,
  roles: z.array(roleAssignment),
  hasSecondFactor: z.boolean(),
  needsSecondFactor: z.boolean(),
  isDemo: z.boolean(),
  sessionStage: z.enum(['full', 'totp', 'totp_setup']),
});
export type Me = z.infer<typeof me>;

export const passwordResetRequest = z.strictObject({ email });
export const passwordResetComplete = z.strictObject({ token: linkToken, password });
export const invitationAccept = z.strictObject({
  token: linkToken,
  password,
  displayName: shortText.min(1).optional(),
});
export const tokenQuery = z.strictObject({ token: linkToken });
export const tokenStatus = z.object({ email: z.string(), displayName: z.string() });

export const sessionInfo = z.object({
  id: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const sessionList = z.object({ items: z.array(sessionInfo) });
export const sessionParams = z.strictObject({ id: z.string().regex(/^[a-f0-9]{16}$/) });

export const languageRequest = z.strictObject({ language: locale });
