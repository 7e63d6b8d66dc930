import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { BillingKeyForm, MESSAGES, PaymentButton, PaymentForm, type LandingVerification } from '../../src/components';
import { clearIamport, type PaymentUnknown } from '../../src/core';
import { createFakeIamport } from '../support/fake-iamport';
import { renderWithIamport } from '../support/render-with-iamport';
import { realBrowserEvents } from '../support/real-events';

realBrowserEvents();

const ko = MESSAGES.ko;
// Short watchdogs so the tests wait for events, not for the shop defaults.
const FAST = { windowTimeoutMs: 300, requestTimeoutMs: 5_000 };

afterEach(() => {
  clearIamport();
  sessionStorage.clear();
  document.querySelectorAll('div.imp-dialog').forEach((node) => node.remove());
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const payButton = () => screen.getByRole('button', { name: /결제하기|결제/ });

describe('request components in Chromium: every request ends, and focus comes back', () => {
  it('a declined payment returns focus to the submit button (not <body>)', async () => {
    const sdk = createFakeIamport({ dom: true });
    renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={[]} />, { sdk });
    const button = await screen.findByRole('button', { name: '₩1,004 결제하기' });
    await userEvent.click(button);
    expect(sdk.requests).toHaveLength(1);
    await waitFor(() => expect(button).toBeDisabled());
    act(() => sdk.decline());
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.failed);
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('the SDK’s silent init failure: "확인 중" while your server is asked by merchant_uid, then its answer; focus on the message, then the button works again', async () => {
    const sdk = createFakeIamport({ faults: { init: 'network-error' } });
    const answer = deferred<LandingVerification>();
    const verify = vi.fn((_outcome: PaymentUnknown) => answer.promise);
    renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={[]} verify={verify} />, { sdk, provider: FAST });
    const button = await screen.findByRole('button', { name: '₩1,004 결제하기' });
    await userEvent.click(button);
    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent(ko.verifying);
    expect(verify).toHaveBeenCalledWith({ status: 'unknown', reason: 'no-window', merchantUid: sdk.requests[0]!.merchant_uid, impUid: null });
    expect(button).toBeDisabled();
    expect(screen.queryByRole('alert')).toBeNull(); // never "failed" before the server answered
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await act(async () => answer.resolve({ verified: false, status: 'not_verified', reason: 'not_found' }));
    // no window ever opened: not "failed", but "could not open, try again"
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.windowFailed);
    expect(button).toBeEnabled();
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('an SDK whose window the kit cannot see: after windowTimeoutMs a way out ("결제 취소"), then your server says it was paid', async () => {
    const sdk = createFakeIamport({ dom: false }); // draws nothing: the window may be up or not
    const verify = vi.fn(async () => ({ verified: true, status: 'paid' }));
    renderWithIamport(<PaymentButton params={{ pay_method: 'card', name: '원두', amount: 1004 }} verify={verify} />, { sdk, provider: FAST });
    await userEvent.click(await screen.findByRole('button', { name: ko.pay }));
    expect(await screen.findByRole('status')).toHaveTextContent(ko.noWindow);
    await userEvent.click(screen.getByRole('button', { name: ko.cancelPayment }));
    expect(sdk.closes).toBe(1);
    const paid = await screen.findByText(ko.paid);
    expect(paid).toHaveAttribute('role', 'status');
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ status: 'unknown', reason: 'cancelled' }));
    // the cancel link went away with the focus; the button was disabled while checking: the message has it, not <body>
    expect(document.activeElement).toBe(paid);
    expect(payButton()).toBeEnabled();
  });

  it('the way out, then your server finds nothing paid: "not completed" (the buyer’s own cancel is no failure)', async () => {
    const sdk = createFakeIamport({ dom: false });
    const verify = vi.fn(async () => ({ verified: false, status: 'not_verified', reason: 'not_found' }));
    renderWithIamport(<PaymentButton params={{ pay_method: 'card', name: '원두', amount: 1004 }} verify={verify} />, { sdk, provider: FAST });
    await userEvent.click(await screen.findByRole('button', { name: ko.pay }));
    await userEvent.click(await screen.findByRole('button', { name: ko.cancelPayment }));
    const notice = await screen.findByText(ko.notCompleted);
    expect(notice).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ status: 'unknown', reason: 'cancelled' }));
    expect(payButton()).toBeEnabled();
  });

  it('a check that fails says so (never "failed") and can be asked again; without verify a window that never opened says so, and anything else tells the buyer to check before paying again', async () => {
    const sdk = createFakeIamport({ faults: { init: 'network-error' } });
    const verify = vi.fn().mockRejectedValueOnce(new Error('502')).mockResolvedValueOnce(true);
    const { unmount } = renderWithIamport(<BillingKeyForm customerUid="user_42" buyerFields={[]} verify={verify} />, { sdk, provider: FAST });
    await userEvent.click(await screen.findByRole('button', { name: ko.registerCard }));
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.notVerified);
    await userEvent.click(screen.getByRole('button', { name: ko.retry }));
    expect(await screen.findByRole('status')).toHaveTextContent(ko.billingKeyIssued);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'unknown', customerUid: 'user_42' }));
    unmount();

    const { unmount: leave } = renderWithIamport(<PaymentButton params={{ pay_method: 'card', amount: 1004 }} />, {
      sdk: createFakeIamport({ faults: { init: 'network-error' } }),
      provider: FAST,
    });
    await userEvent.click(await screen.findByRole('button', { name: ko.pay }));
    // no-window: the SDK's init failed, no window ever existed, nothing can have been paid
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.windowFailed);
    expect(screen.queryByRole('button', { name: ko.retry })).toBeNull();
    expect(payButton()).toBeEnabled();
    leave();

    // a window that opened and never answered (timeout): only your server can tell
    const silent = createFakeIamport({ answer: 'no-answer' });
    renderWithIamport(<PaymentButton params={{ pay_method: 'card', amount: 1004 }} />, {
      sdk: silent,
      provider: { windowTimeoutMs: 300, requestTimeoutMs: 600 },
    });
    await userEvent.click(await screen.findByRole('button', { name: ko.pay }));
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.notVerified);
    expect(silent.closes).toBe(1);
  });
});
