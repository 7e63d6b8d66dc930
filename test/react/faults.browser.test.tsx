import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { MESSAGES, PaymentButton } from '../../src/components';
import { IamportProvider, usePayment, type IamportProviderProps, type UsePaymentResult } from '../../src/react';
import { createSandboxIamport, SANDBOX_CARDS, type SandboxEvent, type SandboxFaults, type SandboxIamport } from '../../src/sandbox';
import { expectConsole } from '../support/console';
import { realBrowserEvents } from '../support/real-events';

realBrowserEvents();

// Every request ends, against the sandbox's reproductions of the real SDK 1.3.0's silent
// failures (reference §4): the watchdogs are short here so the tests wait for events, not for
// the shop defaults (10 s / 10 min).
const PARAMS = { pay_method: 'card', name: '원두 1kg', amount: 1004 } as const;
const sandboxes: SandboxIamport[] = [];

afterEach(() => {
  rendered.length = 0;
  for (const sdk of sandboxes.splice(0)) sdk.deinit();
  sessionStorage.clear();
});

function sandbox(faults?: SandboxFaults) {
  const events: SandboxEvent[] = [];
  const sdk = createSandboxIamport({ seed: 5, mode: 'callback', faults, onEvent: (event) => events.push(event) });
  sandboxes.push(sdk);
  const count = (type: SandboxEvent['type']) => events.filter((event) => event.type === type).length;
  return { sdk, events, count };
}

let hook: UsePaymentResult;
/** Every status the checkout rendered, with when (a loaded machine can run past a short state). */
const rendered: { status: string; at: number }[] = [];
function Checkout() {
  hook = usePayment();
  const { status, outcome } = hook;
  if (rendered.at(-1)?.status !== status) rendered.push({ status, at: performance.now() });
  return (
    <>
      <button type="button" disabled={hook.isPending} onClick={() => hook.requestPayment(PARAMS)}>
        Pay
      </button>
      <output>{status === 'unknown' ? `unknown ${outcome.reason}` : status}</output>
    </>
  );
}

function renderWith(sdk: SandboxIamport, props: Partial<IamportProviderProps> = {}, ui: ReactNode = <Checkout />) {
  return render(
    <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk} {...props}>
      {ui}
    </IamportProvider>,
  );
}

// (the sandbox's window has status regions of its own)
const status = () => document.querySelector('output')!.textContent;
const payButton = () => screen.getByRole('button', { name: 'Pay' });
const sdkDialogShown = () => {
  const dialog = document.querySelector<HTMLElement>('div.imp-dialog');
  return !!dialog && getComputedStyle(dialog).display !== 'none';
};

async function payWithCard() {
  const window = page.getByRole('dialog');
  await userEvent.fill(window.getByLabelText(/card number/i), SANDBOX_CARDS.approve);
  await userEvent.fill(window.getByLabelText(/expiry/i), '12/39');
  await userEvent.fill(window.getByLabelText(/birth date/i), '900101');
  await userEvent.fill(window.getByLabelText(/pin digits/i), '12');
  await userEvent.click(window.getByRole('button', { name: /approve/i }));
}

