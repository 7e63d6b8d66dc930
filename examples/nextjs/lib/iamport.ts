// Every call into react-iamport-jtnet/server lives here (server code only: the package's
// "browser" export condition makes a client bundle that imports it throw on load).
import { createIamportClient, createPrepareHandler, createVerifyHandler, handleWebhook } from 'react-iamport-jtnet/server';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from 'react-iamport-jtnet/sandbox';
import { findOrder, markAwaitingDeposit, markPaid } from './orders';

/** iamport-sandbox (started by scripts/start.mjs); https://api.iamport.kr with real keys. */
export const IAMPORT_API_URL = process.env.IAMPORT_API_URL ?? 'http://127.0.0.1:8090';

const iamport = createIamportClient({
  apiKey: process.env.IMP_KEY ?? SANDBOX_IMP_KEY,
  apiSecret: process.env.IMP_SECRET ?? SANDBOX_IMP_SECRET,
  baseUrl: IAMPORT_API_URL,
  // The sandbox's payments are test payments: only a test-mode client finds and accepts them.
  mode: process.env.IAMPORT_MODE === 'live' ? 'live' : 'test',
});

/**
 * POST { merchantUid } → registers the order's amount (from the price list, never from the
 * browser) with i'mport before the window opens; i'mport then refuses any other amount for it.
 */
export const prepareOrderAmount = createPrepareHandler({ client: iamport, lookupOrder: findOrder });

/**
 * POST { impUid, merchantUid } (or { merchantUid } alone for a window that never answered) →
 * { verified, status, … } against the order's amount and its registered amount. `paid` and
 * `awaiting_deposit` (a virtual account, not paid yet) are recorded apart.
 */
export const verifyPayment = createVerifyHandler({
  client: iamport,
  lookupOrder: findOrder,
  checkPrepared: true,
  onVerified: ({ order, payment }) => markPaid(order.merchantUid, payment.imp_uid, 'verify'),
  onAwaitingDeposit: ({ order, payment }) => markAwaitingDeposit(order.merchantUid, payment.imp_uid, 'verify'),
});

/**
 * The same check without recording anything: this demo keeps its orders in the Node process's
 * memory, which the edge runtime does not share, so here the webhook marks the order paid. In your
 * shop, write to your database here too (`onVerified`, `onAwaitingDeposit`), as `verifyPayment` does.
 */
export const verifyPaymentOnEdge = createVerifyHandler({ client: iamport, lookupOrder: findOrder, checkPrepared: true });

/** i'mport's notice_url: re-fetches the payment, checks it against the order, once per payment. */
export const receiveWebhook = (request: Request) =>
  handleWebhook(request, {
    client: iamport,
    lookupOrder: findOrder,
    checkPrepared: true,
    onPaid: ({ order, payment }) => markPaid(order.merchantUid, payment.imp_uid, 'webhook'),
    onAwaitingDeposit: ({ order, payment }) => markAwaitingDeposit(order.merchantUid, payment.imp_uid, 'webhook'),
  });
