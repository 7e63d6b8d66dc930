// What the shop's server recorded for an order (the e2e test reads it).
import { findOrder, orderRecords } from '../../../../lib/orders';

export async function GET(_request: Request, { params }: { params: Promise<{ merchantUid: string }> }) {
  const { merchantUid } = await params;
  const order = findOrder(merchantUid);
  if (!order) return Response.json({ error: 'order_not_found' }, { status: 404 });
  return Response.json({ merchantUid, amount: order.amount, ...orderRecords(merchantUid) });
}
