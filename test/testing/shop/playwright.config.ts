// How this repository runs the docs' Playwright specs (e2e/): test/e2e/testing-docs.e2e.test.ts
// starts the shop (dev-server.ts) on a free port, then runs `playwright test` with this config.
// A shop's own config would use `webServer` to start its dev server instead.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium';

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE }]],
  outputDir: '../../../test-results/testing-docs',
  use: {
    baseURL: process.env.SHOP_URL,
    browserName: 'chromium',
    // Debian's Chromium: this repository never downloads browsers.
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
});
