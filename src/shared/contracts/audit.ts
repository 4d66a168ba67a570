import { z } from 'zod';
import { id, isoDate, isoDateTime, pageQuery } from './common.ts';

export const auditActions = ['read', 'list', 'create', 'update', 'delete', 'login', 'logout'] as const;
export const auditEntities = [
  'participant',
  'partnership',
  'municipality',
  'programme',
  'user',
  'session',
  'audit_log',
] as const;

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
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditList = z.object({ items: z.array(auditEvent), total: z.number().int() });
export const auditQuery = z.strictObject({
  actorId: id.optional(),
  action: z.enum(auditActions).optional(),
  entityType: z.enum(auditEntities).optional(),
  entityId: z.string().max(100).optional(),
  participantId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
