import { IamportError } from '../core/errors';
import { Checks } from './check';
import { checkPayment, type VerifyPaymentResult } from './check-payment';
import { IamportApiError, IamportPaymentDeclinedError } from './errors';
import { call, type CallSpec, type HttpSettings, type RetryOptions } from './http';
import type { IamportLogger } from './log';
import { redact } from './redact';
import { createTokenManager } from './token-manager';
import { createMemoryTokenStore, type StoredToken, type TokenStore } from './token-store';
import type {
  BillingKey,
  CancelPaymentParams,
  ChargeBillingKeyParams,
  IssueBillingKeyParams,
  Payment,
  PayOnetimeParams,
  Schedule,
  SchedulePaymentsParams,
  UnschedulePaymentsParams,
} from './types';

/** The production REST API. */
export const DEFAULT_BASE_URL = 'https://api.iamport.kr';
/** Per-attempt timeout of REST calls. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface IamportClientOptions {
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
  /** Where the access token is cached; default in memory. Share one to share tokens between instances. */
  tokenStore?: TokenStore;
  /** Backoff for reads (GET) and token requests; `false` to never retry. Charges are never retried. */
  retry?: RetryOptions | false;
  /** Receives one event per attempt and token change, without secrets. */
  log?: IamportLogger;
}

export interface VerifyPaymentParams {
  impUid: string;
  /** The order amount from your database, never from the browser. */
  amount: number;
  merchantUid?: string;
}

/** A generic authenticated call for endpoints the client does not wrap. */
export interface IamportRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, e.g. `/payments/status/paid`. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: Record<string, unknown>;
}

/** The i'mport V1 REST client; see {@link createIamportClient}. */
export interface IamportClient {
  /** `GET /payments/{imp_uid}`; a 404 throws `IamportApiError` with `httpStatus: 404`. */
  getPayment(impUid: string): Promise<Payment>;
  /** Fetches the payment and applies the verification rule (see `checkPayment`). */
  verifyPayment(params: VerifyPaymentParams): Promise<VerifyPaymentResult>;
  /** `POST /subscribe/payments/again`: resolves only with a `paid` payment of `amount`; a decline throws `IamportPaymentDeclinedError`. */
  chargeBillingKey(params: ChargeBillingKeyParams): Promise<Payment>;
  /** `POST /subscribe/payments/onetime` (key-in): same outcome rules as `chargeBillingKey`. */
  payOnetime(params: PayOnetimeParams): Promise<Payment>;
  /** `POST /subscribe/customers/{customer_uid}`: stores the card as a billing key. */
  issueBillingKey(params: IssueBillingKeyParams): Promise<BillingKey>;
  /** `GET /subscribe/customers/{customer_uid}`. */
  getBillingKey(customerUid: string): Promise<BillingKey>;
  /** `DELETE /subscribe/customers/{customer_uid}`. */
  deleteBillingKey(customerUid: string, options?: { reason?: string }): Promise<BillingKey>;
  /** `POST /subscribe/payments/schedule`. */
  schedulePayments(params: SchedulePaymentsParams): Promise<Schedule[]>;
  /** `POST /subscribe/payments/unschedule`. */
  unschedulePayments(params: UnschedulePaymentsParams): Promise<Schedule[]>;
  /** `POST /payments/cancel`; pass `checksum` (the refundable balance you expect) to never refund twice. */
  cancelPayment(params: CancelPaymentParams): Promise<Payment>;
  /** Any other endpoint, with the same token handling; only GETs are retried. */
  request<T>(request: IamportRequest): Promise<T>;
}

