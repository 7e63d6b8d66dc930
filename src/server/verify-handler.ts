import { IamportError } from '../core/errors';
import { checkPayment, type VerificationFailure } from './check-payment';
import type { IamportClient } from './client';
import { findOrderPayment, orNull, readPrepared } from './lookup';
import { orderProblem } from './order';
import { DEFAULT_MAX_BODY_BYTES, readJsonObject } from './read-body';
import { json } from './respond';
import type { MerchantOrder } from './settle';
import { summarizePayment, type PaymentSummary } from './summary';
import type { Payment, PaymentStatus } from './types';

/** The JSON the verify endpoint answers. */
export interface VerifyResponse {
  /** `true` only for `status: 'paid'`: money received, in full, for the order's amount. */
  verified: boolean;
  /**
   * `paid`; `awaiting_deposit` (a virtual account issued for the right amount: show the account,
   * ship nothing); `not_verified` (see `reason`); `unknown` (could not decide: try again).
   */
  status: 'paid' | 'awaiting_deposit' | 'not_verified' | 'unknown';
  /** The payment's own status at i'mport, when one was found. */
  paymentStatus?: PaymentStatus;
  reason?: VerificationFailure | 'order_not_found' | 'invalid_request' | 'upstream_error' | 'lookup_failed' | 'invalid_order' | 'handler_failed';
  /** For `not_verified` and `invalid_order`: what is wrong, for logs (safe to show, no secrets). */
  message?: string;
  amount?: number;
  payment?: PaymentSummary;
}

type Callback<Order> = (event: { payment: Payment; order: Order }) => Promise<void> | void;

export interface VerifyHandlerOptions<Order extends MerchantOrder = MerchantOrder> {
  client: Pick<IamportClient, 'mode' | 'getPayment' | 'findPayment' | 'getPreparedPayment'>;
  /** Your order by merchant_uid, or null. Its `amount` is what the payment must be. */
  lookupOrder(merchantUid: string): Promise<Order | null> | Order | null;
  /** Runs for `paid` only, e.g. to mark the order paid (make it idempotent: the webhook may do the same). */
  onVerified?: Callback<Order>;
  /** Runs for `awaiting_deposit`: a virtual account was issued; record it, do not ship. */
  onAwaitingDeposit?: Callback<Order>;
  /** Also require the order's pre-registered amount (`prepareOrder`) to match; a function decides per order. */
  checkPrepared?: boolean | ((order: Order) => boolean);
  /** Bodies larger than this are refused with 413; default 16 KiB. */
  maxBodyBytes?: number;
}

const MAX_ID_LENGTH = 200;
const idOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ID_LENGTH ? value : undefined);

function readIds(body: Record<string, unknown>): { impUid?: string; merchantUid?: string } | null {
  const rawImp = body.impUid ?? body.imp_uid;
  const rawMerchant = body.merchantUid ?? body.merchant_uid;
  const impUid = idOf(rawImp);
  const merchantUid = idOf(rawMerchant);
  // A field that is present must be valid; at least one must be.
  if ((rawImp != null && !impUid) || (rawMerchant != null && !merchantUid) || (!impUid && !merchantUid)) return null;
  return { impUid, merchantUid };
}

/**
 * The endpoint behind the page's verification (the PC callback, the mobile landing, and an
 * `unknown` outcome): POST `{ impUid, merchantUid }` — or `{ merchantUid }` alone to settle an
 * order whose window never answered (its `paid` payment, else its latest) — as JSON →
 * {@link VerifyResponse}, checked against **your** order's amount. `onVerified` runs for `paid`
 * only; `onAwaitingDeposit` for an issued virtual account.
 * Definite answers are 200 (read `status`); 400 bad request, 405 not POST, 413 too large,
 * 502 i'mport unreachable, 500 `lookupOrder` / a callback threw or the order has no numeric amount.
 *
 * @example
 * import { createIamportClient, createVerifyHandler } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * const orders = new Map<string, { amount: number; status: string }>() // your database
 * export const POST = createVerifyHandler({
 *   client: iamport,
 *   lookupOrder: (merchantUid) => orders.get(merchantUid) ?? null,
 *   onVerified: ({ order }) => void (order.status = 'paid'),
 *   onAwaitingDeposit: ({ order }) => void (order.status = 'awaiting_deposit'),
 * })
 */
export function createVerifyHandler<Order extends MerchantOrder>(options: VerifyHandlerOptions<Order>): (request: Request) => Promise<Response> {
  const answer = (status: number, body: VerifyResponse) => json(status, body as unknown as Record<string, unknown>);
  const unknown = (status: number, reason: VerifyResponse['reason'], paymentStatus?: PaymentStatus, message?: string) =>
    answer(status, { verified: false, status: 'unknown', reason, ...(paymentStatus && { paymentStatus }), ...(message && { message }) });

  return async (request) => {
    if (request.method !== 'POST') return unknown(405, 'invalid_request');
    const body = await readJsonObject(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (body === 'too_large') return unknown(413, 'invalid_request', undefined, 'Request body too large.');
    const ids = body === 'invalid' ? null : readIds(body);
    if (!ids) return unknown(400, 'invalid_request', undefined, 'Send { "impUid": "...", "merchantUid": "..." } (or merchantUid alone) as JSON.');

    let payment: Payment | null;
    try {
      payment = ids.impUid ? await orNull(options.client.getPayment(ids.impUid)) : await findOrderPayment(options.client, ids.merchantUid!);
    } catch (error) {
      return error instanceof IamportError ? unknown(400, 'invalid_request') : unknown(502, 'upstream_error');
    }
    if (!payment) return answer(200, { verified: false, status: 'not_verified', reason: 'not_found', message: 'No such payment.' });
    const summary = summarizePayment(payment);
    const paymentStatus = payment.status;
    const merchantUid = ids.merchantUid ?? payment.merchant_uid;

    let order: Order | null = null;
    if (merchantUid === payment.merchant_uid) {
      try {
        order = await options.lookupOrder(merchantUid);
      } catch {
        return unknown(500, 'lookup_failed', paymentStatus);
      }
      if (!order) return answer(200, { verified: false, status: 'not_verified', paymentStatus, reason: 'order_not_found', payment: summary });
      const problem = orderProblem(order);
      if (problem) return unknown(500, 'invalid_order', paymentStatus, problem);
    }

    let prepared;
    try {
      const wantsPrepared = order && (typeof options.checkPrepared === 'function' ? options.checkPrepared(order) : options.checkPrepared === true);
      prepared = wantsPrepared ? await readPrepared(options.client, merchantUid) : undefined;
    } catch {
      return unknown(502, 'upstream_error', paymentStatus);
    }
    const result = checkPayment(payment, { amount: order?.amount ?? payment.amount, merchantUid, mode: options.client.mode ?? 'live', prepared });
    if (result.status === 'not_verified') {
      return answer(200, {
        verified: false,
        status: 'not_verified',
        paymentStatus,
        reason: result.reason,
        message: result.message,
        amount: payment.amount,
        payment: summary,
      });
    }
    try {
      if (result.status === 'paid') await options.onVerified?.({ payment, order: order! });
      else await options.onAwaitingDeposit?.({ payment, order: order! });
    } catch {
      // Not recorded: let the page show an error and retry rather than claim success.
      return unknown(500, 'handler_failed', paymentStatus);
    }
    return answer(200, { verified: result.status === 'paid', status: result.status, paymentStatus, amount: payment.amount, payment: summary });
  };
}
