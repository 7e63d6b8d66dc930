// The storefront as a buyer meets it (issue 18): paying an order again after a decline on a
// phone without re-typing, the renewal charge's confirm step, the way to checkout on a phone,
// one card rule in both windows, one date format, short order numbers, and an outcome the window
// never reported settled by the shop's server (the forms' `verify` prop).
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CARD_ISSUERS } from '../../src/core/card-issuers';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { BUYER, CARDS, createOrder, expectNoAxeViolations, fillBuyer, MOBILE, openShop, registerCardOnly, screenshot, serverOrders } from './support/browser';
import { recordSandboxPayment, sandboxPayment, type Stack } from './support/stack';
import { useStack } from './support/setup';

let stack: Stack;
let browser: Browser;
useStack((started) => ({ stack, browser } = started));

const ORDER_NO = /^\d{6}-\d{4}$/;
/** The one date format of every list: "2026.11.29 05:06". */
const LIST_DATE = /^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$/;
const OVERSEAS = new Set<string>(CARD_ISSUERS.filter((issuer) => issuer.overseas).map((issuer) => issuer.code));

const expectNoHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

/** This browser's orders as the shop's server sees them, with the order number of each attempt. */
const shopOrders = async (page: Page) =>
  (await serverOrders(page)) as (Awaited<ReturnType<typeof serverOrders>>[number] & { order_no: string; superseded_by?: string })[];

/** The kit's buyer fields as they are now. */
const buyerFields = (page: Page) => Promise.all(['이름', '이메일', '휴대폰 번호'].map((name) => page.getByRole('textbox', { name, exact: true }).inputValue()));

/** The issuer codes the open sandbox window offers (its card.detail applied). */
const windowIssuers = (page: Page) =>
  sandboxWindow(page)
    .dialog.getByLabel('카드사 (Card issuer)')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));

/** Every request to `pathname` the page makes from now on. */
function countRequests(page: Page, pathname: string) {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === pathname) seen.push(request.url());
  });
  return seen;
}

/** Every `/v1/iamport.js` request the page makes from now on. */
const sdkRequests = (page: Page) => countRequests(page, '/v1/iamport.js');

