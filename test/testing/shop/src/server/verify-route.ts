import { createVerifyHandler, type IamportClient } from 'react-iamport-jtnet/server';
import type { Orders } from './orders';

/**
 * POST /api/payments/verify with `{ impUid, merchantUid }` (or `{ merchantUid }` alone when the
 * window never answered): asks i'mport, checks the order's amount, marks the order paid.
 */
export function createVerifyRoute({ iamport, orders }: { iamport: IamportClient; orders: Orders }) {
  return createVerifyHandler({
    client: iamport,
    lookupOrder: (merchantUid) => orders.get(merchantUid),
    onVerified: ({ order }) => void (order.status = 'paid'),
    onAwaitingDeposit: ({ order }) => void (order.status = 'awaiting_deposit'),
  });
}
