// Playwright (playwright-core) on Debian's Chromium, plus the storefront's page helpers.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { sandboxWindow } from 'react-iamport-jtnet/testing';
import { expect, onTestFinished } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-results/e2e');

export const CARDS = { approve: '4242-4242-4242-4242', decline: '4000-0000-0000-0002', network: '4000-0000-0000-0119' } as const;
export const BUYER = { name: '김지원', email: 'jiwon@example.com', tel: '010-1234-5678' } as const;

/** An iPhone-sized, touch, mobile-UA context (the sandbox redirects to m_redirect_url there). */
export const MOBILE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A fresh context (own cookies = own shop session) whose console errors and page errors, in every
 * page and frame of the context, are collected. Call it inside a test: when the test ends, any
 * error that `expectCleanConsole` did not list as expected fails it, even if the test never checked.
 */
export async function openShop(browser: Browser, shopUrl: string, options: BrowserContextOptions = DESKTOP) {
  const context: BrowserContext = await browser.newContext({ ...options, baseURL: shopUrl, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  await context.addInitScript({ path: AXE });
  const page = await context.newPage();
  const problems = collectBrowserErrors(context);
  return {
    context,
    page,
    /**
     * No uncaught error, no console error (a CSP violation would be one), at the end of a test.
     * `expected` lists the errors the test caused on purpose (Chromium logs every HTTP error
     * response, e.g. a declined charge's 402); each must have happened exactly once.
     */
    expectCleanConsole: (expected: RegExp[] = []) => problems.check(expected),
    /** Errors the test causes on purpose and asserts itself, in any number: the end-of-test check ignores them. */
    allowErrors: (...patterns: RegExp[]) => problems.allow(...patterns),
  };
}

/**
 * Collect `console.error` messages and uncaught errors of every page in `context`; at the end of
 * the current test, those not expected fail it. `check(expected)` asserts now: nothing unexpected,
 * each expected error exactly once (and the patterns stay allowed for the end-of-test check);
 * `allow(patterns)` only allows.
 */
export function collectBrowserErrors(context: BrowserContext) {
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  const unexpected = () => problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
  context.on('weberror', (error) => problems.push(`pageerror: ${error.error().message}`));
  context.on('console', (message) => {
    // "Failed to load resource" names no resource: the location does.
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  onTestFinished(() => {
    const left = unexpected();
    if (left.length) throw new Error(`browser errors the test did not expect (list them in expectCleanConsole or allowErrors):\n${left.join('\n')}`);
  });
  return {
    allow(...patterns: RegExp[]) {
      allowed.push(...patterns);
    },
    check(expected: RegExp[] = []) {
      allowed.push(...expected);
      expect(unexpected()).toEqual([]);
      for (const pattern of expected)
        expect(
          problems.filter((problem) => pattern.test(problem)),
          String(pattern),
        ).toHaveLength(1);
    },
  };
}

/**
 * Assert zero axe violations on the page as it is now. axe-core comes from node_modules, added
 * to every document of the context by `openShop` (an init script runs through the DevTools
 * protocol, so the shop's strict CSP stays on: `page.addScriptTag` would be an inline script,
 * which that CSP rightly blocks, and `bypassCSP` would hide real CSP violations).
 */
export async function expectNoAxeViolations(page: Page) {
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }> } }
    ).axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  expect(violations).toEqual([]);
}

/** Screenshot of an end state under test-results/e2e/ (full page unless a modal is open). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

// The sandbox window is driven with react-iamport-jtnet/testing's sandboxWindow(page), as a
// merchant's own tests do.

/** Fill the kit's buyer fields (name, email, mobile). */
export async function fillBuyer(scope: Page | Locator) {
  await scope.getByRole('textbox', { name: '이름', exact: true }).fill(BUYER.name);
  await scope.getByRole('textbox', { name: '이메일', exact: true }).fill(BUYER.email);
  await scope.getByRole('textbox', { name: '휴대폰 번호', exact: true }).fill(BUYER.tel);
}

/** Product page → pick a product and quantity → the server creates the order (returns its merchant_uid). */
export async function createOrder(page: Page, product: string, quantity = 1): Promise<string> {
  await page.goto('/');
  await page.getByRole('radio', { name: new RegExp(product) }).check();
  await page.getByLabel('수량').selectOption(String(quantity));
  await page.getByRole('button', { name: '주문서 작성하기' }).click();
  // The order sheet shows the short order number; the attempt's merchant_uid is its data attribute.
  const sheet = page.locator('.checkout[data-merchant-uid]');
  await sheet.waitFor();
  return (await sheet.getAttribute('data-merchant-uid'))!;
}

/** Sign up for the subscription with "카드만 등록" (key only) and register `card` in the sandbox window. */
export async function registerCardOnly(page: Page, card: string = CARDS.approve) {
  await page.goto('/subscribe');
  await page.getByRole('radio', { name: /카드만 등록/ }).check();
  await page.getByRole('button', { name: '구독 신청하기' }).click();
  await fillBuyer(page);
  await page.getByRole('button', { name: '카드 등록하기' }).click();
  await sandboxWindow(page).payWithCard(card);
}

interface ApiOrder {
  merchant_uid: string;
  status: string;
  amount: number;
  kind: string;
  customer_uid?: string;
  imp_uid?: string;
}

/** This browser's orders as the shop's server sees them (same cookies as the page). */
export async function serverOrders(page: Page): Promise<ApiOrder[]> {
  const reply = await page.request.get('/api/orders');
  expect(reply.ok()).toBe(true);
  return ((await reply.json()) as { orders: ApiOrder[] }).orders;
}

/** Wait until some text is on the page (no sleeps: Playwright waits for the selector). */
export const waitForText = (page: Page | Locator, text: string | RegExp) => page.getByText(text).first().waitFor();