describe('storefront flows', () => {
  it('phone (375 px): a declined card → "다시 결제하기" → the same order (number, amount) as a new attempt, paid with the buyer details kept, no re-typing', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    const first = await createOrder(page, '예가체프', 2);
    const orderNo = (await page.locator('.checkout .order-no').textContent())!;
    expect(orderNo).toMatch(ORDER_NO); // the short number, not the merchant_uid
    expect(await page.locator('.checkout').textContent()).not.toContain(first);
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩30,000 결제하기' }).click();
    const sdk = sdkRequests(page);
    await sandboxWindow(page).payWithCard(CARDS.decline);

    await page.waitForURL((url) => url.pathname === '/payments/complete');
    const alert = page.getByRole('alert').filter({ hasText: '결제에 실패했습니다.' });
    await alert.waitFor();
    const text = (await alert.textContent())!;
    expect(text).toContain('잔액이 부족합니다');
    expect(text).not.toMatch(/[A-Za-z]{2,}/); // Korean only: no "(insufficient funds)"
    const retry = page.getByRole('button', { name: '다시 결제하기' });
    await retry.waitFor();
    expect(await page.locator('.not-completed .order-no').textContent()).toBe(orderNo);
    expect(await page.locator('.not-completed .amount').textContent()).toBe('₩30,000');
    expect(sdk).toEqual([]); // the landing needs no payment SDK
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'flows-mobile-landing-declined');

    await retry.click();
    const sheet = page.locator('.checkout[data-merchant-uid]');
    await sheet.waitFor();
    const second = (await sheet.getAttribute('data-merchant-uid'))!;
    expect(second).not.toBe(first); // a new payment attempt…
    expect(await sheet.locator('.order-no').textContent()).toBe(orderNo); // …of the same order
    expect(await sheet.locator('.summary .amount').textContent()).toBe('₩30,000');
    expect(await buyerFields(page)).toEqual([BUYER.name, BUYER.email, BUYER.tel]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'flows-mobile-checkout-again');

    await page.getByRole('button', { name: '₩30,000 결제하기' }).click(); // nothing typed
    await sandboxWindow(page).payWithCard();
    await page.waitForURL((url) => url.pathname === '/payments/complete');
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    expect(await page.locator('.receipt .order-no').textContent()).toBe(orderNo);

    const orders = await shopOrders(page);
    const paid = orders.filter((order) => order.status === 'paid');
    expect(paid).toMatchObject([{ merchant_uid: second, amount: 30_000, order_no: orderNo }]);
    expect(orders.find((order) => order.merchant_uid === first)).toMatchObject({ order_no: orderNo, superseded_by: second });
    // The window was sent the details typed once, before the decline.
    expect(await sandboxPayment(stack.sandboxUrl, paid[0]!.imp_uid!)).toMatchObject({ buyer_name: BUYER.name, buyer_email: BUYER.email, buyer_tel: BUYER.tel });

    // The orders page: one row for the order, the declined attempt counted in a note below the list.
    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    const row = page.locator('li.order');
    await row.getByText('결제 완료').waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('.order-no').textContent()).toBe(`주문번호 ${orderNo}`);
    const note = page.getByText(/결제 시도 1건은 표시하지 않았습니다/);
    const [list, below] = await Promise.all([page.locator('ul.orders').boundingBox(), note.boundingBox()]);
    expect(below!.y - (list!.y + list!.height)).toBeGreaterThanOrEqual(12); // spaced from the card
    await expectNoHorizontalScroll(page);
    expectCleanConsole();
    await context.close();
  });

  it('phone: a reload of the landing keeps the result — a decline still offers "다시 결제하기", a payment is verified again', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    const first = await createOrder(page, '콜드브루');
    const orderNo = (await page.locator('.checkout .order-no').textContent())!;
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩9,800 결제하기' }).click();
    await sandboxWindow(page).payWithCard(CARDS.decline);
    await page.waitForURL((url) => url.pathname === '/payments/complete');
    await page.getByRole('button', { name: '다시 결제하기' }).waitFor();

    await page.reload();
    await page.getByRole('alert').filter({ hasText: '결제에 실패했습니다.' }).waitFor();
    await page.getByRole('button', { name: '다시 결제하기' }).click();
    const sheet = page.locator('.checkout[data-merchant-uid]');
    await sheet.waitFor();
    const second = (await sheet.getAttribute('data-merchant-uid'))!;
    expect(second).not.toBe(first);
    expect(await sheet.locator('.order-no').textContent()).toBe(orderNo);

    await page.getByRole('button', { name: '₩9,800 결제하기' }).click();
    await sandboxWindow(page).payWithCard();
    await page.waitForURL((url) => url.pathname === '/payments/complete');
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    const verifications = countRequests(page, '/api/payments/verify');
    await page.reload();
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    expect(verifications).toHaveLength(1); // "paid" again only because the server said so again
    expect((await shopOrders(page)).filter((order) => order.status === 'paid').map((order) => order.merchant_uid)).toEqual([second]);
    expectCleanConsole();
    await context.close();
  });

  it('phone: closing the window comes back as cancelled with "다시 결제하기"; a reload of the reopened sheet keeps it', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    const first = await createOrder(page, '콜드브루');
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩9,800 결제하기' }).click();
    await sandboxWindow(page).cancel({ using: 'close', waitForClose: false });

    await page.waitForURL((url) => url.pathname === '/payments/complete');
    await page.getByRole('alert').filter({ hasText: '결제를 취소했습니다.' }).waitFor();
    await page.getByRole('button', { name: '다시 결제하기' }).click();
    const sheet = page.locator('.checkout[data-merchant-uid]');
    await sheet.waitFor();
    const second = (await sheet.getAttribute('data-merchant-uid'))!;
    expect(second).not.toBe(first);
    await page.reload();
    await sheet.waitFor();
    expect(await sheet.getAttribute('data-merchant-uid')).toBe(second);
    expect(await buyerFields(page)).toEqual([BUYER.name, BUYER.email, BUYER.tel]);
    const orders = await shopOrders(page);
    expect(orders.map((order) => order.status)).toEqual(['pending', 'pending']); // nothing paid, two attempts of one order
    expect(new Set(orders.map((order) => order.order_no)).size).toBe(1);
    expectCleanConsole();
    await context.close();
  });

  it('one order, one charge: two clicks on "다시 결제하기" make one attempt; a payment that still arrives for the older attempt once the retry is paid is refunded', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl);
    type Created = { order: { merchant_uid: string; order_no: string }; notice_url: string };
    const created = (await (await page.request.post('/api/orders', { data: { productId: 'cold-brew', quantity: 1 } })).json()) as Created;
    const first = created.order;
    expect((await page.request.post(`/api/orders/${first.merchant_uid}/prepare`)).ok()).toBe(true);
    const retries = await Promise.all(
      [0, 1].map(async () => ((await (await page.request.post(`/api/orders/${first.merchant_uid}/retry`)).json()) as Created).order),
    );
    expect(retries[1]!.merchant_uid).toBe(retries[0]!.merchant_uid);
    const second = retries[0]!;
    expect(second).toMatchObject({ order_no: first.order_no });
    expect(second.merchant_uid).not.toBe(first.merchant_uid);

    const statusOf = async (merchantUid: string) => (await shopOrders(page)).find((order) => order.merchant_uid === merchantUid)?.status;
    await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: second.merchant_uid, amount: 9_800, name: 'cold brew', notice_url: created.notice_url });
    await expect.poll(() => statusOf(second.merchant_uid), { timeout: 10_000 }).toBe('paid');
    // The older attempt paid too (another tab still had it open): refunded, never kept.
    const late = await recordSandboxPayment(stack.sandboxUrl, {
      merchant_uid: first.merchant_uid,
      amount: 9_800,
      name: 'cold brew',
      notice_url: created.notice_url,
    });
    await expect.poll(async () => (await sandboxPayment(stack.sandboxUrl, late.imp_uid)).status, { timeout: 10_000 }).toBe('cancelled');
    expect(await statusOf(first.merchant_uid)).toBe('cancelled');
    expect(await statusOf(second.merchant_uid)).toBe('paid');
    // A paid order is not opened again.
    const again = await page.request.post(`/api/orders/${first.merchant_uid}/retry`);
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('이미 결제된 주문입니다. 주문 내역에서 확인해 주세요.');
    await context.close();
  });

  it('phone: the order button is on the first screen, and Korean words are not broken', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl, MOBILE);
    await page.goto('/');
    const order = page.getByRole('button', { name: '주문서 작성하기' });
    await order.waitFor();
    const box = (await order.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(812); // it was ~1,690 px down before
    // Scrolled to the last product, the button is still in reach (a sticky bar).
    await page.getByRole('radio', { name: /콜드브루/ }).scrollIntoViewIfNeeded();
    await page.getByRole('radio', { name: /콜드브루/ }).check();
    const after = (await order.boundingBox())!;
    expect(after.y).toBeGreaterThanOrEqual(0);
    expect(after.y + after.height).toBeLessThanOrEqual(812);
    // "10개입" stays on one line ("10개 / 입" was broken mid-word).
    const lines = await page.evaluate(() => {
      const name = [...document.querySelectorAll('.product-name')].find((element) => element.textContent.includes('10개입'))!;
      const node = name.firstChild!;
      const range = document.createRange();
      const start = node.textContent!.indexOf('10개입');
      range.setStart(node, start);
      range.setEnd(node, start + '10개입'.length);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('"이번 달 한 번 더 받기" asks before it charges ₩19,800; a declined charge is an alert with no console error; every history row is dated', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await registerCardOnly(page, CARDS.decline);
    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    const start = page.getByRole('button', { name: '이번 달 한 번 더 받기 · ₩19,800' });

    await start.click();
    const confirm = page.getByRole('group', { name: /₩19,800을 지금 결제할까요/ });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('400000******0002'); // which card
    expect((await serverOrders(page)).filter((order) => order.kind === 'renewal' && order.status !== 'scheduled')).toEqual([]); // nothing charged yet
    await expectNoAxeViolations(page);
    await screenshot(page, 'flows-charge-again-confirm');
    await confirm.getByRole('button', { name: '돌아가기' }).click();
    await start.waitFor();
    expect(await start.evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await serverOrders(page)).filter((order) => order.kind === 'renewal' && order.status !== 'scheduled')).toEqual([]);

    await start.click();
    await page.getByRole('button', { name: '₩19,800 결제하기' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '결제가 거절되었습니다' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/[A-Za-z]{2,}/);
    const history = page.getByRole('list', { name: '구독 결제 내역' });
    await history.getByText('결제 실패').waitFor();
    const dates = await history.locator('li time').allTextContents();
    expect(dates).toHaveLength(await history.locator('li').count()); // the failed renewal too
    for (const date of dates) expect(date).toMatch(LIST_DATE);
    expect(await page.locator('.summary').textContent()).toMatch(/다음 결제 예약\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}/);

    await page.getByRole('link', { name: '주문 내역' }).click();
    await page.locator('li.order').getByText('결제 실패').waitFor();
    for (const row of await page.locator('li.order').all()) {
      expect(await row.locator('time').textContent()).toMatch(LIST_DATE);
      expect((await row.locator('.order-no').textContent())!.replace('주문번호 ', '')).toMatch(ORDER_NO);
    }
    expectCleanConsole(); // no failed request logged for the declined card
    await context.close();
  });

  it('one card rule: the checkout window and the subscription window offer the same domestic issuers, no overseas brand', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl);
    await createOrder(page, '하우스 블렌드');
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩12,000 결제하기' }).click();
    const checkout = await windowIssuers(page);
    await sandboxWindow(page).cancel({ using: 'close' });

    await page.goto('/subscribe');
    await page.getByRole('button', { name: '구독 신청하기' }).click();
    await page.getByText('국내 발급 카드만 사용할 수 있어요.').waitFor();
    await fillBuyer(page);
    await page.getByRole('button', { name: '카드 등록하고 ₩19,800 결제' }).click();
    const subscription = await windowIssuers(page);
    expect(subscription).toEqual(checkout);
    expect(checkout.length).toBeGreaterThan(10);
    expect(checkout.filter((code) => OVERSEAS.has(code))).toEqual([]);
    await context.close();
  });

  it('a window that never answers ends as unknown, and the shop settles it with its server by merchant_uid (verify)', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    // The real SDK's silent init failure: request_pay then waits forever, no window, no callback.
    await page.route(`${stack.sandboxUrl}/v1/iamport.js`, async (route) => {
      const script = await (await route.fetch()).text();
      await route.fulfill({ contentType: 'text/javascript', body: `document.currentScript.dataset.fault = 'init:network-error';\n${script}` });
    });
    const uid = await createOrder(page, '예가체프');
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
    // Meanwhile the money moved anyway (the PG finished, the page never heard).
    await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: uid, amount: 15_000, name: 'beans' });

    // After the window timeout the form asks the shop's server instead of saying "failed".
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor({ timeout: 30_000 });
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'paid', amount: 15_000 }]);
    expect(await page.getByText('결제에 실패했습니다.').count()).toBe(0);
    expectCleanConsole();
    await context.close();
  });
});
