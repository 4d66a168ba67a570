import type { Locale } from '../../shared/locales.ts';

type Template = (vars: { name: string; link: string; hours: number }) => { subject: string; body: string };

/** E-mails in the recipient's language. Plain words; the link is the only thing to act on. */
export const templates: Record<'invitation' | 'password_reset', Record<Locale, Template>> = {
  invitation: {
    nl: ({ name, link, hours }) => ({
      subject: 'Uw account voor Opstap',
      body: `Beste ${name},\n\nEr is een account voor u gemaakt in Opstap.\nKies uw wachtwoord via deze link:\n${link}\n\nDe link werkt ${hours} uur en één keer.\n\nMet vriendelijke groet,\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'Your Opstap account',
      body: `Dear ${name},\n\nAn account was made for you in Opstap.\nChoose your password with this link:\n${link}\n\nThe link works for ${hours} hours and only once.\n\nKind regards,\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'حسابك في Opstap',
      body: `${name} العزيز/العزيزة،\n\nتم إنشاء حساب لك في Opstap.\nاختر كلمة المرور من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${hours} ساعة ومرة واحدة فقط.\n\nمع أطيب التحيات،\nOpstap`,
    }),
  },
  password_reset: {
    nl: ({ name, link, hours }) => ({
      subject: 'Nieuw wachtwoord voor Opstap',
      body: `Beste ${name},\n\nU vroeg om een nieuw wachtwoord.\nKies een nieuw wachtwoord via deze link:\n${link}\n\nDe link werkt ${hours} uur en één keer.\nVroeg u dit niet? Dan hoeft u niets te doen.\n\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'New password for Opstap',
      body: `Dear ${name},\n\nYou asked for a new password.\nChoose a new password with this link:\n${link}\n\nThe link works for ${hours} hours and only once.\nDid you not ask for this? Then you do not need to do anything.\n\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'كلمة مرور جديدة لـ Opstap',
      body: `${name} العزيز/العزيزة،\n\nلقد طلبت كلمة مرور جديدة.\nاختر كلمة مرور جديدة من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${hours} ساعة ومرة واحدة فقط.\nألم تطلب ذلك؟ إذن لا داعي لفعل أي شيء.\n\nOpstap`,
    }),
  },
};
