import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toRequest } from './node-request';

/** One webhook the sandbox sent to a {@link WebhookEndpoint} and what your handler answered. */
export interface WebhookDelivery {
  /** The body the sandbox sent (JSON or form-encoded), parsed: `{ imp_uid, merchant_uid, status, cancellation_id? }`. */
  webhook: Record<string, unknown>;
  /** Your handler's answer (500 when it threw). */
  status: number;
  /** Your handler's answer body, as text. */
  body: string;
  /** What your handler threw, if it threw (a bug: `handleWebhook` answers every failure itself). */
  error?: unknown;
}

/**
 * A URL on this machine that runs your webhook route on every POST; see `serveWebhooks` of
 * `TestSandbox`.
 *
 * @example
 * declare const endpoint: WebhookEndpoint
 * const [issued, deposited] = await endpoint.received(2)
 */
export interface WebhookEndpoint {
  /** e.g. `http://127.0.0.1:54321/webhook`: pass it as `notice_url`. */
  url: string;
  /** Every delivery answered so far, in order. */
  deliveries: readonly WebhookDelivery[];
  /**
   * Resolves with the first `count` deliveries once your handler has answered them all; rejects
   * after `timeoutMs` (default 10 s) saying how many came, so a missing webhook fails the test
   * with a reason instead of the runner's timeout.
   */
  received(count: number, options?: { timeoutMs?: number }): Promise<WebhookDelivery[]>;
  close(): Promise<void>;
}

/** A fetch-style route handler, e.g. `(request) => handleWebhook(request, options)` or a Next.js `POST`. */
export type WebhookRoute = (request: Request) => Response | Promise<Response>;

function parseSent(text: string, contentType: string | null): Record<string, unknown> {
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return { body: text };
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * Serve `route` on a free loopback port: each POST becomes a `Request` for it and its `Response`
 * is the answer the sandbox gets. Deliveries are recorded so a test can await them (no sleeps).
 */
export async function serveWebhookRoute(route: WebhookRoute): Promise<WebhookEndpoint> {
  const deliveries: WebhookDelivery[] = [];
  const waiters = new Set<() => void>();
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const request = toRequest(req);
    const sent = parseSent(await request.clone().text(), request.headers.get('content-type'));
    let delivery: WebhookDelivery;
    try {
      const response = await route(request);
      const body = await response.text();
      delivery = { webhook: sent, status: response.status, body };
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
    } catch (error) {
      delivery = { webhook: sent, status: 500, body: '', error };
      res.writeHead(500).end();
    }
    deliveries.push(delivery);
    for (const wake of waiters) wake();
  };
  const server: Server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  let closing: Promise<void> | undefined;
  return {
    url,
    deliveries,
    received: (count, { timeoutMs = 10_000 } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (deliveries.length < count) return;
          settle();
          resolve(deliveries.slice(0, count));
        };
        const timer = setTimeout(() => {
          settle();
          reject(
            new Error(
              `${deliveries.length} of ${count} webhooks reached ${url} within ${timeoutMs} ms; give this URL as the payment's notice_url (or the sandbox's noticeUrl) and check the sandbox's log (quiet: false).`,
            ),
          );
        }, timeoutMs);
        const settle = () => (clearTimeout(timer), waiters.delete(check));
        waiters.add(check);
        check();
      }),
    // The sandbox keeps its webhook connections alive: drop them rather than wait for the idle timeout.
    close: () => (closing ??= new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()))),
  };
}
