import { IamportError } from './errors';
import { initOnce } from './init-once';
import { loadIamport, type LoadIamportOptions } from './loader';
import { createStore } from './store';
import type { Iamport } from './types';

/**
 * Where the SDK is: not asked for yet, loading, ready (initialised), or failed to load.
 *
 * @example
 * const state: IamportLoadState = runtime.getSnapshot()
 * if (state.status === 'ready') state.sdk.request_pay(params, callback)
 */
export type IamportLoadState =
  | { status: 'idle'; sdk: null; error: null }
  | { status: 'loading'; sdk: null; error: null }
  | { status: 'ready'; sdk: Iamport; error: null }
  | { status: 'error'; sdk: null; error: IamportError };

/**
 * What a runtime loads and fills requests from (the props of `<IamportProvider>`).
 *
 * @example
 * const options: IamportRuntimeOptions = { merchantCode: 'imp00000000', pg: 'jtnet', windowTimeoutMs: 10_000 }
 */
export interface IamportRuntimeOptions extends LoadIamportOptions {
  /** Your 가맹점 식별코드: `imp` + 8 digits (`imp00000000` in the sandbox). */
  merchantCode: string;
  /** Agency tier code (3 characters): initialises with `IMP.agency(merchantCode, tierCode)`. */
  tierCode?: string;
  /** Default `pg` for requests that set none, e.g. `'jtnet'` or `'jtnet.{MID}'`. */
  pg?: string;
  /** Default `m_redirect_url` (absolute URL of your mobile landing page). */
  redirectUrl?: string;
  /** Use this SDK instead of loading the script: an `Iamport` object (ready at once) or a promise of one. */
  sdk?: Iamport | Promise<Iamport>;
  /**
   * No payment window for this long after `IMP.request_pay`: the request settles as `unknown` /
   * `'no-window'` when the SDK's init failed (its dialog has no frame), else it is flagged
   * `stalled` (a frame still loading: offer `cancel()`) and keeps waiting. Default 10 000 ms.
   */
  windowTimeoutMs?: number;
  /** Settle a request as `unknown` / `'timeout'` when nothing answers for this long. Default 600 000 ms (10 minutes). */
  requestTimeoutMs?: number;
}

/** A window normally shows within a second; 10 s ends a silent init failure before the buyer gives up (a frame still loading is waited for, not ended). */
export const DEFAULT_WINDOW_TIMEOUT_MS = 10_000;
/** Longer than a buyer typing card details and passing app-card / 3-D Secure checks; shorter than leaving a dead window up all day. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 600_000;

/**
 * The SDK of one provider (or one vanilla page): loads it when first asked, initialises it
 * once, and holds the request defaults and watchdogs (the one-window guard is per SDK object,
 * shared by every runtime on it).
 *
 * @example
 * const runtime: IamportRuntime = createIamportRuntime({ merchantCode: 'imp00000000' })
 */
export interface IamportRuntime {
  /** Current settings; change them with {@link IamportRuntime.configure}. */
  readonly options: Readonly<IamportRuntimeOptions>;
  subscribe(listener: () => void): () => void;
  getSnapshot(): IamportLoadState;
  /** Start loading (once) and resolve with the initialised SDK; rejects with the load's `IamportError`. */
  load(): Promise<Iamport>;
  /** After a failed load: forget it and load again. */
  retry(): void;
  /** Change the request defaults or the merchant (initialises a ready SDK again for new codes). */
  configure(options: Partial<IamportRuntimeOptions>): void;
  /** @internal This runtime's request in flight, whatever its kind (also while its SDK loads; then the SDK object's guard takes over). */
  active: object | null;
  /** @internal Its request controllers, one per kind (`getRequestController`). */
  controllers?: object;
}

const IDLE = { status: 'idle', sdk: null, error: null } as const;

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Create the SDK runtime behind `<IamportProvider>`, usable without React. Nothing is loaded
 * until `load()` (or a request) asks for it; an injected `sdk` object is ready at once. Touches
 * no `window` on the server.
 *
 * @example
 * const runtime = createIamportRuntime({ merchantCode: 'imp00000000', pg: 'jtnet', scriptUrl: 'http://127.0.0.1:8090/v1/iamport.js' })
 * runtime.subscribe(() => console.log(runtime.getSnapshot().status)) // loading, ready
 * await runtime.load()
 */
export function createIamportRuntime(initial: IamportRuntimeOptions): IamportRuntime {
  const options = { ...initial };
  const store = createStore<IamportLoadState>(IDLE);
  let loading: Promise<Iamport> | undefined;
  const init = (sdk: Iamport) => initOnce(sdk, options.merchantCode, options.tierCode);

  const runtime: IamportRuntime = {
    options,
    active: null,
    subscribe: store.subscribe,
    getSnapshot: store.get,
    load() {
      if (!loading) {
        const source = options.sdk ?? ((typeof window === 'object' && window.IMP) || loadIamport(options));
        const ready = (sdk: Iamport) => {
          init(sdk);
          store.set({ status: 'ready', sdk, error: null });
          return sdk;
        };
        if (isThenable(source)) {
          store.set({ ...IDLE, status: 'loading' });
          loading = (source as Promise<Iamport>).then(ready, (cause: unknown) => {
            // A rejected `sdk` promise may hold anything: keep kit errors, wrap the rest.
            const error =
              cause instanceof IamportError
                ? cause
                : new IamportError('SDK_LOAD_FAILED', `i'mport SDK failed: ${(cause as Error)?.message ?? cause}`, { cause });
            store.set({ ...IDLE, status: 'error', error });
            throw error;
          });
          // Failures live in the state; nobody has to catch this promise.
          loading.catch(() => {});
        } else {
          // Ready in this task: a request made now still calls request_pay synchronously.
          loading = Promise.resolve(ready(source));
        }
      }
      return loading;
    },
    retry() {
      if (!store.get().error) return;
      loading = undefined;
      void runtime.load();
    },
    configure(next) {
      Object.assign(options, next);
      // Initialises again only when the codes changed (initOnce remembers them per SDK object).
      const { sdk } = store.get();
      if (sdk) init(sdk);
    },
  };
  // An injected SDK needs no download: an object is ready before the first render reads it,
  // a promise is awaited at once (never on the server).
  if (options.sdk && typeof window === 'object') void runtime.load();
  return runtime;
}
