import { IamportError } from '../core/errors';
import { checkPayment } from './check-payment';
import type { IamportClient } from './client';
import { createMemoryDedupe, type WebhookDedupe } from './dedupe';
import { IamportApiError, IamportWebhookError } from './errors';
import { parseWebhook, type WebhookBody } from './parse-webhook';
import { orderProblem } from './order';
import { json } from './respond';
import type { Payment } from './types';

/** The merchant's own record of an order: at least its amount. */
export interface MerchantOrder {
  amount: number;
}

/** Passed to the webhook callbacks: the re-fetched payment (the truth), your order, the raw notice. */
export interface WebhookEvent<Order extends MerchantOrder = MerchantOrder> {
  payment: Payment;
  order: Order;
  webhook: WebhookBody;
}

type Handler<Order extends MerchantOrder> = (event: WebhookEvent<Order>) => Promise<void> | void;

export interface HandleWebhookOptions<Order extends MerchantOrder = MerchantOrder> {
  client: Pick<IamportClient, 'getPayment'>;
  /** Your order by merchant_uid, or null when you have none. Its `amount` is what the payment must be. */
  lookupOrder(merchantUid: string): Promise<Order | null> | Order | null;
  /** Paid and verified (status, amount, merchant_uid). Runs once per payment. */
  onPaid: Handler<Order>;
  /** A virtual account was issued for the right amount and awaits the deposit. */
  onReady?: Handler<Order>;
  /** A payment failed (e.g. a scheduled charge was declined). */
  onFailed?: Handler<Order>;
  /** A payment was cancelled (e.g. from the i'mport console). */
  onCancelled?: Handler<Order>;
  /** A paid payment (or issued virtual account) whose amount is not the order's: forgery. Cancel it and alert. */
  onAmountMismatch?: Handler<Order>;
  /** Default: one in-memory store per process, keyed by imp_uid and the payment's real status. */
  dedupe?: WebhookDedupe;
  /** Bodies larger than this are refused with 413; default 16 KiB. */
  maxBodyBytes?: number;
}

const defaultDedupe = createMemoryDedupe();

/** Which callback handles the payment's real status, and whether it must be verified first. */
function route<Order extends MerchantOrder>(payment: Payment, options: HandleWebhookOptions<Order>) {
  switch (payment.status) {
    case 'paid':
      return { handler: options.onPaid, verify: true };
    case 'ready':
      return payment.pay_method === 'vbank' ? { handler: options.onReady, verify: true } : { handler: undefined, verify: false };
    case 'failed':
      return { handler: options.onFailed, verify: false };
    case 'cancelled':
      return { handler: options.onCancelled, verify: false };
    default:
      return { handler: undefined, verify: false };
  }
}

async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) return null;
  const text = await request.text();
  return new TextEncoder().encode(text).length > limit ? null : text;
}

/**
 * Handles an i'mport webhook (`notice_url`) with the standard `Request`/`Response`. It never
 * trusts the body: it re-fetches the payment, matches it to your order and dispatches on the
 * payment's real status, once per imp_uid and status.
 *
 * Answers: 200 handled / duplicate / nothing to do; 400 malformed body or merchant_uid not the
 * payment's; 404 unknown payment or order (i'mport retries: your order may not be saved yet);
 * 409 body claims `paid` but the payment is not, or the amount differs from the order;
 * 500 your callback threw (retried later); 502 i'mport unreachable (retried later).
 *
 * @example
 * // app/api/iamport/webhook/route.ts (Next.js)
 * export const POST = (request: Request) =>
 *   handleWebhook(request, {
 *     client: iamport,
 *     lookupOrder: (merchantUid) => db.orders.find(merchantUid),
 *     onPaid: ({ order }) => db.orders.markPaid(order.id),
 *   })
 */
export async function handleWebhook<Order extends MerchantOrder>(request: Request, options: HandleWebhookOptions<Order>): Promise<Response> {
  if (request.method !== 'POST') return json(405, { ok: false, reason: 'method_not_allowed' });

  let webhook: WebhookBody;
  try {
    const text = await readBody(request, options.maxBodyBytes ?? 16_384);
    if (text === null) return json(413, { ok: false, reason: 'body_too_large' });
    webhook = parseWebhook(text, request.headers.get('content-type'));
  } catch (error) {
    const message = error instanceof IamportWebhookError ? error.message : 'Webhook body could not be read.';
    return json(400, { ok: false, reason: 'malformed', message });
  }

  let payment: Payment;
  try {
    payment = await options.client.getPayment(webhook.imp_uid);
  } catch (error) {
    if (error instanceof IamportError) return json(400, { ok: false, reason: 'malformed', message: 'imp_uid is not a valid id.' });
    if (error instanceof IamportApiError && error.httpStatus === 404) return json(404, { ok: false, reason: 'payment_not_found' });
    return json(502, { ok: false, reason: 'upstream_error' });
  }

  if (payment.merchant_uid !== webhook.merchant_uid) return json(400, { ok: false, reason: 'merchant_uid_mismatch' });
  // A body saying "paid" for a payment that never was is forged or stale; paid-then-cancelled is real.
  if (webhook.status === 'paid' && payment.status !== 'paid' && payment.status !== 'cancelled') {
    return json(409, { ok: false, reason: 'not_paid', status: payment.status });
  }

  let order: Order | null;
  try {
    order = await options.lookupOrder(payment.merchant_uid);
  } catch {
    return json(500, { ok: false, reason: 'lookup_failed' });
  }
  if (!order) return json(404, { ok: false, reason: 'order_not_found' });
  const problem = orderProblem(order);
  if (problem) return json(500, { ok: false, reason: 'invalid_order', message: problem });

  let { handler, verify } = route(payment, options);
  let key = `${payment.imp_uid}:${payment.status}`;
  let answer = { status: 200, body: { ok: true, status: payment.status } as Record<string, unknown> };
  if (verify && !checkPayment(payment, { amount: order.amount, merchantUid: payment.merchant_uid }).ok) {
    handler = options.onAmountMismatch;
    key += ':amount_mismatch';
    answer = { status: 409, body: { ok: false, reason: 'amount_mismatch', status: payment.status } };
  }
  if (!handler) return json(answer.status, { ...answer.body, handled: false });

  const dedupe = options.dedupe ?? defaultDedupe;
  try {
    if (!(await dedupe.claim(key))) return json(answer.status, { ...answer.body, duplicate: true });
  } catch {
    return json(500, { ok: false, reason: 'dedupe_failed' });
  }
  try {
    await handler({ payment, order, webhook });
  } catch {
    // Unclaim so i'mport's retry runs the callback again.
    await Promise.resolve().then(() => dedupe.release(key)).catch(() => undefined);
    return json(500, { ok: false, reason: 'handler_failed' });
  }
  return json(answer.status, { ...answer.body, handled: true });
}
