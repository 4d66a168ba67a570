import type { Locale } from './languages.ts';

/** A translation tree: keys to texts or to further trees (`{ "nav": { "home": "Start" } }`). */
export type Texts = { [key: string]: string | Texts };

// The shell's common texts (src/web/i18n/locales) and every feature's (src/web/features/*/locales, and what a
// participant reads of it in locales/participant), found at build time. Lazy: only the reader's language is
// fetched. The build puts each language's files in one chunk (vite.config.ts), so that is a single request.
const shellTexts = import.meta.glob<Texts>('./locales/*.json', { import: 'default' });
const featureTexts = import.meta.glob<Texts>(
  ['../features/*/locales/*.json', '../features/*/locales/participant/*.json'],
  { import: 'default' },
);

/** Merges translation trees; a text defined twice is a mistake (`locales.test.ts` fails on it), the last wins. */
export function mergeTexts(target: Texts, source: Texts): Texts {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      typeof value === 'object' && typeof existing === 'object'
        ? mergeTexts(existing, value)
        : typeof value === 'object'
          ? mergeTexts({}, value)
          : value;
  }
  return target;
}

/** The files of one language: the shell's first, then the features'. */
export function textFiles(language: Locale) {
  return [...Object.entries(shellTexts), ...Object.entries(featureTexts)]
    .filter(([path]) => path.endsWith(`/${language}.json`))
    .map(([path, load]) => ({ path, load }));
}

/** All texts of one language, as one tree for i18next. */
export async function loadTexts(language: Locale): Promise<Texts> {
  const parts = await Promise.all(textFiles(language).map((file) => file.load()));
  return parts.reduce<Texts>((all, part) => mergeTexts(all, part), {});
}
