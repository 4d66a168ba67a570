import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The web app lives in src/web and is built to dist/web, which the Fastify server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
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
