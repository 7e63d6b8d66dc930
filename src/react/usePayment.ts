'use client';

import type { PaymentOutcome } from '../core/outcome';
import type { RequestPayParams } from '../core/types';
import { useRequestMachine, type RequestCallbacks, type RequestState } from './useRequestMachine';

/**
 * `request_pay` parameters; `pg`, `merchant_uid` and `m_redirect_url` default from the provider / a fresh id.
 *
 * @example
 * const params: PaymentParams = { pay_method: 'card', name: '원두 1kg', amount: 1004 }
 */
export type PaymentParams = Omit<RequestPayParams, 'merchant_uid' | 'customer_uid'> & { merchant_uid?: string };

/**
 * What {@link usePayment} returns.
 *
 * @example
 * const { requestPayment, isPending }: UsePaymentResult = usePayment()
 */
export interface UsePaymentResult extends RequestState<PaymentOutcome> {
  /**
   * Open the payment window. Resolves with the window's outcome (`succeeded` still needs
   * server verification); rejects with an `IamportError` when the kit refuses (`INVALID_PARAMS`,
   * SDK load failure, or `PAYMENT_IN_PROGRESS` while another request is open).
   */
  requestPayment(params: PaymentParams): Promise<PaymentOutcome>;
}

/**
 * One-time payments. `requestPayment` fills `pg`, `merchant_uid` and `m_redirect_url`,
 * validates before the SDK is touched, remembers the request for the mobile landing page and
 * calls `IMP.request_pay` synchronously inside your click handler when the SDK is ready (it
 * waits for the SDK otherwise). A second call while one is pending never reaches the SDK: it
 * rejects with `IamportError('PAYMENT_IN_PROGRESS')` and leaves the first request's state alone.
 *
 * @example
 * function PayButton() {
 *   const { requestPayment, isPending, outcome } = usePayment({
 *     onSuccess: (outcome) => fetch('/api/verify', { method: 'POST', body: JSON.stringify({ impUid: outcome.impUid }) }),
 *   })
 *   return (
 *     <button disabled={isPending} onClick={() => requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 }).catch(() => {})}>
 *       {outcome?.status === 'failed' ? outcome.message : 'Pay ₩1,004'}
 *     </button>
 *   )
 * }
 */
export function usePayment(options?: RequestCallbacks<PaymentOutcome>): UsePaymentResult {
  const { start, ...state } = useRequestMachine<PaymentOutcome>('usePayment', 'payment', options);
  return { requestPayment: start, ...state };
}
