import { DEV } from '../utils/dev';
import { IamportError } from './errors';
import {
  toPaymentOutcome,
  type PaymentCancelled,
  type PaymentFailed,
  type PaymentOutcome,
  type PaymentSucceeded,
  type PaymentUnknown,
  type WindowOutcome,
} from './outcome';
import { paymentWindowShown } from './payment-window';
import { rememberRequest } from './remembered-request';
import { prepareRequest, type RequestKind, type RequestKinds } from './request-params';
import { callRequestPay } from './request-pay';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_WINDOW_TIMEOUT_MS, type IamportRuntime } from './runtime';
import { createStore } from './store';
import type { Iamport, RequestPayParams } from './types';

/**
 * What a request tells you when it ends, read at that moment (pass a function to always call
 * the latest ones). `onCancel` falls back to `onFailure`; `unknown` goes to `onUnknown` only,
 * never to `onFailure`.
 *
 * @example
 * const callbacks: RequestCallbacks = { onSuccess: (o) => verify(o.impUid), onUnknown: (o) => checkOrder(o.merchantUid) }
 */
export interface RequestCallbacks<O extends PaymentOutcome = PaymentOutcome> {
  /** The window reported success. Not paid until your server verifies `impUid`. */
  onSuccess?(outcome: O & PaymentSucceeded): void;
  onFailure?(outcome: O & (PaymentFailed | PaymentCancelled)): void;
  onCancel?(outcome: O & PaymentCancelled): void;
  /** The SDK never said how it ended: ask your server by `outcome.merchantUid`. */
  onUnknown?(outcome: O & PaymentUnknown): void;
  /** The kit refused or could not start the request (invalid params, SDK not loaded, one already pending). */
  onError?(error: IamportError): void;
}

type Settled<S, O> = { status: S; isPending: false; outcome: O; error: null };

/** Callbacks, or a function returning the current ones (read when the request ends). */
export type CallbackSource<O extends PaymentOutcome> = RequestCallbacks<O> | (() => RequestCallbacks<O> | undefined);

/**
 * Where the current request of one kind is: a union per `status`, so `status === 'succeeded'`
 * narrows `outcome`. `'pending'` carries the request's `merchantUid` and `stalled` (no window
 * seen for `windowTimeoutMs`: offer `cancel()`); `'error'` means the kit refused or the SDK did
 * not load, and no window opened.
 *
 * @example
 * const state: RequestState = controller.getSnapshot()
 * if (state.status === 'succeeded') console.log(state.outcome.impUid)
 */
export type RequestState<O extends PaymentOutcome = PaymentOutcome> =
  | { status: 'idle'; isPending: false; outcome: null; error: null }
  | { status: 'pending'; isPending: true; outcome: null; error: null; merchantUid: string; stalled: boolean }
  | Settled<'succeeded', O & PaymentSucceeded>
  | Settled<'failed', O & PaymentFailed>
  | Settled<'cancelled', O & PaymentCancelled>
  | Settled<'unknown', O & PaymentUnknown>
  | { status: 'error'; isPending: false; outcome: null; error: IamportError };

/**
 * The `status` of a {@link RequestState}.
 *
 * @example
 * const label = (status: RequestStatus) => (status === 'pending' ? '결제 중…' : '결제하기')
 */
export type RequestStatus = RequestState['status'];

/**
 * One kind of request (payments or billing keys) of one runtime, as a small store: read it
 * with `getSnapshot()`, watch it with `subscribe()`. The state belongs to the request, not to a
 * component: everything subscribed sees the same request start and end.
 *
 * @example
 * const payments: RequestController<'payment'> = getRequestController(runtime, 'payment')
 */
export interface RequestController<K extends RequestKind = RequestKind> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): RequestState<RequestKinds[K]['outcome']>;
  /**
   * Fill defaults, validate once, remember the request for the mobile landing, then call
   * `IMP.request_pay` in this very task when the SDK is ready (else as soon as it is). Resolves
   * with how the request ended, `unknown` included; rejects with an `IamportError` when the kit
   * refuses (`INVALID_PARAMS`, `PAYMENT_IN_PROGRESS`, SDK load failure, `SDK_ERROR`).
   */
  requestAsync(params: RequestKinds[K]['params'], callbacks?: CallbackSource<RequestKinds[K]['outcome']>): Promise<RequestKinds[K]['outcome']>;
  /** {@link RequestController.requestAsync} without the promise: read the state (and the callbacks) instead; never an unhandled rejection. */
  request(params: RequestKinds[K]['params'], callbacks?: CallbackSource<RequestKinds[K]['outcome']>): void;
  /** End the pending request as `unknown` / `'cancelled'` (calls `IMP.close()`); the next request may start at once. */
  cancel(): void;
  /** Cancel a pending request, then go back to `'idle'`. */
  reset(): void;
}

const IDLE = { status: 'idle', isPending: false, outcome: null, error: null } as const;
const PENDING = { ...IDLE, status: 'pending', isPending: true } as const;

/**
 * The runtime's controller for one request kind, created on first use: every caller (two
 * buttons, a remounted form, your own code) gets the same one, like TanStack Query's cache.
 *
 * @example
 * const runtime = createIamportRuntime({ merchantCode: 'imp00000000', pg: 'jtnet' })
 * const payments = getRequestController(runtime, 'payment')
 * payments.subscribe(() => render(payments.getSnapshot()))
 * button.onclick = () => payments.request({ pay_method: 'card', name: '원두 1kg', amount: 1004 })
 */
export function getRequestController<K extends RequestKind>(runtime: IamportRuntime, kind: K): RequestController<K> {
  const byKind = (runtime.controllers ??= {}) as { [K in RequestKind]?: RequestController<K> };
  return (byKind[kind] ??= createRequestController(runtime, kind) as never);
}

