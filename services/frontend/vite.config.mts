// Production build of the single-page app. `npm start` (services/stack) and the nginx image serve dist/web;
// the dev server proxies /api to a running gateway (API_URL, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:8080', changeOrigin: true } },
  },
});
