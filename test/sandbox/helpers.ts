import { page, userEvent } from 'vitest/browser';
import { vi } from 'vitest';
import type { RequestPayParams, RequestPayResponse } from '../../src/core';
import { createSandboxIamport, SANDBOX_CARDS, type SandboxEvent, type SandboxIamport, type SandboxOptions } from '../../src/sandbox';

export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export const baseParams = (overrides: Partial<RequestPayParams> = {}): RequestPayParams => ({
  pg: 'jtnet',
  pay_method: 'card',
  merchant_uid: `order_${Math.random().toString(36).slice(2, 10)}`,
  name: '원두 1kg',
  amount: 1004,
  buyer_name: '홍길동',
  buyer_email: 'gildong@example.com',
  buyer_tel: '010-1234-5678',
  ...overrides,
});

const created: SandboxIamport[] = [];

/** A sandbox `cleanUpSandboxes()` will `deinit` (for tests that create one themselves). */
export function track<T extends SandboxIamport>(imp: T): T {
  created.push(imp);
  return imp;
}

/** A sandbox after `init` whose events are collected; `cleanUpSandboxes()` removes it from the page. */
export function sandbox(options: SandboxOptions = {}): { imp: SandboxIamport; events: SandboxEvent[]; types: () => SandboxEvent['type'][] } {
  const events: SandboxEvent[] = [];
  const imp = createSandboxIamport({ mode: 'callback', seed: 7, ...options, onEvent: (event) => events.push(event) });
  imp.init('imp00000000');
  created.push(imp);
  // `queued`: the request came before the window's frame had loaded (replayed at once when it did).
  return { imp, events, types: () => events.map((event) => event.type).filter((type) => type !== 'queued') };
}

/** `deinit` every sandbox of the test (their dialogs, frames and stylesheets leave the page). */
export function cleanUpSandboxes(): void {
  for (const imp of created.splice(0)) imp.deinit();
  vi.restoreAllMocks();
}

/** Call request_pay and resolve with what the callback receives. */
export function pay(imp: SandboxIamport, params: RequestPayParams): Promise<RequestPayResponse> {
  return new Promise((resolve) => imp.request_pay(params, resolve));
}

/** Resolves with the first event of that type (the sandbox's own log: no sleeping). */
export const nextEvent = (events: SandboxEvent[], type: SandboxEvent['type'], after = 0) =>
  vi.waitFor(() => {
    const found = events.slice(after).find((event) => event.type === type);
    if (!found) throw new Error(`no ${type} event yet: ${events.map((event) => event.type).join(', ')}`);
    return found;
  });

/** The SDK's page-side DOM (reference §4). */
export const sdkDialog = () => document.querySelector<HTMLDivElement>('div.imp-dialog');
export const sdkFrames = () => [...document.querySelectorAll<HTMLIFrameElement>('div.imp-dialog iframe.imp-frame')];
export const dialogShown = () => {
  const element = sdkDialog();
  return !!element && getComputedStyle(element).display === 'block';
};

export const dialog = () => page.getByRole('dialog');
export const field = (name: RegExp) => dialog().getByLabelText(name);

/** Fill the card fields with the mouse and keyboard (click, then type). */
export async function fillCard(number: string = SANDBOX_CARDS.approve): Promise<void> {
  await userEvent.fill(field(/card number/i), number);
  await userEvent.fill(field(/expiry/i), '12/39');
  await userEvent.fill(field(/birth date/i), '900101');
  await userEvent.fill(field(/pin digits/i), '12');
}

export const approve = () => userEvent.click(dialog().getByRole('button', { name: /approve/i }));
