import { cardName, DEFAULT_CARD_CODE, maskCardNumber, normaliseCardNumber } from '../sandbox/engine/cards';
import { DUPLICATE_MESSAGE } from '../sandbox/engine/messages';
import { createPayment, type PaymentInput, type SandboxPayment } from '../sandbox/engine/payment';
import type { Random } from '../sandbox/engine/random';
import { ApiError } from './http';
import type { BillingKey, Store } from './store';
import type { Tokens } from './tokens';
import { noticeUrls, type Webhooks } from './webhooks';

/** Everything a handler needs. */
export interface World {
  store: Store;
  tokens: Tokens;
  webhooks: Webhooks;
  random: Random;
  impKey: string;
  impSecret: string;
  merchantName: string | undefined;
  /** The fault list `/v1/iamport.js` is served with (`--fault`). */
  faults?: string;
  /** Filled in once the server listens. */
  url: string;
  stats: { tokenRequests: number; requests: number };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Record one payment through the shared engine. A reused paid merchant_uid is refused with
 * `code: 1` and the F1002 message; paid and issued-vbank payments fire their webhook.
 */
export function charge(world: World, input: PaymentInput, noticeUrl?: unknown): SandboxPayment {
  if (world.store.paidPayment(input.merchant_uid)) throw new ApiError(200, 1, DUPLICATE_MESSAGE);
  let payment: SandboxPayment;
  do payment = createPayment(input, { random: world.random, nowMs: Date.now(), receiptBase: `${world.url}/__sandbox/receipts/` });
  while (world.store.payments.has(payment.imp_uid));
  world.store.payments.set(payment.imp_uid, payment);
  world.store.save();
  if (payment.status !== 'failed') notify(world, payment, noticeUrl);
  return payment;
}

/** Send the webhook for a payment (used for paid, vbank issued and scheduled attempts). */
export function notify(world: World, payment: SandboxPayment, noticeUrl: unknown): void {
  world.webhooks.send(noticeUrls(noticeUrl), { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: payment.status });
}

/** Store (or replace) a billing key for a test card. */
export function saveBillingKey(world: World, customerUid: string, cardNumber: string, details: Record<string, unknown> = {}, cardCode = DEFAULT_CARD_CODE): BillingKey {
  const now = nowSeconds();
  const previous = world.store.billingKeys.get(customerUid);
  const text = (field: string) => (typeof details[field] === 'string' && details[field] !== '' ? (details[field] as string) : null);
  const key: BillingKey = {
    card: normaliseCardNumber(cardNumber) ?? cardNumber,
    info: {
      customer_uid: customerUid,
      pg_provider: 'jtnet',
      pg_id: 'tpaytest1m',
      card_name: cardName(cardCode),
      card_code: cardCode,
      card_number: maskCardNumber(cardNumber),
      card_type: 0,
      customer_name: text('customer_name'),
      customer_tel: text('customer_tel'),
      customer_email: text('customer_email'),
      customer_addr: text('customer_addr'),
      customer_postcode: text('customer_postcode'),
      inserted: previous?.info.inserted ?? now,
      updated: now,
    },
  };
  world.store.billingKeys.set(customerUid, key);
  world.store.save();
  return key;
}

