// The classic script iamport-sandbox serves at /v1/iamport.js (dist/sandbox-sdk.js: run
// `npm run build` first), in Chromium pages whose user agent is a real desktop or a real iPhone:
// the same DOM signals as the real SDK, faults from `--fault`, the script tag and its URL, and
// F1002 from the server.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../src/sandbox-server/cli';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server/server';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

const root = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(root, 'test-results/sandbox');
const IPHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};
/** A narrow desktop window: still a PC for the SDK. */
const NARROW_DESKTOP: BrowserContextOptions = { viewport: { width: 500, height: 800 } };
const LONG_ORDER_NAME = '에티오피아 예가체프 내추럴 원두 1kg 외 3건 월구독';

let browser: Browser;
let shop: Server;
let shopUrl: string;
const servers: SandboxServer[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/sandbox-sdk.js'))) throw new Error('dist/sandbox-sdk.js is not built: run `npm run build` before this test.');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  // The shop: /?sdk=<script URL>&fault=<data-fault>&uid=<merchant_uid>&redirect=1
  shop = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://shop').searchParams;
    const params = {
      pg: 'jtnet',
      pay_method: 'card',
      merchant_uid: query.get('uid') ?? `classic_${Date.now()}`,
      name: LONG_ORDER_NAME,
      amount: 30000,
      ...(query.get('redirect') ? { m_redirect_url: 'https://shop.example/done' } : {}),
    };
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="ko"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Shop</title>
<main><h1>원두 상점</h1><button id="pay">Pay</button><pre id="result"></pre></main>
<script src="${query.get('sdk')}"${query.get('fault') ? ` data-fault="${query.get('fault')}"` : ''}></script>
<script>
  IMP.init('imp00000000');
  document.getElementById('pay').addEventListener('click', () => IMP.request_pay(${JSON.stringify(params)}, (response) => {
    document.getElementById('result').textContent = JSON.stringify(response);
  }));
</script></html>`);
  });
  await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await new Promise<void>((done) => (shop ? shop.close(() => done()) : done()));
});

async function sandboxServer(options: Parameters<typeof startSandboxServer>[0] = {}) {
  const server = await startSandboxServer({ port: 0, quiet: true, ...options });
  servers.push(server);
  return server;
}

/** The shop page on a fresh context, the SDK from `scriptUrl`. */
async function openShop(scriptUrl: string, context: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }, extra: Record<string, string> = {}) {
  const browserContext = await browser.newContext(context);
  // The landing page of m_redirect_url, answered here: nothing leaves 127.0.0.1.
  await browserContext.route('https://shop.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Landed</title>' }));
  const page = await browserContext.newPage();
  await page.goto(`${shopUrl}?${new URLSearchParams({ sdk: scriptUrl, ...extra })}`);
  return page;
}

/** The SDK's page-side DOM (reference §4). */
const sdkState = (page: Page) =>
  page.evaluate(() => {
    const dialog = document.querySelector<HTMLElement>('div.imp-dialog');
    return {
      dialogs: document.querySelectorAll('div.imp-dialog').length,
      className: dialog?.className,
      display: dialog && getComputedStyle(dialog).display,
      zIndex: dialog && getComputedStyle(dialog).zIndex,
      frames: [...document.querySelectorAll('div.imp-dialog iframe.imp-frame')].map((frame) => frame.className),
      progress: document.body.classList.contains('imp-payment-progress'),
    };
  });
/** Let the SDK's deferred work run (it acts a task after each call, like the real one). */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => setTimeout(() => setTimeout(done, 0), 0)));
const framesLoaded = (page: Page) => page.waitForFunction(() => document.querySelector('div.imp-dialog iframe.imp-frame'));

async function fillCard(page: Page, card = '4242424242424242') {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/card number/i).fill(card);
  await dialog.getByLabel(/expiry/i).fill('12/39');
  await dialog.getByLabel(/birth date/i).fill('900101');
  await dialog.getByLabel(/pin digits/i).fill('12');
  await dialog.getByRole('button', { name: /approve/i }).click();
}

describe('iamport-sandbox --fault', () => {
  it('parses repeated --fault flags and IAMPORT_SANDBOX_FAULT; a bad one is refused with the usage', () => {
    expect(parseSandboxArgs(['--fault', 'init:network-error', '--fault', 'slow-init:500'], {}).faults).toEqual({ init: 'network-error', slowInitMs: 500 });
    expect(parseSandboxArgs([], { IAMPORT_SANDBOX_FAULT: 'window:no-answer,slow-init:10' }).faults).toEqual({ window: 'no-answer', slowInitMs: 10 });
    expect(parseSandboxArgs([], {}).faults).toBeUndefined();
    expect(() => parseSandboxArgs(['--fault', 'window:crash'], {})).toThrow(/--fault: Unknown sandbox fault "window:crash"[\s\S]*Usage: iamport-sandbox/);
  });

  it('init:server-error: IMP.init returns, a request waits forever: no window, no callback, the dialog stays display none with no iframe', async () => {
    const server = await sandboxServer({ faults: { init: 'server-error' } });
    const page = await openShop(`${server.url}/v1/iamport.js`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.click('#pay');
    await settle(page);
    expect(await sdkState(page)).toMatchObject({ dialogs: 1, display: 'none', frames: [] });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('#result').textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the script tag (data-fault) and the script URL (?fault=) choose faults too', async () => {
    const server = await sandboxServer();
    const failing = await openShop(`${server.url}/v1/iamport.js`, undefined, { fault: 'window:load-error' });
    await framesLoaded(failing);
    await failing.click('#pay');
    await failing.frameLocator('iframe.imp-frame').getByText('ERR_CONNECTION_TIMED_OUT').waitFor();
    expect(await sdkState(failing)).toMatchObject({ display: 'block', zIndex: '99999' });
    await failing.context().close();

    const silent = await openShop(`${server.url}/v1/iamport.js?fault=window:no-answer`);
    await framesLoaded(silent);
    await silent.click('#pay');
    await fillCard(silent);
    await silent
      .getByRole('dialog')
      .getByRole('status')
      .filter({ hasText: /processing/i })
      .waitFor();
    await settle(silent);
    expect(await silent.locator('#result').textContent()).toBe('');
    expect(await sdkState(silent)).toMatchObject({ display: 'block' });
    await silent.context().close();
  });
});

describe('/v1/iamport.js decides phones by the real user agent', () => {
  it('a 500 px desktop window stays PC: dialog payment-jtnet pc, iframe imp-frame-pc, the callback runs', async () => {
    const server = await sandboxServer();
    const page = await openShop(`${server.url}/v1/iamport.js`, NARROW_DESKTOP, { redirect: '1' });
    await framesLoaded(page);
    expect((await sdkState(page)).frames).toEqual(['imp-frame imp-frame-pc imp-frame-default imp-frame-jtnet']);
    await page.click('#pay');
    await page.getByRole('dialog').waitFor();
    expect(await sdkState(page)).toMatchObject({ className: 'imp-dialog customizable payment-jtnet pc', display: 'block', progress: false });
    await page.keyboard.press('Escape');
    await page.locator('#result').filter({ hasText: 'F400' }).waitFor();
    expect(await sdkState(page)).toMatchObject({ display: 'none' });
    await page.context().close();
  });

  it('an iPhone at 375×812 with a 30-character Korean order name: mobile ios, the page hidden, Approve and Cancel on screen; the PG redirects to m_redirect_url', async () => {
    const server = await sandboxServer({ merchantName: '온기 커피 로스터스' });
    const page = await openShop(`${server.url}/v1/iamport.js`, IPHONE, { redirect: '1' });
    await framesLoaded(page);
    expect((await sdkState(page)).frames).toEqual(['imp-frame imp-frame-mobile imp-frame-default imp-frame-jtnet']);
    await page.click('#pay');
    const dialog = page.getByRole('dialog');
    await dialog.getByText(LONG_ORDER_NAME).waitFor();
    expect(await sdkState(page)).toMatchObject({ className: 'imp-dialog customizable payment-jtnet mobile ios', display: 'block', progress: true });
    expect(await page.locator('main').isVisible()).toBe(false);
    for (const name of [/approve/i, /^취소 \(cancel\)$/i]) {
      const box = (await dialog.getByRole('button', { name }).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(812);
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SHOTS, 'sandbox-window-mobile.png') });

    await fillCard(page);
    await page.waitForURL((url) => url.hostname === 'shop.example');
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/done');
    expect(landed.searchParams.get('imp_success')).toBe('true');
    expect(landed.searchParams.get('imp_uid')).toMatch(/^imp_\d{12}$/);
    await page.context().close();
  });
});

describe('F1002 comes from the server side', () => {
  it('with serverUrl, iamport-sandbox refuses a paid merchant_uid; the window answers F1002 in the page, on a phone too', async () => {
    const server = await sandboxServer();
    const uid = `classic_f1002_${Date.now()}`;
    const first = await openShop(`${server.url}/v1/iamport.js`, undefined, { uid });
    await first.click('#pay');
    await fillCard(first);
    await first.locator('#result').filter({ hasText: '"status":"paid"' }).waitFor();
    await first.context().close();

    // Another page (so nothing is remembered in the browser): only the server knows.
    const again = await openShop(`${server.url}/v1/iamport.js`, IPHONE, { uid, redirect: '1' });
    await again.click('#pay');
    await fillCard(again);
    await again.locator('#result').filter({ hasText: 'F1002' }).waitFor();
    expect(JSON.parse((await again.locator('#result').textContent())!)).toMatchObject({
      success: false,
      error_code: 'F1002',
      error_msg: '이미 결제가 이루어진 거래건입니다.',
    });
    expect(new URL(again.url()).hostname).toBe('127.0.0.1');
    await again.context().close();
  });
});
