import type { Payment } from '../../src/server';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status?: number; body: unknown } | Response | Promise<Response> | 'network-error';
type Route = (request: RecordedRequest) => Reply;

const envelope = (response: unknown, code = 0, message: string | null = null) => ({ code, message, response });

/** A fake https://api.iamport.kr for `createIamportClient({ fetch })`: routes by "METHOD /path". */
export function createFakeApi() {
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, Route>();
  let tokenCount = 0;
  /** Server clock minus local clock, in seconds. */
  let serverSkewSeconds = 0;
  let ttlSeconds = 1800;
  const validTokens = new Set<string>();

  const serverNow = () => Math.floor(Date.now() / 1000) + serverSkewSeconds;

  routes.set('POST /users/getToken', () => {
    tokenCount++;
    const token = `token_${tokenCount}_abcdefghijklmnop`;
    validTokens.add(token);
    const now = serverNow();
    return { body: envelope({ access_token: token, now, expired_at: now + ttlSeconds }) };
  });

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    // Let every concurrent caller get in line first, like a real network.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const key = `${request.method} ${request.path}`;
    const route = routes.get(key) ?? [...routes.entries()].find(([pattern]) => pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)))?.[1];
    if (!route) return Response.json(envelope(null, -1, `no route ${key}`), { status: 404 });
    if (key !== 'POST /users/getToken') {
      const token = (headers.authorization ?? '').replace(/^Bearer /, '');
      if (!validTokens.has(token)) return Response.json(envelope(null, -1, 'Unauthorized'), { status: 401 });
    }
    const reply = await route(request);
    if (reply === 'network-error') throw new TypeError('fetch failed');
    if (reply instanceof Response) return reply;
    return Response.json(reply.body, { status: reply.status ?? 200 });
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    on(key: string, route: Route) {
      routes.set(key, route);
    },
    tokenRequests: () => tokenCount,
    expireTokens: () => validTokens.clear(),
    setServerSkew(seconds: number) {
      serverSkewSeconds = seconds;
    },
    setTtl(seconds: number) {
      ttlSeconds = seconds;
    },
    callsTo: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key).length,
    envelope,
  };
}

export function makePayment(fields: Partial<Payment> = {}): Payment {
  return {
    imp_uid: 'imp_100000000001',
    merchant_uid: 'order_abc123',
    amount: 1000,
    cancel_amount: 0,
    currency: 'KRW',
    status: 'paid',
    pay_method: 'card',
    pg_provider: 'jtnet',
    pg_tid: 'tid_1',
    name: 'Coffee',
    buyer_name: 'Hong Gildong',
    buyer_email: 'hong@example.com',
    buyer_tel: '010-1234-5678',
    card_name: 'Shinhan',
    card_number: '424242*********2',
    paid_at: 1_700_000_000,
    failed_at: 0,
    cancelled_at: 0,
    fail_reason: null,
    receipt_url: 'https://receipt.example/1',
    ...fields,
  };
}

export const credentials = { apiKey: 'test_key_123456', apiSecret: 'super_secret_value_987654' };
