import { cardFieldProblems, classifyCard, type CardFields } from '../../sandbox/engine/cards';
import { SANDBOX_CHANNEL_KEY } from '../../sandbox/engine/fixtures';
import { cancelPayment, type PaymentInput } from '../../sandbox/engine/payment';
import { ApiError, ok, type Reply } from '../envelope';
import { customData, noticeUrlList, optionalBoolean, optionalInteger, optionalString, pick, requireInteger, requireString } from '../fields';
import type { Fields } from '../parse';
import { charge, notify, saveBillingKey, type World } from '../world';
import type { RestRequest } from './request';

const BUYER_FIELDS = ['buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode'] as const;
const CARD_FIELDS = ['card_number', 'expiry', 'birth', 'pwd_2digit', 'cvc'] as const;
const ORDER_FIELDS = [
  'merchant_uid',
  'amount',
  'currency',
  'tax_free',
  'vat_amount',
  'name',
  'card_quota',
  'custom_data',
  'notice_url',
  ...BUYER_FIELDS,
] as const;

export const buyer = (body: Fields) =>
  Object.fromEntries(BUYER_FIELDS.map((field) => [field, optionalString(body, field)])) as Pick<PaymentInput, (typeof BUYER_FIELDS)[number]>;

/** The sandbox channel charges KRW only. */
export function checkCurrency(body: Fields): void {
  const currency = optionalString(body, 'currency');
  if (currency !== undefined && currency !== 'KRW')
    throw new ApiError(400, -1, `currency ${JSON.stringify(currency)} is not supported by the sandbox JTNet channel; send KRW or leave it out.`);
}

/** `channel_key` when given (or when `required`): it must be the sandbox channel's. */
export function checkChannelKey(body: Fields, required: boolean): void {
  const key = optionalString(body, 'channel_key');
  if (key === undefined && !required) return;
  if (key === undefined) {
    throw new ApiError(
      400,
      -1,
      `channel_key 파라미터가 누락되었습니다. (channel_key is required since 2026-05-20; the sandbox channel's key is ${SANDBOX_CHANNEL_KEY})`,
    );
  }
  if (key !== SANDBOX_CHANNEL_KEY)
    throw new ApiError(400, -1, `channel_key ${JSON.stringify(key)} is not a channel of this merchant; the sandbox channel's key is ${SANDBOX_CHANNEL_KEY}.`);
}

/** Key-in card fields, checked like the real API: 400 naming each bad one. */
export function checkCard(body: Fields): string {
  const fields: CardFields = {
    card_number: requireString(body, 'card_number'),
    expiry: requireString(body, 'expiry'),
    birth: requireString(body, 'birth'),
    pwd_2digit: optionalString(body, 'pwd_2digit'),
  };
  const problems = Object.values(cardFieldProblems(fields, Date.now(), false));
  if (problems.length > 0) throw new ApiError(400, -1, problems.join(' '));
  return fields.card_number as string;
}

/** The order fields shared by `again` and `onetime`. */
function order(body: Fields, form: boolean): PaymentInput {
  checkCurrency(body);
  optionalInteger(body, 'tax_free', form, 0);
  optionalInteger(body, 'vat_amount', form, 0);
  return {
    merchant_uid: requireString(body, 'merchant_uid'),
    amount: requireInteger(body, 'amount', form, 1),
    card_quota: optionalInteger(body, 'card_quota', form, 0, 36),
    ...buyer(body),
    custom_data: customData(body.custom_data),
    channel: 'api',
  };
}

/** POST /subscribe/payments/again — a decline is `code: 0` with `status: 'failed'`. */
export function again(world: World, request: RestRequest): Reply {
  const body = pick(request.body, ['customer_uid', 'channel_key', ...ORDER_FIELDS]);
  const customerUid = requireString(body, 'customer_uid');
  const input = { ...order(body, request.form), name: requireString(body, 'name') };
  const urls = noticeUrlList(body);
  checkChannelKey(body, false);
  const key = world.store.billingKeys.get(customerUid);
  if (!key) throw new ApiError(200, 1, `등록되지 않은 구매자입니다. (no billing key for customer_uid ${JSON.stringify(customerUid)}; issue one first)`);
  return ok(
    charge(
      world,
      { ...input, customer_uid: customerUid, customer_uid_usage: 'payment', card_number: key.card, card_code: key.info.card_code, pg_id: key.info.pg_id },
      urls,
    ),
  );
}

