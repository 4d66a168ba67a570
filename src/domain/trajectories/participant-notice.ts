import { eq } from 'drizzle-orm';
import { isLocale } from '../../shared/locales.ts';
import { appUser } from '../access/access.table.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { participant } from '../participants/participants.table.ts';

/**
 * Tells a participant with a portal account that something waits for them there, in their own language, by SMS
 * when that is how they like to be reached, else by e-mail. Only that there is something and the link: never what
 * it is about (a mail or SMS can be read by others, and a plan can name health or other special-category data).
 */
export async function noticeToParticipant(ctx: Ctx, tx: Db, participantId: string, kind: 'planWaiting') {
  const [person] = await tx
    .select({
      name: participant.name,
      channel: participant.contactChannel,
      phone: participant.phone,
      language: participant.preferredLanguage,
      email: appUser.email,
    })
    .from(participant)
    .innerJoin(appUser, eq(appUser.id, participant.userId))
    .where(eq(participant.id, participantId));
  // Without a portal account there is nowhere to agree: the coach goes through the plan with them in person.
  if (!person) return;
  const text = templates[kind][isLocale(person.language) ? person.language : 'nl']({
    name: person.name,
    link: `${ctx.publicUrl}/`,
  });
  if (person.channel === 'sms' && person.phone)
    await ctx.sender.send(ctx, tx, { channel: 'sms', recipient: person.phone, body: text.body });
  else await ctx.sender.send(ctx, tx, { channel: 'email', recipient: person.email, ...text });
}
