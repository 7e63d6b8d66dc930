import { IamportApiError, IamportPaymentDeclinedError } from './errors';
import { call, type CallResult, type CallSpec, type HttpSettings, type RetryOptions } from './http';
import type { IamportLogger } from './log';
import { redact, redactDeep } from './redact';
import { createTokenManager } from './token-manager';
import { createMemoryTokenStore, type StoredToken, type TokenStore } from './token-store';
import type { Payment } from './types';

/** `test` sees and accepts test-channel payments; `live` never counts one as money. */
export type IamportMode = 'test' | 'live';

export interface TransportOptions {
  apiKey: string;
  apiSecret: string;
  mode: IamportMode;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryOptions | false | undefined;
  tokenStore: TokenStore | undefined;
  tokenStoreFallback: boolean;
  log: IamportLogger | undefined;
}

/** What every endpoint method builds on: authenticated calls, lookups, charges. */
export interface Transport {
  readonly mode: IamportMode;
  /** An authenticated call, renewed and repeated once after a 401 (nothing was processed then). */
  authed<T>(spec: Omit<CallSpec, 'token'>): Promise<CallResult<T>>;
  /** An authenticated GET, retried; in test mode it also asks for test-channel payments (`include_sandbox=true`). */
  lookup<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  /** A charge that resolves only with a `paid` payment of `amount` (a live-mode test payment is refused). */
  charge(spec: Omit<CallSpec, 'token' | 'retrySafe'>, amount: number): Promise<Payment>;
  /** Values that must never appear in errors or logs. */
  secrets(): Iterable<string | undefined>;
}

/** Each segment encoded, so an id can never change the path. */
export const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`;

export function createTransport(options: TransportOptions): Transport {
  const { apiKey, apiSecret, mode, log } = options;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  let tokens: ReturnType<typeof createTokenManager>;

  const settings: HttpSettings = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
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

  tokens = createTokenManager({
    store: options.tokenStore ?? createMemoryTokenStore(),
    issue: issueToken,
    timeoutMs: options.timeoutMs,
    fallback: options.tokenStoreFallback,
    log,
  });

  async function authed<T>(spec: Omit<CallSpec, 'token'>) {
    const token = await tokens.get();
    try {
      return await call<T>(settings, { ...spec, token });
    } catch (error) {
      if (!(error instanceof IamportApiError) || error.httpStatus !== 401) throw error;
      return call<T>(settings, { ...spec, token: await tokens.renew(token) });
    }
  }

  return {
    mode,
    authed,
    secrets: settings.secrets,

    async lookup<T>(requestPath: string, query: Record<string, string | number | undefined> = {}) {
      const params: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(query)) params[key] = value === undefined ? undefined : String(value);
      if (mode === 'test') params.include_sandbox = 'true';
      return (await authed<T>({ method: 'GET', path: requestPath, query: params, retrySafe: true })).response;
    },

    async charge(spec, amount) {
      const endpoint = `${spec.method} ${spec.path}`;
      const { response, httpStatus } = await authed<Payment>({ ...spec, retrySafe: false });
      const secrets = [...settings.secrets(), ...(spec.redactAlso ?? [])];
      const payment = response ? redactDeep(response, secrets) : null;
      if (payment?.status === 'failed') {
        const reason = redact(payment.fail_reason || 'declined without a reason', secrets);
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
      if (mode === 'live' && payment.sandbox === true) {
        throw new IamportApiError(
          'sandbox_payment',
          `i'mport ${endpoint} charged ${payment.merchant_uid} on a test channel (sandbox: true): no money moved. ` +
            "Issue the billing key on a live channel, or create the client with mode: 'test' while testing.",
          { httpStatus, code: 0, endpoint, payment },
        );
      }
      // A successful charge is returned as the API sent it.
      return response;
    },
  };
}