describe('every request ends, on the sandbox’s silent failures (Chromium)', () => {
  it('init network-error: no window ever shows; the request ends as unknown/no-window within windowTimeoutMs, and the next click works', async () => {
    const { sdk, count } = sandbox({ init: 'network-error' });
    renderWith(sdk, { windowTimeoutMs: 400 });
    await userEvent.click(payButton());
    await waitFor(() => expect(status()).toBe('unknown no-window'));
    const pending = rendered.find((entry) => entry.status === 'pending')!;
    const ended = rendered.find((entry) => entry.status === 'unknown')!;
    expect(rendered.map((entry) => entry.status)).toEqual(['idle', 'pending', 'unknown']);
    expect(ended.at - pending.at).toBeGreaterThanOrEqual(400 - 50); // never before windowTimeoutMs (timers may fire a little early)
    expect(ended.at - pending.at).toBeLessThan(400 + 2_000);
    expect(count('init-failed')).toBe(1);
    expect(count('queued')).toBe(1);
    expect(payButton()).toBeEnabled();
  });

  it('window no-answer: the window stays up and never answers; requestTimeoutMs ends the request as unknown/timeout and closes the window', async () => {
    const { sdk, count } = sandbox({ window: 'no-answer' });
    renderWith(sdk, { requestTimeoutMs: 1_500 });
    await userEvent.click(payButton());
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await payWithCard(); // the buyer pays; the window never says so
    await waitFor(() => expect(status()).toBe('unknown timeout'), { timeout: 5_000 });
    await waitFor(() => expect(sdkDialogShown()).toBe(false));
    expect(count('unanswered')).toBe(1);
    expect(count('closed')).toBe(1);
  });

  it('window load-error: the error page covers the app and never answers; requestTimeoutMs ends it the same way', async () => {
    const { sdk, count } = sandbox({ window: 'load-error' });
    renderWith(sdk, { requestTimeoutMs: 1_000 });
    await userEvent.click(payButton());
    await waitFor(() => expect(sdkDialogShown()).toBe(true));
    expect(status()).toBe('pending');
    await waitFor(() => expect(status()).toBe('unknown timeout'), { timeout: 5_000 });
    await waitFor(() => expect(sdkDialogShown()).toBe(false));
    expect(count('unanswered')).toBe(1);
  });

  it('cancel() and reset() mid-request close the window and end the request; each next request reaches the SDK exactly once', async () => {
    const { sdk, count } = sandbox();
    renderWith(sdk);
    await userEvent.click(payButton());
    await expect.element(page.getByRole('dialog')).toBeVisible();
    act(() => hook.cancel());
    expect(status()).toBe('unknown cancelled');
    await waitFor(() => expect(count('closed')).toBe(1));
    expect(sdkDialogShown()).toBe(false);

    await userEvent.click(payButton());
    await waitFor(() => expect(count('opened')).toBe(2));
    act(() => hook.reset());
    expect(status()).toBe('idle');
    await waitFor(() => expect(count('closed')).toBe(2));

    await userEvent.click(payButton());
    await waitFor(() => expect(count('opened')).toBe(3));
    await payWithCard();
    await waitFor(() => expect(status()).toBe('succeeded'));
    expect(count('approved')).toBe(1);
  });

  it('a child that requests in its mount effect while the window is still loading (slow init) waits: request_pay once, then the window', async () => {
    const { sdk, count } = sandbox({ slowInitMs: 400 });
    function Eager() {
      const { requestPayment, status: state } = usePayment();
      useEffect(() => requestPayment(PARAMS), [requestPayment]);
      return <output>{state}</output>;
    }
    renderWith(sdk, {}, <Eager />);
    expect(status()).toBe('pending');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(count('queued')).toBe(1);
    expect(count('opened')).toBe(1);
    await payWithCard();
    await waitFor(() => expect(status()).toBe('succeeded'));
  });

  it('two buttons and a remount mid-payment: both show the open request, and both are usable again when it ends', async () => {
    const { sdk, count } = sandbox();
    function Shop() {
      const [generation, setGeneration] = useState(0);
      return (
        <>
          <PaymentButton params={PARAMS}>First</PaymentButton>
          <PaymentButton key={generation} params={PARAMS}>
            Second
          </PaymentButton>
          <button type="button" onClick={() => setGeneration((n) => n + 1)}>
            Remount
          </button>
        </>
      );
    }
    renderWith(sdk, {}, <Shop />);
    const first = await screen.findByRole('button', { name: 'First' });
    await waitFor(() => expect(first).toBeEnabled());
    await userEvent.click(first);
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(screen.getAllByRole('button', { name: MESSAGES.ko.processing })).toHaveLength(2);
    act(() => screen.getByRole('button', { name: 'Remount', hidden: true }).click());
    expect(screen.getAllByRole('button', { name: MESSAGES.ko.processing })).toHaveLength(2);
    await payWithCard();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Second' })).toBeEnabled());
    expect(screen.getByRole('button', { name: 'First' })).toBeEnabled();
    expect(count('opened')).toBe(1);
    expect(count('approved')).toBe(1);
  });

  it('a late answer changes nothing: the window shows after the request already ended as no-window, the buyer pays, the state stays unknown', async () => {
    const warnings = expectConsole('warn', /ignored a late answer from IMP\.request_pay/);
    const { sdk, count } = sandbox({ slowInitMs: 1_500 });
    renderWith(sdk, { windowTimeoutMs: 300 });
    await userEvent.click(payButton());
    await waitFor(() => expect(status()).toBe('unknown no-window'));
    // The real SDK replays a queued request when its frame is ready: a window nobody waits for.
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await payWithCard();
    await waitFor(() => expect(count('approved')).toBe(1));
    await waitFor(() => expect(warnings.messages).toHaveLength(1));
    expect(status()).toBe('unknown no-window');
  });
});
