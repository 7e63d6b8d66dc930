import { IamportError } from '../core/errors';
import { IamportApiError } from './errors';
import type { MerchantOrder } from './settle';
import type { PaymentMethods } from './methods/payments';
import { readPrepared } from './lookup';
import { orderProblem } from './order';
import { DEFAULT_MAX_BODY_BYTES, readJsonObject } from './read-body';
import { json } from './respond';
import type { PreparedPayment } from './types';

type PrepareClient = Pick<PaymentMethods, 'preparePayment' | 'getPreparedPayment' | 'updatePreparedPayment'>;

export interface PrepareOrderParams {
  merchantUid: string;
  /** The order's amount from your database. */
  amount: number;
  /** Also have i'mport check the currency, e.g. `'KRW'`. */
  currency?: string;
}

/**
 * Registers the order's amount with i'mport before the payment window opens (사전검증), so
 * i'mport itself refuses a payment of that merchant_uid for any other amount. Idempotent:
 * an order already registered for this amount is left as is, one registered for another
 * amount (the cart changed) is updated.
 *
 * @example
 * import { createIamportClient, prepareOrder } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * await prepareOrder(iamport, { merchantUid: 'order_1', amount: 15_000 })
 */
export async function prepareOrder(client: PrepareClient, { merchantUid, amount, currency }: PrepareOrderParams): Promise<PreparedPayment> {
  const params = { merchant_uid: merchantUid, amount, ...(currency === undefined ? {} : { currency }) };
  try {
    return await client.preparePayment(params);
  } catch (error) {
    // Already registered (the API refuses a second POST): read it back rather than parse messages.
    if (!(error instanceof IamportApiError) || error.kind !== 'api') throw error;
    const existing = await readPrepared(client, merchantUid);
    if (!existing) throw error;
    if (existing.amount === amount && (currency === undefined || existing.currency === currency)) return existing;
    return client.updatePreparedPayment(params);
  }
}

/** The JSON the prepare endpoint answers. */
export interface PrepareResponse {
  prepared: boolean;
  merchantUid?: string;
  amount?: number;
  reason?: 'invalid_request' | 'order_not_found' | 'lookup_failed' | 'invalid_order' | 'upstream_error' | 'handler_failed' | 'nothing_to_charge';
  message?: string;
}

export interface PrepareHandlerOptions<Order extends MerchantOrder = MerchantOrder> {
  client: PrepareClient;
  /** Your order by merchant_uid, or null. Its `amount` is what gets registered. */
  lookupOrder(merchantUid: string): Promise<Order | null> | Order | null;
  /** After the amount is registered, e.g. to remember that this order was prepared. */
  onPrepared?(event: { order: Order; prepared: PreparedPayment }): Promise<void> | void;
  /** Bodies larger than this are refused with 413; default 16 KiB. */
  maxBodyBytes?: number;
}

/**
 * The endpoint the page calls before it opens the payment window: POST `{ merchantUid }`
 * (JSON) → registers **your order's** amount (never one from the browser) with
 * {@link prepareOrder} → `{ prepared: true, merchantUid, amount }`. An order of amount 0 (a
 * card registration) has nothing to register: `{ prepared: false, reason: 'nothing_to_charge' }`.
 * 400 bad request, 404 unknown order, 405 not POST, 413 too large, 500 `lookupOrder`/`onPrepared`
 * failed, 502 i'mport unreachable or refusing.
 *
 * @example
 * import { createIamportClient, createPrepareHandler } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * const orders = new Map<string, { amount: number }>() // your database
 * export const POST = createPrepareHandler({ client: iamport, lookupOrder: (merchantUid) => orders.get(merchantUid) ?? null })
 */
export function createPrepareHandler<Order extends MerchantOrder>(options: PrepareHandlerOptions<Order>): (request: Request) => Promise<Response> {
  const answer = (status: number, body: PrepareResponse) => json(status, body as unknown as Record<string, unknown>);
  return async (request) => {
    if (request.method !== 'POST') return answer(405, { prepared: false, reason: 'invalid_request' });
    const body = await readJsonObject(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (body === 'too_large') return answer(413, { prepared: false, reason: 'invalid_request', message: 'Request body too large.' });
    const merchantUid = body === 'invalid' ? undefined : (body.merchantUid ?? body.merchant_uid);
    if (typeof merchantUid !== 'string' || merchantUid.trim() === '' || merchantUid.length > 200) {
      return answer(400, { prepared: false, reason: 'invalid_request', message: 'Send { "merchantUid": "..." } as JSON.' });
    }
    let order: Order | null;
    try {
      order = await options.lookupOrder(merchantUid);
    } catch {
      return answer(500, { prepared: false, reason: 'lookup_failed' });
    }
    if (!order) return answer(404, { prepared: false, reason: 'order_not_found' });
    const problem = orderProblem(order);
    if (problem) return answer(500, { prepared: false, reason: 'invalid_order', message: problem });
    if (order.amount === 0) return answer(200, { prepared: false, merchantUid, amount: 0, reason: 'nothing_to_charge' });
    let prepared: PreparedPayment;
    try {
      prepared = await prepareOrder(options.client, { merchantUid, amount: order.amount });
    } catch (error) {
      if (error instanceof IamportError) return answer(400, { prepared: false, reason: 'invalid_request', message: error.message });
      return answer(502, { prepared: false, reason: 'upstream_error' });
    }
    try {
      await options.onPrepared?.({ order, prepared });
    } catch {
      return answer(500, { prepared: false, reason: 'handler_failed' });
    }
    return answer(200, { prepared: true, merchantUid, amount: prepared.amount });
  };
}
