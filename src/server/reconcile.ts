import { IamportError } from '../core/errors';
import { findOrderPayment } from './lookup';
import { orderProblem } from './order';
import { DedupeUnavailable, HandlerFailure, settlePayment, type MerchantOrder, type SettleOptions, type SettleOutcome } from './settle';

/**
 * Settles an order from a lookup instead of a webhook, with the same callbacks and the same
 * dedupe as `handleWebhook` (an event the webhook already handled is a `duplicate`). i'mport
 * sends each webhook once by default, and a lost one is never re-sent: run this from a job that
 * sweeps orders still pending (e.g. every few minutes for orders older than a minute, and before
 * you cancel or give up on one).
 *
 * Looks up the order's `paid` payment, else its latest one. Resolves with what happened;
 * throws what may work later: i'mport unreachable (`IamportApiError`), your `lookupOrder` or
 * callback's own error (the event runs again next time), the dedupe being down.
 *
 * @example
 * import { createIamportClient, reconcileOrder } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * const orders = new Map<string, { amount: number; status: string }>() // your database
 * const options = {
 *   client: iamport,
 *   lookupOrder: (merchantUid: string) => orders.get(merchantUid) ?? null,
 *   onPaid: ({ order }: { order: { status: string } }) => void (order.status = 'paid'),
 * }
 * for (const [merchantUid, order] of orders) {
 *   if (order.status === 'pending') console.log(merchantUid, (await reconcileOrder(merchantUid, options)).result)
 * }
 */
export async function reconcileOrder<Order extends MerchantOrder>(merchantUid: string, options: SettleOptions<Order>): Promise<SettleOutcome> {
  if (typeof merchantUid !== 'string' || merchantUid.trim() === '') {
    throw new IamportError('INVALID_PARAMS', 'reconcileOrder: merchantUid must be the order id (a non-empty string).', { field: 'merchantUid' });
  }
  const payment = await findOrderPayment(options.client, merchantUid);
  if (!payment) return { result: 'ignored', reason: 'payment_not_found', payment: null };
  const order = await options.lookupOrder(merchantUid);
  if (!order) return { result: 'ignored', reason: 'order_not_found', payment };
  const problem = orderProblem(order);
  if (problem) throw new IamportError('INVALID_PARAMS', `reconcileOrder: ${problem}`, { field: 'amount' });
  try {
    return await settlePayment(payment, order, null, options);
  } catch (error) {
    throw error instanceof HandlerFailure || error instanceof DedupeUnavailable ? error.original : error;
  }
}
