import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales } from '../../shared/locales.ts';
import { defaultLocale, directionOf, isLocale, type Locale } from './languages.ts';
import { loadTexts, type Texts } from './texts.ts';

/** Loads a language's texts once (e.g. Dutch for the CV, whatever the UI language). */
export async function ensureLoaded(language: Locale) {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await loadTexts(language), true, true);
}

/** Sets `lang` and `dir` on <html>, so screen readers pronounce well and the layout mirrors for Arabic. */
function applyToDocument(language: string) {
  const locale = isLocale(language) ? language : defaultLocale;
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/**
 * Starts i18next in the reader's language, with its texts already loaded (main.tsx chooses the language and
 * fetches them while the app downloads). Other languages load when someone switches to one: every language has
 * the same keys, so no fallback bundle is needed up front.
 */
export function setupI18n(language: Locale, texts: Texts) {
  void i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources: { [language]: { translation: texts } },
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  i18n.on('languageChanged', applyToDocument);
  applyToDocument(i18n.language);
}

/** Changes the UI language, loading its texts first. */
export async function switchLanguage(language: Locale) {
  await ensureLoaded(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export const currentLanguage = (): Locale => (isLocale(i18n.language) ? i18n.language : defaultLocale);

export { i18n };
