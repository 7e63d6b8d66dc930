'use client';

import type { PaymentOutcome } from '../core/outcome';
import type { RequestCallbacks, RequestState } from '../core/request-controller';
import type { PaymentParams } from '../core/request-params';
import { useRequest } from './useRequest';

/**
 * What {@link usePayment} returns: the request's state (a union per `status`) and its actions.
 *
 * @example
 * const { requestPayment, isPending }: UsePaymentResult = usePayment()
 */
export type UsePaymentResult = RequestState<PaymentOutcome> & {
  /**
   * Open the payment window and forget the promise: the outcome arrives in the state and the
   * callbacks, a refusal (`INVALID_PARAMS`, `PAYMENT_IN_PROGRESS`, SDK load failure) in
   * `error` and `onError`. Never an unhandled rejection.
   */
  requestPayment(params: PaymentParams): void;
  /** The same, returning the promise: resolves with the outcome (`unknown` included), rejects with the kit's `IamportError`. */
  requestPaymentAsync(params: PaymentParams): Promise<PaymentOutcome>;
  /** End the pending request as `unknown` / `'cancelled'` (closes the SDK's window); the next click may pay at once. */
  cancel(): void;
  /** Cancel a pending request, then back to `'idle'`. */
  reset(): void;
};

/**
 * One-time payments. `requestPayment` fills `pg`, `merchant_uid` and `m_redirect_url`,
 * validates before the SDK is touched, remembers the request for the mobile landing page and
 * calls `IMP.request_pay` synchronously inside your click handler when the SDK is ready (it
 * waits for the SDK otherwise). A second call while one is pending never reaches the SDK
 * (`PAYMENT_IN_PROGRESS` to `onError`). Every request ends: when the SDK stays silent the
 * provider's `windowTimeoutMs` / `requestTimeoutMs` end it as `unknown`.
 *
 * @example
 * function PayButton() {
 *   const payment = usePayment({
 *     onSuccess: (outcome) => fetch('/api/verify', { method: 'POST', body: JSON.stringify({ impUid: outcome.impUid }) }),
 *   })
 *   return (
 *     <button disabled={payment.isPending} onClick={() => payment.requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 })}>
 *       {payment.status === 'failed' ? payment.outcome.message : 'Pay ₩1,004'}
 *     </button>
 *   )
 * }
 */
export function usePayment(options?: RequestCallbacks<PaymentOutcome>): UsePaymentResult {
  return useRequest('usePayment', 'payment', options, 'requestPayment', 'requestPaymentAsync');
}
