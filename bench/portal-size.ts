// How much JavaScript does the browser load for the first page of the portal? `npm run bench` measures it first;
// `npm run bench -- --only portal-size` (or `npx tsx bench/portal-size.ts`) measures only this.
//
// It reads the Vite build in dist/web (building it with `npx vite build` when dist/web/index.html is missing),
// takes the entry script of index.html (`<script type="module" src>`) and its `<link rel="modulepreload">`
// chunks, follows their static `import` and `export ... from` statements to every chunk they need, but not
// dynamic `import()` (lazy pages load later), gzips each file (node:zlib, default level) and compares the total
// with the budget: 200 KB gzipped, KB being 1,000 bytes as Vite reports them. The stylesheets of index.html
// are listed apart; they do not count against the JavaScript budget.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetKb = 200;
/** Issue #9: a participant's first page, with eight languages, within 170 KB of gzipped JavaScript. */
export const languageBudgetKb = 170;
/** Measured per language: Dutch and Arabic as before, Tigrinya and Persian (the largest scripts in bytes). */
const portalLanguages = ['nl', 'ar', 'ti', 'fa', 'so', 'tr', 'uk'];
const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = fileURLToPath(new URL('../dist/web/', import.meta.url));

type FileSize = { file: string; bytes: number; gzipBytes: number };
export type PortalSize =
  | {
      status: 'ok';
      built: boolean;
      files: FileSize[];
      stylesheets: FileSize[];
      totalBytes: number;
      totalGzipBytes: number;
      budgetGzipBytes: number;
      withinBudget: boolean;
      /** A participant's first page per language: the app, the portal home and that language's texts. */
      byLanguage: { language: string; gzipBytes: number; textsGzipBytes: number; withinBudget: boolean }[];
    }
  | { status: 'build_failed' | 'unreadable'; built: boolean; message: string };

const keywordsBeforeRegex = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
const isIdentifierChar = (c: string | undefined) => c !== undefined && /[\w$]/.test(c);

