// Orders, as small as a demo allows. A real shop keeps them in its database; here the order IS
// its merchant_uid: `{productId}_{unique tail}` (createMerchantUid(productId)), so every runtime
// (Node and edge route handlers alike) finds the amount without shared state, and the amount
// always comes from the server's price list, never from the browser.
import { createMerchantUid } from 'react-iamport-jtnet';
import { findProduct, type Product } from './catalog';

export interface Order {
  merchantUid: string;
  product: Product;
  amount: number;
}

/** A new order for one product (runs in a Server Component: `createMerchantUid` is a plain function there). */
export function createOrder(product: Product): Order {
  return { merchantUid: createMerchantUid(product.id), product, amount: product.price };
}

/** The order a merchant_uid stands for, or null when it names no product of ours. */
export function findOrder(merchantUid: string): Order | null {
  const product = findProduct(merchantUid.slice(0, merchantUid.lastIndexOf('_')));
  return product ? { merchantUid, product, amount: product.price } : null;
}

/** Who recorded a payment: the page's verify call or i'mport's webhook. */
export type RecordedBy = 'verify' | 'webhook';
type PaymentRecord = { impUid: string; by: RecordedBy };
type Recorded = { paid: PaymentRecord[]; awaitingDeposit: PaymentRecord[] };

/** What the Node runtime has recorded per merchant_uid (paid, or a virtual account awaiting its deposit);
 * on globalThis because each route is its own bundle and a module could be loaded once per route. */
const store = globalThis as typeof globalThis & { __shopPayments?: Map<string, Recorded> };
const payments = (store.__shopPayments ??= new Map<string, Recorded>());

const recordsOf = (merchantUid: string): Recorded => payments.get(merchantUid) ?? { paid: [], awaitingDeposit: [] };

/** Money received for the order: ship it. */
export function markPaid(merchantUid: string, impUid: string, by: RecordedBy): void {
  const records = recordsOf(merchantUid);
  payments.set(merchantUid, { ...records, paid: [...records.paid, { impUid, by }] });
}

/** A virtual account was issued: tell the buyer where to pay, ship nothing until the deposit (then `markPaid`). */
export function markAwaitingDeposit(merchantUid: string, impUid: string, by: RecordedBy): void {
  const records = recordsOf(merchantUid);
  payments.set(merchantUid, { ...records, awaitingDeposit: [...records.awaitingDeposit, { impUid, by }] });
}

/** Everything recorded for an order. */
export const orderRecords = (merchantUid: string): Recorded => recordsOf(merchantUid);
