// Phones: the sandbox window redirects to m_redirect_url (/payments/complete), where
// <RedirectLanding> asks the shop's server before it ever says "paid". Tampered landing URLs
// must never show paid.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectRedirectLanding, sandboxWindow } from 'react-iamport-jtnet/testing';
import { createOrder, expectNoAxeViolations, fillBuyer, MOBILE, openShop, registerCardOnly, screenshot, serverOrders } from './support/browser';
import { recordSandboxPayment, type Stack } from './support/stack';
import { useStack } from './support/setup';

let stack: Stack;
let browser: Browser;
useStack((started) => ({ stack, browser } = started));

/** Nothing wider than the 375 px viewport (no sideways scrolling). */
const expectNoHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

/** Open a landing URL and wait for its final answer (the alert that it could not be confirmed). */
async function landOn(page: Page, query: Record<string, string>, reason: string) {
  await page.goto(`/payments/complete?${new URLSearchParams(query)}`);
  const refused = page.getByRole('alert').filter({ hasText: '결제를 확인할 수 없습니다.' });
  await refused.waitFor();
  expect(await page.getByText('결제가 완료되었습니다').count()).toBe(0);
  expect(await page.getByRole('heading', { name: /완료|등록되었습니다|발급되었습니다/ }).count()).toBe(0);
  expect(await refused.textContent()).toContain(reason); // the server's reason, in words
  return refused;
}

describe('mobile (375 px, mobile user agent)', () => {
  it('the payment window redirects to the landing page, which shows paid only after the server verified it', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    await page.goto('/');
    await page.getByRole('heading', { name: '갓 볶은 원두를 집으로' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-product-page');

    const uid = await createOrder(page, '예가체프', 2);
    await fillBuyer(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mobile-checkout');
    await page.getByRole('button', { name: '₩30,000 결제하기' }).click();
    await sandboxWindow(page).payWithCard();

    const landing = await expectRedirectLanding(page, { path: '/payments/complete' });
    expect(landing.outcome).toMatchObject({ status: 'succeeded', merchantUid: uid });
    await page.getByRole('heading', { name: '결제가 완료되었습니다' }).waitFor();
    // The shop keeps the result in the address bar (cleanUrl={false}): a reload verifies it again.
    expect(new URL(page.url()).searchParams.get('merchant_uid')).toBe(uid);
    expect(await page.locator('.receipt').getAttribute('data-merchant-uid')).toBe(uid);
    expect(await serverOrders(page)).toMatchObject([{ merchant_uid: uid, status: 'paid', amount: 30_000 }]);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-landing-paid');

    await page.getByRole('link', { name: '주문 내역 보기' }).click();
    await page.locator(`li[data-merchant-uid="${uid}"]`).getByText('결제 완료').waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-orders');
    await page.goto('/subscribe');
    await page.getByRole('heading', { name: '매달 새로운 원두를 받아 보세요' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    expectCleanConsole();
    await context.close();
  });

  it('a subscription sign-up on a phone comes back through the landing: card registered after server verification, subscription active', async () => {
    const { page, context, expectCleanConsole } = await openShop(browser, stack.shopUrl, MOBILE);
    await registerCardOnly(page);

    expect((await expectRedirectLanding(page, { path: '/payments/complete' })).outcome).toMatchObject({ status: 'succeeded' });
    await page.getByRole('heading', { name: '카드가 등록되었습니다' }).waitFor();
    expect(new URL(page.url()).searchParams.get('imp_success')).toBe('true');
    expect(await page.getByText('결제가 완료되었습니다').count()).toBe(0); // nothing was charged
    await page.getByRole('status').filter({ hasText: '오늘은 결제되지 않았고' }).waitFor();
    const orders = await serverOrders(page);
    expect(orders.find((order) => order.kind === 'subscription')).toMatchObject({ status: 'paid', amount: 0 });
    expect(orders.filter((order) => order.status === 'scheduled')).toHaveLength(1);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-landing-card-registered');

    await page.getByRole('link', { name: '구독 정보 보기' }).click();
    await page.getByRole('heading', { name: '구독 중입니다' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain('424242******4242');
    expectCleanConsole();
    await context.close();
  });

  it('tampered landing URLs never show paid (other merchant_uid, imp_success=true on a failed payment, made-up ids); another amount is refused by the prepared amount', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl, MOBILE);
    // Three real orders of this buyer, created by the shop's server (₩15,000 / ₩12,000 / ₩9,800).
    const beans = await createOrder(page, '예가체프');
    const dripBags = await createOrder(page, '하우스 블렌드');
    const coldBrew = await createOrder(page, '콜드브루');

    // 1. A genuine payment for one order presented as the payment of another order.
    const paidBeans = await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: beans, amount: 15_000, name: 'beans' });
    expect(paidBeans.status).toBe('paid');
    await landOn(page, { imp_uid: paidBeans.imp_uid, merchant_uid: dripBags, imp_success: 'true' }, '결제 정보가 이 주문과 일치하지 않습니다.');
    await screenshot(page, 'mobile-landing-tampered-merchant-uid');

    // 2. The amount was changed in the browser (₩100 for a ₩12,000 order): the shop registered the
    // amount with i'mport before the window opened (POST /payments/prepare), so i'mport refuses it.
    await expect(recordSandboxPayment(stack.sandboxUrl, { merchant_uid: dripBags, amount: 100, name: 'drip bags' })).rejects.toThrow(
      /사전등록된 결제금액\(12000\)과 요청 금액\(100\)/,
    );

    // 3. A declined payment with imp_success=true (and success=true) written into the URL.
    const declined = await recordSandboxPayment(stack.sandboxUrl, { merchant_uid: coldBrew, amount: 9_800, card_number: '4000-0000-0000-0002' });
    expect(declined.status).toBe('failed');
    await landOn(page, { imp_uid: declined.imp_uid, merchant_uid: coldBrew, imp_success: 'true', success: 'true' }, '결제가 완료되지 않았습니다.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-landing-failed-payment-claimed-success');

    // 4. Ids nobody issued.
    await landOn(page, { imp_uid: 'imp_000000000000', merchant_uid: 'cafe_made_up', imp_success: 'true' }, '결제 정보를 찾을 수 없습니다.');

    // The server never marked any of them paid (the genuine beans payment was never presented for its own order).
    const statuses = Object.fromEntries((await serverOrders(page)).map((order) => [order.merchant_uid, order.status]));
    expect(statuses).toEqual({ [beans]: 'pending', [dripBags]: 'pending', [coldBrew]: 'pending' });
    await context.close();
  });

  it('a failure in the URL is shown as text (never as HTML) and nothing is verified', async () => {
    const { page, context } = await openShop(browser, stack.shopUrl, MOBILE);
    await page.goto(
      `/payments/complete?${new URLSearchParams({ imp_uid: '', merchant_uid: 'cafe_x', imp_success: 'false', error_code: 'F0000', error_msg: '<img src=x onerror="window.hacked=1">잔액 부족' })}`,
    );
    const alert = page.getByRole('alert').filter({ hasText: '결제에 실패했습니다.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('<img src=x onerror="window.hacked=1">잔액 부족');
    expect(await page.locator('.site-main img').count()).toBe(0);
    expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
    await expectNoAxeViolations(page);
    await screenshot(page, 'mobile-landing-failed');
    await context.close();
  });
});
