import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors.ts';
import { locales, type Locale } from '../../shared/locales.ts';
import { allTexts } from './all-texts.ts';
import status from './language-status.json';
import { isParticipantFolder, localesOf, portalOnlyLocales } from './participant-texts.ts';
import { loadTexts, textFiles } from './texts.ts';

// The texts live in one folder per part: the shell's common texts in src/web/i18n/locales, each feature's in
// src/web/features/<name>/locales, and what a participant reads of a feature in its locales/participant. The app
// merges a language's files into one tree (i18n/texts.ts). Staff screens are in nl, en and ar; the shell, the
// portal and the participant folders also in ti, fa, so, tr and uk (participant-texts.ts). Every folder is whole in
// each of its languages.
type Tree = { [key: string]: string | Tree };
const web = new URL('../', import.meta.url);
const features = readdirSync(new URL('features/', web), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const folders = [
  { name: 'shell', dir: new URL('i18n/locales/', web) },
  ...features.flatMap((name) => [
    { name, dir: new URL(`features/${name}/locales/`, web) },
    ...(existsSync(new URL(`features/${name}/locales/participant/`, web))
      ? [{ name: `${name}/participant`, dir: new URL(`features/${name}/locales/participant/`, web) }]
      : []),
  ]),
];
const load = (dir: URL, locale: string): Tree =>
  JSON.parse(readFileSync(new URL(`${locale}.json`, dir), 'utf8')) as Tree;
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
const valueAt = (tree: Tree, path: string) =>
  path
    .split('.')
    .reduce<Tree | string | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      tree,
    );

/**
 * i18next plural keys (`ended_one`, `ended_other`, and for Arabic also `_zero`, `_two`, `_few`, `_many`): each
 * language has the forms its grammar needs, so keys are compared without the suffix.
 */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(pluralSuffix, '');
const withoutPlurals = (keys: string[]) => [...new Set(keys.map(baseKey))];

const merged = Object.fromEntries(locales.map((l) => [l, allTexts(l) as unknown as Tree])) as Record<
  Locale,
  Tree
>;

describe('translation files', () => {
  it('the shell and every feature folder have a locale file for each of its languages, and no others', () => {
    expect(features.length, 'feature folders').toBeGreaterThan(0);
    for (const { name, dir } of folders) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      expect(files.map((f) => f.replace('.json', '')).sort(), name).toEqual([...localesOf(name)].sort());
    }
  });

  it('the participant reads the shell, the portal and at least one feature folder of its own', () => {
    const names = folders.map((f) => f.name);
    expect(names).toContain('shell');
    expect(names).toContain('portal');
    expect(names.filter((n) => n.endsWith('/participant')).length).toBeGreaterThan(0);
  });

  describe.each(folders)('$name', ({ name, dir }) => {
    const dutch = withoutPlurals(keysOf(load(dir, 'nl')));

    it.each(localesOf(name).filter((l) => l !== 'nl'))('%s has exactly the keys of Dutch', (locale) => {
      expect(dutch.length).toBeGreaterThan(0);
      const keys = withoutPlurals(keysOf(load(dir, locale)));
      expect(
        dutch.filter((k) => !keys.includes(k)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((k) => !dutch.includes(k)),
        'not in Dutch',
      ).toEqual([]);
    });

    it.each(localesOf(name))('%s has no empty texts', (locale) => {
      const tree = load(dir, locale);
      expect(keysOf(tree).length).toBeGreaterThan(0);
      expect(keysOf(tree).filter((k) => String(valueAt(tree, k)).trim() === '')).toEqual([]);
    });
  });

  it.each(locales)('%s: no key is defined in two places (shell or features)', (locale) => {
    const owners = new Map<string, string[]>();
    for (const { name, dir } of folders.filter((f) => localesOf(f.name).includes(locale)))
      for (const key of withoutPlurals(keysOf(load(dir, locale))))
        owners.set(key, [...(owners.get(key) ?? []), name]);
    expect(
      [...owners].filter(([, names]) => names.length > 1).map(([key, names]) => `${key}: ${names}`),
    ).toEqual([]);
  });
});

