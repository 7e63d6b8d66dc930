import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { getRequestController, type RequestCallbacks } from '../core/request-controller';
import type { RequestKind, RequestKinds } from '../core/request-params';
import { useLatestRef } from '../utils/use-latest-ref';
import { useIamportContext } from './context';

/**
 * @internal The React side of a request controller (like TanStack's `useMutation` over its
 * `MutationObserver`): subscribes to the provider's controller of this kind with
 * `useSyncExternalStore`, asks for the SDK after the commit, and passes the latest callbacks
 * to each request. It holds no request logic. Returns the state with `cancel`, `reset`, the
 * fire-and-forget action under `fire` and the promise-returning one under `run`.
 *
 * @example
 * return useRequest('usePayment', 'payment', options, 'requestPayment', 'requestPaymentAsync')
 */
export function useRequest<K extends RequestKind, R>(hook: string, kind: K, callbacks: RequestCallbacks<RequestKinds[K]['outcome']> | undefined, fire: string, run: string): R {
  const { runtime } = useIamportContext(hook);
  const controller = getRequestController(runtime, kind);
  const latest = useLatestRef(callbacks);
  useEffect(() => void runtime.load(), [runtime]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  const actions = useMemo(() => {
    const callbacks = () => latest.current;
    return {
      [fire]: (params: RequestKinds[K]['params']) => controller.request(params, callbacks),
      [run]: (params: RequestKinds[K]['params']) => controller.requestAsync(params, callbacks),
      cancel: controller.cancel,
      reset: controller.reset,
    };
  }, [controller]);
  return { ...state, ...actions } as R;
}