/**
 * The specifiers of the static imports and re-exports of an ES module, without dynamic `import()`. A small
 * scanner rather than a parser: it skips strings, template literals, comments and regular expressions and
 * looks for `import` and `export` at the top level, which is enough for bundler output.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const templateDepths: number[] = [];
  let depth = 0;
  let previous = '';
  let i = 0;

  const skipSpace = (j: number) => {
    for (;;) {
      while (j < code.length && /\s/.test(code[j]!)) j++;
      if (code.startsWith('//', j)) j = code.indexOf('\n', j) === -1 ? code.length : code.indexOf('\n', j);
      else if (code.startsWith('/*', j))
        j = code.indexOf('*/', j + 2) === -1 ? code.length : code.indexOf('*/', j + 2) + 2;
      else return j;
    }
  };
  const skipString = (j: number) => {
    const quote = code[j];
    for (j++; j < code.length && code[j] !== quote; j++) if (code[j] === '\\') j++;
    return j + 1;
  };
  /** From inside a template literal to its end, or into a `${` expression (which the main loop scans). */
  const scanTemplate = (j: number) => {
    for (; j < code.length; j++) {
      if (code[j] === '\\') j++;
      else if (code[j] === '`') return j + 1;
      else if (code[j] === '$' && code[j + 1] === '{') {
        templateDepths.push(depth);
        depth++;
        return j + 2;
      }
    }
    return j;
  };
  const skipRegex = (j: number) => {
    let inClass = false;
    for (j++; j < code.length; j++) {
      const c = code[j];
      if (c === '\\') j++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
    }
    j++;
    while (isIdentifierChar(code[j])) j++;
    return j;
  };
  /** The first string literal from j on, and the index after it; none when the statement ends first. */
  const specifierFrom = (j: number): [string, number] | null => {
    for (; j < code.length; j++) {
      const c = code[j]!;
      if (c === '"' || c === "'") {
        const end = skipString(j);
        return [code.slice(j + 1, end - 1), end];
      }
      if (c === ';' || c === '(' || c === '=') return null;
    }
    return null;
  };

  while (i < code.length) {
    const c = code[i]!;
    if (/\s/.test(c)) i++;
    else if (code.startsWith('//', i) || code.startsWith('/*', i)) i = skipSpace(i);
    else if (c === '"' || c === "'") {
      i = skipString(i);
      previous = 'string';
    } else if (c === '`') {
      i = scanTemplate(i + 1);
      previous = 'string';
    } else if (c === '/') {
      const regexAllowed =
        previous === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(previous) || keywordsBeforeRegex.has(previous);
      i = regexAllowed ? skipRegex(i) : i + 1;
      previous = regexAllowed ? 'regex' : '/';
    } else if (c === '{' || c === '(' || c === '[') {
      depth++;
      i++;
      previous = c;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
      i++;
      previous = c;
      if (c === '}' && templateDepths.at(-1) === depth) {
        templateDepths.pop();
        i = scanTemplate(i);
        previous = 'string';
      }
    } else if (isIdentifierChar(c)) {
      let end = i;
      while (isIdentifierChar(code[end])) end++;
      const word = code.slice(i, end);
      i = end;
      if (depth === 0 && previous !== '.' && word === 'import') {
        const next = code[skipSpace(i)];
        if (next !== '(' && next !== '.') {
          const specifier = specifierFrom(i);
          if (specifier) {
            found.push(specifier[0]);
            i = specifier[1];
          }
        }
      } else if (depth === 0 && previous !== '.' && word === 'export') {
        // Only `export * from '…'` and `export { … } from '…'` load another module.
        let j = skipSpace(i);
        if (code[j] === '{') j = code.indexOf('}', j) + 1;
        else if (code[j] === '*') {
          j = skipSpace(j + 1);
          if (code.startsWith('as', j)) {
            j = skipSpace(j + 2);
            while (isIdentifierChar(code[j])) j++;
          }
        } else j = -1;
        if (j > 0) {
          j = skipSpace(j);
          if (code.startsWith('from', j) && !isIdentifierChar(code[j + 4])) {
            const specifier = specifierFrom(j + 4);
            if (specifier) {
              found.push(specifier[0]);
              i = specifier[1];
            }
          }
        }
      }
      previous = word;
    } else {
      i++;
      previous = c;
    }
  }
  return found;
}

/** The attributes of the `<tag ...>` elements in the html. */
function tags(html: string, tag: string) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries(
      [...m[1]!.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map((a) => [
        a[1]!.toLowerCase(),
        a[2] ?? a[3] ?? a[4] ?? '',
      ]),
    ),
  );
}

function sizeOf(file: string): FileSize {
  const content = readFileSync(new URL(file, pathToFileURL(webDir)));
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
}

