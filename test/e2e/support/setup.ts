import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';
import { startStack, type Stack } from './stack';

/**
 * Start the shop stack and Chromium before a file's tests and stop both after them; the stack
 * must exit 0 on SIGTERM (the sandbox and the shop shut down cleanly).
 *
 * @example
 * let stack: Stack, browser: Browser;
 * useStack((started) => ({ stack, browser } = started));
 */
export function useStack(receive: (started: { stack: Stack; browser: Browser }) => void): void {
  let started: { stack: Stack; browser: Browser } | undefined;
  beforeAll(async () => {
    const [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    started = { stack, browser };
    receive(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    expect(await started?.stack.stop()).toBe(0);
  });
}
