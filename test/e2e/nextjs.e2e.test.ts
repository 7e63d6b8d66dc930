// The Next.js App Router shop (examples/nextjs) on the built package, imported by name: built
// with Turbopack and with webpack (each into its own directory), served by `next start` next to
// iamport-sandbox, and paid in Chromium on a desktop and on a phone (through the redirect landing).
// The builds include the test-only page app/server-in-client/page.check.tsx (`--checks`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRedirectLanding, sandboxWindow } from 'react-iamport-jtnet/testing';
import { CARDS, DESKTOP, fillBuyer, launchChromium, MOBILE, openShop } from './support/browser';
import { startLauncher, type Launched } from './support/stack';

const ROOT = resolve(import.meta.dirname, '../..');
const LAUNCHER = 'examples/nextjs/scripts/start.mjs';
const SERVER_CODE = ['getToken', 'imp_secret'];
const BROWSER_STUB_MESSAGE = 'react-iamport-jtnet/server was bundled for a browser';

/** Every .js file under a directory. */
const scripts = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));

/** Collects every element with role="alert" the page ever showed, from the first parsed byte on. */
const RECORD_ALERTS = () => {
  const seen: string[] = [];
  (window as unknown as { __alerts: string[] }).__alerts = seen;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const alert of [node, ...node.querySelectorAll('[role="alert"]')]) {
          if (alert.getAttribute('role') === 'alert') seen.push(alert.textContent ?? '');
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

/** Product page → buyer fields → the sandbox window → approve with the 4242 card. */
async function payForTheProduct(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { name: '에티오피아 예가체프 200g' }).waitFor();
  await fillBuyer(page);
  await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
  await sandboxWindow(page).payWithCard(CARDS.approve);
}

describe.each(['turbopack', 'webpack'] as const)('Next.js App Router shop, built with %s', (bundler) => {
  const distDir = resolve(ROOT, `examples/nextjs/.next-${bundler}-checks`);
  let shop: Launched;
  let browser: Browser;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [resolve(ROOT, LAUNCHER), '--build-only', '--checks', '--quiet', '--bundler', bundler], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status, `next build (${bundler}) failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
    [shop, browser] = await Promise.all([
      startLauncher(LAUNCHER, ['--no-build', '--checks', '--quiet', '--bundler', bundler, '--port', '0', '--sandbox-port', '0'], 'nextjs'),
      launchChromium(),
    ]);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (shop) expect(await shop.stop(), shop.output()).toBe(0);
  });

  it('the client chunks hold no server code; the server build does (the check would see it)', () => {
    const client = scripts(join(distDir, 'static'));
    expect(client.length).toBeGreaterThan(0);
    for (const file of client) {
      const code = readFileSync(file, 'utf8');
      for (const marker of SERVER_CODE) expect(code.includes(marker), `${marker} in ${file}`).toBe(false);
    }
    // The test-only client page imported the server module: its chunk got the throwing stub.
    expect(client.some((file) => readFileSync(file, 'utf8').includes(BROWSER_STUB_MESSAGE))).toBe(true);
    expect(scripts(join(distDir, 'server')).some((file) => readFileSync(file, 'utf8').includes('users/getToken'))).toBe(true);
  });

  it('desktop: the Server Component product page, PaymentForm in a client component, 4242 → verified paid (route handler + webhook)', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, shop.appUrl, DESKTOP);
    await payForTheProduct(page);
    const done = page.getByRole('status').filter({ hasText: '결제가 완료되었습니다' });
    await done.waitFor();
    const merchantUid = (await done.locator('.mono').textContent())!;
    expect(merchantUid).toMatch(/^yirgacheffe_/);
    // The Node route handler recorded the verification; the sandbox's webhook reaches the webhook route handler.
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`/api/orders/${merchantUid}`)).json()) as { paid: { by: string }[] }).paid.map((record) => record.by).sort(),
        { timeout: 15_000 },
      )
      .toEqual(['verify', 'webhook']);
    expectCleanConsole();
    await context.close();
  });

  it('phone (375 px, mobile UA): the redirect landing renders "checking" on the server, never an alert, then verified paid on the edge runtime', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, shop.appUrl, MOBILE);
    await context.addInitScript(RECORD_ALERTS);
    const landingHtml = page.waitForResponse((response) => new URL(response.url()).pathname === '/payments/complete').then((response) => response.text());
    const edgeVerify = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/payments/verify-edge');
    await payForTheProduct(page);

    expect((await expectRedirectLanding(page, { path: '/payments/complete' })).outcome).toMatchObject({
      status: 'succeeded',
      merchantUid: expect.stringMatching(/^yirgacheffe_/),
    });
    await page.getByRole('status').filter({ hasText: '결제가 완료되었습니다.' }).waitFor();
    expect((await edgeVerify).status()).toBe(200);
    expect(await (await edgeVerify).json()).toMatchObject({ verified: true, status: 'paid', amount: 15_000 });
    // The server's HTML: the result is being checked (from searchParams), no alert.
    const html = await landingHtml;
    expect(html).toContain('결제를 확인하고 있습니다');
    expect(html).not.toContain('role="alert"');
    // Nothing flashed in between, and the result left the address bar.
    expect(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts)).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The landing asks for no payment SDK (the provider loads it only for a request hook).
    expect(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => url.includes('/v1/iamport.js')),
      ),
    ).toEqual([]);
    expectCleanConsole();
    await context.close();
  });

  it('a client component that imports react-iamport-jtnet/server throws on load with the message; no token request leaves the browser', async () => {
    const { page, context, allowErrors } = await openShop(browser, shop.appUrl, DESKTOP);
    // The crash this page is built to cause (asserted below); with the app torn down, Chromium may
    // also ask for /favicon.ico, which the app does not serve (its icon is app/icon.svg).
    allowErrors(new RegExp(`^pageerror: ${BROWSER_STUB_MESSAGE}`), /status of 404 \(Not Found\) \(http:\/\/[^)]+\/favicon\.ico\)$/);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const tokenRequests: string[] = [];
    context.on('request', (request) => {
      if (request.url().includes('getToken')) tokenRequests.push(request.url());
    });
    await page.goto('/server-in-client');
    await expect.poll(() => errors.join('\n'), { timeout: 15_000 }).toContain(BROWSER_STUB_MESSAGE);
    expect(tokenRequests).toEqual([]);
    await context.close();
  });
});
