import { devices, expect, test } from '@playwright/test';
import { expectRedirectLanding, sandboxWindow } from 'react-iamport-jtnet/testing';

test('desktop: a card payment is verified by the shop’s server', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
  await sandboxWindow(page).payWithCard('4242-4242-4242-4242');
  await expect(page.getByRole('status')).toHaveText('결제가 완료되었습니다');
});

test('desktop: a declined card shows the reason, and paying again works', async ({ page }) => {
  await page.goto('/');
  const pay = page.getByRole('button', { name: '₩15,000 결제하기' });
  await pay.click();
  await sandboxWindow(page).decline();
  await expect(page.getByRole('alert')).toContainText('잔액이 부족합니다');
  await pay.click();
  await sandboxWindow(page).payWithCard();
  await expect(page.getByRole('status')).toHaveText('결제가 완료되었습니다');
});

test('desktop: the buyer closes the window', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
  await sandboxWindow(page).cancel();
  await expect(page.getByRole('status')).toHaveText('결제를 취소했습니다');
});

test.describe('on a phone', () => {
  const iPhone = devices['iPhone 13'];
  test.use({ userAgent: iPhone.userAgent, viewport: iPhone.viewport, isMobile: true, hasTouch: true });

  test('the window sends the page to the landing, which says paid once the server verified it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: '₩15,000 결제하기' }).click();
    await sandboxWindow(page).payWithCard();
    const landing = await expectRedirectLanding(page, { path: '/payments/complete' });
    expect(landing.outcome.status).toBe('succeeded');
    await expect(page.getByRole('status').filter({ hasText: '결제가 완료되었습니다.' })).toBeVisible();
  });
});
