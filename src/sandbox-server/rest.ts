import { cardFieldProblems, classifyCard, DEFAULT_CARD_CODE, type CardFields } from '../sandbox/engine/cards';
import { INVALID_CARD_MESSAGE, NETWORK_MESSAGE } from '../sandbox/engine/messages';
import type { PaymentInput, SandboxPayment } from '../sandbox/engine/payment';
import { optionalString, requireInteger, requireString, stringList } from './fields';
import { ApiError, ok, type Reply } from './http';
import type { Schedule } from './store';
import { charge, notify, nowSeconds, saveBillingKey, type World } from './world';

type Body = Record<string, unknown>;
export interface RestRequest {
  body: Body;
  form: boolean;
  query: URLSearchParams;
}

const NOT_FOUND_PAYMENT = '존재하지 않는 결제정보입니다.';
const BUYER_FIELDS = ['buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode'] as const;

const buyer = (body: Body) => Object.fromEntries(BUYER_FIELDS.map((field) => [field, optionalString(body, field)]));

function checkCard(body: Body): string {
  const fields: CardFields = { card_number: requireString(body, 'card_number'), expiry: requireString(body, 'expiry'), birth: requireString(body, 'birth'), pwd_2digit: body.pwd_2digit };
  const problems = Object.entries(cardFieldProblems(fields, Date.now(), false));
  if (problems.length > 0) throw new ApiError(400, -1, problems.map(([, message]) => message).join(' '));
  return fields.card_number as string;
}

function billingKey(world: World, customerUid: string) {
  const key = world.store.billingKeys.get(customerUid);
  if (!key) throw new ApiError(200, 1, `등록되지 않은 구매자입니다. (no billing key for customer_uid ${JSON.stringify(customerUid)}; issue one first)`);
  return key;
}

/** GET /payments/{imp_uid} */
export function getPayment(world: World, impUid: string): Reply {
  const payment = world.store.payments.get(impUid);
  if (!payment) throw new ApiError(404, -1, NOT_FOUND_PAYMENT);
  return ok(payment);
}

/** GET /payments/find/{merchant_uid} */
export function findPayment(world: World, merchantUid: string): Reply {
  const payment = world.store.byMerchantUid(merchantUid);
  if (!payment) throw new ApiError(404, -1, NOT_FOUND_PAYMENT);
  return ok(payment);
}

/** POST /subscribe/payments/again — a decline is `code: 0` with `status: 'failed'`. */
export function again(world: World, { body, form }: RestRequest): Reply {
  const customerUid = requireString(body, 'customer_uid');
  const input: PaymentInput = {
    merchant_uid: requireString(body, 'merchant_uid'),
    amount: requireInteger(body, 'amount', form, 1),
    name: requireString(body, 'name'),
    ...buyer(body),
    custom_data: body.custom_data,
    customer_uid: customerUid,
    customer_uid_usage: 'payment',
  };
  const key = billingKey(world, customerUid);
  return ok(charge(world, { ...input, card_number: key.card, card_code: key.info.card_code }, body.notice_url));
}

/** POST /subscribe/payments/onetime — key-in charge; with customer_uid the card is also saved. */
export function onetime(world: World, { body, form }: RestRequest): Reply {
  const merchantUid = requireString(body, 'merchant_uid');
  const amount = requireInteger(body, 'amount', form, 1);
  const cardNumber = checkCard(body);
  const customerUid = optionalString(body, 'customer_uid');
  const payment = charge(
    world,
    { merchant_uid: merchantUid, amount, name: optionalString(body, 'name'), pg: optionalString(body, 'pg'), ...buyer(body), custom_data: body.custom_data, card_number: cardNumber, customer_uid: customerUid, customer_uid_usage: customerUid ? 'payment' : undefined },
    body.notice_url,
  );
  const verdict = classifyCard(cardNumber);
  if (customerUid && (verdict === 'approve' || verdict === 'decline')) saveBillingKey(world, customerUid, cardNumber);
  return ok(payment);
}

