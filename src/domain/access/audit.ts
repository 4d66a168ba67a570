import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../shared/contracts/audit.ts';
import type { Ctx } from '../context.ts';
import { sequentially, type Db } from '../db.ts';
import { appUser, auditEvent } from './access.table.ts';

type AuditInput = Pick<
  typeof auditEvent.$inferInsert,
  'action' | 'entityType' | 'entityId' | 'participantId' | 'detail'
>;

/**
 * Records who did what to which record. Call it with the transaction that does the work,
 * so the record and its audit line are written together or not at all.
 */
export async function audit(
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'ip' | 'clock'>,
  tx: Db,
  event: AuditInput,
) {
  await tx.insert(auditEvent).values({
    ...event,
    actorId: ctx.actor?.userId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    at: ctx.clock(),
  });
}

/** Lists the audit log with filters, newest first. Reading it is itself audited. */
export async function findAuditEvents(ctx: Ctx, query: z.infer<typeof auditQuery>) {
  return ctx.db.transaction(async (tx) => {
    const where: SQL[] = [];
    if (query.actorId) where.push(eq(auditEvent.actorId, query.actorId));
    if (query.action) where.push(eq(auditEvent.action, query.action));
    if (query.entityType) where.push(eq(auditEvent.entityType, query.entityType));
    if (query.entityId) where.push(eq(auditEvent.entityId, query.entityId));
    // A participant's trail: reads and changes of their file, and the lists that showed them.
    if (query.participantId)
      where.push(
        or(
          eq(auditEvent.participantId, query.participantId),
          sql`${auditEvent.detail} -> 'participantIds' ? ${query.participantId}`,
        )!,
      );
    if (query.from) where.push(gte(auditEvent.at, new Date(`${query.from}T00:00:00Z`)));
    if (query.to)
      where.push(lt(auditEvent.at, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
    const filter = where.length ? and(...where) : undefined;
    const [rows, [total]] = await sequentially([
      tx
        .select({ event: auditEvent, actorName: appUser.displayName })
        .from(auditEvent)
        .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
        .where(filter)
        .orderBy(desc(auditEvent.id))
        .limit(query.limit)
        .offset(query.offset),
      tx.select({ n: count() }).from(auditEvent).where(filter),
    ]);
    await audit(ctx, tx, { action: 'list', entityType: 'audit_log', detail: { count: rows.length } });
    return {
      items: rows.map(({ event, actorName }) => ({ ...event, at: event.at.toISOString(), actorName })),
      total: total?.n ?? 0,
    };
  });
}

/** The audit line for a read, listing or change of one participant's file. */
export const auditParticipant = (
  ctx: Ctx,
  tx: Db,
  action: AuditInput['action'],
  participantId: string,
  detail?: Record<string, unknown>,
) => audit(ctx, tx, { action, entityType: 'participant', entityId: participantId, participantId, detail });
