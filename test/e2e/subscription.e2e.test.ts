// Subscriptions end to end: <BillingKeyForm> in Chromium issues the billing key in the sandbox
// window; the shop's server verifies the sign-up, schedules next month (schedulePayments) and
// charges again on demand (chargeBillingKey).
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { CARDS, expectNoAxeViolations, fillBuyer, openShop, registerCardOnly, screenshot, serverOrders } from './support/browser';
import { type Stack } from './support/stack';
import { useStack } from './support/setup';

let stack: Stack;
let browser: Browser;
useStack((started) => ({ stack, browser } = started));

const paidOf = (orders: { status: string; amount: number }[]) => orders.filter((order) => order.status === 'paid' && order.amount > 0);

describe('subscription', () => {
  it('billing key + first charge: the subscription is active, next month is scheduled, "charge again" adds a paid order', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await page.goto('/subscribe');
    await page.getByRole('heading', { name: '매달 새로운 원두를 받아 보세요' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: /첫 달 바로 결제/ }).check();
    await page.getByRole('button', { name: '구독 신청하기' }).click();

    await fillBuyer(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '카드 등록하고 ₩19,800 결제' }).click();
    await sandboxWindow(page)
      .dialog.getByRole('heading', { name: /정기결제 카드 등록/ })
      .waitFor();
    await sandboxWindow(page).payWithCard();

    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    const history = page.getByRole('list', { name: '구독 결제 내역' });
    await history.getByText('결제 예정').waitFor();
    expect(await history.getByText('결제 완료').count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'subscription-active');

    let orders = await serverOrders(page);
    expect(orders.find((order) => order.kind === 'subscription')).toMatchObject({ status: 'paid', amount: 19_800 });
    expect(orders.filter((order) => order.status === 'scheduled')).toHaveLength(1);

    await page.getByRole('button', { name: '이번 달 한 번 더 받기 · ₩19,800' }).click();
    await page.getByRole('button', { name: '₩19,800 결제하기' }).click(); // the confirm step
    await page.getByRole('status').filter({ hasText: '추가 결제가 완료되었습니다.' }).waitFor();
    await history.getByText('결제 완료').nth(1).waitFor();
    orders = await serverOrders(page);
    expect(paidOf(orders)).toHaveLength(2);
    expect(orders.find((order) => order.kind === 'renewal' && order.status === 'paid')).toMatchObject({ amount: 19_800 });
    await screenshot(page, 'subscription-charged-again');
    expectCleanConsole();
    await context.close();
  });

  it('key only: nothing is charged today, the first payment is scheduled and the page shows the card', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await registerCardOnly(page);

    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    await page.getByRole('list', { name: '구독 결제 내역' }).getByText('결제 예정').waitFor();
    expect(await page.locator('.summary').textContent()).toContain('424242******4242');
    const orders = await serverOrders(page);
    expect(paidOf(orders)).toEqual([]);
    expect(orders.find((order) => order.kind === 'subscription')).toMatchObject({ status: 'paid', amount: 0 });
    // Coming back later: the server remembers the active subscription for this browser.
    await page.reload();
    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    await screenshot(page, 'subscription-key-only');
    expectCleanConsole();
    await context.close();
  });

  it('a card without funds registers (nothing is charged) but "charge again" is declined: an alert, a failed order, nothing paid', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl);
    await registerCardOnly(page, CARDS.decline);
    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain('400000******0002');

    await page.getByRole('button', { name: '이번 달 한 번 더 받기 · ₩19,800' }).click();
    await page.getByRole('button', { name: '₩19,800 결제하기' }).click(); // the confirm step
    const alert = page.getByRole('alert').filter({ hasText: '결제가 거절되었습니다' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/잔액이 부족합니다/);
    await page.getByRole('list', { name: '구독 결제 내역' }).getByText('결제 실패').waitFor();
    const orders = await serverOrders(page);
    expect(paidOf(orders)).toEqual([]);
    expect(orders.find((order) => order.kind === 'renewal')).toMatchObject({ status: 'failed', amount: 19_800 });
    // The button is usable again: a declined renewal is an answer, not a stuck state.
    expect(await page.getByRole('button', { name: '이번 달 한 번 더 받기 · ₩19,800' }).isEnabled()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'subscription-charge-again-declined');
    expectCleanConsole(); // a declined card is an answer (200), not a failed request
    await context.close();
  });
});
