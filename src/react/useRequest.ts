import { useMemo, useRef, useSyncExternalStore } from 'react';
import { getRequestController, type RequestCallbacks } from '../core/request-controller';
import type { RequestKind, RequestKinds } from '../core/request-params';
import { useIamportContext } from './context';

/**
 * @internal The React side of a request controller (like TanStack's `useMutation` over its
 * `MutationObserver`): subscribes to the provider's controller of this kind with
 * `useSyncExternalStore` (subscribing asks for the SDK), and passes the latest callbacks
 * to each request. It holds no request logic. Returns the state with `cancel`, `reset`, the
 * fire-and-forget action under `fire` and the promise-returning one under `run`.
 *
 * @example
 * return useRequest('usePayment', 'payment', options, 'requestPayment', 'requestPaymentAsync')
 */
export function useRequest<K extends RequestKind, R>(
  hook: string,
  kind: K,
  callbacks: RequestCallbacks<RequestKinds[K]['outcome']> | undefined,
  fire: string,
  run: string,
): R {
  const { runtime } = useIamportContext(hook);
  const controller = getRequestController(runtime, kind);
  const latest = useRef(callbacks);
  // The latest render's callbacks, read when a request ends (written here, not in an effect).
  latest.current = callbacks;
  const { subscribe, ...actions } = useMemo((): { subscribe(listener: () => void): () => void } & Record<string, (params: never) => unknown> => {
    const callbacks = () => latest.current;
    return {
      // Subscribing (after the commit, never on the server) is also when the SDK is asked for.
      subscribe: (listener: () => void) => (runtime.load(), controller.subscribe(listener)),
      [fire]: (params: RequestKinds[K]['params']) => controller.request(params, callbacks),
      [run]: (params: RequestKinds[K]['params']) => controller.requestAsync(params, callbacks),
      cancel: controller.cancel,
      reset: controller.reset,
    };
  }, [runtime, controller, fire, run]);
  const state = useSyncExternalStore(subscribe, controller.getSnapshot, controller.getSnapshot);
  return { ...state, ...actions } as R;
}
