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

type PaidRecord = { impUid: string; by: 'verify' | 'webhook' };
/** What the Node runtime has seen paid (by the verify call or the webhook), per merchant_uid; on
 * globalThis because each route is its own bundle and a module could be loaded once per route. */
const store = globalThis as typeof globalThis & { __shopPaid?: Map<string, PaidRecord[]> };
const paid = (store.__shopPaid ??= new Map());

export function markPaid(merchantUid: string, impUid: string, by: 'verify' | 'webhook'): void {
  paid.set(merchantUid, [...(paid.get(merchantUid) ?? []), { impUid, by }]);
}

export const paidRecords = (merchantUid: string) => paid.get(merchantUid) ?? [];
