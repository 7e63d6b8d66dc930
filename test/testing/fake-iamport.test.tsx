// react-iamport-jtnet/testing's fake SDK and render helper, as a merchant's tests use them.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createContext, useContext, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { usePayment } from 'react-iamport-jtnet';
import { createIamportRuntime, getRequestController, type IamportRuntimeOptions } from 'react-iamport-jtnet/core';
import { createFakeIamport, isFakeIamport, renderWithIamport, type FakeIamport } from 'react-iamport-jtnet/testing';

const PARAMS = { pay_method: 'card', merchant_uid: 'order_1', name: '원두 1kg', amount: 1004 } as const;

/** One payment request through the kit's controller on a fake (short watchdogs when given). */
function pay(sdk: FakeIamport, options: Partial<IamportRuntimeOptions> = {}, params: object = PARAMS) {
  const payments = getRequestController(createIamportRuntime({ merchantCode: 'imp00000000', sdk, ...options }), 'payment');
  return { payments, done: payments.requestAsync(params as typeof PARAMS) };
}

describe('createFakeIamport: scripted answers', () => {
  it('willApprove: the answer comes a task after request_pay (the request is pending first), shaped like the real approval', async () => {
    const sdk = createFakeIamport().willApprove({ card_name: '신한카드' });
    const { payments, done } = pay(sdk);
    expect(payments.getSnapshot().status).toBe('pending');
    expect(sdk.dialog?.style.display).toBe('block');
    await Promise.resolve();
    expect(payments.getSnapshot().status).toBe('pending'); // not a microtask: a task, like the real SDK's message event
    const outcome = await done;
    expect(outcome).toMatchObject({ status: 'succeeded', impUid: 'imp_000000000001', merchantUid: 'order_1' });
    expect(outcome.status === 'succeeded' && outcome.response).toMatchObject({
      success: true,
      imp_success: true,
      paid_amount: 1004,
      status: 'paid',
      pay_method: 'card',
      card_name: '신한카드',
    });
    expect(sdk.dialog?.style.display).toBe('none');
    expect(sdk.pending).toEqual([]);
  });

  it('a virtual account approval is an issued account (status ready), not a payment', async () => {
    const { done } = pay(createFakeIamport().willApprove(), {}, { ...PARAMS, pay_method: 'vbank' });
    const outcome = await done;
    expect(outcome.status === 'succeeded' && outcome.response).toMatchObject({ status: 'ready', vbank_num: expect.any(String), vbank_name: 'KB국민은행' });
  });

  it('willDecline / willCancel: the failed and cancelled outcomes, with the sandbox’s codes unless told', async () => {
    const sdk = createFakeIamport().willDecline().willDecline({ code: 'F0004', message: '한도초과' }).willCancel();
    expect(await pay(sdk).done).toMatchObject({ status: 'failed', code: 'F400', message: expect.stringContaining('잔액이 부족합니다') });
    expect(await pay(sdk).done).toMatchObject({ status: 'failed', code: 'F0004', message: '한도초과' });
    expect(await pay(sdk).done).toMatchObject({ status: 'cancelled', impUid: null });
    expect(sdk.requests).toHaveLength(3);
  });

  it('willNeverAnswer: the window stays up; requestTimeoutMs ends the request as unknown/timeout and the kit closes it', async () => {
    const sdk = createFakeIamport().willNeverAnswer();
    const { done } = pay(sdk, { windowTimeoutMs: 40, requestTimeoutMs: 120 });
    expect(await done).toMatchObject({ status: 'unknown', reason: 'timeout', merchantUid: 'order_1' });
    expect(sdk.closes).toBe(1);
    expect(sdk.dialog?.style.display).toBe('none');
  });

  it('willShowNoWindow: like a silent init failure, nothing shows; windowTimeoutMs ends it as unknown/no-window', async () => {
    const sdk = createFakeIamport().willShowNoWindow();
    const { done } = pay(sdk, { windowTimeoutMs: 40 });
    expect(sdk.dialog?.style.display).toBe('none');
    expect(await done).toMatchObject({ status: 'unknown', reason: 'no-window' });
  });

  it('faults.init: every request waits with no window, and the dialog has no iframe (the DOM of docs/sandbox.md)', async () => {
    const sdk = createFakeIamport({ faults: { init: 'network-error' } }).willApprove();
    const { done } = pay(sdk, { windowTimeoutMs: 40 });
    expect(sdk.dialog?.querySelector('iframe')).toBeNull();
    expect(await done).toMatchObject({ status: 'unknown', reason: 'no-window' });
  });

  it('answer: a default for every request without a script, or a function per request; latencyMs delays the answer', async () => {
    const every = createFakeIamport({ answer: 'cancel' });
    expect(await pay(every).done).toMatchObject({ status: 'cancelled' });
    const perRequest = createFakeIamport({ answer: (params) => (params.amount > 1000 ? 'decline' : { success: true, imp_uid: 'imp_mine' }) });
    expect(await pay(perRequest).done).toMatchObject({ status: 'failed' });
    expect(await pay(perRequest, {}, { ...PARAMS, amount: 500 }).done).toMatchObject({ status: 'succeeded', impUid: 'imp_mine' });
    const slow = createFakeIamport({ answer: 'approve', latencyMs: 60 });
    const started = performance.now();
    await pay(slow).done;
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('createFakeIamport: manual answers and records', () => {
  it('records init and every request_pay with the kit’s defaults filled in; answers the oldest pending request on command', async () => {
    const sdk = createFakeIamport();
    const { done } = pay(sdk, { pg: 'jtnet', redirectUrl: 'https://shop.example/payments/complete' }, { pay_method: 'card', name: '원두', amount: 1004 });
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(sdk.lastRequest).toMatchObject({ pg: 'jtnet', m_redirect_url: 'https://shop.example/payments/complete', merchant_uid: expect.any(String) });
    expect(sdk.pending).toHaveLength(1);
    sdk.approve({ imp_uid: 'imp_chosen' });
    expect(await done).toMatchObject({ status: 'succeeded', impUid: 'imp_chosen' });
  });

  it('answering with nothing pending, or paying before init, says what to do', () => {
    const sdk = createFakeIamport();
    expect(() => sdk.approve()).toThrow(/no pending request_pay.*willApprove/);
    expect(() => sdk.request_pay(PARAMS)).toThrow(/before IMP.init.*IamportProvider/);
  });

  it('close() hides the window and never calls back; destroy() removes the drawing, the next request draws it again', () => {
    const sdk = createFakeIamport({ answer: 'no-answer' });
    sdk.init('imp00000000');
    let answered = false;
    sdk.request_pay(PARAMS, () => (answered = true));
    sdk.close();
    expect([sdk.closes, sdk.dialog?.style.display, answered]).toEqual([1, 'none', false]);
    sdk.destroy();
    expect(document.querySelector('div.imp-dialog')).toBeNull();
    sdk.request_pay(PARAMS);
    expect(document.querySelectorAll('div.imp-dialog')).toHaveLength(1);
    expect(createFakeIamport({ dom: false }).dialog).toBeNull();
    expect([isFakeIamport(sdk), isFakeIamport({ init() {} })]).toEqual([true, false]);
  });
});

describe('renderWithIamport', () => {
  const Theme = createContext('plain');
  function PayButton() {
    const payment = usePayment();
    return (
      <button type="button" onClick={() => payment.requestPayment({ pay_method: 'card', name: '원두', amount: 1004 })}>
        {useContext(Theme)} {payment.status}
      </button>
    );
  }

  it('renders through YOUR render inside the provider (defaults: a manual fake, imp00000000), with your own wrapper and render options', async () => {
    const Dark = ({ children }: { children: ReactNode }) => <Theme.Provider value="dark">{children}</Theme.Provider>;
    const { sdk, unmount } = renderWithIamport(<PayButton />, { render, wrapper: Dark, provider: { pg: 'jtnet' }, reactStrictMode: true });
    await userEvent.click(screen.getByRole('button', { name: 'dark idle' }));
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(sdk.lastRequest).toMatchObject({ pg: 'jtnet' });
    expect(screen.getByRole('button').textContent).toBe('dark pending');
    expect(document.querySelectorAll('div.imp-dialog')).toHaveLength(1);
    unmount();
    expect(document.querySelectorAll('div.imp-dialog')).toHaveLength(0); // one test's window never covers the next
  });

  it('refuses to run without a render function, naming the import', () => {
    expect(() => renderWithIamport(<PayButton />, {} as never)).toThrow(/import \{ render \} from '@testing-library\/react'/);
  });
});
