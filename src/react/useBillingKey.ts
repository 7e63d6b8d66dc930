'use client';

import type { PaymentOutcome } from '../core/outcome';
import type { BillingKeyRequestParams } from '../core/types';
import { useRequestMachine, type RequestCallbacks, type RequestState } from './useRequestMachine';

/**
 * Billing-key window parameters: `customer_uid` required; `amount` defaults to 0 (key only); card only.
 *
 * @example
 * const params: BillingKeyParams = { customer_uid: 'user_42', name: '월간 구독' }
 */
export type BillingKeyParams = Omit<BillingKeyRequestParams, 'merchant_uid' | 'amount' | 'pay_method'> & {
  merchant_uid?: string;
  /** 0 (default) issues the key only; more also charges the first payment. */
  amount?: number;
  pay_method?: 'card';
};

/**
 * A billing-key outcome: the window's outcome plus the `customer_uid` the key is stored under.
 *
 * @example
 * const outcome: BillingKeyOutcome = await issueBillingKey({ customer_uid: 'user_42' })
 * if (outcome.status === 'succeeded') await saveSubscription(outcome.customerUid)
 */
export type BillingKeyOutcome = PaymentOutcome & { customerUid: string };

/**
 * What {@link useBillingKey} returns.
 *
 * @example
 * const { issueBillingKey, status }: UseBillingKeyResult = useBillingKey()
 */
export interface UseBillingKeyResult extends RequestState<BillingKeyOutcome> {
  /** Open the card window that issues a billing key for `customer_uid`; same rules as `requestPayment`. */
  issueBillingKey(params: BillingKeyParams): Promise<BillingKeyOutcome>;
}

/**
 * Subscriptions: issue a billing key (빌링키) for a customer. Same machine as
 * {@link usePayment} with `pay_method: 'card'` enforced and `amount` defaulting to 0; charge
 * the key later from your server.
 *
 * @example
 * const { issueBillingKey, status } = useBillingKey({
 *   onSuccess: ({ customerUid }) => fetch('/api/subscriptions', { method: 'POST', body: customerUid }),
 * })
 * <button onClick={() => issueBillingKey({ customer_uid: 'user_42', name: 'Monthly plan' }).catch(() => {})}>Register card</button>
 */
export function useBillingKey(options?: RequestCallbacks<BillingKeyOutcome>): UseBillingKeyResult {
  const { start, ...state } = useRequestMachine<BillingKeyOutcome>('useBillingKey', 'billing', options);
  // pay_method 'card' and amount 0 are filled by the request runtime for kind 'billing'.
  return { issueBillingKey: start as UseBillingKeyResult['issueBillingKey'], ...state };
}