/** POST /subscribe/payments/onetime — key-in charge; with customer_uid the card is also saved as a key. */
export function onetime(world: World, request: RestRequest): Reply {
  const body = pick(request.body, ['customer_uid', 'pg', ...CARD_FIELDS, ...ORDER_FIELDS]);
  const input = { ...order(body, request.form), name: optionalString(body, 'name'), pg: optionalString(body, 'pg') };
  const cardNumber = checkCard(body);
  const customerUid = optionalString(body, 'customer_uid');
  const payment = charge(
    world,
    { ...input, card_number: cardNumber, customer_uid: customerUid, customer_uid_usage: customerUid ? 'payment' : undefined },
    noticeUrlList(body),
  );
  const verdict = classifyCard(cardNumber);
  if (customerUid && (verdict === 'approve' || verdict === 'decline')) saveBillingKey(world, customerUid, cardNumber, body, undefined, payment.pg_id);
  return ok(payment);
}

const CANCEL_FIELDS = [
  'imp_uid',
  'merchant_uid',
  'amount',
  'tax_free',
  'vat_amount',
  'checksum',
  'reason',
  'refund_holder',
  'refund_bank',
  'refund_account',
  'refund_tel',
  'enable_webhook',
] as const;

const REFUND_ACCOUNT = ['refund_holder', 'refund_bank', 'refund_account'] as const;

/** A deposited virtual account is refunded by bank transfer to the buyer: the spec requires the account (가상계좌취소 시 필수). */
function requireRefundAccount(body: Fields): void {
  const missing = REFUND_ACCOUNT.filter((field) => (optionalString(body, field) ?? '').trim() === '');
  if (missing.length === 0) return;
  throw new ApiError(
    400,
    -1,
    `가상계좌 환불은 환불계좌 정보가 필수입니다: ${missing.join(', ')} 누락. ` +
      `(a paid virtual account is refunded to the buyer's bank account: send refund_holder (account holder), refund_bank (bank code, e.g. '004') and refund_account (account number))`,
  );
}

/**
 * POST /payments/cancel — full or partial; `checksum` must equal the cancellable balance when
 * given. Sends a webhook (with `cancellation_id`) only with `enable_webhook: true`.
 */
export function cancel(world: World, request: RestRequest): Reply {
  const { form } = request;
  const body = pick(request.body, CANCEL_FIELDS);
  const impUid = optionalString(body, 'imp_uid');
  const merchantUid = optionalString(body, 'merchant_uid');
  if (!impUid && !merchantUid) throw new ApiError(400, -1, 'imp_uid 또는 merchant_uid 중 하나는 필수입니다. (send imp_uid or merchant_uid)');
  const amount = optionalInteger(body, 'amount', form, 0);
  const checksum = optionalInteger(body, 'checksum', form, 0);
  optionalInteger(body, 'tax_free', form, 0);
  optionalInteger(body, 'vat_amount', form, 0);
  const reason = optionalString(body, 'reason') ?? null;
  const webhook = optionalBoolean(body, 'enable_webhook') ?? false;
  const ofOrder = merchantUid ? world.store.paymentsOf(merchantUid) : [];
  const payment = impUid ? world.store.payment(impUid) : (ofOrder.findLast((p) => p.status === 'paid') ?? ofOrder.at(-1));
  if (!payment) throw new ApiError(200, 1, '취소할 결제건이 존재하지 않습니다.');
  if (payment.status === 'cancelled') throw new ApiError(200, 1, '이미 전액취소된 주문입니다.');
  if (payment.status !== 'paid') throw new ApiError(200, 1, `결제완료 상태가 아니어서 취소할 수 없습니다. (status is ${payment.status})`);
  if (payment.pay_method === 'vbank') requireRefundAccount(body);
  const cancellable = payment.amount - payment.cancel_amount;
  if (checksum !== undefined && checksum !== cancellable) {
    throw new ApiError(200, 1, `checksum(${checksum})이 취소 가능 잔액(${cancellable})과 일치하지 않습니다. (checksum mismatch: refused)`);
  }
  const requested = amount === undefined || amount === 0 ? cancellable : amount;
  if (requested > cancellable) throw new ApiError(200, 1, `취소 요청 금액(${requested})이 취소 가능 잔액(${cancellable})보다 큽니다.`);
  const cancellation = cancelPayment(payment, { amount: requested, reason, nowMs: Date.now(), random: world.random });
  world.store.savePayment(payment);
  if (webhook) notify(world, payment, cancellation.cancellation_id);
  return ok(payment);
}
