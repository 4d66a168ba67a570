import { z } from 'zod';
import { id, isoDate, isoDateTime, pageQuery, recordKey } from './common.ts';

export const auditActions = [
  'read',
  'list',
  'create',
  'update',
  'delete',
  'login',
  'logout',
  // Security events (never with a password, code or token):
  'login_failed',
  'second_factor_failed',
  'second_factor_set_up',
  'second_factor_reset',
  'recovery_code_used',
  'reauthenticated',
  'password_reset_requested',
  'password_changed',
  'invitation_accepted',
  'session_ended',
  'role_changed',
  'access_denied',
  'csrf_refused',
  'throttled',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditEntities = [
  'participant',
  'partnership',
  'municipality',
  'programme',
  'user',
  'session',
  'audit_log',
  'request',
  'cohort',
  'training_module',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditEvent = z.object({
  id: z.number().int(),
  at: isoDateTime,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.enum(auditActions),
  entityType: z.enum(auditEntities),
  entityId: z.string().nullable(),
  participantId: id.nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditList = z.object({ items: z.array(auditEvent), total: z.number().int() });
export const auditQuery = z.strictObject({
  actorId: id.optional(),
  action: z.enum(auditActions).optional(),
  entityType: z.enum(auditEntities).optional(),
  entityId: recordKey.optional(),
  participantId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
