import type { MessageSender } from '../domain/context.ts';
import { outboxSender } from '../domain/notifications/index.ts';
import type { Config } from './config.ts';

/**
 * The outbox keeps a copy of every message; with MAIL_TRANSPORT=smtp e-mail is also delivered.
 * SMS has only the outbox for now: no SMS gateway has been chosen.
 */
export function createSender(config: Config): MessageSender {
  if (config.MAIL_TRANSPORT === 'outbox') return outboxSender;
  let transport: Promise<{ sendMail(m: object): Promise<unknown> }> | undefined;
  return {
    async send(tx, message) {
      await outboxSender.send(tx, message);
      if (message.channel !== 'email') return;
      transport ??= import('nodemailer').then((m) => m.default.createTransport(config.SMTP_URL));
      await (
        await transport
      ).sendMail({
        from: config.MAIL_FROM,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
    },
  };
}
