// Playwright helpers, typed against the few Page and Locator methods they call (structural
// types: nothing from Playwright is imported, at run time or for types).
import { parseRedirectResult } from '../core/redirect';
import type { WindowOutcome } from '../core/outcome';
import type { PayMethod } from '../core/types';
import { SANDBOX_CARDS } from '../sandbox/engine/fixtures';

/** The Playwright `Locator` methods the helpers use (a Playwright `Locator` is one). */
export interface PlaywrightLocatorLike {
  getByRole(role: 'button' | 'radio', options?: { name?: string | RegExp; exact?: boolean }): PlaywrightLocatorLike;
  getByLabel(text: string | RegExp, options?: { exact?: boolean }): PlaywrightLocatorLike;
  fill(value: string): Promise<void>;
  click(): Promise<void>;
  check(): Promise<void>;
  selectOption(value: string): Promise<string[]>;
  isVisible(): Promise<boolean>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
}

/** The Playwright `Page` methods the helpers use (a Playwright `Page` is one, `@playwright/test`'s included). */
export interface PlaywrightPageLike<L extends PlaywrightLocatorLike = PlaywrightLocatorLike> {
  locator(selector: string): L;
  keyboard: { press(key: string): Promise<void> };
  url(): string;
  waitForURL(url: (url: URL) => boolean, options?: { timeout?: number; waitUntil?: 'commit' | 'domcontentloaded' | 'load' }): Promise<void>;
  evaluate<R>(pageFunction: () => R | Promise<R>): Promise<R>;
}

/** Card details typed in the window (defaults: an expiry five years ahead, birth `900101`, PIN digits `12`, the first issuer offered). */
export interface SandboxCardDetails {
  /** `MM/YY`. */
  expiry?: string;
  /** 6 digits (or a 10-digit business number). */
  birth?: string;
  /** The first two PIN digits. */
  pin?: string;
  /** An issuer the window offers: its card code (`'366'`) or its label (`'신한 (Shinhan)'`). */
  issuer?: string;
}

/** Whether an action returns only once the window is gone (default `true`). */
export interface SandboxActionOptions {
  /**
   * `true` (default): wait until the window has closed, i.e. its answer reached your page (or, on
   * a phone, the page left for `m_redirect_url`). `false`: return once clicked, e.g. to test a
   * window that never answers (`faults: { window: 'no-answer' }`).
   */
  waitForClose?: boolean;
}

/**
 * The sandbox's payment window in a Playwright page; see {@link sandboxWindow}.
 *
 * @example
 * const payment: SandboxWindow = sandboxWindow(page)
 */
export interface SandboxWindow<L extends PlaywrightLocatorLike = PlaywrightLocatorLike> {
  /** The window itself (`dialog[data-imp-sandbox]`), for your own assertions. */
  readonly dialog: L;
  /** Wait until the window is open. */
  opened(options?: { timeout?: number }): Promise<void>;
  /** Pay by card: choose card (when the window offers methods), type `card` (default the card that approves) and the details, approve. */
  payWithCard(card?: string, details?: SandboxCardDetails & SandboxActionOptions): Promise<void>;
  /** Pay with the card the PG declines (insufficient funds): the request ends as `failed`. */
  decline(details?: SandboxCardDetails & SandboxActionOptions): Promise<void>;
  /** The buyer cancels: the Cancel button (default), the × button (`'close'`) or the Esc key (`'escape'`). */
  cancel(options?: { using?: 'cancel' | 'close' | 'escape' } & SandboxActionOptions): Promise<void>;
  /** Choose a pay method: `'card'`, `'trans'` (bank transfer), `'vbank'` (virtual account) or `'phone'`. */
  chooseMethod(method: Extract<PayMethod, 'card' | 'trans' | 'vbank' | 'phone'>): Promise<void>;
  /** Press Approve (bank transfer, virtual account and phone need nothing typed). */
  approve(options?: SandboxActionOptions): Promise<void>;
}

