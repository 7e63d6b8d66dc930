import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { IamportError, recallRequest, type Iamport, type PaymentOutcome } from '../../src/core';
import { IamportProvider, usePayment, type PaymentParams } from '../../src/react';
import { createFakeIamport, type FakeIamport } from '../support/fake-iamport';
import { renderWithIamport } from '../support/render-with-iamport';

const PARAMS: PaymentParams = { pay_method: 'card', name: '원두 1kg', amount: 1004 };

function PayButton({ params = PARAMS, onSuccess }: { params?: PaymentParams; onSuccess?: (outcome: PaymentOutcome) => void }) {
  const { requestPayment, status, error } = usePayment({ onSuccess });
  return (
    <>
      <button type="button" onClick={() => requestPayment(params)}>
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
    act(() => {
      fireEvent.click(button);
    });
    expect(sdk.requests).toHaveLength(2);
  });

  it('a second, different requestPaymentAsync while one is pending rejects with PAYMENT_IN_PROGRESS and keeps the pending state', async () => {
    const sdk = createFakeIamport();
    const onError = vi.fn();
    const { result } = await readyHook(sdk, { onError });
    let first!: Promise<PaymentOutcome>;
    let second!: Promise<PaymentOutcome>;
    act(() => {
      first = result.current.requestPaymentAsync(PARAMS);
      second = result.current.requestPaymentAsync({ ...PARAMS, amount: 2008 });
    });
    await expect(second).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS', message: expect.stringContaining('already open') });
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
      attempt = result.current.requestPaymentAsync({ ...PARAMS, amount: '1004' as unknown as number });
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

  it('fills pg, merchant_uid and m_redirect_url from the provider and remembers the request in the click’s task', async () => {
    const sdk = createFakeIamport();
    const { result } = await readyHook(sdk, undefined, { pg: 'jtnet.tpay_001', redirectUrl: 'https://shop.example/payments/complete' });
    let rememberedAtCall: unknown;
    act(() => {
      result.current.requestPayment(PARAMS);
      rememberedAtCall = recallRequest(sdk.requests[0]!.merchant_uid);
    });
    const [sent] = sdk.requests;
    expect(sent).toMatchObject({ ...PARAMS, pg: 'jtnet.tpay_001', m_redirect_url: 'https://shop.example/payments/complete' });
    expect(sent?.merchant_uid).toMatch(/^order_[a-z0-9]+$/);
    expect(rememberedAtCall).toMatchObject({ merchantUid: sent?.merchant_uid, kind: 'payment', amount: 1004, startedAt: expect.any(Number) });
  });

  it('keeps the caller’s own pg, merchant_uid and m_redirect_url', async () => {
    const sdk = createFakeIamport();
    const { result } = await readyHook(sdk, undefined, { pg: 'jtnet', redirectUrl: 'https://shop.example/a' });
    const own = { ...PARAMS, pg: 'jtnet.other_mid', merchant_uid: 'order_mine_1', m_redirect_url: 'https://shop.example/b' };
    act(() => result.current.requestPayment(own));
    expect(sdk.requests[0]).toEqual(own);
  });

  it('a request made before the SDK is ready waits for it, then calls request_pay once', async () => {
    let release!: (sdk: Iamport) => void;
    const gate = new Promise<Iamport>((resolve) => (release = resolve));
    const sdk = createFakeIamport({ answer: 'approve' });
    const { result } = renderHook(() => usePayment(), { wrapper: wrapperWith(gate) });
    let outcome!: Promise<PaymentOutcome>;
    act(() => {
      outcome = result.current.requestPaymentAsync(PARAMS);
    });
    expect(result.current.status).toBe('pending');
    expect(sdk.requests).toHaveLength(0);
    await act(async () => release(sdk));
    await act(() => expect(outcome).resolves.toMatchObject({ status: 'succeeded' })); // the fake answers a task later: inside act
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
      outcome = result.current.requestPaymentAsync(PARAMS).catch((error: unknown) => error);
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
      act(() => result.current.requestPayment(PARAMS));
      await act(async () => answer());
    };
    await run(() => sdk.approve());
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'succeeded', verified: false, impUid: 'imp_000000000001' }));
    await run(() => sdk.decline());
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', code: 'F400' }));
    expect(result.current).toMatchObject({ status: 'failed', outcome: { code: 'F400' } });
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
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    });
    rerender(<PayButton onSuccess={fresh} />);
    await act(async () => sdk.approve());
    expect(stale).not.toHaveBeenCalled();
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('reset() returns to idle; the actions are stable across renders', async () => {
    const sdk = createFakeIamport({ answer: 'approve' });
    const { result, rerender } = await readyHook(sdk);
    const { requestPayment, requestPaymentAsync, cancel, reset } = result.current;
    await act(async () => void (await result.current.requestPaymentAsync(PARAMS)));
    expect(result.current.outcome).toMatchObject({ status: 'succeeded' });
    rerender(undefined);
    expect(result.current.requestPayment).toBe(requestPayment);
    expect(result.current.requestPaymentAsync).toBe(requestPaymentAsync);
    expect(result.current.cancel).toBe(cancel);
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
        <button type="button" onClick={() => payment.requestPayment(PARAMS)}>
          Pay
        </button>
      );
    }
    const { unmount } = renderWithIamport(<Counting />, { sdk, reactStrictMode: true });
    await waitFor(() => expect(sdk.inits).toHaveLength(1));
    act(() => {
      fireEvent.click(screen.getByRole('button'));
    });
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
      error = await result.current.requestPaymentAsync(PARAMS).catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'SDK_ERROR', message: expect.stringContaining('extension blocked it') });
    expect(result.current.status).toBe('error');
    sdk.request_pay = original;
    act(() => result.current.requestPayment(PARAMS));
    expect(sdk.requests).toHaveLength(1);
  });

  it('renders the error message from an invalid request as text', async () => {
    renderWithIamport(<PayButton params={{ ...PARAMS, amount: -5 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/amount/);
  });

  it('a child that requests in its mount effect (before the provider’s effects ran) waits for the SDK and calls request_pay once', async () => {
    let release!: (sdk: Iamport) => void;
    const sdk = createFakeIamport();
    function Eager() {
      const { requestPayment, status } = usePayment();
      useEffect(() => requestPayment(PARAMS), [requestPayment]);
      return <output>{status}</output>;
    }
    render(
      <IamportProvider merchantCode="imp00000000" sdk={new Promise<Iamport>((resolve) => (release = resolve))}>
        <Eager />
      </IamportProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('pending');
    await act(async () => release(sdk));
    expect(sdk.requests).toHaveLength(1);
    await act(async () => sdk.approve());
    expect(screen.getByRole('status').textContent).toBe('succeeded');
  });

  it('StrictMode runs a child’s mount effect twice: the repeat joins the request (request_pay once, no PAYMENT_IN_PROGRESS to onError)', async () => {
    const onError = vi.fn();
    function Eager() {
      const { requestPayment, status } = usePayment({ onError });
      // params built inside the effect: a new object on each run, the same request
      useEffect(() => requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 }), [requestPayment]);
      return <output>{status}</output>;
    }
    const { sdk } = renderWithIamport(<Eager />, { reactStrictMode: true });
    expect(sdk.requests).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('pending');
    expect(onError).not.toHaveBeenCalled();
    await act(async () => sdk.approve());
    expect(screen.getByRole('status').textContent).toBe('succeeded');
    expect(onError).not.toHaveBeenCalled();
  });

  it('with an injected SDK object, a child’s mount-effect request reaches request_pay inside that effect', () => {
    const sdk = createFakeIamport();
    function Eager() {
      const { requestPayment } = usePayment();
      useEffect(() => {
        requestPayment(PARAMS);
        expect(sdk.requests).toHaveLength(1);
      }, [requestPayment]);
      return null;
    }
    renderWithIamport(<Eager />, { sdk });
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(sdk.requests).toHaveLength(1);
  });

  it('the state belongs to the request: two components see it pending and both see it end', async () => {
    const sdk = createFakeIamport();
    function Mirror() {
      return <span data-testid="mirror">{usePayment().status}</span>;
    }
    renderWithIamport(
      <>
        <PayButton />
        <Mirror />
      </>,
      { sdk },
    );
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    });
    expect(screen.getByTestId('mirror').textContent).toBe('pending');
    await act(async () => sdk.decline());
    expect(screen.getByTestId('mirror').textContent).toBe('failed');
    expect(screen.getByRole('status').textContent).toBe('failed');
  });

  it('a button remounted mid-payment is not stuck: it shows the pending request and sees it end', async () => {
    const sdk = createFakeIamport();
    const { rerender } = renderWithIamport(<PayButton key="first" />, { sdk });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    });
    rerender(<PayButton key="second" />);
    expect(screen.getByRole('status').textContent).toBe('pending');
    await act(async () => sdk.approve());
    expect(screen.getByRole('status').textContent).toBe('succeeded');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    });
    expect(sdk.requests).toHaveLength(2);
  });

  it('cancel() and reset() mid-request end it (unknown, onUnknown), and the next click reaches the SDK exactly once each', async () => {
    const sdk = createFakeIamport();
    const onUnknown = vi.fn();
    const { result } = await readyHook(sdk, { onUnknown });
    act(() => result.current.requestPayment(PARAMS));
    await act(async () => result.current.cancel());
    expect(result.current).toMatchObject({ status: 'unknown', isPending: false, outcome: { reason: 'cancelled', impUid: null } });
    act(() => result.current.requestPayment(PARAMS));
    expect(sdk.requests).toHaveLength(2);
    await act(async () => result.current.reset());
    expect(result.current.status).toBe('idle');
    act(() => result.current.requestPayment(PARAMS));
    expect(sdk.requests).toHaveLength(3);
    expect(onUnknown).toHaveBeenCalledTimes(2);
  });

  it('requestPayment is fire-and-forget: a refused request lands in error and onError, never as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const onError = vi.fn();
    const { result } = await readyHook(createFakeIamport(), { onError });
    let returned: unknown = 'not called';
    act(() => void (returned = result.current.requestPayment({ ...PARAMS, amount: 0 })));
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', unhandled);
    expect(returned).toBeUndefined();
    expect(result.current).toMatchObject({ status: 'error', error: { code: 'INVALID_PARAMS', field: 'amount' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
