import { page, userEvent } from 'vitest/browser';
import type { RequestPayParams, RequestPayResponse } from '../../src/core';
import { createSandboxIamport, SANDBOX_CARDS, type SandboxEvent, type SandboxIamport, type SandboxOptions } from '../../src/sandbox';

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

/** A ready sandbox whose events are collected. */
export function sandbox(options: SandboxOptions = {}): { imp: SandboxIamport; events: SandboxEvent[] } {
  const events: SandboxEvent[] = [];
  const imp = createSandboxIamport({ mode: 'callback', seed: 7, ...options, onEvent: (event) => events.push(event) });
  imp.init('imp00000000');
  return { imp, events };
}

/** Call request_pay and resolve with what the callback receives. */
export function pay(imp: SandboxIamport, params: RequestPayParams): Promise<RequestPayResponse> {
  return new Promise((resolve) => imp.request_pay(params, resolve));
}

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
