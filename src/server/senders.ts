import type { MessageSender } from '../domain/context.ts';
import { outboxSender } from '../domain/notifications/index.ts';
import type { Config } from './config.ts';

/** The stored copy of a delivered message: one-time links lose their token, so a database copy opens nothing. */
export const withoutSecrets = (text: string) => text.replace(/([?&]token=)[^&\s]+/g, '$1[removed]');

/**
 * The outbox keeps a copy of every message; with MAIL_TRANSPORT=smtp e-mail is also delivered, and the copy
 * no longer holds live links. SMS has only the outbox for now: no SMS gateway has been chosen.
 */
type MailTransport = { sendMail(m: object): Promise<unknown> };
const smtp = (url: string | undefined) =>
  import('nodemailer').then((m): MailTransport => m.default.createTransport(url));

export function createSender(
  config: Pick<Config, 'MAIL_TRANSPORT' | 'SMTP_URL' | 'MAIL_FROM'>,
  makeTransport: (url: string | undefined) => Promise<MailTransport> = smtp,
): MessageSender {
  if (config.MAIL_TRANSPORT === 'outbox') return outboxSender;
  let transport: Promise<MailTransport> | undefined;
  return {
    async send(tx, message) {
      await outboxSender.send(tx, { ...message, body: withoutSecrets(message.body) });
      if (message.channel !== 'email') return;
      transport ??= makeTransport(config.SMTP_URL);
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
