// A virtual account paid by its deposit, offline: "입금하기 (테스트)" on the orders page stands in
// for the buyer's bank transfer (iamport-sandbox's deposit route); the order becomes paid through
// the shop's own webhook route, exactly once, as a real deposit makes it.
import type { Browser, Page, Route } from 'playwright-core';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { describe, expect, it } from 'vitest';
import { createOrder, expectNoAxeViolations, fillBuyer, MOBILE, openShop, screenshot, serverOrders } from './support/browser';
import { recordSandboxPayment, sandboxPayment, sandboxStats, type Stack } from './support/stack';
import { useStack } from './support/setup';

let stack: Stack;
let browser: Browser;
useStack((started) => ({ stack, browser } = started));

/** The sandbox's webhook counters once no delivery is in flight (the account's own "issued" webhook included). */
async function quietWebhookStats() {
  let stats = await sandboxStats(stack.sandboxUrl);
  await expect
    .poll(
      async () => {
        stats = await sandboxStats(stack.sandboxUrl);
        return stats.webhookAttempts - stats.webhooksDelivered - stats.webhooksFailed;
      },
      { timeout: 10_000 },
    )
    .toBe(0);
  return stats;
}

/** Checkout → 가상계좌 → approve in the sandbox window → the account is issued; the order's merchant_uid. */
async function payByVirtualAccount(page: Page, product: string, amount: string) {
  const uid = await createOrder(page, product);
  await fillBuyer(page);
  await page.getByRole('radio', { name: '가상계좌' }).check();
  await page.getByRole('button', { name: `${amount} 결제하기` }).click();
  await sandboxWindow(page).approve();
  await page.getByRole('heading', { name: '가상계좌가 발급되었습니다' }).waitFor();
  return uid;
}

/** An order of this page's session paid by script, no window (`vbank`: an account awaiting its deposit), verified by the shop. */
async function scriptedOrder(page: Page, payMethod: 'card' | 'vbank') {
  type Created = { order: { merchant_uid: string }; notice_url: string };
  const created = (await (await page.request.post('/api/orders', { data: { productId: 'cold-brew', quantity: 1 } })).json()) as Created;
  const uid = created.order.merchant_uid;
  expect((await page.request.post(`/api/orders/${uid}/prepare`)).ok()).toBe(true);
  const payment = await recordSandboxPayment(stack.sandboxUrl, {
    merchant_uid: uid,
    amount: 9_800,
    name: '콜드브루 원액 500ml',
    pay_method: payMethod,
    notice_url: created.notice_url,
  });
  const verified = await page.request.post('/api/payments/verify', { data: { impUid: payment.imp_uid, merchantUid: uid } });
  expect(((await verified.json()) as { status: string }).status).toBe(payMethod === 'vbank' ? 'awaiting_deposit' : 'paid');
  return { merchant_uid: uid, imp_uid: payment.imp_uid };
}

const deposit = (page: Page, merchantUid: string) => page.request.post(`/api/orders/${merchantUid}/simulate-deposit`);
const errorOf = async (reply: Awaited<ReturnType<typeof deposit>>) => ((await reply.json()) as { error: string }).error;

