import type { IamportMode } from './transport';
import type { Payment, PreparedPayment } from './types';

/** Why a payment is not the merchant's money (yet). */
export type VerificationFailure =
  /** No payment with that imp_uid (or none for the order). */
  | 'not_found'
  /** The payment belongs to another order. */
  | 'merchant_uid_mismatch'
  /** Not paid: failed, or a window still open (`ready` other than a virtual account). */
  | 'not_paid'
  /** Fully refunded. */
  | 'cancelled'
  /** Paid, then partly refunded (`cancel_amount > 0`): the order's amount is no longer held. */
  | 'partially_refunded'
  /** Paid (or a virtual account issued) for another amount than the order's: forgery. Refund it. */
  | 'amount_mismatch'
  /** A test-channel payment (`sandbox: true`) seen by a live-mode client: no money moved. */
  | 'sandbox_payment'
  /** `checkPrepared` is on but no amount was pre-registered for the order. */
  | 'not_prepared'
  /** The amount pre-registered at i'mport is not the order's amount. */
  | 'prepared_amount_mismatch';

/**
 * What verification concludes. Only `status: 'paid'` is money received; `awaiting_deposit` is
 * a virtual account issued for the right amount (ship nothing yet); anything else is
 * `not_verified` with a `reason` and a `message` for your logs.
 */
export type VerificationResult =
  | { status: 'paid'; payment: Payment }
  | { status: 'awaiting_deposit'; payment: Payment }
  | { status: 'not_verified'; reason: Exclude<VerificationFailure, 'not_found'>; message: string; payment: Payment }
  | { status: 'not_verified'; reason: 'not_found'; message: string; payment: null };

/** The order as the merchant's own server recorded it. */
export interface ExpectedPayment {
  /** The order's amount from your database, never from the browser. */
  amount: number;
  /** The order id you expect the payment to belong to. */
  merchantUid?: string;
  /** `live` (default) refuses `sandbox: true` payments. */
  mode?: IamportMode;
  /**
   * The order's pre-registered amount (`getPreparedPayment`), when you check it: `null` = none
   * was registered (`not_prepared`). Leave undefined to skip the check.
   */
  prepared?: PreparedPayment | null;
}

const refuse = (reason: Exclude<VerificationFailure, 'not_found'>, payment: Payment, message: string): VerificationResult => ({
  status: 'not_verified',
  reason,
  message,
  payment,
});

/** The "payment not found" result, for callers that looked a payment up and got nothing. */
export const notFound = (what: string): VerificationResult => ({
  status: 'not_verified',
  reason: 'not_found',
  message: `No payment found for ${what}.`,
  payment: null,
});

/**
 * The verification rule on an already fetched payment: it belongs to the order, it is a live
 * payment (in live mode), it is `paid` in full with nothing refunded (or a virtual account
 * issued: `awaiting_deposit`) and its amount is the order's (a different amount is forgery).
 *
 * @example
 * import { checkPayment, type Payment } from 'react-iamport-jtnet/server'
 *
 * declare const payment: Payment
 * const result = checkPayment(payment, { amount: 1000, merchantUid: 'order_1', mode: 'live' })
 * if (result.status === 'paid') console.log('ship it')
 * else if (result.status === 'not_verified') console.warn(result.reason, result.message)
 */
export function checkPayment(payment: Payment, expected: ExpectedPayment): VerificationResult {
  const { amount, merchantUid, mode = 'live', prepared } = expected;
  if (merchantUid !== undefined && payment.merchant_uid !== merchantUid) {
    return refuse('merchant_uid_mismatch', payment, `Payment ${payment.imp_uid} belongs to order ${payment.merchant_uid}, not ${merchantUid}.`);
  }
  if (mode === 'live' && payment.sandbox === true) {
    return refuse(
      'sandbox_payment',
      payment,
      `Payment ${payment.imp_uid} was made on a test channel (sandbox: true): no money moved. A live-mode client never counts it.`,
    );
  }
  const awaitingDeposit = payment.status === 'ready' && payment.pay_method === 'vbank';
  if (payment.status === 'cancelled') return refuse('cancelled', payment, `Payment ${payment.imp_uid} was refunded in full.`);
  if (payment.status !== 'paid' && !awaitingDeposit) return refuse('not_paid', payment, `Payment ${payment.imp_uid} is '${payment.status}', not paid.`);
  if (payment.amount !== amount) {
    return refuse(
      'amount_mismatch',
      payment,
      `Payment ${payment.imp_uid} is for ${payment.amount}, the order for ${amount}: the amount was changed. Refund it.`,
    );
  }
  if (payment.cancel_amount > 0) {
    return refuse('partially_refunded', payment, `Payment ${payment.imp_uid} had ${payment.cancel_amount} of ${payment.amount} refunded.`);
  }
  if (prepared === null)
    return refuse(
      'not_prepared',
      payment,
      `Payment ${payment.imp_uid}: no amount was pre-registered for order ${payment.merchant_uid} (POST /payments/prepare).`,
    );
  if (prepared && prepared.amount !== amount) {
    return refuse(
      'prepared_amount_mismatch',
      payment,
      `Payment ${payment.imp_uid}: order ${payment.merchant_uid} was pre-registered for ${prepared.amount}, not the order's ${amount}.`,
    );
  }
  return awaitingDeposit ? { status: 'awaiting_deposit', payment } : { status: 'paid', payment };
}
