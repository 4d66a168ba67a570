import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors.ts';
import { locales } from '../../shared/locales.ts';

type Tree = { [key: string]: string | Tree };
const load = (locale: string): Tree =>
  JSON.parse(readFileSync(new URL(`./locales/${locale}.json`, import.meta.url), 'utf8')) as Tree;
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

const dutch = withoutPlurals(keysOf(load('nl')));

describe('translations', () => {
  it('there is a locale file for every supported language, and no others', () => {
    const files = readdirSync(new URL('./locales/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...locales].sort());
  });

  it.each(locales.filter((l) => l !== 'nl'))('%s has exactly the keys of Dutch', (locale) => {
    const keys = withoutPlurals(keysOf(load(locale)));
    expect(
      dutch.filter((k) => !keys.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      keys.filter((k) => !dutch.includes(k)),
      'not in Dutch',
    ).toEqual([]);
  });

  it.each(locales)('%s has every plural form its language needs, and no others', (locale) => {
    const keys = keysOf(load(locale));
    const plurals = withoutPlurals(keys.filter((k) => pluralSuffix.test(k)));
    expect(plurals.length, 'plural keys').toBeGreaterThan(0);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of plurals) {
      const forms = keys.filter((k) => baseKey(k) === key).map((k) => k.slice(key.length + 1));
      expect(forms.sort(), key).toEqual([...categories].sort());
    }
  });

  it.each(locales)('%s has no empty texts', (locale) => {
    const tree = load(locale);
    expect(keysOf(tree).filter((k) => String(valueAt(tree, k)).trim() === '')).toEqual([]);
  });

  it.each(locales)('%s translates every API error code', (locale) => {
    const tree = load(locale);
    expect(errorCodes.filter((code) => typeof valueAt(tree, `errors.${code}`) !== 'string')).toEqual([]);
  });

  it('Arabic is written in Arabic script, not copied from English', () => {
    const ar = load('ar');
    const en = load('en');
    const copied = keysOf(ar).filter((k) => {
      const text = String(valueAt(ar, k));
      return (
        /[a-z]{4,}/i.test(text) &&
        text === String(valueAt(en, k)).replace(/\{\{\w+\}\}/g, '') &&
        !/opstap|@|https?:|e-?mail/i.test(text)
      );
    });
    expect(copied).toEqual([]);
  });
});
