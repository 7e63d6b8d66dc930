import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { SANDBOX_CHANNEL_KEY, startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../src/sandbox-server';

/** The key-in fields of the approving test card. */
export const CARD = { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101', pwd_2digit: '12' };

export interface Answer<T = any> {
  status: number;
  body: { code: number; message: string | null; response: T };
}

/** A started sandbox plus small request helpers. */
export async function sandboxServer(options: SandboxServerOptions = {}) {
  const server: SandboxServer = await startSandboxServer({ port: 0, quiet: true, ...options });
  const call = async <T = any>(
    method: string,
    path: string,
    init: { json?: unknown; form?: string; raw?: string; token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    if (init.form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = init.form;
    }
    if (init.raw !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = init.raw;
    }
    const reply = await fetch(server.url + path, { method, headers, body });
    return { status: reply.status, body: (await reply.json()) as Answer<T>['body'] };
  };
  /** A payment lookup as test mode makes it: `include_sandbox=true` (every sandbox payment is a test payment). */
  const lookup = async <T = any>(path: string, token?: string) =>
    call<T>('GET', `${path}${path.includes('?') ? '&' : '?'}include_sandbox=true`, { token: token ?? (await tokenOf()) });
  const tokenOf = async () =>
    (await call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } })).body.response.access_token as string;
  /** `POST /subscribe/customers/{customer_uid}` with the fixture channel key. */
  const issueKey = async (customerUid: string, card: Partial<typeof CARD> & Record<string, unknown> = {}) =>
    call('POST', `/subscribe/customers/${customerUid}`, { token: await tokenOf(), json: { ...CARD, channel_key: SANDBOX_CHANNEL_KEY, ...card } });
  /** `POST /__sandbox/payments` (what the window records); returns the payment. */
  const record = async (fields: Record<string, unknown> = {}) =>
    (await call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, ...fields } })).body.response;
  return { server, call, token: tokenOf, lookup, issueKey, record };
}

/**
 * A local webhook receiver: answers `failStatus` (500) to the first `failFirst` deliveries,
 * then 200; reads JSON and form bodies.
 */
export async function webhookReceiver(failFirst = 0, failStatus = 500) {
  const hits: { body: any; type: string; at: number }[] = [];
  const waiters: (() => void)[] = [];
  let failures = failFirst;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const type = String(req.headers['content-type']);
      hits.push({ body: type.includes('json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text)), type, at: Date.now() });
      res.statusCode = failures-- > 0 ? failStatus : 200;
      res.end();
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  /** Resolves once `count` deliveries arrived. */
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (hits.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { url, hits, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
export const uid = (prefix = 'order') => `${prefix}_${Math.random().toString(36).slice(2, 12)}`;

/**
 * For a test file's top level: `started()` sandboxes (with `defaults`) and webhook `receiver()`s
 * that stop after each test, plus `cleanups` for anything else to undo then (last in, first out).
 */
export function stoppedAfterEach(defaults: SandboxServerOptions = {}) {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    cleanups,
    async started(options: SandboxServerOptions = {}) {
      const sandbox = await sandboxServer({ ...defaults, ...options });
      cleanups.push(() => sandbox.server.close());
      return sandbox;
    },
    async receiver(failFirst = 0, failStatus = 500) {
      const hook = await webhookReceiver(failFirst, failStatus);
      cleanups.push(hook.close);
      return hook;
    },
  };
}
