import type { PayMethod } from '../../core/types';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_MERCHANT_CODE } from '../../sandbox/engine/fixtures';
import { startSandboxServer, type SandboxServerOptions } from '../../sandbox-server/server';
// The client module itself, not the ./server barrel: that barrel refuses to load where `window`
// exists, and a test runner's jsdom environment has one (this is still Node, and a test).
import { createIamportClient, type IamportClient, type IamportClientOptions } from '../../server/client';
import type { Payment } from '../../server/types';
import { serveWebhookRoute, type WebhookEndpoint, type WebhookRoute } from './webhook-endpoint';

/**
 * A payment as the sandbox window records it when the buyer approves (`POST /__sandbox/payments`):
 * the REST API's field names. `card_number` picks the outcome: `4242-…` paid (default),
 * `4000-0000-0000-0002` declined (`status: 'failed'`); `pay_method: 'vbank'` issues an account.
 */
export interface SandboxPaymentInput {
  merchant_uid: string;
  amount: number;
  name?: string;
  pay_method?: Extract<PayMethod, 'card' | 'trans' | 'vbank' | 'phone'>;
  card_number?: string;
  card_code?: string;
  card_quota?: number;
  customer_uid?: string;
  notice_url?: string | string[];
  custom_data?: unknown;
  vbank_due?: string;
  pg?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
}

/**
 * A running `iamport-sandbox` for a test; see {@link withSandboxServer}.
 *
 * @example
 * const sandbox: TestSandbox = await startTestSandbox()
 */
export interface TestSandbox {
  /** e.g. `http://127.0.0.1:54321`: the REST API's base URL. */
  url: string;
  /** `{url}/v1/iamport.js`: the sandbox SDK, for `IamportProvider scriptUrl` or `createSandboxIamport({ serverUrl })`'s page. */
  scriptUrl: string;
  /** `imp00000000`. */
  merchantCode: string;
  /** A server-module client on this sandbox in test mode (`mode: 'test'`, the sandbox's credentials). */
  client: IamportClient;
  /**
   * Record a payment as the window does when the buyer approves; resolves with the payment,
   * rejects with the sandbox's reason (e.g. a paid merchant_uid again, a prepared amount mismatch).
   */
  recordPayment(payment: SandboxPaymentInput): Promise<Payment>;
  /**
   * The buyer's bank transfer into an issued virtual account arrives (only the bank can cause
   * that for real): the `ready` payment becomes `paid` and its webhook (`status: 'paid'`) goes to
   * its `notice_url`, the one signal your server gets. Resolves with the paid payment; rejects
   * with the sandbox's reason (not a virtual account, already paid, past its due date, an
   * `amount` other than the issued one: JTNet takes exact amounts).
   *
   * @example
   * const account = await recordPayment({ merchant_uid: 'order_1', amount: 15000, pay_method: 'vbank', notice_url })
   * const paid = await depositVirtualAccount(account.imp_uid) // paid.status === 'paid'
   */
  depositVirtualAccount(impUid: string, options?: { amount?: number }): Promise<Payment>;
  /**
   * Serve your webhook route (a fetch-style handler such as `(request) => handleWebhook(request, options)`)
   * on a free port, until the sandbox stops; give its `url` as `notice_url` and await
   * `received(n)`: the sandbox's webhooks reach your real route, and the test waits for them
   * without sleeping.
   *
   * @example
   * const webhooks = await serveWebhooks((request) => handleWebhook(request, options))
   * await recordPayment({ merchant_uid: 'order_1', amount: 15000, notice_url: webhooks.url })
   * const [delivery] = await webhooks.received(1) // delivery.status === 200
   */
  serveWebhooks(route: WebhookRoute): Promise<WebhookEndpoint>;
  /** Stop the server and the webhook endpoints (idempotent). */
  close(): Promise<void>;
}

/**
 * Options of {@link startTestSandbox} and {@link withSandboxServer}: `iamport-sandbox`'s own
 * (`faults`, `noticeUrl`, `webhookTimeScale`, …; `port` defaults to 0, any free port, and the
 * request log is off unless `quiet: false`) plus `client`, options for the yielded client.
 *
 * @example
 * const options: TestSandboxOptions = { noticeUrl: 'http://127.0.0.1:3000/api/iamport/webhook', client: { timeoutMs: 2000 } }
 */
