/** The shop's orders (a database in a real shop). */
export interface ShopOrder {
  merchantUid: string;
  name: string;
  amount: number;
  status: 'pending' | 'paid' | 'awaiting_deposit';
}

export function createOrders() {
  const orders = new Map<string, ShopOrder>();
  let serial = 0;
  return {
    /** A new order at the catalog's price: the amount never comes from the browser. */
    create(item: { name: string; amount: number }): ShopOrder {
      const order: ShopOrder = { merchantUid: `order_${Date.now().toString(36)}_${++serial}`, ...item, status: 'pending' };
      orders.set(order.merchantUid, order);
      return order;
    },
    get: (merchantUid: string): ShopOrder | null => orders.get(merchantUid) ?? null,
  };
}

export type Orders = ReturnType<typeof createOrders>;
