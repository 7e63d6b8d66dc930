// react-iamport-jtnet/testing's Playwright helpers (the built entry) on a bare page, with each of
// the two ways an app gets the sandbox: createSandboxIamport() (the ES module in the page) and
// iamport-sandbox's /v1/iamport.js (a classic script from the server). Same window, same helpers.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRedirectLanding, sandboxWindow } from 'react-iamport-jtnet/testing';
import { startTestSandbox, type TestSandbox } from 'react-iamport-jtnet/testing/server';
import { DESKTOP, launchChromium, MOBILE, openShop } from './support/browser';

const DIST = resolve(import.meta.dirname, '../../dist');
type Sdk = 'createSandboxIamport' | '/v1/iamport.js';

/** The page: one Pay button; the callback's response goes to <pre id="result"> as JSON. `?method=` and `?fault=` pick the request and a real-SDK fault. */
function checkoutPage(sdk: Sdk, sandboxUrl: string, query: URLSearchParams): string {
  const fault = query.get('fault');
  const load =
    sdk === 'createSandboxIamport'
      ? `import { createSandboxIamport } from '/dist/esm/sandbox/index.js';
       window.IMP = createSandboxIamport(${fault === 'window:no-answer' ? "{ faults: { window: 'no-answer' } }" : ''});`
      : `await new Promise((done, fail) => { const s = document.createElement('script'); s.src = ${JSON.stringify(`${sandboxUrl}/v1/iamport.js${fault ? `?fault=${fault}` : ''}`)}; s.onload = done; s.onerror = fail; document.head.append(s); });`;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>checkout</title></head><body>
<button id="pay">결제하기</button><pre id="result"></pre>
<script type="module">
${load}
IMP.init('imp00000000');
document.querySelector('#pay').onclick = () => IMP.request_pay(
  { pg: 'jtnet', pay_method: ${JSON.stringify(query.get('method') ?? 'card')}, merchant_uid: 'order_' + Date.now(), name: '원두 1kg', amount: 1004, m_redirect_url: location.origin + '/payments/complete?ref=a%20b' },
  (response) => { document.querySelector('#result').textContent = JSON.stringify(response); },
);
document.body.dataset.ready = 'true';
</script></body></html>`;
}

/** A landing page that strips the result from the address bar as soon as it runs, as RedirectLanding does. */
const LANDING = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>landing</title></head><body><p>landed</p>
<script>history.replaceState(null, '', location.pathname);</script></body></html>`;

let sandbox: TestSandbox;
let server: Server;
let appUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'testing.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  sandbox = await startTestSandbox();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (url.pathname === '/module' || url.pathname === '/classic')
      return html(checkoutPage(url.pathname === '/module' ? 'createSandboxIamport' : '/v1/iamport.js', sandbox.url, url.searchParams));
    if (url.pathname === '/payments/complete') return html(LANDING);
    const file = normalize(url.pathname).replace(/^\/dist\//, '');
    if (!url.pathname.startsWith('/dist/') || file.startsWith('..')) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    createReadStream(join(DIST, file))
      .on('error', () => response.end())
      .pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  await sandbox?.close();
});

/** Open the page for one SDK and press Pay; returns the page and a reader of the callback's response. */
async function checkout(sdk: Sdk, { phone = false, query = {} } = {}) {
  const shop = await openShop(browser, appUrl, phone ? MOBILE : DESKTOP);
  const { page } = shop;
  await page.goto(`/${sdk === 'createSandboxIamport' ? 'module' : 'classic'}?${new URLSearchParams(query)}`);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByRole('button', { name: '결제하기' }).click();
  const response = async () => JSON.parse((await page.locator('#result').textContent()) || 'null') as Record<string, unknown> | null;
  return { ...shop, response };
}

const processing = (page: Page) => sandboxWindow(page).dialog.getByRole('status');