/** POST /subscribe/customers/{customer_uid} — the network card and unknown cards are refused. */
export function issueKey(world: World, customerUid: string, { body }: RestRequest): Reply {
  const cardNumber = checkCard(body);
  const verdict = classifyCard(cardNumber);
  if (verdict === 'network') throw new ApiError(200, -1, NETWORK_MESSAGE);
  if (verdict === 'invalid') throw new ApiError(200, -1, INVALID_CARD_MESSAGE);
  return ok(saveBillingKey(world, customerUid, cardNumber, body, DEFAULT_CARD_CODE).info);
}

/** GET /subscribe/customers/{customer_uid} */
export function readKey(world: World, customerUid: string): Reply {
  const key = world.store.billingKeys.get(customerUid);
  if (!key) throw new ApiError(404, -1, `등록되지 않은 구매자입니다. (no billing key for customer_uid ${JSON.stringify(customerUid)})`);
  return ok(key.info);
}

/** DELETE /subscribe/customers/{customer_uid} */
export function deleteKey(world: World, customerUid: string): Reply {
  const reply = readKey(world, customerUid);
  world.store.billingKeys.delete(customerUid);
  world.store.save();
  return reply;
}

/** POST /subscribe/payments/schedule */
export function schedule(world: World, { body, form }: RestRequest): Reply {
  const customerUid = requireString(body, 'customer_uid');
  const list = Array.isArray(body.schedules) ? (body.schedules as unknown[]) : [];
  if (list.length === 0) throw new ApiError(400, -1, 'schedules 파라미터가 누락되었습니다. (schedules must be a non-empty array of {merchant_uid, schedule_at, amount, name})');
  const now = nowSeconds();
  // field errors (400) first, then business rules (code 1), like the real API
  const created: Schedule[] = list.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw new ApiError(400, -1, `schedules[${index}] must be an object.`);
    const entry = item as Body;
    const text = (field: string) => optionalString(entry, field) ?? null;
    return {
      customer_uid: customerUid,
      merchant_uid: requireString(entry, 'merchant_uid'),
      imp_uid: null,
      schedule_at: requireInteger(entry, 'schedule_at', form, 0),
      executed_at: 0,
      revoked_at: 0,
      amount: requireInteger(entry, 'amount', form, 1),
      name: text('name'),
      buyer_name: text('buyer_name'),
      buyer_email: text('buyer_email'),
      buyer_tel: text('buyer_tel'),
      buyer_addr: text('buyer_addr'),
      buyer_postcode: text('buyer_postcode'),
      custom_data: entry.custom_data === undefined ? null : typeof entry.custom_data === 'string' ? entry.custom_data : JSON.stringify(entry.custom_data),
      notice_url: text('notice_url') ?? optionalString(body, 'notice_url') ?? null,
      schedule_status: 'scheduled',
      payment_status: null,
      fail_reason: null,
    };
  });
  billingKey(world, customerUid);
  const taken = new Set(world.store.schedules.filter((s) => s.schedule_status !== 'revoked').map((s) => s.merchant_uid));
  created.forEach(({ merchant_uid: merchantUid, schedule_at: scheduleAt }, index) => {
    if (scheduleAt < now) throw new ApiError(200, 1, `schedules[${index}].schedule_at (${scheduleAt}) is in the past; use a future unix time in seconds.`);
    if (taken.has(merchantUid) || world.store.paidPayment(merchantUid)) throw new ApiError(200, 1, `이미 등록된 merchant_uid입니다: ${merchantUid}`);
    taken.add(merchantUid);
  });
  world.store.schedules.push(...created);
  world.store.save();
  return ok(created);
}

/** POST /subscribe/payments/unschedule — all of the customer's pending schedules, or the listed merchant_uids. */
export function unschedule(world: World, { body }: RestRequest): Reply {
  const customerUid = requireString(body, 'customer_uid');
  const only = stringList(body.merchant_uid, 'merchant_uid');
  const now = nowSeconds();
  const revoked = world.store.schedules.filter(
    (s) => s.customer_uid === customerUid && s.schedule_status === 'scheduled' && (!only || only.includes(s.merchant_uid)),
  );
  if (revoked.length === 0) throw new ApiError(200, 1, '취소할 예약결제 기록이 존재하지 않습니다.');
  for (const s of revoked) Object.assign(s, { schedule_status: 'revoked', revoked_at: now });
  world.store.save();
  return ok(revoked);
}

