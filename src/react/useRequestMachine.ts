import { useCallback, useRef, useState } from 'react';
import { IamportError } from '../core/errors';
import { DEV } from '../utils/dev';
import type { PaymentCancelled, PaymentFailed, PaymentOutcome, PaymentSucceeded } from '../core/outcome';
import type { RememberedRequest } from '../core/remembered-request';
import type { RequestPayParams } from '../core/types';
import { useLatestRef } from '../utils/use-latest-ref';
import { useIamportContext, type ReadyRuntime } from './context';

/**
 * Where a payment / billing-key request is. `'error'` = the kit refused or the SDK failed; no window result.
 *
 * @example
 * const { status } = usePayment()
 * const label = status === 'pending' ? '결제 중…' : '결제하기'
 */
export type RequestStatus = 'idle' | 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'error';

/**
 * Callbacks of {@link usePayment} and {@link useBillingKey}, always read at call time (the
 * latest render's functions; no stale closures). `onCancel` falls back to `onFailure`.
 *
 * @example
 * const callbacks: RequestCallbacks = { onSuccess: (o) => verify(o.impUid), onFailure: (o) => toast(o.message) }
 * usePayment(callbacks)
 */
export interface RequestCallbacks<O extends PaymentOutcome = PaymentOutcome> {
  /** The window reported success. Not paid until your server verifies `impUid`. */
  onSuccess?(outcome: O & PaymentSucceeded): void;
  onFailure?(outcome: O & (PaymentFailed | PaymentCancelled)): void;
  onCancel?(outcome: O & PaymentCancelled): void;
  /** The kit refused the request (invalid params, SDK did not load, one already pending). */
  onError?(error: IamportError): void;
}

/**
 * The state half of the hooks' result.
 *
 * @example
 * const { status, outcome, error, isPending, reset }: RequestState = usePayment()
 */
export interface RequestState<O extends PaymentOutcome = PaymentOutcome> {
  status: RequestStatus;
  outcome: O | null;
  error: IamportError | null;
  isPending: boolean;
  /** Back to `'idle'` (does not cancel a window that is open). */
  reset(): void;
}

type Snapshot<O> = Pick<RequestState<O & PaymentOutcome>, 'status' | 'outcome' | 'error'>;
const IDLE: Snapshot<never> = { status: 'idle', outcome: null, error: null };

/**
 * @internal The one request machine behind usePayment and useBillingKey: fill defaults,
 * validate, remember, call `IMP.request_pay` in the same task when the SDK is ready, refuse
 * a second request while one is pending, and never set state after unmount.
 *
 * @example
 * const { start, ...state } = useRequestMachine('usePayment', 'payment', options)
 */
export function useRequestMachine<O extends PaymentOutcome>(
  hook: string,
  kind: RememberedRequest['kind'],
  callbacks: RequestCallbacks<O> | undefined,
) {
  const { result, getSdk } = useIamportContext(hook);
  const [state, setSnapshot] = useState<Snapshot<O>>(IDLE);
  const latest = useLatestRef({ result, callbacks });
  // A ref, not state: twenty clicks in one tick all see the first one's flag.
  const inFlight = useRef(false);
  // React ≥ 18 discards updates after unmount, so a late outcome never re-renders a gone component.
  const update = setSnapshot;

  const start = useCallback((input: Partial<RequestPayParams>): Promise<O> => {
    // Everything that rejects here is already an IamportError (validation, SDK load, request_pay).
    const fail = (error: IamportError): IamportError => {
      // A refused duplicate leaves the pending request (and its state) in charge.
      if (error.code !== 'PAYMENT_IN_PROGRESS') {
        inFlight.current = false;
        update({ status: 'error', outcome: null, error });
      }
      latest.current.callbacks?.onError?.(error);
      return error;
    };
    try {
      if (inFlight.current) {
        throw new IamportError('PAYMENT_IN_PROGRESS', `${hook}: a payment window is already open.${DEV ? ' Wait for its outcome before starting another.' : ''}`);
      }
      inFlight.current = true;
      update({ status: 'pending', outcome: null, error: null });
      const settings = latest.current.result;
      const go = ({ sdk, start: run }: ReadyRuntime) => run(sdk, input, kind, settings);
      const ready = getSdk();
      // Ready: request_pay runs now, inside the caller's event handler (popup blockers).
      // Validation throws before the SDK is touched, in both branches.
      const pending = ready instanceof Promise ? ready.then(go) : go(ready);
      return pending.then(
        (outcome) => {
          const done = (kind === 'billing' ? { ...outcome, customerUid: input.customer_uid } : outcome) as O;
          inFlight.current = false;
          update({ status: done.status, outcome: done, error: null });
          const on = latest.current.callbacks;
          const handler = done.status === 'succeeded' ? on?.onSuccess : done.status === 'cancelled' ? (on?.onCancel ?? on?.onFailure) : on?.onFailure;
          (handler as ((outcome: O) => void) | undefined)?.(done);
          return done;
        },
        (cause: IamportError) => {
          throw fail(cause);
        },
      );
    } catch (cause) {
      return Promise.reject(fail(cause as IamportError));
    }
  }, []);

  const reset = useCallback(() => update(IDLE), []);
  return { start, ...state, isPending: state.status === 'pending', reset };
}
