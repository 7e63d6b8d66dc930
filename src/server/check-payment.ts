import type { Payment } from './types';

/** Why a payment is not (yet) the merchant's money. */
export type VerificationFailure = 'amount_mismatch' | 'not_paid' | 'not_found' | 'merchant_uid_mismatch';

/** What `verifyPayment` / `checkPayment` conclude. `status: 'ready'` is an issued virtual account awaiting deposit. */
export type VerifyPaymentResult =
  | { ok: true; status: 'paid' | 'ready'; payment: Payment }
  | { ok: false; reason: Exclude<VerificationFailure, 'not_found'>; payment: Payment }
  | { ok: false; reason: 'not_found'; payment: null };

/** The order as the merchant's own server recorded it. */
export interface ExpectedPayment {
  /** The order's amount from your database, never from the browser. */
  amount: number;
  /** The order id you expect the payment to belong to. */
  merchantUid?: string;
}

/**
 * The verification rule on an already fetched payment: it belongs to the order, it is `paid`
 * (or `ready` for a virtual account) and its amount is the order's amount; anything else is
 * not the merchant's money (a different amount is forgery).
 *
 * @example
 * const result = checkPayment(await iamport.getPayment(impUid), { amount: order.amount, merchantUid: order.id })
 * if (!result.ok) console.warn('payment rejected:', result.reason)
 */
export function checkPayment(payment: Payment, expected: ExpectedPayment): VerifyPaymentResult {
  if (expected.merchantUid !== undefined && payment.merchant_uid !== expected.merchantUid) {
    return { ok: false, reason: 'merchant_uid_mismatch', payment };
  }
  const status = payment.status === 'paid' ? 'paid' : payment.status === 'ready' && payment.pay_method === 'vbank' ? 'ready' : null;
  if (!status) return { ok: false, reason: 'not_paid', payment };
  if (payment.amount !== expected.amount) return { ok: false, reason: 'amount_mismatch', payment };
  return { ok: true, status, payment };
}
