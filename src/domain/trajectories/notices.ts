import { eq } from 'drizzle-orm';
import { programmeTimeZone } from '../../shared/dates.ts';
import { isLocale, type Locale } from '../../shared/locales.ts';
import { appUser } from '../access/access.table.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { participant } from '../participants/participants.table.ts';

/**
 * A moment as the participant reads it: weekday, day, month and time in Dutch time, in their language, with the
 * Gregorian calendar and Latin digits (as the rest of Opstap writes dates).
 */
export function spokenMoment(at: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale, {
    timeZone: programmeTimeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * Tells the participant about an appointment, in their language, by SMS when that is how they like to be reached,
 * else by e-mail (their portal account's address, or the one on the file). Only the time and a link: where and
 * with whom stay in Opstap, as a message can be read by others.
 */
export async function notifyParticipant(
  ctx: Ctx,
  tx: Db,
  participantId: string,
  kind: 'appointmentReminder' | 'appointmentMoved' | 'appointmentCancelled',
  at: Date,
) {
  const [person] = await tx
    .select({
      name: participant.name,
      channel: participant.contactChannel,
      phone: participant.phone,
      language: participant.preferredLanguage,
      fileEmail: participant.email,
      accountEmail: appUser.email,
    })
    .from(participant)
    .leftJoin(appUser, eq(appUser.id, participant.userId))
    .where(eq(participant.id, participantId));
  if (!person) return;
  const locale: Locale = isLocale(person.language) ? person.language : 'nl';
  const text = templates[kind][locale]({
    name: person.name,
    link: `${ctx.publicUrl}/`,
    when: spokenMoment(at, locale),
  });
  const email = person.accountEmail || person.fileEmail;
  if (person.channel === 'sms' && person.phone)
    await ctx.sender.send(ctx, tx, { channel: 'sms', recipient: person.phone, body: text.body });
  else if (email) await ctx.sender.send(ctx, tx, { channel: 'email', recipient: email, ...text });
}
