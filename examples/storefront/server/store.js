// The shop's "database": plain maps in memory (a restart forgets everything, like the sandbox
// without --data). A real shop keeps the same fields in its tables.
import { randomBytes } from 'node:crypto';

/**
 * @typedef {'pending' | 'paid' | 'ready' | 'failed' | 'cancelled' | 'scheduled'} OrderStatus
 * @typedef {{
 *   merchant_uid: string, session: string, kind: 'product' | 'subscription' | 'renewal',
 *   name: string, amount: number, quantity?: number, product_id?: string, customer_uid?: string,
 *   status: OrderStatus, created_at: number, scheduled_at?: number,
 *   imp_uid?: string, pay_method?: string, paid_at?: number, card_name?: string | null,
 *   receipt_url?: string, vbank?: { bank: string | null, number: string | null, holder: string | null, due: number | null },
 *   fail_reason?: string | null, cancelled_at?: number, flagged?: string, prepared?: boolean,
 *   order_no: string, superseded_by?: string,
 * }} Order
 * @typedef {{
 *   customer_uid: string, session: string, plan_id: string, name: string, amount: number,
 *   first_charge: boolean, signup_merchant_uid: string, status: 'pending' | 'active',
 *   card?: string, activated_at?: number, next_merchant_uid?: string, next_charge_at?: number,
 *   activating?: Promise<void>,
 * }} Subscription
 */

/** `cafe_` + time + random: unique, URL-safe, at most 40 characters (i'mport's limit). */
export const newUid = (prefix) => `${prefix}_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;

const SEOUL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: '2-digit', month: '2-digit', day: '2-digit' });

/**
 * The order number buyers see and read out on the phone: the day in Seoul and that day's
 * count, `261129-0007`. The merchant_uid stays internal: one order may take several payment
 * attempts (a retry after a decline gets a new merchant_uid, never a new order number).
 */
function orderNumbers() {
  const counts = new Map();
  return (/** @type {number} */ now) => {
    const day = SEOUL_DAY.format(now).replaceAll('-', '');
    const count = (counts.get(day) ?? 0) + 1;
    counts.set(day, count);
    return `${day}-${String(count).padStart(4, '0')}`;
  };
}

export function createStore() {
  /** @type {Map<string, Order>} */
  const orders = new Map();
  /** @type {Map<string, Subscription>} */
  const subscriptions = new Map();
  const nextOrderNo = orderNumbers();
  return {
    orders,
    subscriptions,
    /**
     * A new order, or a new payment attempt of one when `order_no` is given.
     * @param {Omit<Order, 'status' | 'created_at' | 'order_no'> & { status?: OrderStatus, order_no?: string }} fields
     */
    addOrder(fields) {
      const now = Date.now();
      /** @type {Order} */
      const order = { status: 'pending', created_at: now, ...fields, order_no: fields.order_no ?? nextOrderNo(now) };
      orders.set(order.merchant_uid, order);
      return order;
    },
    /** Every payment attempt of one order number. @param {string} orderNo */
    attemptsOf(orderNo) {
      return [...orders.values()].filter((order) => order.order_no === orderNo);
    },
    /** @param {string} session */
    ordersOf(session) {
      return [...orders.values()].filter((order) => order.session === session).sort((a, b) => b.created_at - a.created_at);
    },
    /** @param {string} session */
    subscriptionsOf(session) {
      return [...subscriptions.values()].filter((sub) => sub.session === session);
    },
  };
}
