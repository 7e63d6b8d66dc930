#!/usr/bin/env node
// How long a person waits after `npm run storybook` on a fresh checkout: from spawning the dev
// server (Vite's dependency cache deleted first) to the Introduction page and then a component
// story rendered in Debian's Chromium. Also lists what the manager and preview print to the console.
//
//   node .storybook/measure-cold-start.mjs [--warm] [--rounds N] [--config-dir DIR]...
//
// Several --config-dir values are measured interleaved (A B A B …) so a busy machine hits both alike.
// --verbose also prints Storybook's output and every request the browser made, with its time.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const STORYBOOK_CACHE = join(ROOT, 'node_modules/.cache/storybook');
const STORY_PATH = '/story/components-paymentform--card-payment';
const TIMEOUT_MS = 180_000;

const { values } = parseArgs({
  options: {
    warm: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    'config-dir': { type: 'string', multiple: true, default: ['.storybook'] },
  },
});

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHttp(url, deadline, child) {
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`storybook dev exited with code ${child.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not answer within ${TIMEOUT_MS / 1000} s`);
}

/** Resolves once the preview iframe shows `selector` (a rendered docs page or story). */
async function waitInPreview(page, selector) {
  const frame = page.frameLocator('#storybook-preview-iframe');
  await frame.locator(selector).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

async function measure(browser, configDir) {
  if (!values.warm) rmSync(STORYBOOK_CACHE, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/storybook/dist/bin/dispatcher.js'), 'dev', '-p', String(port), '--host', '127.0.0.1', '--no-open', '--ci', '-c', configDir],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let serverLog = '';
  child.stdout.on('data', (chunk) => (serverLog += chunk));
  child.stderr.on('data', (chunk) => (serverLog += chunk));
  const consoleLines = new Set();
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push([since(), request.url().replace(base, '')]));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') consoleLines.add(`${message.type()}: ${message.text().slice(0, 200)}`);
  });
  try {
    await waitForHttp(`${base}/index.json`, started + TIMEOUT_MS, child);
    const serverMs = since();
    await page.goto(`${base}/`);
    await waitInPreview(page, '#storybook-docs h1');
    const introductionMs = since();
    await page.goto(`${base}/?path=${STORY_PATH}`);
    await waitInPreview(page, '#storybook-root form');
    const storyMs = since();
    if (values.verbose) console.log(`${serverLog}\n${requests.map(([ms, url]) => `${ms} ms ${url.slice(0, 140)}`).join('\n')}`);
    return { configDir, serverMs, introductionMs, storyMs, console: [...consoleLines] };
  } catch (error) {
    throw new Error(`${configDir}: ${error.message}\n--- storybook output ---\n${serverLog}`);
  } finally {
    await page.close();
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const configDir of values['config-dir']) {
      const result = await measure(browser, configDir);
      console.log(
        `${values.warm ? 'warm' : 'cold'} ${configDir} #${round}: server ${result.serverMs} ms, Introduction ${result.introductionMs} ms, PaymentForm story ${result.storyMs} ms`,
      );
      for (const line of result.console) console.log(`    ${line}`);
    }
  }
} finally {
  await browser.close();
}
