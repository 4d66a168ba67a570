import { desc } from 'drizzle-orm';
import type { Ctx, MessageSender } from '../context.ts';
import { outboxMessage } from './notifications.table.ts';

/** The dev default: messages are stored in the outbox and shown on the outbox page, never delivered. */
export const outboxSender: MessageSender = {
  async send(tx, message) {
    await tx.insert(outboxMessage).values({
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject ?? null,
      body: message.body,
    });
  },
};

export async function findOutboxMessages(ctx: Ctx) {
  const rows = await ctx.db.select().from(outboxMessage).orderBy(desc(outboxMessage.id)).limit(100);
  return rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
}
