import type { SandboxPayment } from '../../sandbox/engine/payment';
import { ApiError, ok, type Reply } from '../envelope';
import { customData, noticeUrlList, optionalChoice, optionalInteger, optionalString, pick, requireInteger, requireString, stringList } from '../fields';
import type { Fields } from '../parse';
import type { Schedule } from '../store';
import { charge, notify, nowSeconds, type World } from '../world';
import { buyer, checkChannelKey, checkCurrency } from './charges';
import { pageParams, paginate } from './list';
import type { RestRequest } from './request';

const ENTRY_FIELDS = [
  'merchant_uid',
  'schedule_at',
  'amount',
  'currency',
  'tax_free',
  'vat_amount',
  'name',
  'custom_data',
  'notice_url',
  'buyer_name',
  'buyer_email',
  'buyer_tel',
  'buyer_addr',
  'buyer_postcode',
  'promotion_id',
] as const;
const SCHEDULE_STATUSES = ['scheduled', 'executed', 'revoked'] as const;

const nullable = (value: string | undefined) => value ?? null;

/** POST /subscribe/payments/schedule — field errors (400) first, then business rules (code 1), like the real API. */
export function schedule(world: World, { body: raw, form }: RestRequest): Reply {
  const body = pick(raw, ['customer_uid', 'customer_id', 'channel_key', 'notice_url', 'schedules']);
  const customerUid = requireString(body, 'customer_uid');
  checkChannelKey(body, false);
  const list = body.schedules;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ApiError(400, -1, 'schedules 파라미터가 누락되었습니다. (schedules must be a non-empty list of {merchant_uid, schedule_at, amount, name})');
  }
  const defaultNotice = noticeUrlList(body);
  const entries = list.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new ApiError(400, -1, `schedules[${index}] must be an object {merchant_uid, schedule_at, amount, name}.`);
    const entry = pick(item as Fields, ENTRY_FIELDS);
    checkCurrency(entry);
    optionalInteger(entry, 'tax_free', form, 0);
    optionalInteger(entry, 'vat_amount', form, 0);
    const notices = noticeUrlList(entry);
    return {
      merchant_uid: requireString(entry, 'merchant_uid'),
      schedule_at: requireInteger(entry, 'schedule_at', form, 0),
      amount: requireInteger(entry, 'amount', form, 1),
      name: nullable(optionalString(entry, 'name')),
      ...Object.fromEntries(Object.entries(buyer(entry)).map(([field, value]) => [field, nullable(value)])),
      custom_data: nullable(customData(entry.custom_data)),
      promotion_id: nullable(optionalString(entry, 'promotion_id')),
      notice: notices.length > 0 ? notices : defaultNotice,
    };
  });
  const key = world.store.billingKeys.get(customerUid);
  if (!key) throw new ApiError(200, 1, `등록되지 않은 구매자입니다. (no billing key for customer_uid ${JSON.stringify(customerUid)}; issue one first)`);
  const now = nowSeconds();
  const taken = new Set<string>();
  entries.forEach(({ merchant_uid: merchantUid, schedule_at: scheduleAt }, index) => {
    if (scheduleAt < now) throw new ApiError(200, 1, `schedules[${index}].schedule_at (${scheduleAt}) is in the past; use a future unix time in seconds.`);
    const existing = world.store.schedule(merchantUid);
    if (taken.has(merchantUid) || (existing && existing.schedule_status !== 'revoked') || world.store.paidPayment(merchantUid)) {
      throw new ApiError(200, 1, `이미 등록된 merchant_uid입니다: ${merchantUid}`);
    }
    taken.add(merchantUid);
  });
  const created: Schedule[] = entries.map(({ notice, ...entry }) => ({
    customer_uid: customerUid,
    customer_id: optionalString(body, 'customer_id') ?? key.info.customer_id,
    imp_uid: null,
    pg_provider: key.info.pg_provider,
    pg_id: key.info.pg_id,
    executed_at: 0,
    revoked_at: 0,
    currency: 'KRW',
    ...(entry as Omit<
      Schedule,
      | 'customer_uid'
      | 'customer_id'
      | 'imp_uid'
      | 'pg_provider'
      | 'pg_id'
      | 'executed_at'
      | 'revoked_at'
      | 'currency'
      | 'notice_url'
      | 'schedule_status'
      | 'payment_status'
      | 'fail_reason'
    >),
    notice_url: notice.length === 0 ? null : notice.length === 1 ? notice[0]! : notice,
    schedule_status: 'scheduled',
    payment_status: null,
    fail_reason: null,
  }));
  world.store.addSchedules(created);
  return ok(created);
}

