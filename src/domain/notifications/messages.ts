import type { Locale } from '../../shared/locales.ts';

type Template = (vars: { name: string; link: string; hours?: number; when?: string }) => {
  subject: string;
  body: string;
};

const arabicPlural = new Intl.PluralRules('ar');
/**
 * How long a link works, as people say it: "7 dagen", not "168 uur"; whole days from two days on. Arabic has
 * its own forms for one, two, three to ten, and more.
 */
export function duration(hours: number, locale: Locale) {
  const inDays = hours >= 48 && hours % 24 === 0;
  const n = inDays ? hours / 24 : hours;
  if (locale === 'nl') return inDays ? `${n} dagen` : `${n} uur`;
  if (locale === 'en') return `${n} ${inDays ? 'day' : 'hour'}${n === 1 ? '' : 's'}`;
  const words = inDays
    ? { one: 'يوم واحد', two: 'يومين', few: `${n} أيام`, other: `${n} يومًا` }
    : { one: 'ساعة واحدة', two: 'ساعتين', few: `${n} ساعات`, other: `${n} ساعة` };
  const form = arabicPlural.select(n);
  return form === 'one' || form === 'two' || form === 'few' ? words[form] : words.other;
}

type Kind =
  | 'invitation'
  | 'password_reset'
  | 'secondFactorChanged'
  | 'secondFactorReset'
  | 'rolesChanged'
  | 'questionAnswered'
  | 'newReferral'
  | 'coachAssigned'
  | 'appointmentReminder'
  | 'appointmentMoved'
  | 'appointmentCancelled';

