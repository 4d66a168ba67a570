import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Brotli and gzip copies of every text file, made once at build time at the highest level, so the server sends
 * a phone the smallest file without compressing it on each request (@fastify/static `preCompressed`).
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'opstap-precompress',
    apply: 'build',
    closeBundle() {
      // A failed build wrote nothing: let its own error speak.
      if (!existsSync(outDir)) return;
      for (const name of readdirSync(outDir, { recursive: true }) as string[]) {
        const file = join(outDir, name);
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(name) || statSync(file).size < 1024) continue;
        const body = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Mantine's stylesheet goes with the components that use it. Each Mantine component imports a small class-name
 * module (`Button.module.mjs`); this plugin makes that module import the component's own CSS too
 * (`@mantine/core/styles/Button.layer.css`). So the build puts each component's CSS in the chunk that holds the
 * component: the first page gets the CSS of the frame and its own components, a staff page brings its tables and
 * tabs along when it loads, and a component that is never used ships no CSS. Nothing to list by hand.
 * The `.layer.css` files sit in the CSS layer `mantine`, so the order in which chunks arrive cannot let a Mantine
 * rule beat our own styles.css (unlayered rules always win). In development Vite serves Mantine prebundled, so
 * there the whole stylesheet is imported instead.
 */
function mantineStylesPerComponent(): Plugin {
  let serve = false;
  return {
    name: 'opstap-mantine-styles-per-component',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transform(code, id) {
      if (serve)
        return /[\\/]src[\\/]web[\\/]main\.tsx$/.test(id)
          ? { code: `import '@mantine/core/styles.layer.css';\n${code}`, map: null }
          : null;
      const component = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/.exec(id)?.[1];
      return component
        ? { code: `import '@mantine/core/styles/${component}.layer.css';\n${code}`, map: null }
        : null;
    },
  };
}

/**
 * main.tsx is a small entry that asks the server who is signed in and fetches the reader's texts, then imports
 * the app (`import('./App.tsx')`). So that the app does not start downloading only then, index.html preloads the
 * app's chunks and its CSS from the start (what Vite does by itself for static imports of the entry). The CSS is
 * preloaded, not linked: a linked stylesheet would hold back the entry until it is in (scripts wait for
 * stylesheets), and the app renders nothing before Vite's loader has linked it anyway.
 */
function preloadWithEntry(modules: string[]): Plugin {
  return {
    name: 'opstap-preload-with-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const files = new Set<string>();
        const css = new Set<string>();
        const add = (chunk: Rolldown.OutputChunk | undefined) => {
          if (!chunk || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          for (const file of chunk.imports) add(chunks.find((c) => c.fileName === file));
        };
        for (const module of modules) {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
          if (!chunk) throw new Error(`preloadWithEntry: no chunk for ${module}`);
          add(chunk);
        }
        const tags: HtmlTagDescriptor[] = [
          ...[...files]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
          ...[...css]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
        ];
        return tags;
      },
    },
  };
}

/**
 * Chunks that are not left to the bundler. Fewer, larger files for the first screen (over HTTP/1.1 a browser
 * fetches six at a time, so forty small files cost several round trips on a slow phone network), big libraries
 * that change rarely in their own cacheable files, and each language's texts in one file. Higher priority first.
 */
const chunkGroups: { name: string | ((id: string) => string | null); debugName?: string; test: RegExp }[] = [
  // One file per language with the shell's and every feature's texts: one request, for one language.
  {
    debugName: 'texts',
    name: (id) => `texts-${/[\\/]locales[\\/](?:participant[\\/])?(\w+)\.json$/.exec(id)?.[1]}`,
    test: /[\\/]src[\\/]web[\\/].*[\\/]locales[\\/](?:participant[\\/])?\w+\.json$/,
  },
  // What the entry (main.tsx) needs to start before the app is in: its own small file, or the entry would wait for
  // the app's chunk, where the bundler would otherwise put these modules because the app uses them too.
  {
    name: 'start',
    test: /[\\/]src[\\/](web[\\/]i18n[\\/](languages|texts)\.ts|shared[\\/]locales\.ts)$|preload-helper/,
  },
  // React itself is small, and the feature declarations need it early (their icons); react-dom is big.
  { name: 'react', test: /[\\/]node_modules[\\/]react[\\/]/ },
  { name: 'react-dom', test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/ },
  { name: 'router', test: /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/ },
  // Mantine's core (theme, styles API, Box, hooks); its components stay with the pages that use them.
  {
    name: 'mantine',
    test: /[\\/]node_modules[\\/](@mantine[\\/]core[\\/]esm[\\/]core|@mantine[\\/]hooks)[\\/]/,
  },
  { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
  { name: 'i18n', test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/ },
  // The feature declarations (the entry reads them to preload the first page): small, without react-dom.
  { name: 'features', test: /[\\/]src[\\/]web[\\/]features[\\/]/ },
  // Every icon the app uses (a few hundred bytes each) in one file, rather than a request per icon.
  { name: 'icons', test: /[\\/]node_modules[\\/]@tabler[\\/]icons-react[\\/]/ },
  // The app shell with everything it imports (shared components, the frame's Mantine components), in one file.
  { name: 'app', test: /[\\/]src[\\/]web[\\/]App\.tsx$/ },
];

/** The web app lives in src/web and is built to dist/web, which the Fastify server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    mantineStylesPerComponent(),
    preloadWithEntry(['src/web/App.tsx']),
    precompress('dist/web'),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Keep the first load small: pages are lazy chunks, big libraries get their own cacheable files.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: chunkGroups.map((group, index) => ({ ...group, priority: chunkGroups.length - index })),
        },
      },
    },
  },
  server: {
    proxy: {
      // Only API calls: '/api' alone would also catch the source file /api.ts in development.
      '^/api/': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
