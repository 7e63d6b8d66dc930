import { mintMerchantUid } from './merchant-uid';
import type { PaymentOutcome } from './outcome';
import type { RememberedRequest } from './remembered-request';
import type { BillingKeyRequestParams, RequestPayParams } from './types';
import { runRules } from './validation/validate';

/** `'payment'` (one-time, `usePayment`) or `'billing'` (billing key, `useBillingKey`). */
export type RequestKind = RememberedRequest['kind'];

/**
 * `request_pay` parameters of a payment; `pg`, `merchant_uid` and `m_redirect_url` default from the provider / a fresh id.
 *
 * @example
 * const params: PaymentParams = { pay_method: 'card', name: '원두 1kg', amount: 1004 }
 */
export type PaymentParams = Omit<RequestPayParams, 'merchant_uid' | 'customer_uid'> & { merchant_uid?: string };

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
 * A billing-key outcome: the request's outcome plus the `customer_uid` the key is stored under.
 *
 * @example
 * const outcome: BillingKeyOutcome = await issueBillingKeyAsync({ customer_uid: 'user_42' })
 * if (outcome.status === 'succeeded') await saveSubscription(outcome.customerUid)
 */
export type BillingKeyOutcome = PaymentOutcome & { customerUid: string };

/** What each request kind takes and ends with. */
export interface RequestKinds {
  payment: { params: PaymentParams; outcome: PaymentOutcome };
  billing: { params: BillingKeyParams; outcome: BillingKeyOutcome };
}

/** Request defaults from the provider / runtime. */
export interface RequestDefaults {
  pg?: string;
  redirectUrl?: string;
}

/**
 * @internal Fill `pg`, `merchant_uid` and `m_redirect_url` (the caller's own values win),
 * force `pay_method: 'card'` and default `amount` 0 for billing keys, and validate (throws
 * `IamportError('INVALID_PARAMS')`). The controller remembers the request afterwards.
 *
 * @example
 * const params = prepareRequest({ pay_method: 'card', amount: 1004 }, 'payment', { pg: 'jtnet' })
 */
export function prepareRequest(input: Partial<RequestPayParams>, kind: RequestKind, defaults: RequestDefaults): RequestPayParams {
  const params = { ...input } as RequestPayParams;
  if (kind === 'billing') {
    params.pay_method = 'card';
    params.amount ??= 0;
  }
  if (!params.pg && !params.channelKey && defaults.pg) params.pg = defaults.pg;
  params.merchant_uid ||= mintMerchantUid('order_');
  if (!params.m_redirect_url && defaults.redirectUrl) params.m_redirect_url = defaults.redirectUrl;
  runRules(params, kind === 'billing');
  return params;
}
