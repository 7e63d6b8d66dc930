// Every call into react-iamport-jtnet/server lives here (server code only: the package's
// "browser" export condition makes a client bundle that imports it throw on load).
import { createIamportClient, createVerifyHandler, handleWebhook } from 'react-iamport-jtnet/server';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from 'react-iamport-jtnet/sandbox';
import { findOrder, markPaid } from './orders';

/** iamport-sandbox (started by scripts/start.mjs); https://api.iamport.kr with real keys. */
export const IAMPORT_API_URL = process.env.IAMPORT_API_URL ?? 'http://127.0.0.1:8090';

const iamport = createIamportClient({
  apiKey: process.env.IMP_KEY ?? SANDBOX_IMP_KEY,
  apiSecret: process.env.IMP_SECRET ?? SANDBOX_IMP_SECRET,
  baseUrl: IAMPORT_API_URL,
  // The sandbox's payments are test payments: only a test-mode client finds and accepts them.
  mode: process.env.IAMPORT_MODE === 'live' ? 'live' : 'test',
});

/** POST { impUid, merchantUid } → { verified, status, … } against the order's amount. */
export const verifyPayment = createVerifyHandler({
  client: iamport,
  lookupOrder: findOrder,
  onVerified: ({ order, payment }) => markPaid(order.merchantUid, payment.imp_uid, 'verify'),
});

/** The same check without recording anything: the edge runtime shares no memory with Node. */
export const verifyPaymentOnEdge = createVerifyHandler({ client: iamport, lookupOrder: findOrder });

/** i'mport's notice_url: re-fetches the payment, checks it against the order, once per payment. */
export const receiveWebhook = (request: Request) =>
  handleWebhook(request, {
    client: iamport,
    lookupOrder: findOrder,
    onPaid: ({ order, payment }) => markPaid(order.merchantUid, payment.imp_uid, 'webhook'),
  });
