import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIamportRuntime,
  getRequestController,
  IamportError,
  recallRequest,
  type Iamport,
  type IamportRuntimeOptions,
  type PaymentOutcome,
  type RequestState,
} from '../../src/core';
import { expectConsole } from '../support/console';
import { createFakeIamport, type FakeIamport } from '../support/fake-iamport';

const PARAMS = { pay_method: 'card', name: '원두 1kg', amount: 1004 } as const;
const WINDOW_MS = 2_000;
const REQUEST_MS = 60_000;

function setup(sdk: Iamport | Promise<Iamport> = createFakeIamport(), options: Partial<IamportRuntimeOptions> = {}) {
  const runtime = createIamportRuntime({ merchantCode: 'imp00000000', sdk, windowTimeoutMs: WINDOW_MS, requestTimeoutMs: REQUEST_MS, ...options });
  const payments = getRequestController(runtime, 'payment');
  const states: RequestState['status'][] = [];
  payments.subscribe(() => states.push(payments.getSnapshot().status));
  return { runtime, payments, billing: getRequestController(runtime, 'billing'), states, sdk: sdk as FakeIamport };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createIamportRuntime', () => {
  it('loads nothing until asked; an injected object is ready and initialised once, at construction', async () => {
    const sdk = createFakeIamport();
    const first = createIamportRuntime({ merchantCode: 'imp00000000', sdk });
    const second = createIamportRuntime({ merchantCode: 'imp00000000', sdk });
    expect(first.getSnapshot()).toEqual({ status: 'ready', sdk, error: null });
    expect(second.getSnapshot().status).toBe('ready');
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(createIamportRuntime({ merchantCode: 'imp00000000' }).getSnapshot().status).toBe('idle');
    expect(document.scripts).toHaveLength(0);
  });

  it('an sdk promise: loading, then ready; a rejection is an SDK_LOAD_FAILED state, and retry() loads again', async () => {
    const sdk = createFakeIamport();
    let attempts = 0;
    const runtime = createIamportRuntime({ merchantCode: 'imp00000000', sdk: Promise.reject(new Error('offline')) });
    expect(runtime.getSnapshot().status).toBe('loading');
    await expect(runtime.load()).rejects.toMatchObject({ code: 'SDK_LOAD_FAILED', message: expect.stringContaining('offline') });
    expect(runtime.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'SDK_LOAD_FAILED' } });
    runtime.configure({});
    Object.assign(runtime.options, { sdk: Promise.resolve(sdk).finally(() => attempts++) });
    runtime.retry();
    expect(runtime.getSnapshot().status).toBe('loading');
    await expect(runtime.load()).resolves.toBe(sdk);
    expect(runtime.getSnapshot()).toEqual({ status: 'ready', sdk, error: null });
    expect(attempts).toBe(1);
  });

  it('configure() initialises a ready SDK again only for new merchant codes', () => {
    const sdk = createFakeIamport();
    const runtime = createIamportRuntime({ merchantCode: 'imp00000000', sdk });
    runtime.configure({ pg: 'jtnet' });
    runtime.configure({ merchantCode: 'imp12345678' });
    runtime.configure({ tierCode: 'A1B' });
    expect(sdk.inits).toEqual(['imp00000000', 'imp12345678', 'imp12345678/A1B']);
  });
});

