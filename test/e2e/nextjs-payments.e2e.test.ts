// The Next.js example on the 2026 server API (examples/nextjs, built with Turbopack): the checkout
// registers the order's amount through the prepare route before the form can be sent, a virtual
// account is recorded as awaiting its deposit (never paid), and a window that never answers is
// settled by the server by merchant_uid (the form's `verify`).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { DESKTOP, fillBuyer, launchChromium, openShop } from './support/browser';
import { recordSandboxPayment, startLauncher, type Launched } from './support/stack';

const ROOT = resolve(import.meta.dirname, '../..');
const LAUNCHER = 'examples/nextjs/scripts/start.mjs';

let shop: Launched;
let browser: Browser;

beforeAll(async () => {
  const build = spawnSync(process.execPath, [resolve(ROOT, LAUNCHER), '--build-only', '--quiet', '--bundler', 'turbopack'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, `next build failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
  [shop, browser] = await Promise.all([
    startLauncher(LAUNCHER, ['--no-build', '--quiet', '--bundler', 'turbopack', '--port', '0', '--sandbox-port', '0'], 'nextjs'),
    launchChromium(),
  ]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (shop) expect(await shop.stop(), shop.output()).toBe(0);
});

/** What the Next.js shop's server recorded for an order. */
const records = async (page: Page, merchantUid: string) =>
  (await (await page.request.get(`/api/orders/${merchantUid}`)).json()) as { paid: { by: string }[]; awaitingDeposit: { by: string }[] };

/** Open the product page and wait until the checkout registered the order's amount; returns its merchant_uid. */
async function preparedCheckout(page: Page): Promise<string> {
  const prepare = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/payments/prepare');
  await page.goto('/');
  const merchantUid = ((await prepare).postDataJSON() as { merchantUid: string }).merchantUid;
  await page.getByRole('textbox', { name: '이름', exact: true }).and(page.locator(':enabled')).waitFor();
  return merchantUid;
}

describe('Next.js example: prepared amounts, virtual accounts, unknown outcomes', () => {
  it("the checkout registers the amount before the form can be sent; i'mport then refuses another amount for that order", async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, shop.appUrl, DESKTOP);
    // Hold the prepare call: until it answers, nothing can be typed or sent.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/api/payments/prepare', async (route) => {
      await held;
      await route.continue();
    });
    const prepared = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/payments/prepare');
    await page.goto('/');
    await page.getByRole('status').filter({ hasText: '주문을 준비하고 있습니다' }).waitFor();
    expect(await page.getByRole('textbox', { name: '이름', exact: true }).isDisabled()).toBe(true);
    release();
    const reply = await prepared;
    const merchantUid = (reply.request().postDataJSON() as { merchantUid: string }).merchantUid;
    expect(reply.request().postDataJSON()).toEqual({ merchantUid }); // the browser sends no amount
    expect(await reply.json()).toEqual({ prepared: true, merchantUid, amount: 15_000 });
    await page.getByRole('textbox', { name: '이름', exact: true }).and(page.locator(':enabled')).waitFor();

    // ₩100 for the ₩15,000 order: refused by i'mport (the sandbox) itself, before anyone pays.
    await expect(recordSandboxPayment(shop.sandboxUrl, { merchant_uid: merchantUid, amount: 100, name: 'tampered' })).rejects.toThrow(
      /사전등록된 결제금액\(15000\)/,
    );
    // The checkout page asked for the SDK (the landing, which needs none, is checked in nextjs.e2e).
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/v1/iamport.js')))).toBe(true);
    expectCleanConsole();
    await context.close();
  });

  it('virtual account: the account is shown and recorded as awaiting its deposit (verify and webhook), never as paid', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, shop.appUrl, DESKTOP);
    const merchantUid = await preparedCheckout(page);
    await fillBuyer(page);
    await page.getByRole('radio', { name: '가상계좌' }).check();
    await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
    await sandboxWindow(page).approve();

    const issued = page.getByRole('status').filter({ hasText: '가상계좌가 발급되었습니다' });
    await issued.waitFor();
    expect(await issued.textContent()).toMatch(/은행 \S+/);
    expect(await page.getByText('결제가 완료되었습니다').count()).toBe(0);
    await expect
      .poll(async () => (await records(page, merchantUid)).awaitingDeposit.map((record) => record.by).sort(), { timeout: 15_000 })
      .toEqual(['verify', 'webhook']);
    expect((await records(page, merchantUid)).paid).toEqual([]);
    expectCleanConsole();
    await context.close();
  });

  it('a window that never answers ends as unknown; verify settles it with the server by merchant_uid', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, shop.appUrl, DESKTOP);
    // The real SDK's silent init failure: request_pay waits forever, no window, no callback.
    await page.route(`${shop.sandboxUrl}/v1/iamport.js`, async (route) => {
      const script = await (await route.fetch()).text();
      await route.fulfill({ contentType: 'text/javascript', body: `document.currentScript.dataset.fault = 'init:network-error';\n${script}` });
    });
    const merchantUid = await preparedCheckout(page);
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
    // The money moved anyway (the PG finished, the page never heard).
    await recordSandboxPayment(shop.sandboxUrl, { merchant_uid: merchantUid, amount: 15_000, name: 'beans' });

    await page.getByRole('status').filter({ hasText: '결제가 완료되었습니다' }).waitFor({ timeout: 30_000 });
    expect((await records(page, merchantUid)).paid.map((record) => record.by)).toContain('verify');
    expectCleanConsole();
    await context.close();
  });
});
