import { IamportApiError } from './errors';
import type { IamportLogger } from './log';
import { TimeoutError, withTimeout } from './timeout';
import type { StoredToken, TokenStore } from './token-store';

/**
 * In a token's last minute, asking `POST /users/getToken` again returns the same token
 * extended by 5 minutes (the API's rule); the kit asks once in that window, not once per call.
 */
export const TOKEN_REFRESH_WINDOW_MS = 60_000;

export interface TokenManager {
  /** A valid token: cached, from the store, or one new request shared by every concurrent caller. */
  get(): Promise<string>;
  /** The API said 401 to `rejected`: returns a different, fresh token (one request for all callers). */
  renew(rejected: string): Promise<string>;
  /** Tokens handed out recently, so error messages can redact them. */
  recent(): Iterable<string>;
}

export interface TokenManagerOptions {
  store: TokenStore;
  /** Performs `POST /users/getToken`. */
  issue(): Promise<StoredToken>;
  /** Every store call ends within this. */
  timeoutMs: number;
  /**
   * A failing or hung store: `true` carry on with the API's token (the store is a cache, written
   * without waiting; failures go to `log`), `false` throw.
   */
  fallback: boolean;
  log?: IamportLogger;
}

const msLeft = (token: StoredToken) => token.expiredAt * 1000 - (Date.now() + token.clockOffsetMs);
/** One refresh per token and expiry: the API may extend it (new expiredAt) or not. */
const refreshKey = (token: StoredToken) => `${token.accessToken}@${token.expiredAt}`;

function isStoredToken(value: unknown): value is StoredToken {
  const token = value as StoredToken | null;
  return !!token && typeof token.accessToken === 'string' && typeof token.expiredAt === 'number' && typeof token.clockOffsetMs === 'number';
}

/**
 * Single-flight token cache. `issue` performs `POST /users/getToken`; at most one runs at a time
 * per manager, however many requests need a token.
 */
export function createTokenManager({ store, issue, timeoutMs, fallback, log }: TokenManagerOptions): TokenManager {
  let cached: StoredToken | null = null;
  let pending: Promise<StoredToken> | null = null;
  let rejected: string | null = null;
  let refreshedFor: string | null = null;
  const seen: string[] = [];

  const usable = (token: StoredToken | null | undefined): token is StoredToken => isStoredToken(token) && token.accessToken !== rejected && msLeft(token) > 0;
  const settled = (token: StoredToken) => msLeft(token) > TOKEN_REFRESH_WINDOW_MS || refreshedFor === refreshKey(token);

  /** A store call bounded by timeoutMs; failures either fall back (null) or throw a typed error. */
  async function fromStore<T>(operation: 'get' | 'set' | 'delete', run: () => Promise<T> | T): Promise<T | null> {
    try {
      return await withTimeout(timeoutMs, run);
    } catch (error) {
      const reason = error instanceof TimeoutError ? 'timeout' : error instanceof Error ? error.name : 'error';
      log?.({ type: 'token_store_error', operation, error: reason });
      if (fallback) return null;
      const message =
        error instanceof TimeoutError
          ? `The token store did not answer ${operation}() within ${timeoutMs} ms.`
          : `The token store failed on ${operation}() (${reason}).`;
      throw new IamportApiError('token_store', `${message} Check it (e.g. Redis), or pass tokenStoreFallback: true to fetch tokens from i'mport meanwhile.`, {
        httpStatus: null,
        code: null,
        endpoint: `token store ${operation}`,
      });
    }
  }

  const remember = (token: StoredToken) => {
    cached = token;
    if (!seen.includes(token.accessToken)) seen.push(token.accessToken);
    if (seen.length > 4) seen.shift();
    return token;
  };

  async function load(): Promise<StoredToken> {
    const stored = await fromStore('get', () => store.get());
    if (usable(stored) && settled(stored)) {
      log?.({ type: 'token', action: 'from_store' });
      return remember(stored);
    }
    // Still valid but in its last minute: ask once; the API extends it or hands it back unchanged.
    const current = [stored, cached].find(usable) ?? null;
    if (current) refreshedFor = refreshKey(current);
    let token: StoredToken;
    try {
      token = await issue();
    } catch (error) {
      if (current && usable(current)) return remember(current);
      throw error;
    }
    // The API re-issued the token it just rejected; trust it again rather than loop forever.
    if (token.accessToken === rejected) rejected = null;
    remember(token);
    log?.({ type: 'token', action: current?.accessToken === token.accessToken ? 'extended' : 'issued' });
    // A cache (fallback) is filled in the background: a hung store must not hold the call a second timeoutMs.
    const saved = fromStore('set', () => store.set(token));
    if (!fallback) await saved;
    return token;
  }

  function shared(): Promise<StoredToken> {
    // Set synchronously, so every caller in the same tick joins the same request.
    pending ??= load().finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    async get() {
      if (usable(cached) && settled(cached)) return cached.accessToken;
      return (await shared()).accessToken;
    },
    async renew(failed) {
      if (rejected !== failed) {
        rejected = failed;
        log?.({ type: 'token', action: 'rejected' });
        if (cached?.accessToken === failed) {
          cached = null;
          await fromStore('delete', () => store.delete?.(failed));
        }
      }
      if (usable(cached)) return cached.accessToken;
      const token = await shared();
      // A load that read the store before the rejection may still hand back the old token.
      return token.accessToken === failed ? (await shared()).accessToken : token.accessToken;
    },
    recent: () => seen,
  };
}
