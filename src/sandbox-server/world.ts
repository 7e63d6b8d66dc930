import { cardName, DEFAULT_CARD_CODE, maskCardNumber, normaliseCardNumber } from '../sandbox/engine/cards';
import { SANDBOX_PG_ID } from '../sandbox/engine/fixtures';
import { DUPLICATE_MESSAGE } from '../sandbox/engine/messages';
import { createPayment, type PaymentInput, type SandboxPayment } from '../sandbox/engine/payment';
import type { Random } from '../sandbox/engine/random';
import { ApiError } from './envelope';
import type { Fields } from './parse';
import type { BillingKey, Store } from './store';
import type { Tokens } from './tokens';
import type { Webhooks } from './webhooks';

/** Everything a handler needs. */
export interface World {
  store: Store;
  tokens: Tokens;
  webhooks: Webhooks;
  random: Random;
  impKey: string;
  impSecret: string;
  merchantName: string | undefined;
  /** The console's webhook URL(s): where a payment without `notice_url` notifies. */
  defaultNoticeUrls: readonly string[];
  /** The fault list `/v1/iamport.js` is served with (`--fault`). */
  faults?: string;
  /** Filled in once the server listens. */
  url: string;
  stats: { tokenRequests: number; requests: number };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** How a payment of a prepared merchant_uid with another amount is refused (the real text is not documented). */
export function preparedMismatchMessage(merchantUid: string, prepared: number, requested: number): string {
  return `사전등록된 결제금액(${prepared})과 요청 금액(${requested})이 일치하지 않습니다. (merchant_uid ${merchantUid} was prepared with POST /payments/prepare for amount ${prepared}; change it with PUT /payments/prepare or pay that amount)`;
}

/**
 * Record one payment through the shared engine. Refused with `code: 1`: another amount than
 * the one prepared for its merchant_uid, or a merchant_uid already paid (the F1002 message).
 * Paid and issued-vbank payments fire their webhook.
 */
export function charge(world: World, input: PaymentInput, noticeUrls: readonly string[] = []): SandboxPayment {
  const prepared = world.store.prepared.get(input.merchant_uid);
  if (prepared && prepared.amount !== input.amount) throw new ApiError(200, 1, preparedMismatchMessage(input.merchant_uid, prepared.amount, input.amount));
  if (world.store.paidPayment(input.merchant_uid)) throw new ApiError(200, 1, DUPLICATE_MESSAGE);
  let payment: SandboxPayment;
  do payment = createPayment(input, { random: world.random, nowMs: Date.now(), receiptBase: `${world.url}/__sandbox/receipts/` });
  while (world.store.hasPayment(payment.imp_uid));
  world.store.addPayment(payment, noticeUrls.length > 0 ? [...noticeUrls] : [...world.defaultNoticeUrls]);
  if (payment.status !== 'failed') notify(world, payment);
  return payment;
}

/** Send a payment's webhook to the URLs it was made with (paid, vbank issued, scheduled attempts, cancels with `enable_webhook`). */
export function notify(world: World, payment: SandboxPayment, cancellationId?: string): void {
  world.webhooks.send(world.store.noticeUrlsOf(payment.imp_uid), {
    imp_uid: payment.imp_uid,
    merchant_uid: payment.merchant_uid,
    status: payment.status,
    ...(cancellationId ? { cancellation_id: cancellationId } : {}),
  });
}

/** Store (or replace) a billing key for a test card, on the channel `pgId`. */
export function saveBillingKey(
  world: World,
  customerUid: string,
  cardNumber: string,
  details: Fields = Object.create(null) as Fields,
  cardCode = DEFAULT_CARD_CODE,
  pgId = SANDBOX_PG_ID,
): BillingKey {
  const now = nowSeconds();
  const previous = world.store.billingKeys.get(customerUid);
  const text = (field: string) => (typeof details[field] === 'string' && details[field] !== '' ? details[field] : null);
  const key: BillingKey = {
    card: normaliseCardNumber(cardNumber) ?? cardNumber,
    info: {
      customer_uid: customerUid,
      pg_provider: 'jtnet',
      pg_id: pgId,
      sandbox: true,
      customer_id: text('customer_id'),
      card_name: cardName(cardCode),
      card_code: cardCode,
      card_number: maskCardNumber(cardNumber),
      card_type: 0,
      card_issuer_code: null,
      card_issuer_name: null,
      card_publisher_code: null,
      card_publisher_name: null,
      customer_name: text('customer_name'),
      customer_tel: text('customer_tel'),
      customer_email: text('customer_email'),
      customer_addr: text('customer_addr'),
      customer_postcode: text('customer_postcode'),
      inserted: previous?.info.inserted ?? now,
      updated: now,
    },
  };
  world.store.saveBillingKey(key);
  return key;
}
