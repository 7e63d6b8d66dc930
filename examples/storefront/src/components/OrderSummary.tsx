import type { Order } from '../api';
import { won } from '../format';

/** What an order sheet is for: the product, the order number the buyer sees and the amount (from the server). */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <dl className="summary">
      <dt>상품</dt>
      <dd>{order.name}</dd>
      <dt>주문번호</dt>
      <dd className="mono order-no">{order.order_no}</dd>
      <dt>결제 금액</dt>
      <dd className="amount">{won(order.amount)}</dd>
    </dl>
  );
}
