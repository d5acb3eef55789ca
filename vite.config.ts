import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { offline } from './src/pwa/offlinePlugin.ts';

// One config for the app build and the unit tests. The e2e specs live in e2e/ and run under Playwright,
// so Vitest only looks at src/.
export default defineConfig({
  // offline(): the service worker and the Content-Security-Policy, in `vite build` only (src/pwa/).
  plugins: [react(), offline()],
  // Relative asset URLs so the built app also works from a sub-path or a file copied into another site.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: {
    format: 'es',
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
