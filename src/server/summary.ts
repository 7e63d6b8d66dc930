import type { Payment } from './types';

/** What the browser may see of a payment: no buyer details, no card number, no PG ids. */
export interface PaymentSummary {
  imp_uid: string;
  merchant_uid: string;
  status: string;
  amount: number;
  currency: string;
  pay_method: string;
  /** Made on a test channel (no money moved). */
  sandbox: boolean;
  name: string | null;
  paid_at: number;
  card_name: string | null;
  receipt_url: string | null;
  fail_reason: string | null;
  /** Virtual account to pay into, when `pay_method` is `vbank`. */
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  vbank_date: number | null;
}

/**
 * Picks the fields a payment page may show.
 *
 * @example
 * return Response.json({ payment: summarizePayment(await iamport.getPayment(impUid)) })
 */
export function summarizePayment(payment: Payment): PaymentSummary {
  const orNull = <T>(value: T | undefined) => value ?? null;
  return {
    imp_uid: payment.imp_uid,
    merchant_uid: payment.merchant_uid,
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency ?? 'KRW',
    sandbox: payment.sandbox === true,
    pay_method: payment.pay_method ?? 'card',
    name: orNull(payment.name),
    paid_at: payment.paid_at ?? 0,
    card_name: orNull(payment.card_name),
    receipt_url: orNull(payment.receipt_url),
    fail_reason: orNull(payment.fail_reason),
    vbank_name: orNull(payment.vbank_name),
    vbank_num: orNull(payment.vbank_num),
    vbank_holder: orNull(payment.vbank_holder),
    vbank_date: payment.vbank_date || null,
  };
}
