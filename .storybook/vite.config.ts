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
  // Pre-bundled in the first optimizer pass, before any story asks for them: a dependency found
  // later makes Vite bundle again and hold every module request until it is done.
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
  // Transform the preview, the docs and every story (and what they import) while the browser is
  // still opening, instead of one import level per round trip after it asks.
  server: { warmup: { clientFiles: ['./.storybook/preview.tsx', './stories/**/*.mdx', './stories/**/*.stories.tsx'] } },
}));