describe.each(['createSandboxIamport', '/v1/iamport.js'] as const)('Playwright helpers, the app on %s', (sdk) => {
  it('desktop: payWithCard approves (an issuer of the window chosen), decline() is refused, and each returns once the answer reached the page', async () => {
    let shop = await checkout(sdk);
    await sandboxWindow(shop.page).payWithCard('4242-4242-4242-4242', { issuer: '신한 (Shinhan)' });
    expect(await shop.response()).toMatchObject({ success: true, status: 'paid', card_name: '신한카드', paid_amount: 1004 });
    shop.expectCleanConsole();
    await shop.context.close();

    shop = await checkout(sdk);
    await sandboxWindow(shop.page).decline();
    expect(await shop.response()).toMatchObject({ success: false, error_code: 'F400', error_msg: expect.stringContaining('잔액이 부족합니다') });
    await shop.context.close();
  });

  it('desktop: cancel() by the Cancel button, the × button and Esc is the buyer’s cancel answer', async () => {
    for (const using of ['cancel', 'close', 'escape'] as const) {
      const shop = await checkout(sdk);
      await sandboxWindow(shop.page).cancel({ using });
      expect(await shop.response(), using).toMatchObject({ success: false, imp_uid: null, error_msg: expect.stringContaining('결제포기') });
      await shop.context.close();
    }
  });

  it('desktop: chooseMethod("vbank") then approve() issues a virtual account', async () => {
    const shop = await checkout(sdk);
    const window = sandboxWindow(shop.page);
    await window.chooseMethod('vbank');
    await window.approve();
    expect(await shop.response()).toMatchObject({ success: true, status: 'ready', pay_method: 'vbank', vbank_num: expect.any(String) });
    await shop.context.close();
  });

  it('a window that never answers: waitForClose: false returns after the click, the window still processing', async () => {
    const shop = await checkout(sdk, { query: { fault: 'window:no-answer' } });
    await sandboxWindow(shop.page).payWithCard(undefined, { waitForClose: false });
    await processing(shop.page).filter({ hasText: 'Processing' }).waitFor();
    expect(await shop.response()).toBeNull();
    await shop.context.close();
  });

  it('phone: the window redirects; expectRedirectLanding returns the result, also once the landing stripped its query', async () => {
    let shop = await checkout(sdk, { phone: true });
    const landing = expectRedirectLanding(shop.page, { path: '/payments/complete' }); // waiting before the redirect…
    await sandboxWindow(shop.page).payWithCard();
    expect(await landing).toMatchObject({
      outcome: { status: 'succeeded', impUid: expect.stringMatching(/^imp_\d{12}$/), merchantUid: expect.stringMatching(/^order_/) },
    });
    expect((await landing).url).toMatch(/\/payments\/complete\?ref=a(\+|%20)b&imp_uid=imp_\d{12}&merchant_uid=order_\d+&imp_success=true$/);
    await shop.page.getByText('landed').waitFor();
    expect(new URL(shop.page.url()).search).toBe('');
    // …or after it, when the page has already removed the query from its address.
    expect(await expectRedirectLanding(shop.page)).toEqual(await landing);
    await shop.context.close();

    shop = await checkout(sdk, { phone: true });
    await sandboxWindow(shop.page).decline();
    expect((await expectRedirectLanding(shop.page, { path: /^\/payments\// })).outcome).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('잔액이 부족합니다'),
    });
    await shop.context.close();
  });

  it('expectRedirectLanding fails with the reason when the page never lands on a result, or lands elsewhere than `path`', async () => {
    let shop = await checkout(sdk); // a desktop answers in the page: no redirect
    await expect(expectRedirectLanding(shop.page, { timeout: 300 })).rejects.toThrow(
      /never landed on a payment result.*\/classic|never landed on a payment result.*\/module/,
    );
    await shop.context.close();

    shop = await checkout(sdk, { phone: true });
    await sandboxWindow(shop.page).payWithCard();
    await expect(expectRedirectLanding(shop.page, { path: '/orders/complete' })).rejects.toThrow('landed on /payments/complete, expected /orders/complete');
    await shop.context.close();
  });
});
