import { useCallback, useRef, useState } from 'react';
import { IamportError } from '../core/errors';
import { createMerchantUid } from '../core/merchant-uid';
import type { PaymentCancelled, PaymentFailed, PaymentOutcome, PaymentSucceeded } from '../core/outcome';
import { rememberRequest, type RememberedRequest } from '../core/remembered-request';
import { requestPay } from '../core/request-pay';
import type { RequestPayParams } from '../core/types';
import { toIamportError } from '../utils/to-iamport-error';
import { useIsMounted } from '../utils/use-is-mounted';
import { useLatestRef } from '../utils/use-latest-ref';
import { useIamportContext } from './context';

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
 * const { start, ...state } = useRequestMachine('usePayment', 'payment', validatePaymentRequest, options)
 */
export function useRequestMachine<O extends PaymentOutcome>(
  hook: string,
  kind: RememberedRequest['kind'],
  validate: (params: unknown) => unknown,
  callbacks: RequestCallbacks<O> | undefined,
) {
  const { result, getSdk } = useIamportContext(hook);
  const [snapshot, setSnapshot] = useState<Snapshot<O>>(IDLE);
  const latest = useLatestRef({ result, callbacks });
  const mounted = useIsMounted();
  // A ref, not state: twenty clicks in one tick all see the first one's flag.
  const inFlight = useRef(false);
  const update = (next: Snapshot<O>) => mounted.current && setSnapshot(next);

  const start = useCallback((input: Partial<RequestPayParams>): Promise<O> => {
    const settings = latest.current.result;
    const fail = (cause: unknown): IamportError => {
      const error = toIamportError(cause, 'SDK_ERROR', `${hook}: the request failed`);
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
        throw new IamportError('PAYMENT_IN_PROGRESS', `${hook}: a payment window is already open; wait for its outcome before starting another.`);
      }
      const params = { ...input } as RequestPayParams;
      if (!params.pg && !params.channelKey && settings.pg) params.pg = settings.pg;
      if (!params.merchant_uid) params.merchant_uid = createMerchantUid();
      if (!params.m_redirect_url && settings.redirectUrl) params.m_redirect_url = settings.redirectUrl;
      validate(params);
      rememberRequest({ merchantUid: params.merchant_uid, kind, amount: params.amount, startedAt: Date.now(), customerUid: params.customer_uid });
      inFlight.current = true;
      update({ status: 'pending', outcome: null, error: null });
      const sdk = getSdk();
      // Ready: request_pay runs now, inside the caller's event handler (popup blockers).
      const pending = sdk instanceof Promise ? sdk.then((ready) => requestPay(ready, params)) : requestPay(sdk, params);
      return pending.then(
        (outcome) => {
          const done = (kind === 'billing' ? { ...outcome, customerUid: params.customer_uid } : outcome) as O;
          inFlight.current = false;
          update({ status: done.status, outcome: done, error: null });
          const on = latest.current.callbacks;
          const handler = done.status === 'succeeded' ? on?.onSuccess : done.status === 'cancelled' ? (on?.onCancel ?? on?.onFailure) : on?.onFailure;
          (handler as ((outcome: O) => void) | undefined)?.(done);
          return done;
        },
        (cause: unknown) => {
          throw fail(cause);
        },
      );
    } catch (cause) {
      return Promise.reject(fail(cause));
    }
  }, []);

  const reset = useCallback(() => update(IDLE), []);
  return { start, ...snapshot, isPending: snapshot.status === 'pending', reset };
}
