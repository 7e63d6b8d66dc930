// The server module against a real iamport-sandbox: clients that count what they send, payments
// recorded the way the browser sandbox records them, and a merchant's Node http server that
// runs a handler on the sandbox's webhooks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { createIamportClient, type IamportClientOptions, type Payment } from '../../../src/server';
import { toRequest } from '../../../src/testing/server/node-request';
import { SANDBOX_CHANNEL_KEY, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, startSandboxServer, type SandboxServer } from '../../../src/sandbox-server';

export const APPROVE = '4242-4242-4242-4242';
export const DECLINE = '4000-0000-0000-0002';
/** Key-in fields for the test cards; `channel_key` is required by `POST /subscribe/customers` since 2026-05-20. */
export const CARD = { expiry: '2031-12', birth: '900101', pwd_2digit: '12', channel_key: SANDBOX_CHANNEL_KEY };

let counter = 0;
export const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++counter}`;
export const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

/** An iamport-sandbox for the tests of the calling file or describe block: started before them, closed after. */
export function sandboxForTests(): () => SandboxServer {
  let sandbox: SandboxServer | undefined;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ port: 0, quiet: true });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => sandbox!;
}

/** What a client sent: token requests and every other call as `METHOD /path` (query left off). */
export interface SentCounts {
  token: number;
  calls: string[];
  /** Every URL sent, query included. */
  urls: string[];
  /** What each `POST /users/getToken` answered. */
  tokens: { access_token: string; now: number; expired_at: number }[];
  count(method: string, pathPrefix: string): number;
}

export interface SandboxClientOptions extends Partial<IamportClientOptions> {
  /** Runs before each request goes out (e.g. to expire tokens mid-flight). */
  intercept?: (url: string, init: RequestInit | undefined) => Promise<void> | void;
  /** Rewrites each request's URL before it is sent. */
  rewrite?: (url: URL, method: string) => void;
}

/** A client on the sandbox (test mode unless told otherwise) whose fetch records what it sends. */
export function sandboxClient(sandbox: SandboxServer, { intercept, rewrite, ...options }: SandboxClientOptions = {}) {
  const sent: SentCounts = {
    token: 0,
    calls: [],
    urls: [],
    tokens: [],
    count: (method, pathPrefix) => sent.calls.filter((call) => call.startsWith(`${method} ${pathPrefix}`)).length,
  };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = init?.method ?? 'GET';
    rewrite?.(url, method);
    sent.urls.push(url.href);
    if (url.pathname === '/users/getToken') sent.token++;
    else sent.calls.push(`${method} ${url.pathname}`);
    await intercept?.(url.href, init);
    const response = await globalThis.fetch(url, init);
    if (url.pathname === '/users/getToken') sent.tokens.push(((await response.clone().json()) as { response: SentCounts['tokens'][number] }).response);
    return response;
  };
  const client = createIamportClient({ apiKey: SANDBOX_IMP_KEY, apiSecret: SANDBOX_IMP_SECRET, baseUrl: sandbox.url, mode: 'test', fetch, ...options });
  return { client, sent };
}

export interface SandboxStats {
  tokenRequests: number;
  requests: number;
  webhooksDelivered: number;
  webhooksFailed: number;
  webhookAttempts: number;
}

export async function sandboxStats(sandbox: SandboxServer): Promise<SandboxStats> {
  const body = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { response: SandboxStats };
  return body.response;
}

interface SandboxAnswer<T> {
  code: number;
  message: string | null;
  response: T;
}

/** `POST /__sandbox/payments`: what the browser sandbox sends when the buyer approves in the window. */
export async function windowPayment(sandbox: SandboxServer, fields: Record<string, unknown> = {}): Promise<SandboxAnswer<Payment | null>> {
  const res = await fetch(`${sandbox.url}/__sandbox/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ merchant_uid: uid('order'), amount: 1000, name: 'Coffee', ...fields }),
  });
  return (await res.json()) as SandboxAnswer<Payment | null>;
}

/** A window payment that must be recorded. */
export async function recordPayment(sandbox: SandboxServer, fields: Record<string, unknown> = {}): Promise<Payment> {
  const answer = await windowPayment(sandbox, fields);
  expect(answer.code, answer.message ?? '').toBe(0);
  return answer.response!;
}

/** One webhook the shop received and what it answered. */
export interface Delivery {
  contentType: string | null;
  status: number;
  answer: Record<string, unknown>;
  retryAfter: string | null;
}

/**
 * The merchant's server: every POST goes through `handler` (e.g. `handleWebhook`). Records each
 * delivery with its answer; `answered(n)` resolves once `n` were answered.
 */
export async function startShop(handler: (request: Request) => Promise<Response>) {
  const deliveries: Delivery[] = [];
  const waiters: (() => void)[] = [];
  const deliver = async (req: IncomingMessage, res: ServerResponse) => {
    const request = toRequest(req);
    const contentType = request.headers.get('content-type');
    const response = await handler(request);
    const text = await response.text();
    deliveries.push({
      contentType,
      status: response.status,
      answer: JSON.parse(text) as Record<string, unknown>,
      retryAfter: response.headers.get('retry-after'),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(text);
    waiters.splice(0).forEach((wake) => wake());
  };
  // A handler that throws is an unhandled rejection: Vitest fails the run with its stack.
  const server = createServer((req, res) => void deliver(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/iamport/webhook`,
    deliveries,
    answered: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (deliveries.length >= count ? resolve() : waiters.push(check));
        check();
      }),
    // The sandbox keeps its webhook connections alive: drop them rather than wait for the idle timeout.
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}
