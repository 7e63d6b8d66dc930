'use client';

import type { RequestCallbacks, RequestState } from '../core/request-controller';
import type { BillingKeyOutcome, BillingKeyParams } from '../core/request-params';
import { useRequest } from './useRequest';

/**
 * What {@link useBillingKey} returns: the request's state (a union per `status`) and its actions.
 *
 * @example
 * const { issueBillingKey, status }: UseBillingKeyResult = useBillingKey()
 */
export type UseBillingKeyResult = RequestState<BillingKeyOutcome> & {
  /** Open the card window that issues a billing key for `customer_uid`, fire-and-forget; same rules as `requestPayment`. */
  issueBillingKey(params: BillingKeyParams): void;
  /** The same, returning the promise of the outcome (rejects with the kit's `IamportError`). */
  issueBillingKeyAsync(params: BillingKeyParams): Promise<BillingKeyOutcome>;
  cancel(): void;
  reset(): void;
};

/**
 * Subscriptions: issue a billing key (빌링키) for a customer. The same request controller as
 * {@link usePayment} with `pay_method: 'card'` enforced and `amount` defaulting to 0; charge
 * the key later from your server. Every outcome carries `customerUid`.
 *
 * @example
 * const { issueBillingKey, isPending } = useBillingKey({
 *   onSuccess: ({ customerUid }) => fetch('/api/subscriptions', { method: 'POST', body: customerUid }),
 * })
 * <button disabled={isPending} onClick={() => issueBillingKey({ customer_uid: 'user_42', name: 'Monthly plan' })}>Register card</button>
 */
export function useBillingKey(options?: RequestCallbacks<BillingKeyOutcome>): UseBillingKeyResult {
  return useRequest('useBillingKey', 'billing', options, 'issueBillingKey', 'issueBillingKeyAsync');
}
