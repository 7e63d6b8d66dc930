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

export function createStore() {
  /** @type {Map<string, Order>} */
  const orders = new Map();
  /** @type {Map<string, Subscription>} */
  const subscriptions = new Map();
  return {
    orders,
    subscriptions,
    /** @param {Omit<Order, 'status' | 'created_at'> & { status?: OrderStatus }} fields */
    addOrder(fields) {
      /** @type {Order} */
      const order = { status: 'pending', created_at: Date.now(), ...fields };
      orders.set(order.merchant_uid, order);
      return order;
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
