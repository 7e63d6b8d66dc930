import { createMerchantUid } from '../core/merchant-uid';
import type { PaymentOutcome } from '../core/outcome';
import { rememberRequest, type RememberedRequest } from '../core/remembered-request';
import { requestPay } from '../core/request-pay';
import type { Iamport, RequestPayParams } from '../core/types';
import { validateBillingKeyRequest, validatePaymentRequest } from '../core/validation/validate';

export { initOnce } from './init-once';

/** Provider defaults a request is filled from. */
export interface RequestDefaults {
  pg?: string;
  redirectUrl?: string;
}

/**
 * @internal The part of a payment that is only needed once the SDK is there. The provider
 * loads this module lazily, in parallel with the SDK script, so it never weighs on the first
 * render; `ready` means both have arrived, and then this runs synchronously in the click.
 *
 * Fills `pg`, `merchant_uid` and `m_redirect_url`, validates (throws before the SDK is
 * touched), remembers the request for the mobile landing, then calls `IMP.request_pay`.
 *
 * @example
 * const outcome = await startRequest(sdk, { pay_method: 'card', amount: 1004 }, 'payment', { pg: 'jtnet' })
 */
export function startRequest(sdk: Iamport, input: Partial<RequestPayParams>, kind: RememberedRequest['kind'], defaults: RequestDefaults): Promise<PaymentOutcome> {
  const params = { ...input } as RequestPayParams;
  if (kind === 'billing') {
    // Billing keys are card-only; amount 0 issues the key without charging.
    params.pay_method = 'card';
    params.amount ??= 0;
  }
  if (!params.pg && !params.channelKey && defaults.pg) params.pg = defaults.pg;
  params.merchant_uid ||= createMerchantUid();
  if (!params.m_redirect_url && defaults.redirectUrl) params.m_redirect_url = defaults.redirectUrl;
  (kind === 'billing' ? validateBillingKeyRequest : validatePaymentRequest)(params);
  rememberRequest({ merchantUid: params.merchant_uid, kind, amount: params.amount, startedAt: Date.now(), customerUid: params.customer_uid });
  return requestPay(sdk, params);
}
