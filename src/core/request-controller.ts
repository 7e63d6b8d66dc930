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
import { INIT_FAILED, paymentWindowState, WINDOW_OPEN } from './payment-window';
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

/** One request, from its start to its end. */
interface Flight {
  kind: RequestKind;
  /** The stores showing it: its controller's, and those of controllers that found it in flight. */
  shows: ((state: RequestState) => void)[];
  /** Its state now. */
  state: RequestState;
  /** End it as `unknown` / `'cancelled'` (closes the SDK's window). */
  stop(): void;
  /** Development only, while the task that asked runs: this request again, if the same caller asks for the same. */
  again?(kind: RequestKind, input: unknown, callbacks: unknown): Promise<PaymentOutcome> | undefined;
}

/**
 * The request holding each SDK object's one window, whatever runtime (provider) or kind started
 * it: two providers on one SDK, or a provider remounted mid-payment, share it.
 */
const inFlight = new WeakMap<Iamport, Flight>();
/** Requests started on this page so far (a newer one takes over watching the SDK's dialog). */
let flights = 0;

const read = <O extends PaymentOutcome>(callbacks?: CallbackSource<O>) => (typeof callbacks === 'function' ? callbacks() : callbacks);

/**
 * The runtime's controller for one request kind, created on first use: every caller (two
 * buttons, a remounted form, your own code) gets the same one, like TanStack Query's cache.
 * A request in flight on the same SDK object when it is created or its SDK gets ready (a
 * provider remounted mid-payment) shows in it too: pending, then its end; `cancel()` ends it.
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
  // The request this controller shows: its own, or one it found in flight on its SDK.
  let current: Flight | undefined;
  const adopt = () => {
    const { sdk } = runtime.getSnapshot();
    const flight = sdk && inFlight.get(sdk);
    if (flight?.kind === kind && !store.get().isPending) {
      current = flight;
      flight.shows.push(store.set);
      store.set(flight.state);
    }
  };
  // Now (an injected SDK is ready at once), and when the SDK gets ready (the page's script).
  adopt();
  runtime.subscribe(adopt);

  const controller: RequestController = {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    request(input, callbacks) {
      controller.requestAsync(input, callbacks).catch(() => {});
    },
    requestAsync(input, callbacks) {
      const refuse = (error: IamportError) => {
        read(callbacks)?.onError?.(error);
        return Promise.reject(error);
      };
      const ready = runtime.getSnapshot().sdk;
      // One window per SDK: a second request, of any kind, from any runtime, never reaches it (no double charge).
      const busy = (runtime.active as Flight | null) ?? inFlight.get(ready!);
      if (busy)
        // (StrictMode runs a mount effect twice, in development only: the repeat is that request.)
        return (process.env.NODE_ENV !== 'production' && busy.again?.(kind, input, callbacks)) || refuse(inProgress());
      let params: RequestPayParams;
      try {
        params = prepareRequest(input, kind, runtime.options);
      } catch (cause) {
        store.set(refused(cause as IamportError));
        return refuse(cause as IamportError);
      }

      let resolve!: (outcome: PaymentOutcome) => void;
      let reject!: (error: IamportError) => void;
      const promise = new Promise<PaymentOutcome>((yes, no) => ((resolve = yes), (reject = no)));
      let sdk: Iamport | undefined;
      let done = false;
      let stalled = false;
      let seen = 0;
      // (development: the SDK's window was seen closed after the request ended)
      let closed = false;
      let watch: ReturnType<typeof setInterval> | undefined;
      const id = ++flights;
      const pending = (flag: boolean): RequestState => ({ ...PENDING, merchantUid: params.merchant_uid, stalled: (stalled = flag) });
      const show = (state: RequestState) => flight.shows.forEach((set) => set((flight.state = state)));
      const unknown = (reason: PaymentUnknown['reason']): PaymentUnknown => ({ status: 'unknown', reason, merchantUid: params.merchant_uid, impUid: null });

      // Every way out goes through here, once: state, promise, guards, IMP.close(), callbacks.
      const end = (result: WindowOutcome | PaymentUnknown | IamportError) => {
        if (done) return;
        done = true;
        // (both hold this request: neither takes another before it ends)
        runtime.active = null;
        inFlight.delete(sdk!);
        const on = read(callbacks);
        if (result instanceof IamportError) {
          clearInterval(watch);
          show(refused(result));
          reject(result);
          on?.onError?.(result);
          return;
        }
        const outcome = (kind === 'billing' ? { ...result, customerUid: params.customer_uid } : result) as PaymentOutcome;
        show({ ...IDLE, status: outcome.status, outcome } as RequestState);
        resolve(outcome);
        // The real SDK's close() hides its window and never calls back: the request ended above.
        // An unknown request whose window never showed may still be queued in the SDK and open
        // later (a frame that finishes loading): for those the watch goes on (see below).
        // (A window up as it ends was served: the SDK holds nothing to replay.)
        if (outcome.status !== 'unknown' || paymentWindowState() === WINDOW_OPEN) clearInterval(watch);
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
      };
      const flight: Flight = { kind, shows: [store.set], state: pending(false), stop: () => end(unknown('cancelled')) };
      if (process.env.NODE_ENV !== 'production') {
        const asked = JSON.stringify(input);
        flight.again = (other, repeat, from) => (other === kind && from && from === callbacks && JSON.stringify(repeat) === asked ? promise : undefined);
        // (forgotten once the asking task is over: StrictMode's second run comes before that)
        queueMicrotask(() => delete flight.again);
      }

      const { windowTimeoutMs = DEFAULT_WINDOW_TIMEOUT_MS, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS } = runtime.options;
      const open = (ready: Iamport) => {
        if (done) return;
        // Another runtime on this SDK (a second provider) holds its window.
        if (inFlight.has(ready)) return end(inProgress());
        sdk = ready;
        inFlight.set(ready, flight);
        seen = Date.now();
        try {
          callRequestPay(ready, params, (response) => {
            if (!done) return end(toPaymentOutcome(response, params.merchant_uid));
            if (process.env.NODE_ENV !== 'production') {
              console.warn(
                `react-iamport-jtnet: ignored a late answer from IMP.request_pay for merchant_uid ${params.merchant_uid}; the request had already ended (cancelled or timed out). Ask your server by merchant_uid whether it was paid.`,
              );
            }
          });
        } catch (cause) {
          end(cause as IamportError);
        }
      };

      runtime.active = current = flight;
      const started = Date.now();
      const loading = runtime.load();
      const loaded = runtime.getSnapshot().sdk;
      // Ready now: request_pay runs in the caller's task (popup blockers, user activation),
      // before anything below that can wait: the window opens first.
      if (loaded) open(loaded);
      else loading.then(open, end);
      // Remembered for the mobile landing in this same task, before anything can navigate (a
      // redirect needs at least a round trip to the PG), but after request_pay: the window
      // does not wait for sessionStorage's JSON.
      rememberRequest({ merchantUid: params.merchant_uid, kind, amount: params.amount, startedAt: started, customerUid: params.customer_uid });
      if (done) return promise; // the SDK answered inside request_pay, or refused

      seen ||= started;
      // Nothing in the SDK times out, and it never reports a window that failed to appear
      // (reference §4): one clock watches both. Wall-clock time, so a throttled background
      // tab ends the request late rather than never.
      watch = setInterval(
        () => {
          const now = Date.now();
          const shown = paymentWindowState();
          if (done) {
            // A window for a request that already ended as unknown: nobody waits for its answer,
            // so the buyer must not pay in it. Close it, until a newer request starts on this page
            // (the window is then its own) or requestTimeoutMs has passed twice.
            // (A window still up from before is closing already: calling close() again is harmless.)
            if (flights !== id || now - started > 2 * requestTimeoutMs) clearInterval(watch);
            // (once: the SDK replays a queued request at most once; a later window is someone else's)
            else if (shown === WINDOW_OPEN) {
              sdk?.close?.();
              clearInterval(watch);
            }
            if (process.env.NODE_ENV !== 'production') {
              if (shown !== WINDOW_OPEN) closed = true;
              else if (closed && flights === id) {
                closed = false;
                console.warn(
                  `react-iamport-jtnet: closed a payment window that opened for merchant_uid ${params.merchant_uid} after its request had ended as unknown; nobody waits for its answer.`,
                );
              }
            }
            return;
          }
          if (shown === WINDOW_OPEN) {
            seen = now;
            if (stalled) show(pending(false));
          }
          if (now - started >= requestTimeoutMs) end(unknown('timeout'));
          else if (now - seen >= windowTimeoutMs) {
            // The SDK's dialog without its frame: init failed, the request waits forever, no window can come.
            if (sdk && shown === INIT_FAILED) end(unknown('no-window'));
            // With its frame: still loading, or a window closed without an answer (IMP.close()
            // outside the kit); no dialog: an SDK the page cannot judge. Keep waiting (up to
            // requestTimeoutMs), and offer a way out (cancel()).
            else if (!stalled) show(pending(true));
          }
        },
        Math.min(500, windowTimeoutMs / 4, requestTimeoutMs / 4),
      );
      show(flight.state);
      return promise;
    },
    cancel() {
      current?.stop();
    },
    reset() {
      current?.stop();
      store.set(IDLE);
    },
  };
  return controller;
}

const refused = (error: IamportError) => ({ ...IDLE, status: 'error', error }) as const;

const inProgress = () =>
  new IamportError('PAYMENT_IN_PROGRESS', `A payment window is already open.${DEV ? ' Wait for its outcome, or cancel() it, before requesting another.' : ''}`);