/** Execute schedules whose time has come; each attempt (paid or failed) fires its webhook. */
export function runDueSchedules(world: World): number {
  const now = nowSeconds();
  const due = world.store.schedules.filter((s) => s.schedule_status === 'scheduled' && s.schedule_at <= now);
  for (const s of due) {
    const key = world.store.billingKeys.get(s.customer_uid);
    let payment: SandboxPayment | undefined;
    try {
      payment = charge(world, {
        ...s,
        name: s.name ?? undefined,
        custom_data: s.custom_data ?? undefined,
        buyer_name: s.buyer_name ?? undefined,
        buyer_email: s.buyer_email ?? undefined,
        buyer_tel: s.buyer_tel ?? undefined,
        buyer_addr: s.buyer_addr ?? undefined,
        buyer_postcode: s.buyer_postcode ?? undefined,
        card_number: key?.card,
        card_code: key?.info.card_code,
        customer_uid_usage: 'payment.scheduled',
      }, s.notice_url);
      if (!key) payment.fail_reason = `빌링키가 삭제되었습니다. (the billing key of ${s.customer_uid} was deleted)`;
    } catch (error) {
      Object.assign(s, { schedule_status: 'executed', executed_at: now, payment_status: 'failed', fail_reason: (error as Error).message });
      continue;
    }
    Object.assign(s, { schedule_status: 'executed', executed_at: now, imp_uid: payment.imp_uid, payment_status: payment.status === 'paid' ? 'paid' : 'failed', fail_reason: payment.fail_reason });
    // charge() notifies paid payments; a scheduled attempt that failed is notified too
    if (payment.status === 'failed') notify(world, payment, s.notice_url);
  }
  if (due.length > 0) world.store.save();
  return due.length;
}

/** POST /payments/cancel — full or partial; `checksum` must equal the cancellable balance when given. */
export function cancel(world: World, { body, form }: RestRequest): Reply {
  const impUid = optionalString(body, 'imp_uid');
  const merchantUid = optionalString(body, 'merchant_uid');
  if (!impUid && !merchantUid) throw new ApiError(400, -1, 'imp_uid 또는 merchant_uid 중 하나는 필수입니다. (send imp_uid or merchant_uid)');
  const payment = impUid ? world.store.payments.get(impUid) : world.store.byMerchantUid(merchantUid!);
  if (!payment) throw new ApiError(200, 1, '취소할 결제건이 존재하지 않습니다.');
  if (payment.status === 'cancelled') throw new ApiError(200, 1, '이미 전액취소된 주문입니다.');
  if (payment.status !== 'paid') throw new ApiError(200, 1, `결제완료 상태가 아니어서 취소할 수 없습니다. (status is ${payment.status})`);
  const cancellable = payment.amount - payment.cancel_amount;
  const requested = body.amount === undefined || body.amount === '' || body.amount === 0 ? cancellable : requireInteger(body, 'amount', form, 1);
  if (body.checksum !== undefined && body.checksum !== '') {
    const checksum = requireInteger(body, 'checksum', form, 0);
    if (checksum !== cancellable) throw new ApiError(200, 1, `checksum(${checksum})이 취소 가능 잔액(${cancellable})과 일치하지 않습니다. (checksum mismatch: refused)`);
  }
  if (requested > cancellable) throw new ApiError(200, 1, `취소 요청 금액(${requested})이 취소 가능 잔액(${cancellable})보다 큽니다.`);
  const now = nowSeconds();
  const reason = optionalString(body, 'reason') ?? null;
  payment.cancel_amount += requested;
  payment.cancel_history.push({ pg_tid: payment.pg_tid, amount: requested, cancelled_at: now, reason, receipt_url: payment.receipt_url });
  payment.cancel_reason = reason;
  payment.cancelled_at = now;
  if (payment.cancel_amount === payment.amount) payment.status = 'cancelled';
  world.store.save();
  return ok(payment);
}
