import { defaultLocale, isLocale, rtlLocales, type Locale } from '../../shared/locales.ts';

/** Each language is named in its own language, so a reader finds theirs whatever the page shows. */
export const languageNames: Record<Locale, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
};

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