/** Every chunk these files import statically (not `import()`: lazy pages load later), the files included. */
function staticGraph(entries: string[]) {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(`${webDir}${file}`, 'utf8'))) {
      const target = resolve(specifier, file);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/** Paths relative to dist/web, for an URL in index.html or an import in the chunk at `from`. */
function resolve(specifier: string, from: string) {
  if (!/^(\.{0,2}\/)/.test(specifier)) return null; // bare specifiers do not load in a browser without an import map
  const url = new URL(specifier, new URL(from, 'https://portal.invalid/'));
  return url.origin === 'https://portal.invalid' ? decodeURIComponent(url.pathname.slice(1)) : null;
}

export function measurePortal(): PortalSize {
  let built = false;
  if (!existsSync(`${webDir}index.html`)) {
    built = true;
    try {
      execFileSync('npx', ['--no', 'vite', 'build', '--logLevel', 'warn'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      const output = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim() || e.message;
      return { status: 'build_failed', built, message: output.split('\n').slice(-15).join('\n') };
    }
    if (!existsSync(`${webDir}index.html`))
      return { status: 'build_failed', built, message: 'vite build ran, but wrote no dist/web/index.html' };
  }
  try {
    const html = readFileSync(`${webDir}index.html`, 'utf8');
    const entries = [
      ...tags(html, 'script')
        .filter((a) => a.type === 'module' && a.src)
        .map((a) => a.src!),
      ...tags(html, 'link')
        .filter((a) => a.rel?.split(/\s+/).includes('modulepreload') && a.href)
        .map((a) => a.href!),
    ].flatMap((url) => resolve(url, 'index.html') ?? []);
    if (entries.length === 0)
      return {
        status: 'unreadable',
        built,
        message: 'dist/web/index.html has no <script type="module" src>',
      };
    const seen = staticGraph(entries);
    const files = [...seen].map(sizeOf).sort((a, b) => b.gzipBytes - a.gzipBytes);
    // What a participant's first page adds: the portal home (its chunk and what it imports) and the texts of
    // their language, one chunk per language (vite.config.ts), loaded only for that language.
    const assets = readdirSync(`${webDir}assets`);
    const home = assets.filter((f) => /^PortalHome-[\w-]+\.js$/.test(f)).map((f) => `assets/${f}`);
    const byLanguage = portalLanguages.map((language) => {
      const texts = assets.filter((f) => f.startsWith(`texts-${language}-`) && f.endsWith('.js'));
      const all = staticGraph([...entries, ...home, ...texts.map((f) => `assets/${f}`)]);
      const gzipBytes = [...all].map(sizeOf).reduce((n, f) => n + f.gzipBytes, 0);
      const textsGzipBytes = texts.map((f) => sizeOf(`assets/${f}`).gzipBytes).reduce((a, b) => a + b, 0);
      return { language, gzipBytes, textsGzipBytes, withinBudget: gzipBytes <= languageBudgetKb * 1000 };
    });
    const stylesheets = tags(html, 'link')
      .filter((a) => a.rel === 'stylesheet' && a.href)
      .flatMap((a) => resolve(a.href!, 'index.html') ?? [])
      .map(sizeOf);
    const totalGzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
    return {
      status: 'ok',
      built,
      files,
      stylesheets,
      totalBytes: files.reduce((n, f) => n + f.bytes, 0),
      totalGzipBytes,
      budgetGzipBytes: budgetKb * 1000,
      withinBudget: totalGzipBytes <= budgetKb * 1000,
      byLanguage,
    };
  } catch (error) {
    return { status: 'unreadable', built, message: error instanceof Error ? error.message : String(error) };
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function printPortal(result: PortalSize) {
  if (result.status !== 'ok') {
    console.log(
      `Portal first-load JS: not measured, ${result.status === 'build_failed' ? 'the web build failed' : 'the build output is unreadable'}:\n${result.message}`,
    );
    return;
  }
  const width = Math.max(...[...result.files, ...result.stylesheets].map((f) => f.file.length));
  console.log(
    `Portal first-load JS (dist/web${result.built ? ', just built' : ''}): ${result.files.length} files`,
  );
  for (const f of result.files)
    console.log(
      `  ${f.file.padEnd(width)}  ${kb(f.bytes).padStart(9)}  ${kb(f.gzipBytes).padStart(9)} gzipped`,
    );
  for (const f of result.stylesheets)
    console.log(
      `  ${f.file.padEnd(width)}  ${kb(f.bytes).padStart(9)}  ${kb(f.gzipBytes).padStart(9)} gzipped (CSS, apart)`,
    );
  console.log(
    `  total JS: ${kb(result.totalBytes)}, ${kb(result.totalGzipBytes)} gzipped, against a budget of ${budgetKb} KB: ` +
      `${result.withinBudget ? 'within' : `OVER by ${kb(result.totalGzipBytes - result.budgetGzipBytes)}`}`,
  );
  console.log(
    `A participant's first page (the app, the portal home and their language's texts), JS gzipped, budget ${languageBudgetKb} KB:`,
  );
  for (const l of result.byLanguage)
    console.log(
      `  ${l.language}: ${kb(l.gzipBytes)} (texts ${kb(l.textsGzipBytes)}) ${l.withinBudget ? 'within' : 'OVER'}`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printPortal(measurePortal());
