import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
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

/** The web app lives in src/web and is built to dist/web, which the Fastify server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress('dist/web')],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Keep the first load small: pages are lazy chunks, big libraries get their own cacheable files.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
