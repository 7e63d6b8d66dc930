import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { IamportError, recallRequest, type Iamport, type PaymentOutcome } from '../../src/core';
import { IamportProvider, usePayment, type PaymentParams } from '../../src/react';
import { createFakeIamport, type FakeIamport } from '../support/fake-iamport';
import { renderWithIamport } from '../support/render-with-iamport';

const PARAMS: PaymentParams = { pay_method: 'card', name: '원두 1kg', amount: 1004 };
const ignore = () => {};

function PayButton({ params = PARAMS, onSuccess }: { params?: PaymentParams; onSuccess?: (outcome: PaymentOutcome) => void }) {
  const { requestPayment, status, error } = usePayment({ onSuccess });
  return (
    <>
      <button type="button" onClick={() => requestPayment(params).catch(ignore)}>
        Pay
      </button>
      <output>{status}</output>
      {error && <p role="alert">{error.message}</p>}
    </>
  );
}

function wrapperWith(sdk: Iamport | Promise<Iamport>, props: { pg?: string; redirectUrl?: string } = {}) {
  return ({ children }: { children: ReactNode }) => (
    <IamportProvider merchantCode="imp00000000" sdk={sdk} {...props}>
      {children}
    </IamportProvider>
  );
}

async function readyHook(sdk: FakeIamport, options?: Parameters<typeof usePayment>[0], props?: { pg?: string; redirectUrl?: string }) {
  const hook = renderHook((callbacks: Parameters<typeof usePayment>[0]) => usePayment(callbacks), { wrapper: wrapperWith(sdk, props), initialProps: options });
  await waitFor(() => expect(sdk.inits).toHaveLength(1));
  return hook;
}