/** E-mails in the recipient's language. Plain words; the link is the only thing to act on. */
export const templates: Record<Kind, Record<Locale, Template>> = {
  invitation: {
    nl: ({ name, link, hours }) => ({
      subject: 'Uw account voor Opstap',
      body: `Beste ${name},\n\nEr is een account voor u gemaakt in Opstap.\nKies uw wachtwoord via deze link:\n${link}\n\nDe link werkt ${duration(hours!, 'nl')} en één keer.\n\nMet vriendelijke groet,\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'Your Opstap account',
      body: `Dear ${name},\n\nAn account was made for you in Opstap.\nChoose your password with this link:\n${link}\n\nThe link works for ${duration(hours!, 'en')} and only once.\n\nKind regards,\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'حسابك في Opstap',
      body: `مرحبًا ${name}،\n\nتم إنشاء حساب لك في Opstap.\nاختر كلمة المرور من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${duration(hours!, 'ar')} ومرة واحدة فقط.\n\nمع أطيب التحيات،\nOpstap`,
    }),
  },
  password_reset: {
    nl: ({ name, link, hours }) => ({
      subject: 'Nieuw wachtwoord voor Opstap',
      body: `Beste ${name},\n\nU vroeg om een nieuw wachtwoord.\nKies een nieuw wachtwoord via deze link:\n${link}\n\nDe link werkt ${duration(hours!, 'nl')} en één keer.\nVroeg u dit niet? Dan hoeft u niets te doen.\n\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'New password for Opstap',
      body: `Dear ${name},\n\nYou asked for a new password.\nChoose a new password with this link:\n${link}\n\nThe link works for ${duration(hours!, 'en')} and only once.\nDid you not ask for this? Then you do not need to do anything.\n\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'كلمة مرور جديدة لـ Opstap',
      body: `مرحبًا ${name}،\n\nلقد طلبت كلمة مرور جديدة.\nاختر كلمة مرور جديدة من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${duration(hours!, 'ar')} ومرة واحدة فقط.\nألم تطلب ذلك؟ إذن لا داعي لفعل أي شيء.\n\nOpstap`,
    }),
  },
  // Security notices: the account owner hears of every change to how they sign in or what they may do.
  secondFactorChanged: {
    nl: ({ name, link }) => ({
      subject: 'Uw tweede stap voor Opstap is veranderd',
      body: `Beste ${name},\n\nEr is een nieuwe app voor de inlogcode ingesteld op uw account.\nDeed u dit niet? Bel dan meteen uw beheerder.\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your second step for Opstap has changed',
      body: `Dear ${name},\n\nA new app for login codes was set up on your account.\nDid you not do this? Call your administrator at once.\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تغيّرت خطوة الدخول الثانية في Opstap',
      body: `مرحبًا ${name}،\n\nتم إعداد تطبيق جديد لرموز الدخول في حسابك.\nألم تفعل ذلك؟ اتصل بالمسؤول فورًا.\n${link}\n\nOpstap`,
    }),
  },
  secondFactorReset: {
    nl: ({ name, link }) => ({
      subject: 'Uw tweede stap voor Opstap is gewist',
      body: `Beste ${name},\n\nDe beheerder heeft de app voor uw inlogcode gewist. U bent overal uitgelogd.\nBij de volgende keer inloggen stelt u een nieuwe app in.\nVroeg u dit niet? Bel dan meteen uw beheerder.\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your second step for Opstap was removed',
      body: `Dear ${name},\n\nThe administrator removed the app for your login codes. You are logged out everywhere.\nWhen you next log in, you set up a new app.\nDid you not ask for this? Call your administrator at once.\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تم حذف خطوة الدخول الثانية في Opstap',
      body: `مرحبًا ${name}،\n\nحذف المسؤول تطبيق رموز الدخول الخاص بك. تم تسجيل خروجك من كل مكان.\nعند الدخول القادم ستُعدّ تطبيقًا جديدًا.\nألم تطلب ذلك؟ اتصل بالمسؤول فورًا.\n${link}\n\nOpstap`,
    }),
  },
  rolesChanged: {
    nl: ({ name, link }) => ({
      subject: 'Rollen veranderd in Opstap',
      body: `Beste ${name},\n\nDe rollen van een account in Opstap zijn veranderd. Kijk in het logboek wie wat deed:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Roles changed in Opstap',
      body: `Dear ${name},\n\nThe roles of an account in Opstap have changed. See in the audit log who did what:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تغيّرت الأدوار في Opstap',
      body: `مرحبًا ${name}،\n\nتغيّرت أدوار حساب في Opstap. انظر في سجل التدقيق من فعل ماذا:\n${link}\n\nOpstap`,
    }),
  },
  // Only that there is an answer, never its content: a mail or SMS can be read by others.
  questionAnswered: {
    nl: ({ name, link }) => ({
      subject: 'Er is een antwoord op uw vraag',
      body: `Hallo ${name},\n\nUw coach heeft uw vraag beantwoord. Lees het antwoord in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your question has an answer',
      body: `Hello ${name},\n\nYour coach answered your question. Read the answer in Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'وصل رد على سؤالك',
      body: `مرحبًا ${name}،\n\nأجاب مرشدك على سؤالك. اقرأ الجواب في Opstap:\n${link}\n\nOpstap`,
    }),
  },
  // Staff notices: what to do and where; the file itself stays in Opstap (no name, no details in the mail).
  newReferral: {
    nl: ({ name, link }) => ({
      subject: 'Nieuwe aanmelding in Opstap',
      body: `Beste ${name},\n\nEr is een nieuwe aanmelding in uw regio. Wijs een coach toe:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'New referral in Opstap',
      body: `Dear ${name},\n\nThere is a new referral in your region. Assign a coach:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تسجيل جديد في Opstap',
      body: `مرحبًا ${name}،\n\nيوجد تسجيل جديد في منطقتك. عيّن مرشدًا:\n${link}\n\nOpstap`,
    }),
  },
  coachAssigned: {
    nl: ({ name, link }) => ({
      subject: 'Nieuwe deelnemer voor u in Opstap',
      body: `Beste ${name},\n\nU bent de coach van een nieuwe deelnemer. Open het dossier:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'A new participant for you in Opstap',
      body: `Dear ${name},\n\nYou are now the coach of a new participant. Open the file:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'مشارك جديد لك في Opstap',
      body: `مرحبًا ${name}،\n\nأصبحت مرشد مشارك جديد. افتح الملف:\n${link}\n\nOpstap`,
    }),
  },
  // Appointments: only the time; the place, with whom and what to bring are in Opstap (a message can be read by others).
  appointmentReminder: {
    nl: ({ name, link, when }) => ({
      subject: 'Morgen heeft u een afspraak',
      body: `Hallo ${name},\n\nMorgen heeft u een afspraak: ${when}.\nWaar het is en wat u meeneemt, ziet u in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'You have an appointment tomorrow',
      body: `Hello ${name},\n\nTomorrow you have an appointment: ${when}.\nSee where it is and what to bring in Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'لديك موعد غدًا',
      body: `مرحبًا ${name}،\n\nلديك موعد غدًا: ${when}.\nترى المكان وما يجب أن تحضره في Opstap:\n${link}\n\nOpstap`,
    }),
  },
  appointmentMoved: {
    nl: ({ name, link, when }) => ({
      subject: 'Uw afspraak is veranderd',
      body: `Hallo ${name},\n\nUw afspraak is veranderd. De nieuwe tijd is: ${when}.\nKijk in Opstap waar het is:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'Your appointment has changed',
      body: `Hello ${name},\n\nYour appointment has changed. The new time is: ${when}.\nSee in Opstap where it is:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'تغيّر موعدك',
      body: `مرحبًا ${name}،\n\nتغيّر موعدك. الوقت الجديد: ${when}.\nانظر في Opstap أين يكون:\n${link}\n\nOpstap`,
    }),
  },
  appointmentCancelled: {
    nl: ({ name, link, when }) => ({
      subject: 'Uw afspraak gaat niet door',
      body: `Hallo ${name},\n\nUw afspraak van ${when} gaat niet door.\nUw coach maakt een nieuwe afspraak met u. Kijk in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'Your appointment is cancelled',
      body: `Hello ${name},\n\nYour appointment of ${when} is cancelled.\nYour coach will make a new appointment with you. See Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'أُلغي موعدك',
      body: `مرحبًا ${name}،\n\nأُلغي موعدك في ${when}.\nسيحدد مرشدك موعدًا جديدًا معك. انظر في Opstap:\n${link}\n\nOpstap`,
    }),
  },
};
