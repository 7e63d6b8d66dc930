// The storefront's one-time checkout on a desktop, end to end: Chromium → <PaymentForm> →
// iamport-sandbox's /v1/iamport.js window → the shop's server (createVerifyHandler) → orders.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { BUYER, CARDS, createOrder, expectNoAxeViolations, fillBuyer, openShop, screenshot, serverOrders, waitForText } from './support/browser';
import { recordSandboxPayment, sandboxPayment, type Stack } from './support/stack';
import { useStack } from './support/setup';

/** What has the keyboard focus: tag, type and accessible-ish name (label, aria-label or text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
    const name = element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent ?? '';
    return { tag: element.tagName.toLowerCase(), type: element.getAttribute('type'), name: name.replace(/\s+/g, ' ').trim() };
  });

/** Press Tab (only Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, max = 40) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if (name.test((await focused(page)).name)) return;
  }
  throw new Error(`Tab never reached ${name} (last focus: ${JSON.stringify(await focused(page))})`);
}

let stack: Stack;
let browser: Browser;
useStack((started) => ({ stack, browser } = started));

describe('desktop checkout', () => {
  it('card payment: the server verifies it before the page says paid, and the order is paid', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await page.goto('/');
    await page.getByRole('heading', { name: '갓 볶은 원두를 집으로' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'desktop-product-page');

    const uid = await createOrder(page, '하우스 블렌드', 2);
    await fillBuyer(page);
    // Issuer filter: the buyer picks Shinhan, so the window offers Shinhan only (card.detail).
    await page.getByLabel('카드사', { exact: true }).selectOption({ label: '신한' });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '₩24,000 결제하기' }).click();
    const issuers = sandboxWindow(page).dialog.getByLabel('카드사 (Card issuer)').locator('option');
    expect(await issuers.allTextContents()).toEqual(['신한 (Shinhan)']);
    // The window names the shop (npm start passes --merchant-name's equivalent to the sandbox).
    expect(await sandboxWindow(page).dialog.locator('dd').first().textContent()).toBe('온기 커피 로스터스');
    await screenshot(page, 'desktop-payment-window', { fullPage: false });
    await sandboxWindow(page).payWithCard();

    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    await waitForText(page, '상점 서버가 결제를 확인했습니다.');
    await screenshot(page, 'desktop-card-paid');
    await expectNoAxeViolations(page);

    const orders = await serverOrders(page);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ merchant_uid: uid, status: 'paid', amount: 24_000 });

    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    const row = page.locator(`li[data-merchant-uid="${uid}"]`);
    await row.getByText('결제 완료').waitFor();
    expect(await row.textContent()).toContain('₩24,000');
    await expectNoAxeViolations(page);
    await screenshot(page, 'desktop-orders-paid');
    expectCleanConsole();
    await context.close();
  });

  it('declined card: the failure is shown and no order is paid', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    const uid = await createOrder(page, '예가체프');
    await fillBuyer(page);
    await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
    await sandboxWindow(page).decline();

    const alert = page.getByRole('alert').filter({ hasText: '결제에 실패했습니다.' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/잔액|한도|insufficient/i);
    expect(await page.getByRole('heading', { name: '결제가 완료되었습니다' }).count()).toBe(0);
    await screenshot(page, 'desktop-card-declined');
    await expectNoAxeViolations(page);

    expect((await serverOrders(page)).map((order) => [order.merchant_uid, order.status])).toEqual([[uid, 'pending']]);
    await page.getByRole('link', { name: '주문 내역' }).click();
    await waitForText(page, '아직 결제한 주문이 없어요.');
    expect(await page.getByText('결제 완료').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'desktop-orders-empty');
    expectCleanConsole();
    await context.close();
  });

  it('closing the window cancels the payment; paying again with the same order works', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    const uid = await createOrder(page, '콜드브루');
    await fillBuyer(page);
    const pay = page.getByRole('button', { name: '₩9,800 결제하기' });
    await pay.click();
    await sandboxWindow(page).cancel({ using: 'close' }); // the × button

    await page.getByRole('status').filter({ hasText: '결제를 취소했습니다.' }).waitFor();
    await screenshot(page, 'desktop-window-closed');
    expect((await serverOrders(page))[0]).toMatchObject({ merchant_uid: uid, status: 'pending' });

    await pay.click();
    await sandboxWindow(page).payWithCard();
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'paid', amount: 9_800 }]);
    expectCleanConsole();
    await context.close();
  });

  it('virtual account: the order waits for the deposit (ready) with the account shown', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    const uid = await createOrder(page, '예가체프', 3);
    await fillBuyer(page);
    await page.getByRole('radio', { name: '가상계좌' }).check();
    await page.getByRole('button', { name: '₩45,000 결제하기' }).click();
    await sandboxWindow(page).approve();

    await page.getByRole('heading', { name: '가상계좌가 발급되었습니다' }).waitFor();
    await waitForText(page, 'KB국민은행');
    await screenshot(page, 'desktop-vbank-ready');
    await expectNoAxeViolations(page);
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'ready', amount: 45_000 }]);

    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    await page.locator(`li[data-merchant-uid="${uid}"]`).getByText('입금 대기').waitFor();
    // A virtual account that is not paid yet cannot be "cancelled" like a card payment.
    expect(await page.getByRole('button', { name: /결제 취소/ }).count()).toBe(0);
    expectCleanConsole();
    await context.close();
  });

  it('double-clicking "create order" and "pay" makes one order and opens one window', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await page.goto('/');
    await page.getByRole('button', { name: '주문서 작성하기' }).dblclick();
    await page.locator('.checkout .summary dd.mono').waitFor();
    await fillBuyer(page);
    // Count every payment window that is ever attached, not just the one visible now.
    await page.evaluate(() => {
      const seen = window as unknown as { windowsOpened: number };
      seen.windowsOpened = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLDialogElement) seen.windowsOpened++;
      }).observe(document.body, { childList: true, subtree: true }); // the window sits inside the SDK's div.imp-dialog
    });
    await page.getByRole('button', { name: '₩15,000 결제하기' }).dblclick();
    await sandboxWindow(page).opened();
    await sandboxWindow(page).payWithCard();
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { windowsOpened: number }).windowsOpened)).toBe(1);
    const orders = await serverOrders(page);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'paid', amount: 15_000 });
    await screenshot(page, 'desktop-double-click-one-order');
    expectCleanConsole();
    await context.close();
  });

  it('a paid order is cancelled from the orders page (cancelPayment on the server)', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    const uid = await createOrder(page, '콜드브루', 2);
    await fillBuyer(page);
    await page.getByRole('radio', { name: '실시간 계좌이체' }).check();
    await page.getByRole('button', { name: '₩19,600 결제하기' }).click();
    await sandboxWindow(page).approve();
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();

    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    const row = page.locator(`li[data-merchant-uid="${uid}"]`);
    await row.getByRole('button', { name: /결제 취소$/ }).click();
    await row.getByRole('button', { name: '취소 확정' }).click();
    await row.getByText('취소 완료', { exact: true }).waitFor();
    expect(await row.getAttribute('data-status')).toBe('cancelled');
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'cancelled' }]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'desktop-order-cancelled');
    expectCleanConsole();
    await context.close();
  });

  it('keyboard only (Tab, Enter, Space; no mouse): choose, order, fill, pay in the window, see the verified order', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await page.goto('/');
    await page.getByRole('heading', { name: '갓 볶은 원두를 집으로' }).waitFor();
    await tabTo(page, /^본문으로 건너뛰기$/);
    await tabTo(page, /에티오피아 예가체프/); // the first product is chosen already
    expect(await page.getByRole('radio', { name: /에티오피아 예가체프/ }).isChecked()).toBe(true);
    await tabTo(page, /^주문서 작성하기$/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: '주문서' }).waitFor();
    expect((await focused(page)).name).toBe('주문서'); // focus moved to the new step
    await tabTo(page, /^이름/);
    await page.keyboard.type(BUYER.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(BUYER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(BUYER.tel);
    await tabTo(page, /^₩15,000 결제하기$/);
    await page.keyboard.press('Space');

    await sandboxWindow(page).opened();
    expect(await focused(page)).toMatchObject({ tag: 'input', name: '카드번호 (Card number)' }); // the window focuses the card number
    await page.keyboard.type(CARDS.approve);
    await page.keyboard.press('Tab');
    await page.keyboard.type('12/39');
    await page.keyboard.press('Tab');
    await page.keyboard.type('900101');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await sandboxWindow(page).dialog.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    expect((await focused(page)).name).toContain('결제가 완료되었습니다');
    await screenshot(page, 'keyboard-checkout-paid');
    await tabTo(page, /^주문 내역 보기$/);
    await page.keyboard.press('Enter');
    await page.locator('li.order').getByText('결제 완료').waitFor();
    expect(await serverOrders(page)).toMatchObject([{ status: 'paid', amount: 15_000 }]);
    expectCleanConsole();
    await context.close();
  });

  it('webhooks (handleWebhook): a payment the page never reported is settled by the notice; a forged amount is refunded', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl);
    const create = async (productId: string) =>
      (await (await page.request.post('/api/orders', { data: { productId, quantity: 1, amount: 1 } })).json()) as {
        order: { merchant_uid: string; amount: number };
        notice_url: string;
      };

    // The buyer paid and closed the tab before the page could call /api/payments/verify.
    const beans = await create('yirgacheffe');
    expect(beans.order.amount).toBe(15_000); // the catalog's price: the `amount: 1` the browser sent is ignored
    await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: beans.order.merchant_uid, amount: beans.order.amount, notice_url: beans.notice_url });
    await expect
      .poll(async () => (await serverOrders(page)).find((order) => order.merchant_uid === beans.order.merchant_uid)?.status, { timeout: 10_000 })
      .toBe('paid');

    // Someone paid ₩100 for a ₩9,800 order: the shop refunds it and never marks the order paid.
    const coldBrew = await create('cold-brew');
    const forged = await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: coldBrew.order.merchant_uid, amount: 100, notice_url: coldBrew.notice_url });
    await expect.poll(async () => (await sandboxPayment(stack.sandboxUrl, forged.imp_uid)).status, { timeout: 10_000 }).toBe('cancelled');
    expect((await serverOrders(page)).find((order) => order.merchant_uid === coldBrew.order.merchant_uid)).toMatchObject({
      status: 'pending',
      flagged: expect.stringContaining('amount mismatch'),
    });
    await context.close();
  });
});
