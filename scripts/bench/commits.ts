/** React commits per keystroke in <PaymentForm>, before and after a failed submit. */
import type { Page } from 'playwright-core';
import { bundlePage, html, script, serve, settle, withPage } from './browser.ts';
import type { CommitsBench } from './pages/commits.tsx';
import type { BenchWindow } from './pages/expose.ts';

export const TYPED_TEXT = 'Hong Gildong Kim Lee'; // 20 characters

export interface CommitCounts {
  keystrokes: number;
  /** Commits that touched the form (Profiler around <PaymentForm>), per keystroke. */
  formPerKeystroke: number;
  /** Renders of the component rendering the typed input (PaymentForm renders its buyer fields itself), per keystroke. */
  fieldPerKeystroke: number;
  /** Renders of PaymentForm itself, per keystroke. */
  paymentFormPerKeystroke: number;
}

export interface CommitsResult {
  beforeSubmit: CommitCounts;
  /** After submitting the empty form (errors shown, react-hook-form re-validates on change). */
  afterFailedSubmit: CommitCounts;
}

async function typeAndCount(page: Page, selector: string): Promise<CommitCounts> {
  const field = page.locator(selector);
  await field.focus();
  await settle(page);
  await page.evaluate(() => (window as unknown as BenchWindow<CommitsBench>).__bench.reset());
  await page.keyboard.type(TYPED_TEXT);
  await settle(page);
  const value = await field.inputValue();
  if (value !== TYPED_TEXT) throw new Error(`commits bench: the field holds ${JSON.stringify(value)}, expected ${JSON.stringify(TYPED_TEXT)}`);
  const counts = await page.evaluate(() => (window as unknown as BenchWindow<CommitsBench>).__bench.read());
  const n = TYPED_TEXT.length;
  return { keystrokes: n, formPerKeystroke: counts.form / n, fieldPerKeystroke: counts.field / n, paymentFormPerKeystroke: counts.paymentForm / n };
}

export async function measureCommits(): Promise<CommitsResult> {
  const server = await serve({ '/': html(), '/page.js': script(await bundlePage('commits')) });
  try {
    return await withPage(async (page) => {
      await page.goto(server.url);
      await page.locator('input[autocomplete="name"]').waitFor();
      const beforeSubmit = await typeAndCount(page, 'input[autocomplete="name"]');
      await page.locator('button[type="submit"]').click(); // email and tel are empty: errors
      await page.getByRole('alert').first().waitFor();
      const afterFailedSubmit = await typeAndCount(page, 'input[autocomplete="email"]');
      return { beforeSubmit, afterFailedSubmit };
    });
  } finally {
    await server.close();
  }
}

/** `node scripts/bench/run.mjs commits`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureCommits(), null, 2));
}
