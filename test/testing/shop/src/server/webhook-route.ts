import { handleWebhook, type IamportClient } from 'react-iamport-jtnet/server';
import type { Orders } from './orders';

/**
 * POST /api/iamport/webhook: i'mport's notice that a payment changed (paid, a virtual account
 * issued or deposited). For a virtual account it is the only signal that the money arrived.
 */
export function createWebhookRoute({ iamport, orders }: { iamport: IamportClient; orders: Orders }) {
  return (request: Request) =>
    handleWebhook(request, {
      client: iamport,
      lookupOrder: (merchantUid) => orders.get(merchantUid),
      onPaid: ({ order }) => void (order.status = 'paid'),
      onAwaitingDeposit: ({ order }) => void (order.status = 'awaiting_deposit'),
    });
}
