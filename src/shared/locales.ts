/**
 * The languages of the participant's side: the portal, its mails and SMS, the plan check and the CV headings.
 * The people VIP serves come mostly from Syria, Eritrea, Afghanistan, Iran, Iraq, Yemen, Somalia and Turkey (and
 * Ukraine): Tigrinya, Persian (Dari speakers read it too), Somali, Turkish and Ukrainian besides Dutch, English
 * and Arabic. Staff screens are in `staffLocales` only.
 */
export const locales = ['nl', 'en', 'ar', 'ti', 'fa', 'so', 'tr', 'uk'] as const;
export type Locale = (typeof locales)[number];
/** The languages of the staff screens (coaches, leads, municipality, administrators). */
export const staffLocales = ['nl', 'en', 'ar'] as const satisfies readonly Locale[];
export type StaffLocale = (typeof staffLocales)[number];
export const defaultLocale: Locale = 'nl';
export const rtlLocales: readonly Locale[] = ['ar', 'fa'];
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);
export const isStaffLocale = (value: unknown): value is StaffLocale =>
  staffLocales.includes(value as StaffLocale);
/** A staff member's language for their screens and mails: Dutch when theirs is a portal-only language. */
export const staffLocaleOf = (value: unknown): StaffLocale => (isStaffLocale(value) ? value : 'nl');