function checkOptions(options: IamportClientOptions): void {
  const checks = new Checks('createIamportClient');
  if (!checks.object(options, 'options')) return checks.done();
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') checks.add('apiKey', 'apiKey must be your REST API key (imp_key), a non-empty string.');
  if (typeof options.apiSecret !== 'string' || options.apiSecret.trim() === '') {
    checks.add('apiSecret', 'apiSecret must be your REST API secret (imp_secret), a non-empty string (value not shown).');
  }
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

/** Each segment encoded, so an id can never change the path. */
const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`;

/**
 * Creates the server-side i'mport V1 REST client (standard `fetch`, no dependencies).
 * One token request serves every concurrent call; tokens are renewed 30 s before the API's
 * `expired_at` (server clock) and once after a 401. Reads are retried with backoff; charges never.
 *
 * @example
 * import { createIamportClient } from 'react-iamport-jtnet/server'
 *
 * const iamport = createIamportClient({ apiKey: process.env.IMP_KEY!, apiSecret: process.env.IMP_SECRET! })
 * const result = await iamport.verifyPayment({ impUid, amount: order.amount, merchantUid: order.id })
 * if (result.ok) await markPaid(order.id)
 */
export function createIamportClient(options: IamportClientOptions): IamportClient {
  checkOptions(options);
  const { apiKey, apiSecret, log } = options;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let tokens: ReturnType<typeof createTokenManager>;

  const settings: HttpSettings = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: { retries: retry.retries ?? 2, baseDelayMs: retry.baseDelayMs ?? 300, maxDelayMs: retry.maxDelayMs ?? 3000 },
    secrets: () => [apiSecret, apiKey, ...tokens.recent()],
    log,
  };

  async function issueToken(): Promise<StoredToken> {
    const { response } = await call<{ access_token?: unknown; now?: unknown; expired_at?: unknown }>(settings, {
      method: 'POST',
      path: '/users/getToken',
      body: { imp_key: apiKey, imp_secret: apiSecret },
      retrySafe: true, // asking again returns the same token: idempotent
    });
    const { access_token: accessToken, now, expired_at: expiredAt } = response ?? {};
    if (typeof accessToken !== 'string' || typeof expiredAt !== 'number') {
      throw new IamportApiError('invalid_response', "i'mport POST /users/getToken answered without access_token/expired_at.", {
        httpStatus: 200,
        code: 0,
        endpoint: 'POST /users/getToken',
      });
    }
    const clockOffsetMs = typeof now === 'number' ? now * 1000 - Date.now() : 0;
    return { accessToken, expiredAt, clockOffsetMs };
  }

  tokens = createTokenManager(options.tokenStore ?? createMemoryTokenStore(), issueToken, log);

  /** An authenticated call, renewed and repeated once after a 401 (nothing was processed then). */
  async function authed<T>(spec: Omit<CallSpec, 'token'>) {
    const token = await tokens.get();
    try {
      return await call<T>(settings, { ...spec, token });
    } catch (error) {
      if (!(error instanceof IamportApiError) || error.httpStatus !== 401) throw error;
      return call<T>(settings, { ...spec, token: await tokens.renew(token) });
    }
  }

  /** A charge succeeded only with `code: 0`, `status: 'paid'` and the requested amount. */
  async function charge(spec: Omit<CallSpec, 'token' | 'retrySafe'>, amount: number): Promise<Payment> {
    const endpoint = `${spec.method} ${spec.path}`;
    const { response: payment, httpStatus } = await authed<Payment>({ ...spec, retrySafe: false });
    if (payment?.status === 'failed') {
      const reason = redact(payment.fail_reason || 'declined without a reason', settings.secrets());
      throw new IamportPaymentDeclinedError({ ...payment, fail_reason: reason }, reason, endpoint, httpStatus);
    }
    if (payment?.status !== 'paid' || payment.amount !== amount) {
      throw new IamportApiError(
        'unconfirmed',
        `i'mport ${endpoint} answered code 0 but the payment is ${payment ? `'${payment.status}' for ${payment.amount}` : 'missing'} instead of 'paid' for ${amount}. ` +
          'Do not charge again: look it up with getPayment(imp_uid) first.',
        { httpStatus, code: 0, endpoint, payment: payment ?? undefined },
      );
    }
    return payment;
  }

  const client: IamportClient = {
    async getPayment(impUid) {
      new Checks('getPayment').id('impUid', impUid).done();
      return (await authed<Payment>({ method: 'GET', path: path('payments', impUid), retrySafe: true })).response;
    },

    async verifyPayment(params) {
      const checks = new Checks('verifyPayment');
      if (checks.object(params, 'params')) checks.id('impUid', params.impUid).amount('amount', params.amount).merchantUid('merchantUid', params.merchantUid, true);
      checks.done();
      try {
        return checkPayment(await client.getPayment(params.impUid), { amount: params.amount, merchantUid: params.merchantUid });
      } catch (error) {
        if (error instanceof IamportApiError && error.httpStatus === 404) return { ok: false, reason: 'not_found', payment: null };
        throw error;
      }
    },

    async chargeBillingKey(params) {
      const checks = new Checks('chargeBillingKey');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid).merchantUid('merchant_uid', params.merchant_uid).amount('amount', params.amount).text('name', params.name, false);
        checks.amount('tax_free', params.tax_free, { min: 0, optional: true });
      }
      checks.done();
      return charge({ method: 'POST', path: '/subscribe/payments/again', body: params }, params.amount);
    },

    async payOnetime(params) {
      const checks = new Checks('payOnetime');
      if (checks.object(params, 'params')) {
        checks.merchantUid('merchant_uid', params.merchant_uid).amount('amount', params.amount).card(params as unknown as Record<string, unknown>);
        checks.id('customer_uid', params.customer_uid, true).text('name', params.name).amount('tax_free', params.tax_free, { min: 0, optional: true });
      }
      checks.done();
      return charge({ method: 'POST', path: '/subscribe/payments/onetime', body: params }, params.amount);
    },

    async issueBillingKey(params) {
      const checks = new Checks('issueBillingKey');
      if (checks.object(params, 'params')) checks.id('customer_uid', params.customer_uid).card(params as unknown as Record<string, unknown>);
      checks.done();
      const { customer_uid: customerUid, ...body } = params;
      return (await authed<BillingKey>({ method: 'POST', path: path('subscribe', 'customers', customerUid), body, retrySafe: false })).response;
    },

    async getBillingKey(customerUid) {
      new Checks('getBillingKey').id('customerUid', customerUid).done();
      return (await authed<BillingKey>({ method: 'GET', path: path('subscribe', 'customers', customerUid), retrySafe: true })).response;
    },

    async deleteBillingKey(customerUid, { reason } = {}) {
      new Checks('deleteBillingKey').id('customerUid', customerUid).text('reason', reason).done();
      const spec = { method: 'DELETE', path: path('subscribe', 'customers', customerUid), query: { reason }, retrySafe: false } as const;
      return (await authed<BillingKey>(spec)).response;
    },

    async schedulePayments(params) {
      const checks = new Checks('schedulePayments');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid);
        if (!Array.isArray(params.schedules) || params.schedules.length === 0) checks.add('schedules', 'schedules must be a non-empty array of { merchant_uid, schedule_at, amount, name }.');
        else
          params.schedules.forEach((entry, i) => {
            if (!checks.object(entry, `schedules[${i}]`)) return;
            checks.merchantUid(`schedules[${i}].merchant_uid`, entry.merchant_uid).futureUnixSeconds(`schedules[${i}].schedule_at`, entry.schedule_at);
            checks.amount(`schedules[${i}].amount`, entry.amount).text(`schedules[${i}].name`, entry.name, false);
          });
      }
      checks.done();
      return (await authed<Schedule[]>({ method: 'POST', path: '/subscribe/payments/schedule', body: params, retrySafe: false })).response;
    },

    async unschedulePayments(params) {
      const checks = new Checks('unschedulePayments');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid);
        const uids = params.merchant_uid;
        if (uids !== undefined && (!Array.isArray(uids) || uids.length === 0)) checks.add('merchant_uid', 'merchant_uid must be a non-empty array of order ids, or absent to revoke every schedule.');
        else uids?.forEach((uid, i) => checks.merchantUid(`merchant_uid[${i}]`, uid));
      }
      checks.done();
      return (await authed<Schedule[]>({ method: 'POST', path: '/subscribe/payments/unschedule', body: params, retrySafe: false })).response;
    },

    async cancelPayment(params) {
      const checks = new Checks('cancelPayment');
      if (checks.object(params, 'params')) {
        if (params.imp_uid === undefined && params.merchant_uid === undefined) checks.add('imp_uid', 'cancelPayment needs imp_uid or merchant_uid.');
        checks.id('imp_uid', params.imp_uid, true).merchantUid('merchant_uid', params.merchant_uid, true).text('reason', params.reason);
        checks.amount('amount', params.amount, { min: 0, optional: true }).amount('checksum', params.checksum, { min: 0, optional: true });
        checks.amount('tax_free', params.tax_free, { min: 0, optional: true });
      }
      checks.done();
      return (await authed<Payment>({ method: 'POST', path: '/payments/cancel', body: params, retrySafe: false })).response;
    },

    async request<T>({ method, path: requestPath, query, body }: IamportRequest) {
      if (typeof requestPath !== 'string' || !requestPath.startsWith('/')) {
        throw new IamportError('INVALID_PARAMS', 'request: path must start with "/", e.g. "/payments/status/paid".', { field: 'path' });
      }
      return (await authed<T>({ method, path: requestPath, query, body, retrySafe: method === 'GET' })).response;
    },
  };
  return client;
}