describe('usePayment', () => {
  it('20 rapid clicks in one tick reach IMP.request_pay once (StrictMode)', async () => {
    const { sdk } = renderWithIamport(<PayButton />, { reactStrictMode: true });
    await waitFor(() => expect(sdk.inits).toEqual(['imp00000000']));
    const button = screen.getByRole('button', { name: 'Pay' });
    act(() => {
      for (let i = 0; i < 20; i++) fireEvent.click(button);
    });
    expect(sdk.requests).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('pending');
    await act(async () => sdk.approve());
    expect(screen.getByRole('status').textContent).toBe('succeeded');
    // and a new click after the outcome is allowed again
    act(() => fireEvent.click(button));
    expect(sdk.requests).toHaveLength(2);
  });

  it('a second requestPayment while one is pending rejects with PAYMENT_IN_PROGRESS and keeps the pending state', async () => {
    const sdk = createFakeIamport();
    const onError = vi.fn();
    const { result } = await readyHook(sdk, { onError });
    let first!: Promise<PaymentOutcome>;
    let second!: Promise<PaymentOutcome>;
    act(() => {
      first = result.current.requestPayment(PARAMS);
      second = result.current.requestPayment(PARAMS);
    });
    await expect(second).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS', message: expect.stringContaining('usePayment') });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'PAYMENT_IN_PROGRESS' }));
    expect(result.current).toMatchObject({ status: 'pending', isPending: true, error: null });
    expect(sdk.requests).toHaveLength(1);
    await act(async () => sdk.approve());
    await expect(first).resolves.toMatchObject({ status: 'succeeded', verified: false });
  });

  it('amount: "1004" is refused with INVALID_PARAMS before the SDK is touched', async () => {
    const sdk = createFakeIamport();
    const onError = vi.fn();
    const { result } = await readyHook(sdk, { onError });
    let attempt!: Promise<PaymentOutcome>;
    act(() => {
      attempt = result.current.requestPayment({ ...PARAMS, amount: '1004' as unknown as number });
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportError);
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field: 'amount' });
    expect((error as Error).message).toContain('pass 1004 (no quotes)');
    expect(sdk.requests).toHaveLength(0);
    expect(result.current).toMatchObject({ status: 'error', error, isPending: false });
    expect(onError).toHaveBeenCalledWith(error);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('fills pg, merchant_uid and m_redirect_url from the provider and remembers the request before calling the SDK', async () => {
    let rememberedAtCall: unknown;
    const sdk = createFakeIamport({ onRequestPay: (params) => (rememberedAtCall = recallRequest(params.merchant_uid)) });
    const { result } = await readyHook(sdk, undefined, { pg: 'jtnet.tpay_001', redirectUrl: 'https://shop.example/payments/complete' });
    act(() => void result.current.requestPayment(PARAMS).catch(ignore));
    const [sent] = sdk.requests;
    expect(sent).toMatchObject({ ...PARAMS, pg: 'jtnet.tpay_001', m_redirect_url: 'https://shop.example/payments/complete' });
    expect(sent?.merchant_uid).toMatch(/^order_[a-z0-9]+$/);
    expect(rememberedAtCall).toMatchObject({ merchantUid: sent?.merchant_uid, kind: 'payment', amount: 1004, startedAt: expect.any(Number) });
  });

  it('keeps the caller’s own pg, merchant_uid and m_redirect_url', async () => {
    const sdk = createFakeIamport();
    const { result } = await readyHook(sdk, undefined, { pg: 'jtnet', redirectUrl: 'https://shop.example/a' });
    const own = { ...PARAMS, pg: 'jtnet.other_mid', merchant_uid: 'order_mine_1', m_redirect_url: 'https://shop.example/b' };
    act(() => void result.current.requestPayment(own).catch(ignore));
    expect(sdk.requests[0]).toEqual(own);
  });

  it('a request made before the SDK is ready waits for it, then calls request_pay once', async () => {
    let release!: (sdk: Iamport) => void;
    const gate = new Promise<Iamport>((resolve) => (release = resolve));
    const sdk = createFakeIamport({ answer: 'approve' });
    const { result } = renderHook(() => usePayment(), { wrapper: wrapperWith(gate) });
    let outcome!: Promise<PaymentOutcome>;
    act(() => {
      outcome = result.current.requestPayment(PARAMS);
    });
    expect(result.current.status).toBe('pending');
    expect(sdk.requests).toHaveLength(0);
    await act(async () => release(sdk));
    await expect(outcome).resolves.toMatchObject({ status: 'succeeded' });
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(sdk.requests).toHaveLength(1);
    expect(result.current.status).toBe('succeeded');
  });

  it('a request waiting for an SDK that fails to load rejects with the load error', async () => {
    let fail!: (reason: unknown) => void;
    const gate = new Promise<Iamport>((_, reject) => (fail = reject));
    const onError = vi.fn();
    const { result } = renderHook(() => usePayment({ onError }), { wrapper: wrapperWith(gate) });
    let outcome!: Promise<unknown>;
    act(() => {
      outcome = result.current.requestPayment(PARAMS).catch((error: unknown) => error);
    });
    await act(async () => fail(new IamportError('SDK_TIMEOUT', 'too slow')));
    await expect(outcome).resolves.toMatchObject({ code: 'SDK_TIMEOUT' });
    expect(result.current).toMatchObject({ status: 'error', error: { code: 'SDK_TIMEOUT' } });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('routes outcomes to onSuccess / onFailure / onCancel (cancel falls back to onFailure)', async () => {
    const sdk = createFakeIamport();
    const onSuccess = vi.fn();
    const onFailure = vi.fn();
    const onCancel = vi.fn();
    const { result, rerender } = await readyHook(sdk, { onSuccess, onFailure, onCancel });
    const run = async (answer: () => void) => {
      act(() => void result.current.requestPayment(PARAMS).catch(ignore));
      await act(async () => answer());
    };
    await run(() => sdk.approve());
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'succeeded', verified: false, impUid: 'imp_000000000001' }));
    await run(() => sdk.decline());
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', code: 'F1001' }));
    expect(result.current).toMatchObject({ status: 'failed', outcome: { code: 'F1001' } });
    await run(() => sdk.cancel());
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' }));
    expect(onFailure).toHaveBeenCalledTimes(1);
    rerender({ onFailure });
    await run(() => sdk.cancel());
    expect(onFailure).toHaveBeenCalledTimes(2);
    expect(onFailure).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'cancelled' }));
  });

  it('reads callbacks through a ref: the latest render’s onSuccess runs, not the one from the click', async () => {
    const sdk = createFakeIamport();
    const stale = vi.fn();
    const fresh = vi.fn();
    const { rerender } = renderWithIamport(<PayButton onSuccess={stale} />, { sdk });
    await waitFor(() => expect(sdk.inits).toHaveLength(1));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Pay' })));
    rerender(<PayButton onSuccess={fresh} />);
    await act(async () => sdk.approve());
    expect(stale).not.toHaveBeenCalled();
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('reset() returns to idle; requestPayment and reset are stable across renders', async () => {
    const sdk = createFakeIamport({ answer: 'approve' });
    const { result, rerender } = await readyHook(sdk);
    const { requestPayment, reset } = result.current;
    await act(async () => void (await result.current.requestPayment(PARAMS)));
    expect(result.current.outcome).toMatchObject({ status: 'succeeded' });
    rerender(undefined);
    expect(result.current.requestPayment).toBe(requestPayment);
    expect(result.current.reset).toBe(reset);
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: 'idle', outcome: null, error: null, isPending: false });
  });

  it('unmounting while a payment is pending: no warning, no state update, the promise still settles', async () => {
    const errors = vi.spyOn(console, 'error');
    const sdk = createFakeIamport();
    const renders = vi.fn();
    function Counting() {
      const payment = usePayment();
      renders(payment.status);
      return (
        <button type="button" onClick={() => payment.requestPayment(PARAMS).catch(ignore)}>
          Pay
        </button>
      );
    }
    const { unmount } = renderWithIamport(<Counting />, { sdk, reactStrictMode: true });
    await waitFor(() => expect(sdk.inits).toHaveLength(1));
    act(() => fireEvent.click(screen.getByRole('button')));
    expect(renders).toHaveBeenLastCalledWith('pending');
    const rendersBefore = renders.mock.calls.length;
    unmount();
    await act(async () => sdk.approve());
    expect(renders.mock.calls.length).toBe(rendersBefore);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('an SDK that throws inside request_pay becomes IamportError SDK_ERROR, and the next request is allowed', async () => {
    const sdk = createFakeIamport();
    const { result } = await readyHook(sdk);
    const original = sdk.request_pay;
    sdk.request_pay = () => {
      throw new Error('extension blocked it');
    };
    let error: unknown;
    await act(async () => {
      error = await result.current.requestPayment(PARAMS).catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'SDK_ERROR', message: expect.stringContaining('extension blocked it') });
    expect(result.current.status).toBe('error');
    sdk.request_pay = original;
    act(() => void result.current.requestPayment(PARAMS).catch(ignore));
    expect(sdk.requests).toHaveLength(1);
  });

  it('renders the error message from an invalid request as text', async () => {
    renderWithIamport(<PayButton params={{ ...PARAMS, amount: -5 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/amount/);
  });
});