function createRequestController(runtime: IamportRuntime, kind: RequestKind): RequestController {
  const store = createStore<RequestState>(IDLE);
  // Ends the request this controller runs now (cancel / reset).
  let stop: (() => unknown) | undefined;

  const controller: RequestController = {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    request(input, callbacks) {
      controller.requestAsync(input, callbacks).catch(() => {});
    },
    requestAsync(input, callbacks) {
      let resolve!: (outcome: PaymentOutcome) => void;
      let reject!: (error: IamportError) => void;
      const promise = new Promise<PaymentOutcome>((yes, no) => ((resolve = yes), (reject = no)));
      let params: RequestPayParams | undefined;
      let sdk: Iamport | undefined;
      let done = false;
      let stalled = false;
      let seen = 0;
      let watch: ReturnType<typeof setInterval> | undefined;
      const pending = (flag: boolean) => store.set({ ...PENDING, merchantUid: params!.merchant_uid, stalled: (stalled = flag) });
      const unknown = (reason: PaymentUnknown['reason']): PaymentUnknown => ({ status: 'unknown', reason, merchantUid: params!.merchant_uid, impUid: null });

      // Every way out goes through here, once: state, promise, guard, timers, IMP.close(), callbacks.
      const end = (result: WindowOutcome | PaymentUnknown | IamportError, keepState?: boolean) => {
        if (done) return promise;
        done = true;
        clearInterval(watch);
        if (runtime.active === end) {
          runtime.active = null;
          stop = undefined;
        }
        const on = typeof callbacks === 'function' ? callbacks() : callbacks;
        if (result instanceof IamportError) {
          if (!keepState) store.set({ ...IDLE, status: 'error', error: result });
          reject(result);
          on?.onError?.(result);
          return promise;
        }
        const outcome = (kind === 'billing' ? { ...result, customerUid: params!.customer_uid } : result) as PaymentOutcome;
        store.set({ ...IDLE, status: outcome.status, outcome } as RequestState);
        resolve(outcome);
        // The real SDK's close() hides its window and never calls back: the request ended above.
        if (outcome.status === 'unknown') sdk?.close?.();
        const handler =
          outcome.status === 'succeeded'
            ? on?.onSuccess
            : outcome.status === 'cancelled'
              ? (on?.onCancel ?? on?.onFailure)
              : outcome.status === 'failed'
                ? on?.onFailure
                : on?.onUnknown;
        (handler as ((value: PaymentOutcome) => void) | undefined)?.(outcome);
        return promise;
      };

      // One window per SDK: a second request, of any kind, never reaches it (no double charge).
      if (runtime.active)
        return end(
          new IamportError(
            'PAYMENT_IN_PROGRESS',
            `A payment window is already open.${DEV ? ' Wait for its outcome, or cancel() it, before requesting another.' : ''}`,
          ),
          true,
        );
      try {
        params = prepareRequest(input, kind, runtime.options);
      } catch (cause) {
        return end(cause as IamportError);
      }
      const { windowTimeoutMs = DEFAULT_WINDOW_TIMEOUT_MS, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS } = runtime.options;
      const open = (ready: Iamport) => {
        if (done) return;
        sdk = ready;
        seen = Date.now();
        try {
          callRequestPay(ready, params, (response) => {
            if (!done) return void end(toPaymentOutcome(response, params.merchant_uid));
            if (process.env.NODE_ENV !== 'production') {
              console.warn(
                `react-iamport-jtnet: ignored a late answer from IMP.request_pay for merchant_uid ${params.merchant_uid}; the request had already ended (cancelled or timed out). Ask your server by merchant_uid whether it was paid.`,
              );
            }
          });
        } catch (cause) {
          void end(cause as IamportError);
        }
      };

      runtime.active = end;
      const started = Date.now();
      const loading = runtime.load();
      const state = runtime.getSnapshot();
      // Ready now: request_pay runs in the caller's task (popup blockers, user activation),
      // before anything below that can wait: the window opens first.
      if (state.sdk) open(state.sdk);
      // (end returns the request's promise: not to be adopted by this chain)
      else loading.then(open, (error: IamportError) => void end(error));
      // Remembered for the mobile landing in this same task, before anything can navigate (a
      // redirect needs at least a round trip to the PG), but after request_pay: the window
      // does not wait for sessionStorage's JSON.
      rememberRequest({ merchantUid: params.merchant_uid, kind, amount: params.amount, startedAt: started, customerUid: params.customer_uid });
      if (done) return promise; // the SDK answered inside request_pay

      stop = () => end(unknown('cancelled'));
      seen ||= started;
      // Nothing in the SDK times out, and it never reports a window that failed to appear
      // (reference §4): one clock watches both. Wall-clock time, so a throttled background
      // tab ends the request late rather than never.
      watch = setInterval(
        () => {
          const now = Date.now();
          const shown = paymentWindowShown();
          if (shown > 1) {
            seen = now;
            if (stalled) pending(false);
          }
          if (now - started >= requestTimeoutMs) void end(unknown('timeout'));
          else if (now - seen >= windowTimeoutMs) {
            // Only the SDK's own hidden dialog proves that no window is up; an SDK that draws
            // none (a plain test double) cannot be judged from the page: flag it, keep waiting.
            if (sdk && shown) void end(unknown('no-window'));
            else if (!stalled) pending(true);
          }
        },
        Math.min(500, windowTimeoutMs / 4, requestTimeoutMs / 4),
      );
      pending(false);
      return promise;
    },
    cancel() {
      stop?.();
    },
    reset() {
      stop?.();
      store.set(IDLE);
    },
  };
  return controller;
}
