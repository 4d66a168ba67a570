import { bigserial, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const channelEnum = pgEnum('message_channel', ['email', 'sms']);

/** Every e-mail and SMS the app sends. The dev sender stops here; other senders also deliver. */
export const outboxMessage = pgTable('outbox_message', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  channel: channelEnum().notNull(),
  recipient: text().notNull(),
  subject: text(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp({ withTimezone: true }),
});
