import type { JobDefinition, MessageSender } from '../domain/context.ts';
import { isDelivered, markDelivered, outboxSender, storeInOutbox } from '../domain/notifications/index.ts';
import type { Config } from './config.ts';

/** The stored copy of a delivered message: one-time links lose their token, so a database copy opens nothing. */
export const withoutSecrets = (text: string) => text.replace(/([?&]token=)[^&\s]+/g, '$1[removed]');

type MailTransport = { sendMail(m: object): Promise<unknown> };
const smtp = (url: string | undefined) =>
  import('nodemailer').then((m): MailTransport => m.default.createTransport(url));

export const deliverMail = 'notifications.deliver-mail';

/**
 * The outbox keeps a copy of every message. With MAIL_TRANSPORT=smtp an e-mail is also delivered, by a job
 * (the request never waits for the mail server, and a failed delivery is retried); the copy then holds no live
 * links, and the job carries the real text encrypted until it is sent. SMS has only the outbox for now: no SMS
 * gateway has been chosen.
 */
export function createSender(
  config: Pick<Config, 'MAIL_TRANSPORT' | 'SMTP_URL' | 'MAIL_FROM'>,
  makeTransport: (url: string | undefined) => Promise<MailTransport> = smtp,
): { sender: MessageSender; jobs: JobDefinition[] } {
  if (config.MAIL_TRANSPORT === 'outbox') return { sender: outboxSender, jobs: [] };
  let transport: Promise<MailTransport> | undefined;
  return {
    sender: {
      async send(ctx, tx, message) {
        const outboxId = await storeInOutbox(tx, { ...message, body: withoutSecrets(message.body) });
        if (message.channel !== 'email') return;
        await ctx.jobs.enqueue(tx, deliverMail, {
          outboxId,
          recipient: message.recipient,
          subject: message.subject ?? '',
          sealedBody: ctx.secretBox.seal(message.body),
        });
      },
    },
    jobs: [
      {
        name: deliverMail,
        async run(ctx, data) {
          const id = data.outboxId as number;
          if (await isDelivered(ctx.db, id)) return;
          transport ??= makeTransport(config.SMTP_URL);
          await (
            await transport
          ).sendMail({
            from: config.MAIL_FROM,
            to: data.recipient,
            subject: data.subject,
            text: ctx.secretBox.open(data.sealedBody as string),
          });
          await markDelivered(ctx.db, id, ctx.clock());
        },
      },
    ],
  };
}
