import { IamportError } from '../core/errors';
import { Checks } from './check';
import type { RetryOptions } from './http';
import type { IamportLogger } from './log';
import { billingMethods, type BillingMethods } from './methods/billing';
import { paymentMethods, type PaymentMethods } from './methods/payments';
import { scheduleMethods, type ScheduleMethods } from './methods/schedules';
import type { TokenStore } from './token-store';
import { createTransport, type IamportMode } from './transport';

/** The production REST API. */
export const DEFAULT_BASE_URL = 'https://api.iamport.kr';
/** Per-attempt timeout of REST calls. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface IamportClientOptions {
  /**
   * `'live'` (default): lookups see live payments only and a `sandbox: true` payment is never
   * verified, handled as paid or returned by a charge. `'test'`: lookups send
   * `include_sandbox=true` (i'mport hides test-channel payments otherwise) and test payments
   * verify. Live is the default because forgetting the option must never turn test payments
   * into money; a test setup that forgets it fails loudly (404 / `sandbox_payment`).
   */
  mode?: IamportMode;
  /** REST API key (`imp_key`). */
  apiKey: string;
  /** REST API secret (`imp_secret`). Keep it in server-side environment variables. */
  apiSecret: string;
  /** Default `https://api.iamport.kr`; point it at `iamport-sandbox` (e.g. `http://127.0.0.1:8090`) to test. */
  baseUrl?: string;
  /** A standard `fetch`; defaults to the global one (Node 18+, edge runtimes). */
  fetch?: typeof fetch;
  /** Per attempt; default 15 000 ms. */
  timeoutMs?: number;
  /** Where the access token is cached; default in memory. Share one (`createRedisTokenStore`) to share tokens between instances. */
  tokenStore?: TokenStore;
  /**
   * A token store that fails or does not answer within `timeoutMs`: `true` (default) logs
   * `token_store_error` and asks i'mport instead (the store is a cache; the API hands out the
   * same token; new tokens are written to it without waiting); `false` throws `IamportApiError`
   * with `kind: 'token_store'`.
   */
  tokenStoreFallback?: boolean;
  /** Backoff for reads (GET) and token requests; `false` to never retry. Charges are never retried. */
  retry?: RetryOptions | false;
  /** Receives one event per attempt and token change, without secrets. */
  log?: IamportLogger;
}

/** A generic authenticated call for endpoints the client does not wrap. */
export interface IamportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, e.g. `/payments/status/paid`. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: Record<string, unknown>;
}

/** The i'mport V1 REST client; see {@link createIamportClient}. */
export interface IamportClient extends PaymentMethods, BillingMethods, ScheduleMethods {
  /** `test` (lookups include test-channel payments) or `live` (a test payment never counts as money). */
  readonly mode: IamportMode;
  /** Any other endpoint, with the same token handling; only GETs are retried (and carry `include_sandbox=true` in test mode). */
  request<T>(request: IamportRequest): Promise<T>;
}

function checkOptions(options: IamportClientOptions): void {
  const checks = new Checks('createIamportClient');
  if (!checks.object(options, 'options')) return checks.done();
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '')
    checks.add('apiKey', 'apiKey must be your REST API key (imp_key), a non-empty string.');
  if (typeof options.apiSecret !== 'string' || options.apiSecret.trim() === '') {
    checks.add('apiSecret', 'apiSecret must be your REST API secret (imp_secret), a non-empty string (value not shown).');
  }
  if (options.mode !== undefined && options.mode !== 'test' && options.mode !== 'live') {
    checks.add('mode', `mode must be 'test' or 'live'; got ${JSON.stringify(options.mode)}.`);
  }
  if (options.tokenStoreFallback !== undefined && typeof options.tokenStoreFallback !== 'boolean')
    checks.add('tokenStoreFallback', 'tokenStoreFallback must be true or false.');
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/]+/i.test(String(options.baseUrl))) {
    checks.add('baseUrl', `baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}.`);
  }
  if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === 'number' && options.timeoutMs > 0)) {
    checks.add('timeoutMs', 'timeoutMs must be a positive number of milliseconds.');
  }
  if ((options.fetch ?? globalThis.fetch) === undefined) checks.add('fetch', 'No global fetch in this runtime (Node 18+ has one); pass options.fetch.');
  const store = options.tokenStore;
  if (store !== undefined && (typeof store?.get !== 'function' || typeof store?.set !== 'function')) {
    checks.add('tokenStore', 'tokenStore must have get() and set(token) methods (delete() optional).');
  }
  checks.done();
}

/**
 * Creates the server-side i'mport V1 REST client (standard `fetch`, no dependencies).
 * One token request serves every concurrent call; in a token's last minute it is refreshed
 * once (the API extends it) and a 401 renews it once. Reads are retried with backoff; charges never.
 *
 * @example
 * import { createIamportClient } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET!, mode: 'live' })
 * const result = await iamport.verifyPayment({ impUid: 'imp_123', amount: 1000, merchantUid: 'order_1' })
 * if (result.status === 'paid') console.log('paid in full: ship the order')
 */
export function createIamportClient(options: IamportClientOptions): IamportClient {
  checkOptions(options);
  const transport = createTransport({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    mode: options.mode ?? 'live',
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: options.retry,
    tokenStore: options.tokenStore,
    tokenStoreFallback: options.tokenStoreFallback ?? true,
    log: options.log,
  });
  return {
    mode: transport.mode,
    ...paymentMethods(transport),
    ...billingMethods(transport),
    ...scheduleMethods(transport),
    async request<T>({ method, path: requestPath, query, body }: IamportRequest) {
      if (typeof requestPath !== 'string' || !requestPath.startsWith('/')) {
        throw new IamportError('INVALID_PARAMS', 'request: path must start with "/", e.g. "/payments/status/paid".', { field: 'path' });
      }
      if (method === 'GET') return transport.lookup<T>(requestPath, query);
      return (await transport.authed<T>({ method, path: requestPath, query, body, retrySafe: false })).response;
    },
  };
}
