import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  defaultLocale,
  directionOf,
  isLocale,
  languageFromSearch,
  rememberLanguage,
  searchWithoutLanguage,
  storedLanguage,
  type Locale,
} from './languages.ts';

// Every language (Dutch too) loads when it is used: an Arabic reader never downloads the Dutch texts, which keeps
// the portal's first load small. All three files have the same keys, so no fallback bundle is needed up front.
const loaders: Record<Locale, () => Promise<{ default: Resource }>> = {
  nl: () => import('./locales/nl.json'),
  en: () => import('./locales/en.json'),
  ar: () => import('./locales/ar.json'),
};

/** Loads a language's texts once (e.g. Dutch for the CV, whatever the UI language). */
export async function ensureLoaded(language: Locale) {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const bundle = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
}

/** Sets `lang` and `dir` on <html>, so screen readers pronounce well and the layout mirrors for Arabic. */
function applyToDocument(language: string) {
  const locale = isLocale(language) ? language : defaultLocale;
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** Starts i18next in the language from `?lang=`, else the one stored on this device, else Dutch. */
export async function setupI18n() {
  const fromUrl = languageFromSearch(window.location.search);
  if (fromUrl) {
    rememberLanguage(fromUrl);
    const { pathname, search, hash } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${searchWithoutLanguage(search)}${hash}`,
    );
  }
  const language = fromUrl ?? storedLanguage() ?? defaultLocale;
  await i18n.use(initReactI18next).init({
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: ['nl', 'en', 'ar'],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  i18n.on('languageChanged', applyToDocument);
  await switchLanguage(language);
  applyToDocument(i18n.language);
}

/** Changes the UI language, loading its texts first. */
export async function switchLanguage(language: Locale) {
  await ensureLoaded(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export const currentLanguage = (): Locale => (isLocale(i18n.language) ? i18n.language : defaultLocale);

export { i18n };
