// Translators' files: the i18next JSON in src/web stays the source; these commands write and read one gettext PO
// file per language, which Poedit and Weblate open. `npm run i18n:export [-- ti fa]` writes translations/<lang>.po
// (all languages when none is named); `npm run i18n:import [-- ti]` puts the reviewed texts back into the JSON.
//
// One PO entry per text: the context (msgctxt) is `<folder>/<key>` (folder `shell` or a feature name), the msgid
// the Dutch text (the source), the msgstr the translation, with the English text as a note for the translator. A
// plural text has one entry per form its language needs (`portal.removed_few`), with Dutch `_other` as msgid.
// An empty msgstr (not translated yet) leaves the JSON as it is.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { po, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import { isLocale, locales, type Locale } from '../src/shared/locales.ts';
import { localesOf } from '../src/web/i18n/participant-texts.ts';

type Tree = { [key: string]: string | Tree };
const web = fileURLToPath(new URL('../src/web/', import.meta.url));
const out = fileURLToPath(new URL('../translations/', import.meta.url));

/** A folder's files: `shell`, a feature (`access`) or what a participant reads of it (`access/participant`). */
export const folderPath = (folder: string) => {
  if (folder === 'shell') return `${web}i18n/locales/`;
  const [feature, part] = folder.split('/');
  return `${web}features/${feature}/locales/${part ? `${part}/` : ''}`;
};
export const folders = () => [
  'shell',
  ...readdirSync(`${web}features`, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      existsSync(`${web}features/${e.name}/locales/participant`)
        ? [e.name, `${e.name}/participant`]
        : [e.name],
    ),
];
const read = (folder: string, locale: string): Tree =>
  JSON.parse(readFileSync(`${folderPath(folder)}${locale}.json`, 'utf8')) as Tree;

const flat = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flat(value, `${prefix}${key}.`),
  );
const plural = /_(zero|one|two|few|many|other)$/;

/** The keys a language should have in a folder, in Dutch order, each form its plural rules need. */
function expectedKeys(folder: string, locale: Locale): [string, string][] {
  const dutch = read(folder, 'nl');
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys: [string, string][] = [];
  const done = new Set<string>();
  for (const [key, text] of flat(dutch)) {
    if (!plural.test(key)) keys.push([key, text]);
    else {
      const base = key.replace(plural, '');
      if (done.has(base)) continue;
      done.add(base);
      const other = flat(dutch).find(([k]) => k === `${base}_other`)?.[1] ?? text;
      for (const form of forms) keys.push([`${base}_${form}`, other]);
    }
  }
  return keys;
}

/** A language's texts as a PO catalogue. */
export function toPo(locale: Locale): GetTextTranslations {
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  for (const folder of folders().filter((f) => localesOf(f).includes(locale))) {
    const own = new Map(flat(read(folder, locale)));
    const english = new Map(flat(read(folder, 'en')));
    for (const [key, dutch] of expectedKeys(folder, locale)) {
      const msgctxt = `${folder}/${key}`;
      const en = english.get(key) ?? english.get(key.replace(plural, '_other'));
      const entry: GetTextTranslation = {
        msgctxt,
        msgid: dutch,
        msgstr: [own.get(key) ?? ''],
        comments: { extracted: en ? `English: ${en}` : '', reference: `${folder}/${locale}.json` },
      };
      translations[msgctxt] = { [dutch]: entry };
    }
  }
  return {
    charset: 'utf-8',
    headers: {
      'Content-Type': 'text/plain; charset=UTF-8',
      Language: locale,
      'Project-Id-Version': 'Opstap',
      'X-Source-Language': 'nl',
    },
    translations: translations as GetTextTranslations['translations'],
  };
}

const setAt = (tree: Tree, path: string, value: string) => {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Tree;
  node[keys.at(-1)!] = value;
};

/**
 * Puts the translations of a PO catalogue into the language's JSON trees: only texts the language should have,
 * only non-empty ones. Returns the new trees per folder and what was left out.
 */
export function fromPo(locale: Locale, catalogue: GetTextTranslations) {
  const trees = new Map<string, Tree>();
  const unknown: string[] = [];
  const expected = new Map<string, string>(
    folders()
      .filter((f) => localesOf(f).includes(locale))
      .flatMap((f) => expectedKeys(f, locale).map(([key]) => [`${f}/${key}`, f] as const)),
  );
  for (const [context, entries] of Object.entries(catalogue.translations as Record<string, object>)) {
    if (!context) continue;
    const folder = expected.get(context);
    if (!folder) {
      unknown.push(context);
      continue;
    }
    const text = (Object.values(entries)[0] as GetTextTranslation | undefined)?.msgstr[0]?.trim();
    if (!text) continue;
    if (!trees.has(folder))
      trees.set(folder, existsSync(`${folderPath(folder)}${locale}.json`) ? read(folder, locale) : {});
    setAt(trees.get(folder)!, context.slice(folder.length + 1), text);
  }
  return { trees, unknown };
}

function main() {
  const [command, ...names] = process.argv.slice(2);
  const chosen = names.length ? names : locales.filter((l) => l !== 'nl');
  const wrong = chosen.filter((l) => !isLocale(l));
  if ((command !== 'export' && command !== 'import') || wrong.length) {
    console.error(`Use: i18n.ts export|import [language …] (languages: ${locales.join(', ')})`);
    process.exit(1);
  }
  for (const locale of chosen as Locale[]) {
    const file = `${out}${locale}.po`;
    if (command === 'export') {
      mkdirSync(out, { recursive: true });
      writeFileSync(file, po.compile(toPo(locale), { foldLength: 0 }));
      console.log(`wrote ${file}`);
    } else {
      if (!existsSync(file)) {
        console.error(`no ${file}: export it first, or put the translator's file there`);
        process.exitCode = 1;
        continue;
      }
      const { trees, unknown } = fromPo(locale, po.parse(readFileSync(file)));
      for (const [folder, tree] of trees)
        writeFileSync(`${folderPath(folder)}${locale}.json`, `${JSON.stringify(tree, null, 2)}\n`);
      console.log(
        `${locale}: ${trees.size} files updated${unknown.length ? `; not used: ${unknown.join(', ')}` : ''}`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
