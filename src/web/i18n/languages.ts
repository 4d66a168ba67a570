import type { Role } from '../../shared/roles.ts';
import {
  defaultLocale,
  isLocale,
  isStaffLocale,
  locales,
  rtlLocales,
  staffLocales,
  type Locale,
} from '../../shared/locales.ts';

/** Each language is named in its own language and script, so a reader finds theirs whatever the page shows. */
export const languageNames: Record<Locale, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  ti: 'ትግርኛ',
  // Dari speakers read Persian too; the name says both, in the script they share.
  fa: 'فارسی / دری',
  so: 'Soomaali',
  tr: 'Türkçe',
  uk: 'Українська',
};

/**
 * The languages a person can pick: staff screens are in Dutch, English and Arabic; the participant's pages (and
 * the sign-in pages, before anyone is known) in all eight.
 */
export function offeredLanguages(roles: readonly Role[] | undefined): readonly Locale[] {
  return roles && roles.some((role) => role !== 'participant') ? staffLocales : locales;
}

/** The language to show someone with these roles: their choice when their screens have it, else Dutch. */
export function languageFor(roles: readonly Role[] | undefined, wanted: Locale): Locale {
  return offeredLanguages(roles) === locales || isStaffLocale(wanted) ? wanted : defaultLocale;
}

export const directionOf = (language: Locale): 'rtl' | 'ltr' =>
  rtlLocales.includes(language) ? 'rtl' : 'ltr';

const storageKey = 'opstap.language';

/** The language the person picked on this device (a `?lang=` link or the switcher), if any. */
export function storedLanguage(): Locale | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Locale) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private mode or storage off: the choice lasts for this page only.
  }
}

/** Reads `?lang=xx` from a query string. */
export function languageFromSearch(search: string): Locale | null {
  const value = new URLSearchParams(search).get('lang');
  return isLocale(value) ? value : null;
}

/** The query string without `lang`, to put back in the address bar once the choice is stored. */
export function searchWithoutLanguage(search: string) {
  const params = new URLSearchParams(search);
  params.delete('lang');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export { defaultLocale, isLocale, type Locale };
