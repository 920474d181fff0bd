import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app (apps/web): `npm run web:build` writes dist/web, which the API
 * serves at `/` (WEB_DIST_DIR); `npm run web:dev` serves it with hot reload and
 * sends /api to the API on :3000 (`npm run dev` or `npm start`).
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads (bench/web-bundle.bench.ts sums them)
    manifest: true,
    // no inline scripts or data: modules: the API's Content-Security-Policy allows scripts from files only
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
