import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './test/support/chromium.ts';
import { scriptFixtures } from './test/support/script-fixtures-plugin.ts';

const root = import.meta.dirname;
/** First setup file of every project: an unexpected console.error/console.warn fails its test (unit's setup imports it). */
const SETUP_CONSOLE = 'test/support/setup-console.ts';

/** Real Chromium from Debian, found via CHROMIUM_PATH or /usr/bin/chromium. */
/** Pre-bundle React once, up front: lazy discovery mid-run can load two Reacts (invalid hook call). */
const optimizeDeps = {
  include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-hook-form', '@testing-library/react'],
};

export const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  plugins: [react()],
  // The run prints results: Vite's info lines (the browser projects' "[optimizer] bundling
  // dependencies…") are not; its warnings and errors are.
  logLevel: 'warn',
  test: {
    globals: true,
    // A test is listed by name when it passes only if it took longer than this; in this suite a
    // browser payment or a server round trip takes 0.3–2.5 s, so 5 s means something to look at.
    slowTestThreshold: 5_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.node.test.{ts,tsx}', 'test/**/*.guard.test.{ts,tsx}', 'test/e2e/**'],
          setupFiles: ['test/support/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.{ts,tsx}'],
          setupFiles: [SETUP_CONSOLE],
          testTimeout: 30_000,
        },
      },
      {
        // Performance guards that compare ratios (ours vs a baseline, interleaved): they run after
        // every other project has finished, one file at a time, so other tests do not skew them.
        extends: true,
        test: {
          name: 'guards',
          environment: 'node',
          include: ['test/**/*.guard.test.{ts,tsx}'],
          setupFiles: [SETUP_CONSOLE],
          testTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        plugins: [scriptFixtures()],
        optimizeDeps,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: [SETUP_CONSOLE],
          browser: chromium(),
          testTimeout: 20_000,
        },
      },
      {
        // The demo storefront end to end (examples/storefront): the built package, the sandbox
        // server and the shop run as `npm start` does; Playwright drives Debian's Chromium.
        // Run `npm run build` first. Not `extends: true`: Node resolves the package to dist/.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          setupFiles: [SETUP_CONSOLE],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // Every story becomes a Chromium test: it renders, its play function runs, axe must pass.
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        optimizeDeps,
        test: {
          name: 'storybook',
          setupFiles: [SETUP_CONSOLE],
          browser: chromium(),
          testTimeout: 30_000,
        },
      },
    ],
  },
  resolve: { alias: { 'react-iamport-jtnet': resolve(root, 'src') } },
});