describe('language status for administrators', () => {
  it('names every language once, complete (the tests above prove it) and whether it was reviewed', () => {
    expect(Object.keys(status).sort()).toEqual([...locales].sort());
    for (const entry of Object.values(status)) {
      expect(entry.complete).toBe(true);
      expect(['source', 'team', 'draft']).toContain(entry.note);
    }
  });
});

describe('translations as the app merges them', () => {
  it.each(locales)('%s has every plural form its language needs, and no others', (locale) => {
    const keys = keysOf(merged[locale]);
    const plurals = withoutPlurals(keys.filter((k) => pluralSuffix.test(k)));
    expect(plurals.length, 'plural keys').toBeGreaterThan(0);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of plurals) {
      const forms = keys.filter((k) => baseKey(k) === key).map((k) => k.slice(key.length + 1));
      expect(forms.sort(), key).toEqual([...categories].sort());
    }
  });

  it.each(locales)('%s translates every API error code', (locale) => {
    expect(
      errorCodes.filter((code) => typeof valueAt(merged[locale], `errors.${code}`) !== 'string'),
    ).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en' && l !== 'nl'))(
    '%s is translated, not copied from English',
    (locale) => {
      const keys = keysOf(merged[locale]);
      expect(keys.length).toBeGreaterThan(0);
      const copied = keys.filter((k) => {
        const text = String(valueAt(merged[locale], k));
        return (
          /[a-z]{4,}/i.test(text) &&
          text === String(valueAt(merged.en, k)).replace(/\{\{\w+\}\}/g, '') &&
          // Opstap, addresses, and "coach", a loanword in Somali as in Dutch.
          !/opstap|@|https?:|e-?mail|^coach$/i.test(text)
        );
      });
      expect(copied).toEqual([]);
    },
  );

  it.each([
    ['ar', /\p{Script=Arabic}/u],
    ['fa', /\p{Script=Arabic}/u],
    ['ti', /\p{Script=Ethiopic}/u],
    ['uk', /\p{Script=Cyrillic}/u],
  ] as const)('%s is written in its own script', (locale, script) => {
    const texts = keysOf(merged[locale]).map((k) => String(valueAt(merged[locale], k)));
    const latinOnly = texts.filter(
      (t) =>
        /[a-z]{3,}/i.test(t.replace(/\{\{\w+\}\}|opstap|\S+@\S+|pdf|sms|bsn|cv|k3f9q-27xmd|abcd/gi, '')) &&
        !script.test(t),
    );
    expect(texts.length).toBeGreaterThan(0);
    expect(latinOnly).toEqual([]);
  });

  it('the portal-only languages cover exactly what a participant reads', () => {
    for (const locale of portalOnlyLocales) {
      const part = folders.reduce<Tree>(
        (all, { name, dir }) => ({ ...all, [name]: isParticipantFolder(name) ? load(dir, 'nl') : {} }),
        {},
      );
      expect(keysOf(part).length).toBeGreaterThan(100);
      expect(withoutPlurals(keysOf(merged[locale])).sort(), locale).toEqual(
        withoutPlurals(Object.values(part).flatMap((tree) => keysOf(tree as Tree))).sort(),
      );
    }
  });

  it.each(locales)(
    '%s: the app loads exactly the files of that language, and every one of them',
    async (locale) => {
      const paths = textFiles(locale).map((f) => f.path);
      expect(paths.length).toBe(folders.filter((f) => localesOf(f.name).includes(locale)).length);
      expect(paths.filter((p) => !p.endsWith(`/${locale}.json`))).toEqual([]);
      expect(await loadTexts(locale)).toEqual(merged[locale]);
    },
  );

  it('only tests read every language at once: no app file imports all-texts.ts', () => {
    const files = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('all-texts.ts'),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => readFileSync(new URL(f, web), 'utf8').includes('all-texts'))).toEqual([]);
  });
});