describe('storefront: a virtual account paid by its deposit', () => {
  it('desktop: 입금 대기 with the account → "입금하기 (테스트)" → 결제 완료, made paid by exactly one webhook', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    const uid = await payByVirtualAccount(page, '예가체프', '₩15,000');
    await page.getByText('주문 내역의 ‘입금하기 (테스트)’로 입금을 해 볼 수 있어요.').waitFor(); // the receipt says where

    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    const row = page.locator(`li[data-merchant-uid="${uid}"]`);
    await row.getByText('입금 대기', { exact: true }).waitFor();
    expect(await row.getByText(/^입금 계좌: KB국민은행 \d/).count()).toBe(1);
    const [issued] = await serverOrders(page);
    expect(issued).toMatchObject({ merchant_uid: uid, status: 'ready' });
    const button = page.getByRole('button', { name: '에티오피아 예가체프 200g 입금하기 (테스트)', exact: true });
    await button.waitFor();
    expect(await row.getByText('실제 상점에서는 구매자의 계좌이체가 이 버튼의 역할을 해요.').count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'deposit-orders-ready');
    const before = await quietWebhookStats();

    // Held for a moment: the button is busy (disabled, aria-busy) while the deposit runs.
    let hold!: (route: Route) => void;
    const held = new Promise<Route>((resolve) => (hold = resolve));
    await page.route('**/api/orders/*/simulate-deposit', (route) => hold(route));
    await button.click();
    const request = await held;
    const busy = page.getByRole('button', { name: '에티오피아 예가체프 200g 입금 확인 중…', exact: true });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    expect(await busy.getAttribute('aria-busy')).toBe('true');
    expect((await sandboxPayment(stack.sandboxUrl, issued!.imp_uid!)).status).toBe('ready'); // nothing deposited yet
    await request.continue();

    await row.getByText('결제 완료', { exact: true }).waitFor();
    const done = page.getByRole('status').filter({ hasText: '입금이 확인되었습니다.' });
    await done.waitFor();
    expect(await done.evaluate((element) => element === document.activeElement)).toBe(true); // the button is gone: focus moves to the result
    expect(await button.count()).toBe(0);
    // Paid now; a deposited account is refunded only into an account the buyer names (the API requires it).
    expect(await row.getByRole('button', { name: '에티오피아 예가체프 200g 결제 취소' }).count()).toBe(0);
    await row.getByText('환불은 고객센터로 문의해 주세요 (환불받을 계좌가 필요해요).').waitFor();
    const refund = await page.request.post(`/api/orders/${uid}/cancel`);
    expect([refund.status(), ((await refund.json()) as { error?: string }).error]).toEqual([409, expect.stringContaining('환불받을 계좌')]);
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'paid', amount: 15_000, imp_uid: issued!.imp_uid }]);
    expect((await sandboxPayment(stack.sandboxUrl, issued!.imp_uid!)).status).toBe('paid');
    // Exactly one webhook was sent, and the shop's route answered it 2xx.
    await expect.poll(async () => (await sandboxStats(stack.sandboxUrl)).webhooksDelivered, { timeout: 10_000 }).toBe(before.webhooksDelivered + 1);
    expect(await sandboxStats(stack.sandboxUrl)).toMatchObject({ webhookAttempts: before.webhookAttempts + 1, webhooksFailed: before.webhooksFailed });
    await expectNoAxeViolations(page);
    await screenshot(page, 'deposit-orders-paid');
    expectCleanConsole();
    await context.close();
  });

  it('the route: another session’s order answers 404, a card payment and a paid account 409, nothing deposited; two presses at once make one deposit', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl);
    const stranger = await openShop(browser, stack.shopUrl);
    const account = await scriptedOrder(page, 'vbank');

    const theirs = await deposit(stranger.page, account.merchant_uid);
    expect(theirs.status()).toBe(404);
    expect(await errorOf(theirs)).toBe('주문을 찾을 수 없습니다.');
    expect((await deposit(page, 'cafe_made_up')).status()).toBe(404);
    expect((await sandboxPayment(stack.sandboxUrl, account.imp_uid)).status).toBe('ready');

    const card = await scriptedOrder(page, 'card');
    const notAnAccount = await deposit(page, card.merchant_uid);
    expect(notAnAccount.status()).toBe(409);
    expect(await errorOf(notAnAccount)).toBe('입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.');

    const before = await quietWebhookStats();
    // Two presses at once: a press that overlaps the first joins it (200), one that comes after it
    // finished finds the order paid (409); either way there is one deposit and one webhook.
    const replies = await Promise.all([deposit(page, account.merchant_uid), deposit(page, account.merchant_uid)]);
    const statuses = replies.map((reply) => reply.status());
    expect(statuses).toContain(200);
    for (const reply of replies) {
      if (reply.status() === 200)
        expect(await reply.json()).toMatchObject({ order: { merchant_uid: account.merchant_uid, status: 'paid', imp_uid: account.imp_uid } });
      else expect([reply.status(), await errorOf(reply)]).toEqual([409, '입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.']);
    }
    await expect.poll(async () => (await sandboxStats(stack.sandboxUrl)).webhooksDelivered, { timeout: 10_000 }).toBe(before.webhooksDelivered + 1);
    expect((await sandboxStats(stack.sandboxUrl)).webhookAttempts).toBe(before.webhookAttempts + 1);

    const again = await deposit(page, account.merchant_uid);
    expect(again.status()).toBe(409);
    expect(await errorOf(again)).toBe('입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.');
    await Promise.all([context.close(), stranger.context.close()]);
  });

  it('phone: a row gone stale (deposited from another tab) → the refusal is an alert, and the row shows what the server has now', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    const account = await scriptedOrder(page, 'vbank');
    await page.goto('/orders');
    const button = page.getByRole('button', { name: '콜드브루 원액 500ml 입금하기 (테스트)', exact: true });
    await button.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
    await screenshot(page, 'deposit-mobile-orders-ready');

    expect((await deposit(page, account.merchant_uid)).status()).toBe(200); // the other tab
    await button.click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.');
    await page.locator(`li[data-merchant-uid="${account.merchant_uid}"]`).getByText('결제 완료', { exact: true }).waitFor();
    expect(await button.count()).toBe(0);
    await expectNoAxeViolations(page);
    expectCleanConsole([/409 \(Conflict\)/]);
    await context.close();
  });
});
