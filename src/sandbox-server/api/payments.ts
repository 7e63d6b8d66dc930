import type { PaymentStatus, SandboxPayment } from '../../sandbox/engine/payment';
import { ApiError, ok, type Reply } from '../envelope';
import { optionalInteger, stringList } from '../fields';
import { nowSeconds, type World } from '../world';
import { pageParams, paginate, sortingParam, sortPayments } from './list';
import { includeSandbox, notFound, visible, type RestRequest } from './request';

const STATUSES: readonly PaymentStatus[] = ['ready', 'paid', 'failed', 'cancelled'];
const DAY = 86_400;

/** A `payment_status` path segment: one of the statuses, `all` or absent (= any). */
function statusFilter(status: string | undefined): PaymentStatus | undefined {
  if (status === undefined || status === '' || status === 'all') return undefined;
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new ApiError(400, -1, `payment_status must be one of ${STATUSES.join(', ')} or all; got ${JSON.stringify(status)}.`);
  }
  return status as PaymentStatus;
}

/** The payments of an order a lookup may show, oldest first. */
function orderPayments(world: World, merchantUid: string, { query }: RestRequest, status?: string): SandboxPayment[] {
  const filter = statusFilter(status);
  const withSandbox = includeSandbox(query);
  return world.store.paymentsOf(merchantUid).filter((payment) => visible(payment, withSandbox) && (!filter || payment.status === filter));
}

/** GET /payments/{imp_uid} — a test payment is 404 without `include_sandbox=true`, as the real API answers. */
export function getPayment(world: World, impUid: string, request: RestRequest): Reply {
  return ok(findVisible(world, impUid, request));
}

function findVisible(world: World, impUid: string, { query }: RestRequest): SandboxPayment {
  const withSandbox = includeSandbox(query);
  const payment = world.store.payment(impUid);
  if (!payment || !visible(payment, withSandbox)) throw notFound();
  return payment;
}

/** GET /payments/find/{merchant_uid}/{payment_status?} — the latest payment of an order (by `sorting`, default `-started`). */
export function findPayment(world: World, merchantUid: string, status: string | undefined, request: RestRequest): Reply {
  const payments = orderPayments(world, merchantUid, request, status);
  const sorting = sortingParam(request.query);
  if (payments.length === 0) throw notFound();
  return ok(sortPayments(payments, sorting)[0]);
}

/** GET /payments/findAll/{merchant_uid}/{payment_status?} — every payment of an order, paged. */
export function findAllPayments(world: World, merchantUid: string, status: string | undefined, request: RestRequest): Reply {
  const payments = orderPayments(world, merchantUid, request, status);
  const sorting = sortingParam(request.query);
  const { page, limit } = pageParams(request.query);
  if (payments.length === 0) throw notFound();
  return ok(paginate(sortPayments(payments, sorting), page, limit));
}

/** When a payment reached its status: the time `GET /payments/status` filters `from`/`to` on. */
const statusTime = (p: SandboxPayment) => ({ ready: p.started_at, paid: p.paid_at, failed: p.failed_at, cancelled: p.cancelled_at })[p.status];

/** GET /payments/status/{payment_status} — by status within `from`..`to` (default: the last 90 days), paged. */
export function paymentsByStatus(world: World, status: string, { query }: RestRequest): Reply {
  const filter = statusFilter(status);
  const to = optionalInteger(query, 'to', true, 0) ?? nowSeconds();
  const from = optionalInteger(query, 'from', true, 0) ?? to - 90 * DAY;
  const sorting = sortingParam(query);
  const { page, limit } = pageParams(query);
  const withSandbox = includeSandbox(query);
  const found = world.store.allPayments().filter((payment) => {
    const at = statusTime(payment);
    return visible(payment, withSandbox) && (!filter || payment.status === filter) && at >= from && at <= to;
  });
  return ok(paginate(sortPayments(found, sorting), page, limit));
}

/**
 * GET /payments?imp_uid[]=…&merchant_uid[]=… — several at once (a merchant_uid gives its
 * latest payment): 200 when all were found, 207 with the found ones when some were, else 404.
 */
export function getPayments(world: World, request: RestRequest): Reply {
  const impUids = stringList(request.query.imp_uid, 'imp_uid') ?? [];
  const merchantUids = stringList(request.query.merchant_uid, 'merchant_uid') ?? [];
  if (impUids.length + merchantUids.length === 0)
    throw new ApiError(400, -1, 'imp_uid[] 또는 merchant_uid[] 파라미터가 필요합니다. (send ?imp_uid[]=imp_… or ?merchant_uid[]=…)');
  const withSandbox = includeSandbox(request.query);
  const found: SandboxPayment[] = [];
  for (const impUid of impUids) {
    const payment = world.store.payment(impUid);
    if (payment && visible(payment, withSandbox)) found.push(payment);
  }
  for (const merchantUid of merchantUids) {
    const payments = orderPayments(world, merchantUid, request);
    if (payments.length > 0) found.push(payments.at(-1)!);
  }
  if (found.length === 0) throw notFound();
  return { ...ok(found), status: found.length === impUids.length + merchantUids.length ? 200 : 207 };
}

/** GET /subscribe/customers/{customer_uid}/payments — what a billing key paid (issue, charges, schedules), newest first, 20 a page. */
export function customerPayments(world: World, customerUid: string, { query }: RestRequest): Reply {
  const { page, limit } = pageParams(query, { limit: 20 });
  const withSandbox = includeSandbox(query);
  const all = world.store.paymentsOfCustomer(customerUid);
  if (all.length === 0 && !world.store.billingKeys.has(customerUid))
    throw notFound(`등록되지 않은 구매자입니다. (no billing key and no payment for customer_uid ${JSON.stringify(customerUid)})`);
  const shown = all.filter((payment) => visible(payment, withSandbox));
  return ok(paginate(sortPayments(shown, '-started'), page, limit));
}

interface BalanceLine {
  tax_free: number;
  supply: number;
  vat: number;
  service: number;
}
const ZERO: BalanceLine = { tax_free: 0, supply: 0, vat: 0, service: 0 };
/** Korean VAT: 1/11 of a taxed amount. */
const taxed = (amount: number): BalanceLine => ({ tax_free: 0, supply: amount - Math.round(amount / 11), vat: Math.round(amount / 11), service: 0 });

/**
 * GET /payments/{imp_uid}/balance — the amount by means of payment, after refunds, with one
 * history entry for the payment and one per cancellation (negative). i'mport serves this for
 * PAYCO only today; the sandbox computes it for every payment so the shape can be tested.
 */
export function paymentBalance(world: World, impUid: string, request: RestRequest): Reply {
  const payment = findVisible(world, impUid, request);
  const paid = payment.status === 'paid' || payment.status === 'cancelled' ? payment.amount : 0;
  const entry = (amount: number, created: number) => ({ cash_receipt: ZERO, primary: taxed(amount), secondary: ZERO, discount: ZERO, created });
  const histories = paid > 0 ? [entry(paid, payment.paid_at), ...payment.cancel_history.map((c) => entry(-c.amount, c.cancelled_at))] : [];
  return ok({ amount: payment.amount, cash_receipt: ZERO, primary: taxed(paid - payment.cancel_amount), secondary: ZERO, discount: ZERO, histories });
}
