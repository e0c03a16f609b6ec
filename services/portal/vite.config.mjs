// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const portalRoot = path.dirname(fileURLToPath(import.meta.url));

/** The portal's single-page app, built into dist/portal, which the gateway (src/main.ts) serves. */
export default defineConfig({
  root: portalRoot,
  plugins: [react()],
  resolve: {
    // The languages Vouch speaks, shared with the emails: the one part of the libraries the app uses.
    alias: {
      '@vouch/platform/languages': path.resolve(
        portalRoot,
        '../../libs/platform/src/i18n/email-languages.ts',
      ),
    },
  },
  build: {
    outDir: path.resolve(portalRoot, '../../dist/portal'),
    emptyOutDir: true,
  },
  server: {
    // `vite` for development: the APIs come through a running gateway (npm start).
    proxy: { '/v1': 'http://127.0.0.1:8080', '/.well-known': 'http://127.0.0.1:8080' },
  },
});
