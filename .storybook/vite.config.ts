// Storybook's own Vite config: the library build in /vite.config.ts is not for apps.
// Storybook reads `build` only through `viteFinal` (main.ts); everything else here applies.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: { alias: { 'react-iamport-jtnet': resolve(import.meta.dirname, '../src') } },
  // `build-storybook` prints the result and warnings, not a listing of 60 chunks; the dev server
  // keeps Vite's info lines ("bundling dependencies…") so a slow first start says what it is doing.
  logLevel: command === 'build' ? 'warn' : 'info',
  // Pre-bundled in one optimizer pass at start: without this list react, storybook/test and
  // react-hook-form each came in a pass of their own, found late, and Vite held every module
  // request until each pass was done. `server.warmup` of the stories was measured too and did not help: on
  // a busy machine it competes with the page that was asked for.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-hook-form',
      'storybook/test',
      '@storybook/addon-docs',
      '@storybook/addon-docs/blocks',
    ],
  },
}));
