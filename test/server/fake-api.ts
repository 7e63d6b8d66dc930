import { vi } from 'vitest';
import { IamportApiError, type IamportMode, type Payment } from '../../src/server';

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
  let tokenRequests = 0;
  let tokensIssued = 0;
  /** Server clock minus local clock, in seconds. */
  let serverSkewSeconds = 0;
  let ttlSeconds = 1800;
  let extendsInLastMinute = true;
  let current: { token: string; expiredAt: number } | null = null;
  const validTokens = new Set<string>();

  const serverNow = () => Math.floor(Date.now() / 1000) + serverSkewSeconds;

  // The API's rule: the same token until it expires; in its last minute, the same token extended by 5 minutes.
  routes.set('POST /users/getToken', () => {
    tokenRequests++;
    const now = serverNow();
    if (!current || current.expiredAt <= now || !validTokens.has(current.token)) {
      tokensIssued++;
      current = { token: `token_${tokensIssued}_abcdefghijklmnop`, expiredAt: now + ttlSeconds };
      validTokens.add(current.token);
    } else if (extendsInLastMinute && current.expiredAt - now < 60) {
      current.expiredAt += 300;
    }
    return { body: envelope({ access_token: current.token, now, expired_at: current.expiredAt }) };
  });

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
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
    // The exact route, else the longest wildcard that matches ('GET /payments/prepare/*' before 'GET /payments/*').
    const wildcards = [...routes.entries()].filter(([pattern]) => pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)));
    const route = routes.get(key) ?? wildcards.sort(([a], [b]) => b.length - a.length)[0]?.[1];
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
    fetch,
    requests,
    on(key: string, route: Route) {
      routes.set(key, route);
    },
    tokenRequests: () => tokenRequests,
    /** Simulate an API that hands back the same token unchanged in its last minute. */
    neverExtend() {
      extendsInLastMinute = false;
    },
    expireTokens: () => validTokens.clear(),
    setServerSkew(seconds: number) {
      serverSkewSeconds = seconds;
    },
    setTtl(seconds: number) {
      ttlSeconds = seconds;
    },
    callsTo: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key).length,
    /** The last request to an endpoint ("METHOD /path"). */
    last: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key).at(-1),
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
    sandbox: false,
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

/** An IamportApiError as the client throws it for an unknown id. */
export const notFoundError = (endpoint = 'GET /payments/x') => new IamportApiError('api', 'not found', { httpStatus: 404, code: -1, endpoint });

/**
 * A stand-in for the client's lookups (what handleWebhook, reconcileOrder and createVerifyHandler
 * use), over a list of payments: newest last. `prepared` maps merchant_uid → registered amount.
 */
export function stubClient(
  payments: Payment[],
  { mode = 'live', prepared = new Map<string, number>() }: { mode?: IamportMode; prepared?: Map<string, number> } = {},
) {
  return {
    mode,
    getPayment: vi.fn(async (impUid: string) => {
      const found = payments.find((payment) => payment.imp_uid === impUid);
      if (!found) throw notFoundError();
      return found;
    }),
    findPayment: vi.fn(async (merchantUid: string, options: { status?: string } = {}) => {
      const found = payments.filter((payment) => payment.merchant_uid === merchantUid && (!options.status || payment.status === options.status)).at(-1);
      if (!found) throw notFoundError('GET /payments/find');
      return found;
    }),
    getPreparedPayment: vi.fn(async (merchantUid: string) => {
      const amount = prepared.get(merchantUid);
      if (amount === undefined) throw new IamportApiError('api', 'not prepared', { httpStatus: 200, code: 1, endpoint: 'GET /payments/prepare' });
      return { merchant_uid: merchantUid, amount, currency: null };
    }),
  };
}
