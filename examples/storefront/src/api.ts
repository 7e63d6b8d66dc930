// The shop's own backend API (examples/storefront/server/shop.js). Amounts always come from
// these answers, never from anything the buyer typed.
import type { LandingVerification } from 'react-iamport-jtnet';

export interface Product {
  id: string;
  name: string;
  description: string;
  price: number;
  tag: string;
}

export interface Plan {
  id: string;
  name: string;
  description: string;
  price: number;
}

export interface ShopConfig {
  merchantCode: string;
  pg: string;
  scriptUrl: string;
  products: Product[];
  plans: Plan[];
  maxQuantity: number;
}

export type OrderStatus = 'pending' | 'paid' | 'ready' | 'failed' | 'cancelled' | 'scheduled';

export interface Order {
  /** i'mport's id of this payment attempt (internal: never shown to the buyer). */
  merchant_uid: string;
  /** The order number the buyer sees, shared by every payment attempt of the order (`261129-0007`). */
  order_no: string;
  /** A newer payment attempt of the same order replaced this one (after a decline or a cancel). */
  superseded_by?: string;
  kind: 'product' | 'subscription' | 'renewal';
  name: string;
  amount: number;
  quantity?: number;
  customer_uid?: string;
  status: OrderStatus;
  created_at: number;
  scheduled_at?: number;
  imp_uid?: string;
  pay_method?: string;
  paid_at?: number;
  card_name?: string | null;
  receipt_url?: string;
  vbank?: { bank: string | null; number: string | null; holder: string | null; due: number | null };
  fail_reason?: string | null;
  cancelled_at?: number;
}

export interface Subscription {
  customer_uid: string;
  plan_id: string;
  name: string;
  amount: number;
  first_charge: boolean;
  signup_merchant_uid: string;
  status: 'pending' | 'active';
  card?: string;
  activated_at?: number;
  next_merchant_uid?: string;
  next_charge_at?: number;
}

/** What `POST /api/payments/verify` (createVerifyHandler) answers. */
export interface Verification extends LandingVerification {
  /** `verified` is true for `paid` only; `awaiting_deposit` is an issued virtual account (not paid). */
  status: 'paid' | 'awaiting_deposit' | 'not_verified' | 'unknown';
  reason?: string;
  /** The shop's own order, when the page fetched it alongside (for its order number). */
  order?: Order | null;
  amount?: number;
  payment?: {
    imp_uid: string;
    merchant_uid: string;
    status: string;
    amount: number;
    pay_method: string;
    name: string | null;
    card_name: string | null;
    vbank_name: string | null;
    vbank_num: string | null;
    vbank_holder: string | null;
    vbank_date: number | null;
  };
}

/** An answer the shop could not use; `message` is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok) throw new ApiError(response.status, data?.error ?? `서버 오류 (${response.status})`, data);
  return data as T;
}

export const api = {
  config: () => call<ShopConfig>('GET', '/api/config'),
  createOrder: (productId: string, quantity: number) => call<{ order: Order; notice_url: string }>('POST', '/api/orders', { productId, quantity }),
  orders: () => call<{ orders: Order[] }>('GET', '/api/orders'),
  order: (merchantUid: string) => call<{ order: Order; notice_url: string }>('GET', `/api/orders/${encodeURIComponent(merchantUid)}`),
  /**
   * This session's order for a merchant_uid from a URL, or null (another buyer's, or made up):
   * read from the session's list, so a forged landing URL costs no failed request.
   */
  ownOrder: async (merchantUid: string | null): Promise<Order | null> =>
    merchantUid ? ((await call<{ orders: Order[] }>('GET', '/api/orders')).orders.find((order) => order.merchant_uid === merchantUid) ?? null) : null,
  /** The same order again after a decline or a cancel: a new merchant_uid, the server's amount, registered with i'mport. */
  retry: (merchantUid: string) => call<{ order: Order; notice_url: string }>('POST', `/api/orders/${encodeURIComponent(merchantUid)}/retry`),
  cancelOrder: (merchantUid: string) => call<{ order: Order }>('POST', `/api/orders/${encodeURIComponent(merchantUid)}/cancel`),
  /**
   * Demo only (the shop runs on iamport-sandbox): the buyer's deposit into the order's virtual
   * account. Answers once the shop's webhook route recorded it (`via`: `webhook`, or `lookup`
   * when the sweep was first), or with `waiting` when that took too long.
   */
  simulateDeposit: (merchantUid: string) =>
    call<{ order: Order; via?: 'webhook' | 'lookup'; waiting?: string }>('POST', `/api/orders/${encodeURIComponent(merchantUid)}/simulate-deposit`),
  subscriptions: () => call<{ subscriptions: Subscription[] }>('GET', '/api/subscriptions'),
  subscription: (customerUid: string) => call<{ subscription: Subscription }>('GET', `/api/subscriptions/${encodeURIComponent(customerUid)}`),
  subscribe: (planId: string, firstCharge: boolean) =>
    call<{ subscription: Subscription; order: Order; notice_url: string }>('POST', '/api/subscriptions', { planId, firstCharge }),
  /** Register the order's amount with i'mport before the payment window opens (the server knows the amount). */
  prepare: (merchantUid: string) => call<{ order: Order; prepared: boolean }>('POST', `/api/orders/${encodeURIComponent(merchantUid)}/prepare`),
  /** Charge the billing key now; a declined card answers with the failed order and `declined` (the reason, to show). */
  chargeAgain: (customerUid: string) => call<{ order: Order; declined?: string }>('POST', `/api/subscriptions/${encodeURIComponent(customerUid)}/charge`),
  /**
   * Ask the server whether this payment is paid with the order's amount. A definite answer
   * (verified or not) resolves; a server/upstream failure rejects so the page can retry.
   */
  async verify(impUid: string | null | undefined, merchantUid: string | null | undefined): Promise<Verification> {
    // (impUid null: an outcome the window never reported, settled by merchant_uid alone)
    const response = await fetch('/api/payments/verify', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ impUid, merchantUid }),
    });
    const data = (await response.json().catch(() => null)) as Verification | null;
    if (response.status >= 500 || !data) throw new ApiError(response.status, '결제 확인 서버에 연결하지 못했습니다.', data);
    return data;
  },
};