const METHOD_NAMES = { card: /\(Card\)$/, trans: /\(Bank transfer\)$/, vbank: /\(Virtual account\)$/, phone: /\(Phone\)$/ } as const;
const FIELDS = {
  issuer: /\(Card issuer\)$/,
  number: /\(Card number\)$/,
  expiry: /\(Expiry\)$/,
  birth: /\(Birth date/,
  pin: /\(First 2 PIN digits\)$/,
} as const;
const BUTTONS = { approve: /\(Approve\)$/, cancel: /\(Cancel\)$/, close: /\(Close\)$/ } as const;

/** `12/` + five years from now: always in the future. */
const futureExpiry = () => `12/${String((new Date().getFullYear() + 5) % 100).padStart(2, '0')}`;

/**
 * Drive the sandbox's payment window from a Playwright test: the same window whether the app
 * uses `createSandboxIamport()` or `iamport-sandbox`'s `/v1/iamport.js`. Every action waits for
 * the window to open first, and (unless `waitForClose: false`) for it to close: when it returns,
 * the answer has reached your page, or a phone has left for `m_redirect_url`.
 *
 * @example
 * import { test, expect } from '@playwright/test'
 * import { sandboxWindow } from 'react-iamport-jtnet/testing'
 *
 * test('pays by card', async ({ page }) => {
 *   await page.goto('/checkout')
 *   await page.getByRole('button', { name: '결제하기' }).click()
 *   await sandboxWindow(page).payWithCard('4242-4242-4242-4242')
 *   await expect(page.getByRole('status')).toHaveText('결제가 완료되었습니다')
 * })
 */
export function sandboxWindow<L extends PlaywrightLocatorLike>(page: PlaywrightPageLike<L>): SandboxWindow<L> {
  const dialog = page.locator('dialog[data-imp-sandbox]');
  const closed = async ({ waitForClose = true }: SandboxActionOptions = {}) => {
    if (waitForClose) await dialog.waitFor({ state: 'detached' });
  };
  const press = async (button: RegExp, options?: SandboxActionOptions) => {
    await dialog.getByRole('button', { name: button }).click();
    await closed(options);
  };
  const window: SandboxWindow<L> = {
    dialog,
    opened: ({ timeout } = {}) => dialog.waitFor({ state: 'visible', timeout }),
    async payWithCard(card = SANDBOX_CARDS.approve, { expiry = futureExpiry(), birth = '900101', pin = '12', issuer, ...options } = {}) {
      await window.opened();
      // A billing-key window offers cards only (no method to choose).
      const cardMethod = dialog.getByRole('radio', { name: METHOD_NAMES.card });
      if (await cardMethod.isVisible()) await cardMethod.check();
      if (issuer !== undefined) await dialog.getByLabel(FIELDS.issuer).selectOption(issuer);
      await dialog.getByLabel(FIELDS.number).fill(card);
      await dialog.getByLabel(FIELDS.expiry).fill(expiry);
      await dialog.getByLabel(FIELDS.birth).fill(birth);
      await dialog.getByLabel(FIELDS.pin).fill(pin);
      await press(BUTTONS.approve, options);
    },
    decline: (details) => window.payWithCard(SANDBOX_CARDS.decline, details),
    async cancel({ using = 'cancel', ...options } = {}) {
      if (using !== 'escape') return press(BUTTONS[using], options);
      await window.opened();
      await page.keyboard.press('Escape'); // focus is inside the modal window
      await closed(options);
    },
    chooseMethod: (method) => dialog.getByRole('radio', { name: METHOD_NAMES[method] }).check(),
    approve: (options) => press(BUTTONS.approve, options),
  };
  return window;
}

/**
 * Where the mobile redirect landed; see {@link expectRedirectLanding}.
 *
 * @example
 * const landing: RedirectLanded = await expectRedirectLanding(page)
 * landing.outcome.status // 'succeeded' | 'failed' | 'cancelled'
 */
export interface RedirectLanded {
  /** The landing URL as the window sent it, query included (your landing page may strip the query afterwards). */
  url: string;
  /** The query read like `parseRedirectResult` (the same union as the PC callback). */
  outcome: WindowOutcome;
}

const carriesResult = (href: string) => parseRedirectResult(href) !== null;

/** The address the current document was loaded from: unchanged by `history.replaceState`, which landing pages use to strip the query. */
async function documentUrl(page: PlaywrightPageLike): Promise<string | null> {
  try {
    return await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? location.href);
  } catch {
    return null; // the page is between documents
  }
}

/**
 * On a phone, the sandbox window ends by sending the whole page to `m_redirect_url` with the
 * result in the query (`imp_uid`, `merchant_uid`, `imp_success`, `error_code`, `error_msg`), as
 * the real PG does. Wait for that landing (or find the page already there: the query is read
 * from the document's own address, so a landing that stripped it still counts), check it, and
 * return the URL and the result. Throws when the page never lands on such a URL, or lands
 * elsewhere than `path`.
 *
 * @example
 * test.use({ ...devices['iPhone 13'] })
 * test('pays on a phone', async ({ page }) => {
 *   await page.goto('/checkout')
 *   await page.getByRole('button', { name: '결제하기' }).click()
 *   await sandboxWindow(page).payWithCard()
 *   const landing = await expectRedirectLanding(page, { path: '/payments/complete' })
 *   expect(landing.outcome.status).toBe('succeeded')
 * })
 */
export async function expectRedirectLanding(
  page: PlaywrightPageLike,
  { path, timeout }: { path?: string | RegExp; timeout?: number } = {},
): Promise<RedirectLanded> {
  let url = await documentUrl(page);
  if (!url || !carriesResult(url)) {
    let seen: string | undefined;
    await page
      .waitForURL((current) => carriesResult(current.href) && Boolean((seen = current.href)), { waitUntil: 'commit', timeout })
      .catch((cause: unknown) => {
        throw new Error(
          `expectRedirectLanding: the page never landed on a payment result (a URL with imp_uid or merchant_uid); it is at ${page.url()}. ` +
            'On a phone the window redirects when the request has m_redirect_url (IamportProvider redirectUrl) and the user agent is a phone’s (e.g. devices["iPhone 13"]).',
          { cause },
        );
      });
    url = seen!;
  }
  const landed = new URL(url);
  if (path !== undefined && !(typeof path === 'string' ? landed.pathname === path : path.test(landed.pathname))) {
    throw new Error(`expectRedirectLanding: the payment result landed on ${landed.pathname}, expected ${String(path)} (${url}).`);
  }
  return { url, outcome: parseRedirectResult(url)! };
}
