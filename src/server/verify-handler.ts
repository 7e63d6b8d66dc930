import { IamportError } from '../core/errors';
import { checkPayment, type VerificationFailure } from './check-payment';
import type { IamportClient } from './client';
import { IamportApiError } from './errors';
import type { MerchantOrder } from './handle-webhook';
import { orderProblem } from './order';
import { json } from './respond';
import { summarizePayment, type PaymentSummary } from './summary';
import type { Payment } from './types';

/** The JSON the verify endpoint answers. */
export interface VerifyResponse {
  verified: boolean;
  /** The payment's real status (`paid`, `ready`, `failed`, `cancelled`), or `unknown`. */
  status: string;
  reason?: VerificationFailure | 'order_not_found' | 'invalid_request' | 'upstream_error' | 'lookup_failed' | 'invalid_order' | 'handler_failed';
  /** For `invalid_order`: what is wrong with the order `lookupOrder` returned. */
  message?: string;
  amount?: number;
  payment?: PaymentSummary;
}

export interface VerifyHandlerOptions<Order extends MerchantOrder = MerchantOrder> {
  client: Pick<IamportClient, 'getPayment'>;
  /** Your order by merchant_uid, or null. Its `amount` is what the payment must be. */
  lookupOrder(merchantUid: string): Promise<Order | null> | Order | null;
  /** Runs after a successful verification, e.g. to mark the order paid (make it idempotent: the webhook may do the same). */
  onVerified?(event: { payment: Payment; order: Order; status: 'paid' | 'ready' }): Promise<void> | void;
}

function readIds(body: unknown): { impUid: string; merchantUid?: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const fields = body as Record<string, unknown>;
  const impUid = fields.impUid ?? fields.imp_uid;
  const merchantUid = fields.merchantUid ?? fields.merchant_uid;
  if (typeof impUid !== 'string' || impUid.trim() === '' || impUid.length > 200) return null;
  if (merchantUid !== undefined && merchantUid !== null && (typeof merchantUid !== 'string' || merchantUid.length > 200)) return null;
  return { impUid, merchantUid: merchantUid ?? undefined };
}

/**
 * The endpoint behind the landing page's `verify`: POST `{ impUid, merchantUid }` (JSON) →
 * `{ verified, status, reason?, amount?, payment }`, checked against your order's amount.
 * Definite answers are 200 (read `verified`); 400 bad request, 405 not POST, 502 i'mport unreachable,
 * 500 when `lookupOrder`/`onVerified` throw or the order has no numeric amount.
 *
 * @example
 * // app/api/payments/verify/route.ts (Next.js)
 * export const POST = createVerifyHandler({
 *   client: iamport,
 *   lookupOrder: (merchantUid) => db.orders.find(merchantUid),
 *   onVerified: ({ order }) => db.orders.markPaid(order.id),
 * })
 */
export function createVerifyHandler<Order extends MerchantOrder>(options: VerifyHandlerOptions<Order>): (request: Request) => Promise<Response> {
  const answer = (status: number, body: VerifyResponse) => json(status, body as unknown as Record<string, unknown>);
  return async (request) => {
    if (request.method !== 'POST') return answer(405, { verified: false, status: 'unknown', reason: 'invalid_request' });
    const ids = readIds(await request.json().catch(() => null));
    if (!ids) return answer(400, { verified: false, status: 'unknown', reason: 'invalid_request' });

    let payment: Payment;
    try {
      payment = await options.client.getPayment(ids.impUid);
    } catch (error) {
      if (error instanceof IamportError) return answer(400, { verified: false, status: 'unknown', reason: 'invalid_request' });
      if (error instanceof IamportApiError && error.httpStatus === 404) return answer(200, { verified: false, status: 'unknown', reason: 'not_found' });
      return answer(502, { verified: false, status: 'unknown', reason: 'upstream_error' });
    }
    const summary = summarizePayment(payment);
    const merchantUid = ids.merchantUid ?? payment.merchant_uid;
    if (merchantUid !== payment.merchant_uid) {
      return answer(200, { verified: false, status: payment.status, reason: 'merchant_uid_mismatch', payment: summary });
    }
    let order: Order | null;
    try {
      order = await options.lookupOrder(merchantUid);
    } catch {
      return answer(500, { verified: false, status: payment.status, reason: 'lookup_failed' });
    }
    if (!order) return answer(200, { verified: false, status: payment.status, reason: 'order_not_found', payment: summary });
    const problem = orderProblem(order);
    if (problem) return answer(500, { verified: false, status: payment.status, reason: 'invalid_order', message: problem });

    const result = checkPayment(payment, { amount: order.amount, merchantUid });
    if (!result.ok) return answer(200, { verified: false, status: payment.status, reason: result.reason, amount: payment.amount, payment: summary });
    try {
      await options.onVerified?.({ payment, order, status: result.status });
    } catch {
      // Paid, but not recorded: let the page show an error and retry rather than claim success.
      return answer(500, { verified: false, status: result.status, reason: 'handler_failed' });
    }
    return answer(200, { verified: true, status: result.status, amount: payment.amount, payment: summary });
  };
}
