// The storefront's backend: a plain Node http server. It owns the orders (and so the amounts),
// talks to i'mport (here: iamport-sandbox) only through react-iamport-jtnet/server, and serves
// the built frontend.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  createIamportClient,
  createVerifyHandler,
  handleWebhook,
  IamportApiError,
  IamportPaymentDeclinedError,
  prepareOrder,
  reconcileOrder,
} from 'react-iamport-jtnet/server';
import { findPlan, findProduct, MAX_QUANTITY, PLANS, PRODUCTS } from './catalog.js';
import { HttpError, readJson, sendJson, sendResponse, serveStatic, toRequest } from './http.js';
import { createStore, newUid } from './store.js';
import { createTestDeposits } from './test-deposit.js';

/** Why a paid virtual account is not refunded from the orders page (the API needs the buyer's refund account). */
const VBANK_REFUND = '가상계좌로 입금하신 주문은 환불받을 계좌가 필요해 고객센터에서 환불해 드려요.';

/** @typedef {import('./store.js').Order} Order */
/** @typedef {import('./store.js').Subscription} Subscription */

const SESSION_COOKIE = 'cafe_sid';
/** A pending order older than this is looked up by the sweep (its webhook may be lost). */
const SWEEP_AFTER_MS = 60_000;
/** How often the sweep runs. */
const SWEEP_EVERY_MS = 30_000;
const MERCHANT_CODE = 'imp00000000';

/** One month after `ms` (same day of the month, clamped by Date). */
function nextMonth(ms) {
  const date = new Date(ms);
  date.setMonth(date.getMonth() + 1);
  return date.getTime();
}

/** What the browser may see of an order (no session id, no internals). @param {Order} order */
function orderView(order) {
  const { session, ...view } = order;
  return view;
}

/** @param {Subscription} sub */
function subscriptionView(sub) {
  const { session, activating, ...view } = sub;
  return view;
}

/**
 * The shop as a request handler.
 * @param {{ sandboxUrl: string, distDir: string, apiKey?: string, apiSecret?: string, log?: (line: string) => void }} options
 */
