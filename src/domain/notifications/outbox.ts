import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx, Message, MessageSender } from '../context.ts';
import type { Db } from '../db.ts';
import { outboxMessage } from './notifications.table.ts';

/** The dev default: messages are stored in the outbox and shown on the outbox page, never delivered. */
export const outboxSender: MessageSender = {
  async send(_ctx, tx, message) {
    await storeInOutbox(tx, message);
  },
};

/** Keeps a copy of a message; returns its id. */
export async function storeInOutbox(tx: Db, message: Message) {
  const [row] = await tx
    .insert(outboxMessage)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject ?? null,
      body: message.body,
    })
    .returning({ id: outboxMessage.id });
  return row!.id;
}

/** Marks a message delivered; false when it already was (a retried delivery job sends nothing twice). */
export async function markDelivered(db: Db, id: number, at: Date) {
  const rows = await db
    .update(outboxMessage)
    .set({ sentAt: at })
    .where(and(eq(outboxMessage.id, id), isNull(outboxMessage.sentAt)))
    .returning({ id: outboxMessage.id });
  return rows.length === 1;
}

export async function isDelivered(db: Db, id: number) {
  const [row] = await db
    .select({ sentAt: outboxMessage.sentAt })
    .from(outboxMessage)
    .where(eq(outboxMessage.id, id));
  return !!row?.sentAt;
}

export async function findOutboxMessages(ctx: Ctx) {
  const rows = await ctx.db.select().from(outboxMessage).orderBy(desc(outboxMessage.id)).limit(100);
  return rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
}
