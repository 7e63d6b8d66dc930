// The peer range says react >= 18: a minimal checkout (test/react18) built with Vite against
// React 18.3 (installed by the root `npm ci` under test/react18/node_modules, next to the root's
// React 19) and the built package, paying on iamport-sandbox in Chromium.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { CARDS, fillBuyer, launchChromium, openShop } from './support/browser';
import { sandboxPayment } from './support/stack';
import { serveStatic } from './support/static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = resolve(ROOT, 'test/react18');
const REACT_18 = resolve(APP, 'node_modules');
const DIST = resolve(ROOT, 'dist');

let outDir: string;
let sandbox: { url: string; close(): Promise<void> };
let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'iamport-react18-'));
  // A production build, as a shop ships it (vitest runs with NODE_ENV=test, which Vite would follow).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    root: APP,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        // Every `react` / `react-dom` import (the app's, the kit's, react-hook-form's) → React 18.
        { find: /^react(\/.*)?$/, replacement: `${REACT_18}/react$1` },
        { find: /^react-dom(\/.*)?$/, replacement: `${REACT_18}/react-dom$1` },
        // The kit by name, as the storefront imports it: the built package.
        { find: /^react-iamport-jtnet\/styles\.css$/, replacement: join(DIST, 'styles.css') },
        { find: /^react-iamport-jtnet$/, replacement: join(DIST, 'index.js') },
      ],
    },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const { startSandboxServer } = (await import(pathToFileURL(join(DIST, 'sandbox-server.js')).href)) as typeof import('../../src/sandbox-server');
  [sandbox, app, browser] = await Promise.all([startSandboxServer({ port: 0, quiet: true }), serveStatic(outDir), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close(), app?.close()]);
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('React 18', () => {
  it('the production bundle holds React 18 only', () => {
    const code = readdirSync(join(outDir, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(outDir, 'assets', file), 'utf8'))
      .join('\n');
    expect(code).toMatch(/["'`]18\.3\.1["'`]/);
    expect(code).not.toMatch(/["'`]19\.\d+\.\d+["'`]/);
    expect(code).not.toContain('jsxDEV');
  });

  it('PaymentForm under StrictMode pays with 4242 on the sandbox; the payment is paid there', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, app.url);
    await page.goto(`/?sandbox=${encodeURIComponent(sandbox.url)}`);
    await page.getByRole('heading', { name: 'React 18.3.1' }).waitFor();
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩1,004 결제하기' }).click();
    await sandboxWindow(page).payWithCard(CARDS.approve);
    const approved = page.getByRole('status').filter({ hasText: '결제 승인' });
    await approved.waitFor();
    const impUid = (await approved.locator('output').textContent())!;
    expect(await sandboxPayment(sandbox.url, impUid)).toMatchObject({ status: 'paid', amount: 1004 });
    expectCleanConsole();
    await context.close();
  });
});