/** POST /subscribe/payments/unschedule — all of the customer's pending schedules, or the listed merchant_uids. */
export function unschedule(world: World, { body: raw }: RestRequest): Reply {
  const body = pick(raw, ['customer_uid', 'merchant_uid']);
  const customerUid = requireString(body, 'customer_uid');
  const only = stringList(body.merchant_uid, 'merchant_uid');
  const now = nowSeconds();
  const revoked = world.store.schedulesOf(customerUid).filter((s) => s.schedule_status === 'scheduled' && (!only || only.includes(s.merchant_uid)));
  if (revoked.length === 0) throw new ApiError(200, 1, '취소할 예약결제 기록이 존재하지 않습니다.');
  for (const s of revoked) {
    Object.assign(s, { schedule_status: 'revoked', revoked_at: now });
    world.store.saveSchedule(s);
  }
  return ok(revoked);
}

const noticeOf = (s: Schedule) => (s.notice_url === null ? [] : typeof s.notice_url === 'string' ? [s.notice_url] : s.notice_url);

/** Execute schedules whose time has come; each attempt (paid or failed) fires its webhook. */
export function runDueSchedules(world: World): number {
  const now = nowSeconds();
  const due = [...world.store.pending].filter((s) => s.schedule_at <= now);
  for (const s of due) {
    const key = world.store.billingKeys.get(s.customer_uid);
    let payment: SandboxPayment;
    try {
      payment = charge(
        world,
        {
          merchant_uid: s.merchant_uid,
          amount: s.amount,
          name: s.name ?? undefined,
          custom_data: s.custom_data ?? undefined,
          buyer_name: s.buyer_name ?? undefined,
          buyer_email: s.buyer_email ?? undefined,
          buyer_tel: s.buyer_tel ?? undefined,
          buyer_addr: s.buyer_addr ?? undefined,
          buyer_postcode: s.buyer_postcode ?? undefined,
          customer_uid: s.customer_uid,
          card_number: key?.card,
          card_code: key?.info.card_code,
          pg_id: s.pg_id,
          channel: 'api',
          customer_uid_usage: 'payment.scheduled',
        },
        noticeOf(s),
      );
      if (!key) payment.fail_reason = `빌링키가 삭제되었습니다. (the billing key of ${s.customer_uid} was deleted)`;
    } catch (error) {
      Object.assign(s, { schedule_status: 'executed', executed_at: now, payment_status: 'failed', fail_reason: (error as Error).message });
      world.store.saveSchedule(s);
      continue;
    }
    Object.assign(s, {
      schedule_status: 'executed',
      executed_at: now,
      imp_uid: payment.imp_uid,
      payment_status: payment.status === 'paid' ? 'paid' : 'failed',
      fail_reason: payment.fail_reason,
    });
    world.store.saveSchedule(s);
    // charge() notifies paid payments; a scheduled attempt that failed is notified too
    if (payment.status === 'failed') notify(world, payment);
  }
  return due.length;
}

/** GET /subscribe/payments/schedule/{merchant_uid} */
export function scheduleOf(world: World, merchantUid: string): Reply {
  const found = world.store.schedule(merchantUid);
  if (!found) throw new ApiError(404, -1, `결제예약건이 존재하지 않습니다. (no schedule for merchant_uid ${JSON.stringify(merchantUid)})`);
  return ok(found);
}

/**
 * Schedules in `[from, to)` by `schedule_at`, optionally of one status, newest first (or
 * oldest first with `ascending`), paged.
 */
function scheduleRange(schedules: readonly Schedule[], query: Fields, names: { from: string; to: string; status: string }, ascending: boolean): Reply {
  const from = requireInteger(query, names.from, true, 0);
  const to = requireInteger(query, names.to, true, 0);
  const status = optionalChoice(query, names.status, SCHEDULE_STATUSES);
  const { page, limit } = pageParams(query);
  const found = schedules.filter((s) => s.schedule_at >= from && s.schedule_at < to && (!status || s.schedule_status === status));
  found.sort((a, b) => (ascending ? a.schedule_at - b.schedule_at : b.schedule_at - a.schedule_at));
  return ok(paginate(found, page, limit));
}

/** GET /subscribe/payments/schedule/customers/{customer_uid} and /subscribe/customers/{customer_uid}/schedules (`from`, `to`, `schedule-status`, `page`). */
export function schedulesOfCustomer(world: World, customerUid: string, { query }: RestRequest): Reply {
  const status = query['schedule-status'] === undefined ? 'schedule_status' : 'schedule-status';
  return scheduleRange(world.store.schedulesOf(customerUid), query, { from: 'from', to: 'to', status }, false);
}

/** GET /subscribe/payments/schedule (`schedule_from`, `schedule_to`, `schedule_status`, `page`, `limit`, `sorting=scheduled` = oldest first). */
export function schedulesInRange(world: World, { query }: RestRequest): Reply {
  const ascending = optionalChoice(query, 'sorting', ['scheduled', '-scheduled']) === 'scheduled';
  return scheduleRange(world.store.allSchedules(), query, { from: 'schedule_from', to: 'schedule_to', status: 'schedule_status' }, ascending);
}