export function createShop({ sandboxUrl, distDir, apiKey = 'sandbox_key', apiSecret = 'sandbox_secret', log = () => {} }) {
  // Test mode: the sandbox's payments are test payments (a live shop passes mode: 'live').
  const iamport = createIamportClient({ apiKey, apiSecret, baseUrl: sandboxUrl, mode: 'test' });
  const store = createStore();
  /** Set once the server listens: where the sandbox sends webhooks. */
  let noticeUrl = '';
  const lookupOrder = (/** @type {string} */ merchantUid) => store.orders.get(merchantUid) ?? null;

  /** Record what i'mport says about an order's payment (idempotent: verify and webhook both call it). */
  function record(/** @type {Order} */ order, /** @type {any} */ payment, /** @type {'paid' | 'ready'} */ status) {
    if (order.status === 'cancelled' || (order.status === 'paid' && status === 'ready')) return;
    Object.assign(order, {
      status,
      imp_uid: payment.imp_uid,
      pay_method: payment.pay_method,
      paid_at: payment.paid_at || undefined,
      card_name: payment.card_name ?? null,
      receipt_url: payment.receipt_url,
      fail_reason: null,
    });
    if (payment.pay_method === 'vbank') {
      order.vbank = { bank: payment.vbank_name, number: payment.vbank_num, holder: payment.vbank_holder, due: payment.vbank_date || null };
    }
  }

  /** A renewal order of `sub` (charged with its billing key): the plan's name with `label`, the plan's amount. */
  function addRenewal(/** @type {Subscription} */ sub, /** @type {string} */ label, /** @type {Partial<Order>} */ extra = {}) {
    return store.addOrder({
      merchant_uid: newUid('sub'),
      session: sub.session,
      kind: 'renewal',
      name: `${sub.name} (${label})`,
      amount: sub.amount,
      customer_uid: sub.customer_uid,
      ...extra,
    });
  }

  /** A verified sign-up payment activates its subscription: check the key, book next month. */
  function activate(/** @type {Subscription} */ sub) {
    if (sub.status === 'active') return Promise.resolve();
    sub.activating ??= (async () => {
      const key = await iamport.getBillingKey(sub.customer_uid);
      const at = nextMonth(Date.now());
      const next = addRenewal(sub, '정기결제', { status: 'scheduled', scheduled_at: at });
      await iamport.schedulePayments({
        customer_uid: sub.customer_uid,
        schedules: [{ merchant_uid: next.merchant_uid, schedule_at: Math.floor(at / 1000), amount: sub.amount, name: next.name, notice_url: noticeUrl }],
      });
      Object.assign(sub, {
        status: 'active',
        card: [key.card_name, key.card_number].filter(Boolean).join(' '),
        activated_at: Date.now(),
        next_merchant_uid: next.merchant_uid,
        next_charge_at: at,
      });
    })().finally(() => {
      sub.activating = undefined; // a failure can be retried by the next verify or webhook
    });
    return sub.activating;
  }

  /** Everything that follows a payment verified as paid (never an unpaid virtual account). */
  async function settlePaid(/** @type {Order} */ order, /** @type {any} */ payment) {
    // One order, one charge: another attempt of this order (a retry after a decline) is paid
    // already, so this payment (an old attempt paid in another tab) is refunded, never kept.
    const paidAttempt = store.attemptsOf(order.order_no).find((attempt) => attempt !== order && attempt.status === 'paid');
    if (paidAttempt && order.status !== 'paid') {
      await iamport.cancelPayment({ imp_uid: payment.imp_uid, checksum: payment.amount - payment.cancel_amount, reason: '중복 결제 환불' });
      Object.assign(order, { status: 'cancelled', imp_uid: payment.imp_uid, cancelled_at: Date.now(), flagged: `duplicate of ${paidAttempt.merchant_uid}` });
      // Not "paid" to the page that asked (the verify handler answers handler_failed): it was refunded.
      throw new Error(`order ${order.order_no} was paid already (${paidAttempt.merchant_uid}); refunded ${payment.imp_uid}`);
    }
    record(order, payment, 'paid');
    if (order.kind === 'subscription' && order.customer_uid) {
      const sub = store.subscriptions.get(order.customer_uid);
      if (sub) await activate(sub);
    }
  }

  // Orders whose amount was registered with i'mport before the window opened are also checked
  // against that registration.
  const checkPrepared = (/** @type {Order} */ order) => order.prepared === true;

  const verify = createVerifyHandler({
    client: iamport,
    lookupOrder,
    checkPrepared,
    onVerified: ({ payment, order }) => settlePaid(order, payment),
    // A virtual account was issued: show where to pay, ship nothing until the deposit.
    onAwaitingDeposit: ({ payment, order }) => record(order, payment, 'ready'),
  });

  /** An order's merchant_uid, once the webhook (or the sweep) settled its payment as paid: the test deposit waits for it. */
  const settled = new EventEmitter();
  const testDeposits = createTestDeposits({ sandboxUrl, settled, log });

  /** The webhook's callbacks, also run by the sweep (reconcileOrder) for orders whose webhook never came. */
  /** @type {import('react-iamport-jtnet/server').SettleOptions<Order>} */
  const settleOptions = {
    client: iamport,
    lookupOrder,
    checkPrepared,
    onPaid: ({ order, payment, webhook }) => settlePaid(order, payment).finally(() => settled.emit(order.merchant_uid, webhook ? 'webhook' : 'lookup')),
    onAwaitingDeposit: ({ order, payment }) => record(order, payment, 'ready'),
    onFailed: ({ order, payment }) => {
      if (order.status === 'pending' || order.status === 'scheduled') Object.assign(order, { status: 'failed', fail_reason: payment.fail_reason });
    },
    onCancelled: ({ order, payment, event }) => {
      // Only the order's own payment (a refunded forgery must not cancel the order); a partial refund keeps it.
      if (event === 'cancelled' && order.imp_uid === payment.imp_uid) order.status = 'cancelled';
    },
    onAmountMismatch: async ({ order, payment }) => {
      // Someone paid another amount than the order's (a tampered request): refund, never ship.
      order.flagged = `amount mismatch: paid ${payment.amount}, order ${order.amount}`;
      await iamport.cancelPayment({ imp_uid: payment.imp_uid, checksum: payment.amount - payment.cancel_amount, reason: '결제 금액 불일치 (amount mismatch)' });
    },
  };

  /** @param {Request} request */
  const webhook = (request) => handleWebhook(request, settleOptions);

  /**
   * i'mport sends each webhook once: look up orders still waiting (pending for a minute, a
   * virtual account awaiting its deposit, a renewal past its date) and settle them the same way.
   */
  async function sweep() {
    if (sweeping) return;
    sweeping = true;
    const now = Date.now();
    const waiting = [...store.orders.values()].filter(
      (order) =>
        (order.status === 'pending' && now - order.created_at > SWEEP_AFTER_MS) ||
        order.status === 'ready' ||
        (order.status === 'scheduled' && (order.scheduled_at ?? Infinity) < now),
    );
    for (const order of waiting) {
      await reconcileOrder(order.merchant_uid, settleOptions).catch((error) =>
        log(`sweep ${order.merchant_uid}: ${error instanceof Error ? error.message : error}`),
      );
    }
    sweeping = false;
  }
  let sweeping = false;

  /** Retries running now, by the merchant_uid they retry. @type {Map<string, Promise<Order>>} */
  const retries = new Map();

  /** A new payment attempt of a product order that was not paid (see the retry route). */
  async function retry(/** @type {Order} */ order) {
    if (order.kind !== 'product') throw new HttpError(409, '이 주문은 다시 결제할 수 없습니다.');
    // i'mport may know a payment the page never reported (the buyer paid, then came back): settle it first.
    if (order.status === 'pending' || order.status === 'failed') await reconcileOrder(order.merchant_uid, settleOptions);
    const attempts = store.attemptsOf(order.order_no);
    if (attempts.some((attempt) => attempt.status === 'paid' || attempt.status === 'ready'))
      throw new HttpError(409, '이미 결제된 주문입니다. 주문 내역에서 확인해 주세요.');
    const open = attempts.find((attempt) => attempt.status === 'pending' && !attempt.superseded_by && attempt !== order);
    if (open) return open; // retried already (another tab, a reload of the landing)
    const attempt = store.addOrder({
      merchant_uid: newUid('cafe'),
      session: order.session,
      kind: 'product',
      order_no: order.order_no,
      product_id: order.product_id,
      quantity: order.quantity,
      name: order.name,
      amount: order.amount,
    });
    order.superseded_by = attempt.merchant_uid;
    await prepare(attempt);
    return attempt;
  }

  /** The amount of `order` registered with i'mport before its window opens. */
  async function prepare(/** @type {Order} */ order) {
    if (order.amount === 0) return { prepared: false }; // a card registration: nothing to charge
    await prepareOrder(iamport, { merchantUid: order.merchant_uid, amount: order.amount });
    order.prepared = true;
    return { prepared: true };
  }

  /** The buyer's session id from the cookie, or a new one (sent back with Set-Cookie). */
  function session(/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) {
    const match = /(?:^|;\s*)cafe_sid=([a-f0-9]{32})/.exec(req.headers.cookie ?? '');
    if (match) return match[1];
    const id = randomBytes(16).toString('hex');
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
    return id;
  }

  /** An order of this session, or 404 (never reveal other buyers' orders). */
  function ownOrder(/** @type {string} */ merchantUid, /** @type {string} */ sid) {
    const order = store.orders.get(merchantUid);
    if (!order || order.session !== sid) throw new HttpError(404, '주문을 찾을 수 없습니다.');
    return order;
  }

  function ownSubscription(/** @type {string} */ customerUid, /** @type {string} */ sid) {
    const sub = store.subscriptions.get(customerUid);
    if (!sub || sub.session !== sid) throw new HttpError(404, '구독을 찾을 수 없습니다.');
    return sub;
  }

  /**
   * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, match: string[], sid: () => string }} RouteContext
   * @type {[string, RegExp, (ctx: RouteContext) => Promise<unknown>][]}
   */
  const routes = [
    [
      'GET',
      /^\/api\/config$/,
      async () => ({
        merchantCode: MERCHANT_CODE,
        pg: 'jtnet',
        scriptUrl: `${sandboxUrl}/v1/iamport.js`,
        products: PRODUCTS,
        plans: PLANS,
        maxQuantity: MAX_QUANTITY,
      }),
    ],

    // The browser names a product and a quantity; the price comes from the catalog.
    [
      'POST',
      /^\/api\/orders$/,
      async ({ req, sid }) => {
        const { productId, quantity = 1 } = await readJson(req);
        const product = typeof productId === 'string' ? findProduct(productId) : undefined;
        if (!product) throw new HttpError(400, `Unknown productId ${JSON.stringify(productId)}.`);
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
          throw new HttpError(400, `quantity must be a whole number from 1 to ${MAX_QUANTITY}.`);
        const order = store.addOrder({
          merchant_uid: newUid('cafe'),
          session: sid(),
          kind: 'product',
          product_id: product.id,
          quantity,
          name: quantity > 1 ? `${product.name} × ${quantity}` : product.name,
          amount: product.price * quantity,
        });
        return { order: orderView(order), notice_url: noticeUrl };
      },
    ],
    ['GET', /^\/api\/orders$/, async ({ sid }) => ({ orders: store.ordersOf(sid()).map(orderView) })],
    // Before the payment window opens: register the order's amount (from the catalog) with i'mport.
    [
      'POST',
      /^\/api\/orders\/([\w-]+)\/prepare$/,
      async ({ match, sid }) => {
        const order = ownOrder(match[0], sid());
        if (order.status !== 'pending') throw new HttpError(409, '이미 처리된 주문입니다.');
        return { order: orderView(order), ...(await prepare(order)) };
      },
    ],
    // After a decline or a cancel (a phone comes back through the landing page): the same order
    // as a new payment attempt, with a new merchant_uid and the stored amount, registered again.
    [
      'POST',
      /^\/api\/orders\/([\w-]+)\/retry$/,
      async ({ match, sid }) => {
        const order = ownOrder(match[0], sid());
        // Two clicks, one attempt: a retry already running is joined.
        if (!retries.has(order.merchant_uid))
          retries.set(
            order.merchant_uid,
            retry(order).finally(() => retries.delete(order.merchant_uid)),
          );
        return { order: orderView(await retries.get(order.merchant_uid)), notice_url: noticeUrl };
      },
    ],
    ['GET', /^\/api\/orders\/([\w-]+)$/, async ({ match, sid }) => ({ order: orderView(ownOrder(match[0], sid())), notice_url: noticeUrl })],
    [
      'POST',
      /^\/api\/orders\/([\w-]+)\/cancel$/,
      async ({ match, sid }) => {
        const order = ownOrder(match[0], sid());
        if (order.status !== 'paid' || !order.imp_uid) throw new HttpError(409, '결제 완료된 주문만 취소할 수 있습니다.');
        // i'mport refunds a deposited virtual account only into an account the buyer names
        // (refund_holder, refund_bank, refund_account): this demo has no form for it.
        if (order.pay_method === 'vbank') throw new HttpError(409, VBANK_REFUND);
        // checksum: refuse if the refundable balance is not what we think (no double refund).
        const payment = await iamport.cancelPayment({ imp_uid: order.imp_uid, checksum: order.amount, reason: '고객 요청 취소' });
        Object.assign(order, { status: 'cancelled', cancelled_at: (payment.cancelled_at ?? 0) * 1000 || Date.now() });
        return { order: orderView(order) };
      },
    ],
    // Only on iamport-sandbox (a real shop has no such route: the buyer's bank makes the deposit):
    // deposit into this order's virtual account and answer once the shop's own webhook route
    // recorded it as paid. This route never sets the order's status itself.
    ['POST', /^\/api\/orders\/([\w-]+)\/simulate-deposit$/, async ({ match, sid }) => testDeposits.answer(ownOrder(match[0], sid()), orderView)],

    // A subscription sign-up is an order too (amount 0 = card only), so the same verify and
    // webhook paths confirm it.
    [
      'POST',
      /^\/api\/subscriptions$/,
      async ({ req, sid }) => {
        const { planId, firstCharge } = await readJson(req);
        const plan = typeof planId === 'string' ? findPlan(planId) : undefined;
        if (!plan) throw new HttpError(400, `Unknown planId ${JSON.stringify(planId)}.`);
        const session = sid();
        const customerUid = newUid('cust');
        const order = store.addOrder({
          merchant_uid: newUid('join'),
          session,
          kind: 'subscription',
          customer_uid: customerUid,
          name: firstCharge === true ? `${plan.name} (첫 달)` : `${plan.name} (카드 등록)`,
          amount: firstCharge === true ? plan.price : 0,
        });
        /** @type {Subscription} */
        const sub = {
          customer_uid: customerUid,
          session,
          plan_id: plan.id,
          name: plan.name,
          amount: plan.price,
          first_charge: firstCharge === true,
          signup_merchant_uid: order.merchant_uid,
          status: 'pending',
        };
        store.subscriptions.set(customerUid, sub);
        return { subscription: subscriptionView(sub), order: orderView(order), notice_url: noticeUrl };
      },
    ],
    ['GET', /^\/api\/subscriptions$/, async ({ sid }) => ({ subscriptions: store.subscriptionsOf(sid()).map(subscriptionView) })],
    ['GET', /^\/api\/subscriptions\/([\w-]+)$/, async ({ match, sid }) => ({ subscription: subscriptionView(ownSubscription(match[0], sid())) })],
    [
      'POST',
      /^\/api\/subscriptions\/([\w-]+)\/charge$/,
      async ({ match, sid }) => {
        const sub = ownSubscription(match[0], sid());
        if (sub.status !== 'active') throw new HttpError(409, '카드 등록을 먼저 마쳐 주세요.');
        const order = addRenewal(sub, '추가 결제');
        try {
          const payment = await iamport.chargeBillingKey({
            customer_uid: sub.customer_uid,
            merchant_uid: order.merchant_uid,
            amount: sub.amount,
            name: order.name,
            notice_url: noticeUrl,
          });
          record(order, payment, 'paid');
          return { order: orderView(order) };
        } catch (error) {
          if (!(error instanceof IamportPaymentDeclinedError)) throw error;
          Object.assign(order, { status: 'failed', fail_reason: error.failReason });
          // A declined card is an answer, not a server error (i'mport answers it with code 0 too):
          // 200 with the failed order, so the browser logs no failed request.
          return { order: orderView(order), declined: `결제가 거절되었습니다: ${error.failReason}` };
        }
      },
    ],
  ];

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://shop');
    const path = url.pathname;
    if (path === '/api/payments/verify') return sendResponse(await verify(await toRequest(req)), res);
    if (path === '/api/webhooks/iamport') return sendResponse(await webhook(await toRequest(req)), res);
    if (path.startsWith('/api/')) {
      const candidates = routes.filter(([, pattern]) => pattern.test(path));
      const found = candidates.find(([method]) => method === req.method);
      if (!found) throw new HttpError(candidates.length ? 405 : 404, `No such endpoint: ${req.method} ${path}`);
      let sid;
      const body = await found[2]({ req, res, match: (found[1].exec(path) ?? []).slice(1), sid: () => (sid ??= session(req, res)) });
      return sendJson(res, 200, body);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed.');
    serveStatic(distDir, path, res, {
      // The SDK script and its recording calls come from the sandbox; nothing else is allowed.
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${sandboxUrl}; connect-src 'self' ${sandboxUrl}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  }

  return {
    store,
    sweep,
    /** Tell the shop its own address (for notice_url). @param {string} url */
    setPublicUrl(url) {
      noticeUrl = `${url}/api/webhooks/iamport`;
    },
    /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
    handler(req, res) {
      const started = Date.now();
      res.on('finish', () => log(`${req.method} ${(req.url ?? '').split('?')[0]} → ${res.statusCode} (${Date.now() - started} ms)`));
      handle(req, res).catch((error) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
        if (error instanceof IamportApiError) {
          log(`i'mport: ${error.message}`);
          return sendJson(res, 502, { error: '결제 서버와 통신하지 못했습니다. 잠시 후 다시 시도해 주세요.' });
        }
        console.error('[storefront]', error);
        sendJson(res, 500, { error: 'Internal error.' });
      });
    },
  };
}

/**
 * Start the shop's HTTP server (API + built frontend).
 * @param {{ port?: number, host?: string, sandboxUrl: string, distDir: string, quiet?: boolean }} options
 * @returns {Promise<{ url: string, port: number, shop: ReturnType<typeof createShop>, close(): Promise<void> }>}
 */
export async function startShop({ port = 5173, host = '127.0.0.1', sandboxUrl, distDir, quiet = false }) {
  if (!existsSync(`${distDir}/index.html`)) throw new Error(`The storefront is not built (${distDir}/index.html is missing).`);
  const shop = createShop({ sandboxUrl, distDir, log: quiet ? undefined : (line) => console.log(`[storefront] ${line}`) });
  const server = createServer(shop.handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host}:${address.port}`;
  shop.setPublicUrl(url);
  const sweeper = setInterval(() => void shop.sweep(), SWEEP_EVERY_MS);
  sweeper.unref();
  return {
    url,
    port: address.port,
    shop,
    close: () =>
      new Promise((resolve) => {
        clearInterval(sweeper);
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
