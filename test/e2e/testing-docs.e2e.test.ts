// docs/testing.md's end-to-end example, run as a shop runs it: Playwright Test (`@playwright/test`)
// on the specs in test/testing/shop/e2e/, against the shop's dev server (the app on
// createSandboxIamport + iamport-sandbox), desktop and phone.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../testing/shop/dev-server';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface JsonSuite {
  title: string;
  specs: { title: string; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
  suites?: JsonSuite[];
}

/** `describe › test` → the status of its (only) run, and the first error. */
function outcomes(suite: JsonSuite, path: string[] = []): Record<string, string> {
  const here = suite.title.endsWith('.spec.ts') ? path : [...path, suite.title];
  const results: Record<string, string> = {};
  for (const spec of suite.specs) {
    const result = spec.tests[0]?.results.at(-1);
    results[[...here, spec.title].join(' › ')] = result ? `${result.status}${result.error?.message ? `: ${result.error.message}` : ''}` : 'not run';
  }
  for (const child of suite.suites ?? []) Object.assign(results, outcomes(child, here));
  return results;
}

let shop: RunningShop;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'iamport-testing-docs-'));
  shop = await startShop();
});

afterAll(async () => {
  await shop?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('the Playwright specs of docs/testing.md pass under `playwright test` (desktop: approve, decline then pay, cancel; phone: the redirect landing)', async () => {
  const report = join(work, 'report.json');
  const cli = join(ROOT, 'node_modules/@playwright/test/cli.js');
  const { stdout, stderr } = await run(process.execPath, [cli, 'test', '--config', 'test/testing/shop/playwright.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, SHOP_URL: shop.url, PLAYWRIGHT_JSON_OUTPUT_FILE: report, FORCE_COLOR: '0' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout: string; stderr: string }) => error);
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { suites: JsonSuite[]; errors: { message?: string }[] };
  expect(
    parsed.errors.map((error) => error.message),
    `${stdout}\n${stderr}`,
  ).toEqual([]);
  expect(Object.assign({}, ...parsed.suites.map((suite) => outcomes(suite)))).toEqual({
    'desktop: a card payment is verified by the shop’s server': 'passed',
    'desktop: a declined card shows the reason, and paying again works': 'passed',
    'desktop: the buyer closes the window': 'passed',
    'on a phone › the window sends the page to the landing, which says paid once the server verified it': 'passed',
  });
}, 120_000);
