import { IamportError } from '../core/errors';
import { DedupeFullError } from './dedupe';
import { IamportWebhookError } from './errors';
import { isNotFound } from './lookup';
import { orderProblem } from './order';
import { parseWebhook, type WebhookBody } from './parse-webhook';
import { DEFAULT_MAX_BODY_BYTES, readLimitedText } from './read-body';
import { json } from './respond';
import { DedupeUnavailable, HandlerFailure, settlePayment, type MerchantOrder, type SettleOptions } from './settle';
import type { Payment } from './types';

export type { MerchantOrder, PaymentEvent, WebhookEvent } from './settle';

export interface HandleWebhookOptions<Order extends MerchantOrder = MerchantOrder> extends SettleOptions<Order> {
  /** Bodies larger than this are refused with 413 (read as a stream, cut at the limit); default 16 KiB. */
  maxBodyBytes?: number;
}

/** 200: nothing a re-send could change. */
const done = (body: Record<string, unknown>) => json(200, body);
/** 5xx: i'mport re-sends (where re-sends are enabled) — only for what may work later. */
const later = (status: 500 | 502 | 503, reason: string, retryAfterMs?: number) => {
  const response = json(status, { ok: false, reason });
  if (retryAfterMs !== undefined) response.headers.set('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return response;
};

/**
 * Handles an i'mport webhook (`notice_url` or the console's URL) with the standard
 * `Request`/`Response`. It never trusts the body: it re-fetches the payment, matches it to your
 * order and runs one callback for the payment's **real** state, once per event (two-phase
 * dedupe: a crashed callback's event runs again after its lease).
 *
 * Answers follow i'mport's re-send rule (re-sends, where enabled, follow only a 5xx or a
 * network error): 200 for handled, duplicate, nothing to do and refusals (forged or stale
 * body, unknown payment or order, test payment in live mode); 400 malformed body; 405; 413;
 * 500 your callback or `lookupOrder` threw; 502 i'mport unreachable; 503 the same event is being
 * handled (or the dedupe is down). i'mport sends each webhook **once** by default: sweep
 * unsettled orders with `reconcileOrder`.
 *
 * @example
 * import { createIamportClient, handleWebhook } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * const orders = new Map<string, { amount: number; status: string }>() // your database
 * export const POST = (request: Request) =>
 *   handleWebhook(request, {
 *     client: iamport,
 *     lookupOrder: (merchantUid) => orders.get(merchantUid) ?? null,
 *     onPaid: ({ order }) => void (order.status = 'paid'),
 *     onAwaitingDeposit: ({ order }) => void (order.status = 'awaiting_deposit'),
 *   })
 */
export async function handleWebhook<Order extends MerchantOrder>(request: Request, options: HandleWebhookOptions<Order>): Promise<Response> {
  if (request.method !== 'POST') return json(405, { ok: false, reason: 'method_not_allowed' });

  let webhook: WebhookBody;
  try {
    const text = await readLimitedText(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
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
    if (isNotFound(error)) return done({ ok: false, reason: 'payment_not_found' });
    return later(502, 'upstream_error');
  }

  if (payment.merchant_uid !== webhook.merchant_uid) return done({ ok: false, reason: 'merchant_uid_mismatch' });
  // A body saying "paid" for a payment that never was is forged or stale; paid-then-cancelled is real.
  if (webhook.status === 'paid' && payment.status !== 'paid' && payment.status !== 'cancelled') {
    return done({ ok: false, reason: 'not_paid', status: payment.status });
  }

  let order: Order | null;
  try {
    order = await options.lookupOrder(payment.merchant_uid);
  } catch {
    return later(500, 'lookup_failed');
  }
  if (!order) return done({ ok: false, reason: 'order_not_found', status: payment.status });
  const problem = orderProblem(order);
  if (problem) return json(500, { ok: false, reason: 'invalid_order', message: problem });

  try {
    const outcome = await settlePayment(payment, order, webhook, options);
    switch (outcome.result) {
      case 'handled':
        return done({ ok: true, status: payment.status, event: outcome.event, handled: true });
      case 'duplicate':
        return done({ ok: true, status: payment.status, event: outcome.event, duplicate: true });
      case 'in_progress':
        return later(503, 'in_progress', outcome.retryAfterMs);
      case 'ignored':
        return done({ ok: outcome.reason === 'no_handler', status: payment.status, reason: outcome.reason, handled: false });
    }
  } catch (error) {
    if (error instanceof HandlerFailure) return later(500, 'handler_failed');
    if (error instanceof DedupeUnavailable) return later(503, error.original instanceof DedupeFullError ? 'dedupe_full' : 'dedupe_failed');
    return later(502, 'upstream_error'); // the prepared-amount lookup failed
  }
}