export interface TestSandboxOptions extends SandboxServerOptions {
  client?: Omit<IamportClientOptions, 'apiKey' | 'apiSecret' | 'baseUrl' | 'mode'>;
}

/**
 * Start `iamport-sandbox` on a free port with a test-mode client on it, for a suite's
 * `beforeAll` / `afterAll` (one test at a time: {@link withSandboxServer}).
 *
 * @example
 * let sandbox: TestSandbox
 * beforeAll(async () => (sandbox = await startTestSandbox()))
 * afterAll(() => sandbox.close())
 */
export async function startTestSandbox({ client: clientOptions, ...options }: TestSandboxOptions = {}): Promise<TestSandbox> {
  const server = await startSandboxServer({ quiet: true, ...options, port: options.port ?? 0 });
  const client = createIamportClient({
    ...clientOptions,
    apiKey: options.impKey ?? SANDBOX_IMP_KEY,
    apiSecret: options.impSecret ?? SANDBOX_IMP_SECRET,
    baseUrl: server.url,
    mode: 'test',
  });
  /** POST a test hook; resolves with the payment, rejects with `refused` and the sandbox's reason. */
  const post = async (path: string, body: object, refused: string): Promise<Payment> => {
    const reply = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const envelope = (await reply.json()) as { code: number; message: string | null; response: Payment | null };
    if (envelope.code !== 0 || !envelope.response) throw new Error(`iamport-sandbox refused ${refused}: ${envelope.message ?? `HTTP ${reply.status}`}`);
    return envelope.response;
  };
  const endpoints: WebhookEndpoint[] = [];
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    scriptUrl: `${server.url}/v1/iamport.js`,
    merchantCode: SANDBOX_MERCHANT_CODE,
    client,
    recordPayment: (payment) => post('/__sandbox/payments', payment, `the payment of ${payment.merchant_uid}`),
    depositVirtualAccount: (impUid, options = {}) => post(`/__sandbox/payments/${encodeURIComponent(impUid)}/deposit`, options, `the deposit into ${impUid}`),
    async serveWebhooks(route) {
      if (closing) throw new Error('serveWebhooks: this sandbox was closed; serve your webhook route before close().');
      const endpoint = await serveWebhookRoute(route);
      endpoints.push(endpoint);
      return endpoint;
    },
    close: () => (closing ??= server.close().finally(() => Promise.all(endpoints.map((endpoint) => endpoint.close())))),
  };
}

/**
 * Run `test` against a fresh `iamport-sandbox` on a free port, then stop it, also when `test`
 * throws. Works in any test runner (Vitest, Jest, node:test): it is a plain async function.
 * Node only (it starts a server): run it in your runner's `node` environment.
 *
 * @example
 * import { withSandboxServer } from 'react-iamport-jtnet/testing/server'
 *
 * it('verifies a paid order', () =>
 *   withSandboxServer(async ({ client, recordPayment }) => {
 *     const payment = await recordPayment({ merchant_uid: 'order_1', amount: 15000 })
 *     expect(await client.verifyPayment({ impUid: payment.imp_uid, merchantUid: 'order_1', amount: 15000 })).toMatchObject({ status: 'paid' })
 *   }))
 */
export async function withSandboxServer<T>(test: (sandbox: TestSandbox) => Promise<T> | T): Promise<T>;
export async function withSandboxServer<T>(options: TestSandboxOptions, test: (sandbox: TestSandbox) => Promise<T> | T): Promise<T>;
export async function withSandboxServer<T>(
  first: TestSandboxOptions | ((sandbox: TestSandbox) => Promise<T> | T),
  second?: (sandbox: TestSandbox) => Promise<T> | T,
): Promise<T> {
  const [options, test] = typeof first === 'function' ? [{}, first] : [first, second];
  if (typeof test !== 'function')
    throw new TypeError('withSandboxServer(options?, test): pass the test as a function, e.g. withSandboxServer(async ({ url, client }) => { … }).');
  const sandbox = await startTestSandbox(options);
  try {
    return await test(sandbox);
  } finally {
    await sandbox.close();
  }
}
