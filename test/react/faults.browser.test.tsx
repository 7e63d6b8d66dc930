import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('after a request the buyer saw ends as unknown, a window the app opens itself through the SDK is left alone: it answers the app', async () => {
    const { sdk, count } = sandbox();
    renderWith(sdk, { windowTimeoutMs: 400 });
    await userEvent.click(payButton());
    await expect.element(page.getByRole('dialog')).toBeVisible();
    act(() => hook.cancel());
    expect(status()).toBe('unknown cancelled');
    await waitFor(() => expect(count('closed')).toBe(1));

    const answered = vi.fn();
    sdk.request_pay({ ...PARAMS, pg: 'jtnet', merchant_uid: `raw_${Date.now()}` }, answered); // not through the kit
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await payWithCard();
    await waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    expect(answered.mock.calls[0]![0]).toMatchObject({ success: true });
    expect(count('closed')).toBe(1); // the kit closed only its own window
  });

  it('a child that requests in its mount effect while the window is still loading (slow init), in StrictMode: it waits, request_pay once, no PAYMENT_IN_PROGRESS from the effect’s second run, then the window', async () => {
    const { sdk, count } = sandbox({ slowInitMs: 400 });
    const pays = vi.spyOn(sdk, 'request_pay');
    const onError = vi.fn();
    function Eager() {
      const { requestPayment, status: state } = usePayment({ onError });
      useEffect(() => requestPayment(PARAMS), [requestPayment]);
      return <output>{state}</output>;
    }
    renderWith(
      sdk,
      {},
      <StrictMode>
        <Eager />
      </StrictMode>,
    );
    expect(status()).toBe('pending');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(pays).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
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

  it('slow init beyond windowTimeoutMs: the frame is still loading, so the request is not ended as no-window; the way out shows, then the window opens and the payment succeeds', async () => {
    const { sdk, count } = sandbox({ slowInitMs: 2_000 });
    const verify = vi.fn(async () => false);
    renderWith(sdk, { windowTimeoutMs: 300 }, <PaymentButton params={PARAMS} verify={verify} />);
    await userEvent.click(screen.getByRole('button', { name: MESSAGES.ko.pay }));
    // the SDK's dialog is hidden but holds its frame: loading, not failed
    expect(await screen.findByText(MESSAGES.ko.noWindow)).toBeVisible();
    expect(document.querySelector('div.imp-dialog iframe.imp-frame')).not.toBeNull();
    expect(screen.getByRole('button', { name: MESSAGES.ko.processing })).toBeDisabled();
    expect(count('queued')).toBe(1);
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await waitFor(() => expect(screen.queryByText(MESSAGES.ko.noWindow)).toBeNull()); // the way out goes once the window shows
    await payWithCard();
    await waitFor(() => expect(screen.getByRole('button', { name: MESSAGES.ko.pay })).toBeEnabled());
    expect(count('approved')).toBe(1);
    expect(count('closed')).toBe(0);
    expect(verify).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('slow init, and the buyer takes the way out: unknown/cancelled and IMP.close(); when the frame has loaded no window stays up to pay in', async () => {
    let closedLate: { readonly messages: readonly string[] } | undefined;
    const events: SandboxEvent[] = [];
    const sdk = createSandboxIamport({
      seed: 5,
      mode: 'callback',
      faults: { slowInitMs: 2_000 },
      onEvent: (event) => {
        events.push(event);
        // An SDK that still replays the request it held: the kit must close that window at once.
        if (event.type === 'opened') closedLate = expectConsole('warn', /closed a payment window that opened for merchant_uid/);
      },
    });
    sandboxes.push(sdk);
    const closes = vi.spyOn(sdk, 'close');
    renderWith(sdk, { windowTimeoutMs: 300 });
    await userEvent.click(payButton());
    await waitFor(() => expect(hook.status === 'pending' && hook.stalled).toBe(true));
    act(() => hook.cancel());
    expect(status()).toBe('unknown cancelled');
    expect(closes).toHaveBeenCalledTimes(1);
    // The frame finishes loading (its page is complete once its load event ran)…
    const frameLoaded = () => {
      const frame = document.querySelector<HTMLIFrameElement>('div.imp-dialog iframe.imp-frame');
      return frame?.contentDocument?.readyState === 'complete' && frame.contentDocument.title !== '';
    };
    await waitFor(() => expect(frameLoaded()).toBe(true), { timeout: 6_000 });
    // …and the SDK replays a held request a task later: by then its window opened, or never will.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitFor(() => expect(sdkDialogShown()).toBe(false));
    if (closedLate) expect(closedLate.messages).toHaveLength(1);
    expect(status()).toBe('unknown cancelled');
    expect(events.some((event) => event.type === 'approved')).toBe(false);
  });

  it('two providers on one SDK: the second one’s request is refused (PAYMENT_IN_PROGRESS) without a second request_pay; once the first ends it may pay', async () => {
    const { sdk } = sandbox();
    const pays = vi.spyOn(sdk, 'request_pay');
    const onError = vi.fn();
    function Second() {
      hook = usePayment({ onError });
      return <output>{hook.status}</output>;
    }
    render(
      <>
        <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
          <PaymentButton params={PARAMS}>First</PaymentButton>
        </IamportProvider>
        <IamportProvider merchantCode="imp00000000" pg="jtnet.other_mid" sdk={sdk}>
          <Second />
        </IamportProvider>
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'First' }));
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await act(() => expect(hook.requestPaymentAsync({ ...PARAMS, name: 'second' })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' }));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(pays).toHaveBeenCalledTimes(1);
    expect(status()).toBe('idle'); // refused: its own state is untouched
    await payWithCard();
    await waitFor(() => expect(screen.getByRole('button', { name: 'First' })).toBeEnabled());
    act(() => hook.requestPayment({ ...PARAMS, name: 'second' }));
    expect(pays).toHaveBeenCalledTimes(2);
    expect(pays.mock.calls[1]![0]).toMatchObject({ name: 'second', pg: 'jtnet.other_mid' }); // its own provider's defaults
    await expect.element(page.getByRole('dialog')).toBeVisible();
    act(() => hook.cancel());
    expect(status()).toBe('unknown');
  });

  it('a provider remounted with a key mid-payment: the new button shows the open request, and the buyer’s cancel in the window reaches it', async () => {
    const { sdk, count } = sandbox();
    let remount!: () => void;
    function Shop() {
      const [key, setKey] = useState(0);
      remount = () => setKey((n) => n + 1);
      return (
        <IamportProvider key={key} merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
          <PaymentButton params={PARAMS}>Buy</PaymentButton>
        </IamportProvider>
      );
    }
    render(<Shop />);
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));
    await expect.element(page.getByRole('dialog')).toBeVisible();
    const before = screen.getByRole('button', { name: MESSAGES.ko.processing });
    act(() => remount());
    const after = screen.getByRole('button', { name: MESSAGES.ko.processing });
    expect(after).not.toBe(before); // a new button, showing the request it did not start
    expect(after).toBeDisabled();
    await userEvent.keyboard('{Escape}'); // the buyer closes the window
    expect(await screen.findByRole('status')).toHaveTextContent(MESSAGES.ko.cancelled);
    expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled();
    expect(count('cancelled')).toBe(1);
  });
});