describe('request controller', () => {
  it('fills the defaults, calls request_pay inside the caller’s task, and remembers the request in that task', () => {
    const sdk = createFakeIamport();
    const { payments } = setup(sdk, { pg: 'jtnet.tpay_001', redirectUrl: 'https://shop.example/done' });
    payments.request(PARAMS);
    const rememberedAtCall = recallRequest(sdk.requests[0]!.merchant_uid);
    // no await: the SDK was called synchronously
    expect(sdk.requests).toEqual([
      { ...PARAMS, pg: 'jtnet.tpay_001', m_redirect_url: 'https://shop.example/done', merchant_uid: expect.stringMatching(/^order_[a-z0-9]{18}$/) },
    ]);
    expect(rememberedAtCall).toMatchObject({ kind: 'payment', amount: 1004 });
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', isPending: true, stalled: false, merchantUid: sdk.requests[0]!.merchant_uid });
  });

  it('resolves with the window’s outcome and routes it to the callbacks read when it ends', async () => {
    const { payments, sdk, states } = setup();
    const early = { onSuccess: vi.fn() };
    const late = { onSuccess: vi.fn() };
    let current = early;
    const done = payments.requestAsync(PARAMS, () => current);
    current = late;
    sdk.approve();
    await expect(done).resolves.toMatchObject({ status: 'succeeded', impUid: 'imp_000000000001', verified: false });
    expect(early.onSuccess).not.toHaveBeenCalled();
    expect(late.onSuccess).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['pending', 'succeeded']);
  });

  it('one window per SDK: while a payment is pending, a payment or a billing key is refused and never reaches the SDK', async () => {
    const { payments, billing, sdk } = setup();
    payments.request(PARAMS);
    const onError = vi.fn();
    await expect(payments.requestAsync(PARAMS, { onError })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    await expect(billing.requestAsync({ customer_uid: 'user_1' }, { onError })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    expect(onError).toHaveBeenCalledTimes(2);
    expect(sdk.requests).toHaveLength(1);
    expect(payments.getSnapshot().status).toBe('pending');
    expect(billing.getSnapshot().status).toBe('idle');
  });

  it('invalid params: error state, onError, rejection; nothing remembered, the SDK untouched', async () => {
    const { payments, sdk } = setup();
    const onError = vi.fn();
    const error = await payments.requestAsync({ ...PARAMS, amount: '1004' as never }, { onError }).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(IamportError);
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field: 'amount' });
    expect(payments.getSnapshot()).toMatchObject({ status: 'error', error, isPending: false });
    expect(onError).toHaveBeenCalledWith(error);
    expect(sdk.requests).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('request() is fire-and-forget: a refusal ends up in the state, never as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const { payments } = setup();
    payments.request({ ...PARAMS, amount: -1 });
    await vi.advanceTimersByTimeAsync(0);
    process.off('unhandledRejection', unhandled);
    expect(payments.getSnapshot()).toMatchObject({ status: 'error', error: { field: 'amount' } });
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('cancel(): IMP.close(), unknown/cancelled, the guard is freed, and the next request reaches the SDK once', async () => {
    const { payments, sdk } = setup(createFakeIamport({ dom: true }));
    const onUnknown = vi.fn();
    const first = payments.requestAsync(PARAMS, { onUnknown });
    const merchantUid = sdk.requests[0]!.merchant_uid;
    payments.cancel();
    await expect(first).resolves.toEqual({ status: 'unknown', reason: 'cancelled', merchantUid, impUid: null });
    expect(onUnknown).toHaveBeenCalledTimes(1);
    expect(sdk.closes).toBe(1);
    expect(payments.getSnapshot()).toMatchObject({ status: 'unknown', outcome: { reason: 'cancelled' } });
    payments.request(PARAMS);
    expect(sdk.requests).toHaveLength(2);
  });

  it('reset() while pending cancels the request (the next one is allowed), then goes idle', async () => {
    const { payments, sdk, states } = setup();
    const first = payments.requestAsync(PARAMS);
    payments.reset();
    await expect(first).resolves.toMatchObject({ status: 'unknown', reason: 'cancelled' });
    expect(payments.getSnapshot()).toEqual({ status: 'idle', isPending: false, outcome: null, error: null });
    expect(states).toEqual(['pending', 'unknown', 'idle']);
    payments.request(PARAMS);
    expect(sdk.requests).toHaveLength(2);
  });

  it('a late answer after the request ended changes nothing and warns in development', async () => {
    const warnings = expectConsole('warn', /ignored a late answer from IMP\.request_pay/);
    const { payments, sdk } = setup();
    const onSuccess = vi.fn();
    const first = payments.requestAsync(PARAMS, { onSuccess });
    payments.cancel();
    const before = payments.getSnapshot();
    sdk.approve(); // the window answers after all
    await expect(first).resolves.toMatchObject({ status: 'unknown' });
    expect(payments.getSnapshot()).toBe(before);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(warnings.messages).toEqual([
      expect.stringContaining(`ignored a late answer from IMP.request_pay for merchant_uid ${sdk.requests[0]!.merchant_uid}`),
    ]);
  });

  it('the real SDK’s silent init failure (its dialog stays hidden): unknown/no-window after windowTimeoutMs, and IMP.close()', async () => {
    const sdk = createFakeIamport({ faults: { init: 'network-error' } });
    const { payments } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    expect(sdk.requests).toHaveLength(1); // queued by the SDK forever
    expect(sdk.dialog?.style.display).toBe('none');
    await vi.advanceTimersByTimeAsync(WINDOW_MS - 600);
    expect(payments.getSnapshot().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(600);
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'no-window' });
    expect(sdk.closes).toBe(1);
  });

  it('a window that shows and never answers: unknown/timeout after requestTimeoutMs, and IMP.close()', async () => {
    const sdk = createFakeIamport({ dom: true });
    const { payments } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    expect(sdk.dialog?.style.display).toBe('block');
    await vi.advanceTimersByTimeAsync(REQUEST_MS - 500);
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: false });
    await vi.advanceTimersByTimeAsync(500);
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'timeout' });
    expect(sdk.closes).toBe(1);
    expect(sdk.dialog?.style.display).toBe('none');
  });

  it('IMP.close() called by the app (it never calls back): the hidden window is no proof that nothing was paid, so no no-window; stalled (a way out), then requestTimeoutMs', async () => {
    const sdk = createFakeIamport({ dom: true });
    const { payments } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 3); // open all along
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: false });
    sdk.close();
    await vi.advanceTimersByTimeAsync(WINDOW_MS + 500);
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: true });
    await vi.advanceTimersByTimeAsync(REQUEST_MS);
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'timeout' });
  });

  it('a hidden dialog that holds its frame is a window still loading: flagged stalled after windowTimeoutMs, never ended as no-window; the window then opens and answers', async () => {
    const sdk = createFakeIamport({ dom: true });
    const { payments, states } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    sdk.dialog!.style.display = 'none'; // the SDK holds the request until its frame has loaded
    expect(sdk.dialog!.querySelector('iframe.imp-frame')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 3);
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: true });
    expect(sdk.closes).toBe(0);
    sdk.dialog!.style.display = 'block'; // loaded: the window opens
    await vi.advanceTimersByTimeAsync(500);
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: false });
    sdk.approve();
    await expect(done).resolves.toMatchObject({ status: 'succeeded' });
    expect(states).toEqual(['pending', 'pending', 'pending', 'succeeded']);
  });

  it('still loading until requestTimeoutMs: unknown/timeout; a window that opens for it afterwards is closed at once (the buyer cannot pay in it)', async () => {
    const warnings = expectConsole('warn', /closed a payment window that opened for merchant_uid/);
    const sdk = createFakeIamport({ dom: true });
    const { payments } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    sdk.dialog!.style.display = 'none';
    await vi.advanceTimersByTimeAsync(REQUEST_MS);
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'timeout' });
    expect(sdk.closes).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000); // closed, for a while
    expect(sdk.closes).toBe(1);
    sdk.dialog!.style.display = 'block'; // an SDK that still replays the request it held
    await vi.advanceTimersByTimeAsync(500);
    expect(sdk.closes).toBe(2);
    expect(sdk.dialog!.style.display).toBe('none');
    expect(warnings.messages).toEqual([expect.stringContaining(sdk.requests[0]!.merchant_uid)]);
    // a newer request takes the SDK over: its window is its own, the old watch leaves it alone
    const next = payments.requestAsync(PARAMS);
    await vi.advanceTimersByTimeAsync(REQUEST_MS / 2);
    expect(sdk.closes).toBe(2);
    expect(sdk.dialog!.style.display).toBe('block');
    payments.cancel();
    await expect(next).resolves.toMatchObject({ status: 'unknown', reason: 'cancelled' });
  });

  it('cancel() of an open window that the SDK hides a moment later: closed again meanwhile (harmless), never taken for a late window (no warning)', async () => {
    const sdk = createFakeIamport({ dom: true });
    const hide = sdk.close.bind(sdk);
    sdk.close = () => void setTimeout(hide, 1_200);
    const { payments } = setup(sdk);
    const done = payments.requestAsync(PARAMS);
    payments.cancel();
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'cancelled' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sdk.dialog!.style.display).toBe('none');
  });

  it('an SDK that draws no dialog (a plain double) cannot be judged: only flagged stalled; requestTimeoutMs ends it', async () => {
    const { payments, sdk } = setup(createFakeIamport({ dom: false }));
    const done = payments.requestAsync(PARAMS);
    await vi.advanceTimersByTimeAsync(WINDOW_MS + 500);
    expect(payments.getSnapshot()).toMatchObject({ status: 'pending', stalled: true });
    expect(sdk.closes).toBe(0);
    await vi.advanceTimersByTimeAsync(REQUEST_MS);
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'timeout' });
  });

  it('a request made before the SDK is loaded waits for it (without anyone calling load()), then calls request_pay once', async () => {
    let release!: (sdk: Iamport) => void;
    const sdk = createFakeIamport({ answer: 'approve' });
    const runtime = createIamportRuntime({ merchantCode: 'imp00000000', sdk: new Promise<Iamport>((resolve) => (release = resolve)) });
    const payments = getRequestController(runtime, 'payment');
    const done = payments.requestAsync(PARAMS);
    expect(payments.getSnapshot().status).toBe('pending');
    release(sdk);
    await vi.advanceTimersByTimeAsync(0); // the fake answers a task after request_pay, like the real SDK
    await expect(done).resolves.toMatchObject({ status: 'succeeded' });
    expect(sdk.inits).toEqual(['imp00000000']);
    expect(sdk.requests).toHaveLength(1);
  });

  it('an SDK that fails to load ends the waiting request as an error (onError), and frees the guard', async () => {
    let fail!: (reason: unknown) => void;
    const runtime = createIamportRuntime({ merchantCode: 'imp00000000', sdk: new Promise<Iamport>((_, reject) => (fail = reject)) });
    const payments = getRequestController(runtime, 'payment');
    const onError = vi.fn();
    const done = payments.requestAsync(PARAMS, { onError });
    fail(new IamportError('SDK_TIMEOUT', 'too slow'));
    await expect(done).rejects.toMatchObject({ code: 'SDK_TIMEOUT' });
    expect(payments.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'SDK_TIMEOUT' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(runtime.active).toBeNull();
  });

  it('an SDK that throws inside request_pay: SDK_ERROR, and the next request is allowed', async () => {
    const sdk = createFakeIamport();
    const { payments } = setup(sdk);
    const original = sdk.request_pay;
    sdk.request_pay = () => {
      throw new Error('extension blocked it');
    };
    await expect(payments.requestAsync(PARAMS)).rejects.toMatchObject({ code: 'SDK_ERROR', message: expect.stringContaining('extension blocked it') });
    sdk.request_pay = original;
    payments.request(PARAMS);
    expect(sdk.requests).toHaveLength(1);
  });

  it('routes failures and cancellations (onCancel falls back to onFailure); unknown never goes to onFailure', async () => {
    const { payments, sdk } = setup();
    const onFailure = vi.fn();
    const onCancel = vi.fn();
    const run = async (answer: () => void, callbacks: object) => {
      const done = payments.requestAsync(PARAMS, callbacks);
      answer();
      return done;
    };
    await expect(run(() => sdk.decline(), { onFailure })).resolves.toMatchObject({ status: 'failed', code: 'F400' });
    await expect(run(() => sdk.cancel(), { onFailure, onCancel })).resolves.toMatchObject({ status: 'cancelled' });
    await expect(run(() => sdk.cancel(), { onFailure })).resolves.toMatchObject({ status: 'cancelled' });
    await run(() => payments.cancel(), { onFailure });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onFailure.mock.calls.map(([outcome]) => (outcome as PaymentOutcome).status)).toEqual(['failed', 'cancelled']);
  });

  it('billing keys: card only, amount 0 by default, and every outcome (unknown included) carries customerUid', async () => {
    const { billing, sdk } = setup(createFakeIamport(), { pg: 'jtnet' });
    const done = billing.requestAsync({ customer_uid: 'user_42', pay_method: 'trans' as never });
    expect(sdk.requests[0]).toMatchObject({ customer_uid: 'user_42', pay_method: 'card', amount: 0, pg: 'jtnet' });
    expect(recallRequest(sdk.requests[0]!.merchant_uid)).toMatchObject({ kind: 'billing', customerUid: 'user_42' });
    billing.cancel();
    await expect(done).resolves.toMatchObject({ status: 'unknown', customerUid: 'user_42' });
  });

  it('the same caller asking the same again in the same task (StrictMode’s second effect run) joins the request: no refusal, no onError, one request_pay', async () => {
    const { payments, sdk } = setup();
    const onError = vi.fn();
    const callbacks = () => ({ onError });
    const first = payments.requestAsync({ ...PARAMS }, callbacks);
    const again = payments.requestAsync({ ...PARAMS }, callbacks);
    expect(again).toBe(first);
    // not the same request: other params, another caller, or a later task
    await expect(payments.requestAsync({ ...PARAMS, amount: 2008 }, callbacks)).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    await expect(payments.requestAsync({ ...PARAMS }, { onError })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    await expect(payments.requestAsync({ ...PARAMS }, callbacks)).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    expect(onError).toHaveBeenCalledTimes(3);
    expect(sdk.requests).toHaveLength(1);
    sdk.approve();
    await expect(first).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('calls without callbacks are never taken for the same caller: the second is refused, as in production', async () => {
    const { payments, sdk } = setup();
    const first = payments.requestAsync({ ...PARAMS });
    await expect(payments.requestAsync({ ...PARAMS })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    expect(sdk.requests).toHaveLength(1);
    sdk.approve();
    await expect(first).resolves.toMatchObject({ status: 'succeeded' });
  });
});

describe('one window per SDK object, whatever runtime asks (two providers, a remount)', () => {
  it('two runtimes on one SDK: the second runtime’s request is refused (PAYMENT_IN_PROGRESS), never reaches request_pay, and shows the first one pending', async () => {
    const sdk = createFakeIamport();
    const first = setup(sdk);
    const second = setup(sdk);
    const done = first.payments.requestAsync(PARAMS);
    expect(second.payments.getSnapshot().status).toBe('idle'); // it neither started nor found it (it existed before)
    const onError = vi.fn();
    await expect(second.payments.requestAsync({ ...PARAMS, name: 'second' }, { onError })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    await expect(second.billing.requestAsync({ customer_uid: 'user_1' })).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(sdk.requests).toHaveLength(1);
    sdk.approve();
    await expect(done).resolves.toMatchObject({ status: 'succeeded' });
    // free again, for either runtime
    second.payments.request(PARAMS);
    expect(sdk.requests).toHaveLength(2);
  });

  it('a runtime created mid-payment (a provider remounted with a key): its cancel() ends the request it found, for every runtime', async () => {
    const sdk = createFakeIamport({ dom: true });
    const first = setup(sdk);
    const done = first.payments.requestAsync(PARAMS);
    const second = setup(sdk);
    expect(second.payments.getSnapshot()).toBe(first.payments.getSnapshot());
    expect(second.payments.getSnapshot()).toMatchObject({ status: 'pending', merchantUid: sdk.requests[0]!.merchant_uid });
    second.payments.cancel();
    await expect(done).resolves.toMatchObject({ status: 'unknown', reason: 'cancelled' });
    expect(sdk.closes).toBe(1);
    expect(first.payments.getSnapshot()).toMatchObject({ status: 'unknown', outcome: { reason: 'cancelled' } });
    expect(second.payments.getSnapshot()).toBe(first.payments.getSnapshot());
    expect(second.billing.getSnapshot().status).toBe('idle'); // a billing controller does not show a payment
  });

  it('a runtime created mid-payment (a provider remounted with a key) shows the pending request at once and its end', async () => {
    const sdk = createFakeIamport();
    const before = setup(sdk);
    const done = before.payments.requestAsync(PARAMS);
    const remounted = getRequestController(createIamportRuntime({ merchantCode: 'imp00000000', sdk }), 'payment');
    expect(remounted.getSnapshot()).toMatchObject({ status: 'pending', isPending: true });
    const seen: string[] = [];
    remounted.subscribe(() => seen.push(remounted.getSnapshot().status));
    sdk.cancel(); // the buyer closes the window
    await expect(done).resolves.toMatchObject({ status: 'cancelled' });
    expect(seen).toEqual(['cancelled']);
    remounted.request(PARAMS);
    expect(sdk.requests).toHaveLength(2);
  });

  it('a runtime still loading its SDK: its request is refused when the SDK turns out to be busy, before request_pay', async () => {
    const sdk = createFakeIamport();
    let release!: (value: Iamport) => void;
    const ready = setup(sdk);
    const late = setup(new Promise<Iamport>((resolve) => (release = resolve)));
    const done = ready.payments.requestAsync(PARAMS);
    const refused = late.payments.requestAsync({ ...PARAMS, name: 'late' });
    expect(late.payments.getSnapshot().status).toBe('pending'); // it cannot know yet
    release(sdk);
    await expect(refused).rejects.toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    expect(late.payments.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'PAYMENT_IN_PROGRESS' } });
    expect(sdk.requests).toHaveLength(1);
    expect(late.runtime.active).toBeNull();
    sdk.approve();
    await expect(done).resolves.toMatchObject({ status: 'succeeded' });
  });
});
