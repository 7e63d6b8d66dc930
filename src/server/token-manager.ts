import type { IamportLogger } from './log';
import type { StoredToken, TokenStore } from './token-store';

/** Tokens are renewed this long before the API's `expired_at`. */
export const TOKEN_REFRESH_MARGIN_MS = 30_000;

export interface TokenManager {
  /** A valid token: cached, from the store, or one new request shared by every concurrent caller. */
  get(): Promise<string>;
  /** The API said 401 to `rejected`: returns a different, fresh token (one request for all callers). */
  renew(rejected: string): Promise<string>;
  /** Tokens handed out recently, so error messages can redact them. */
  recent(): Iterable<string>;
}

/**
 * Single-flight token cache. `issue` performs `POST /users/getToken`; at most one runs at a time
 * per manager, however many requests need a token.
 */
export function createTokenManager(store: TokenStore, issue: () => Promise<StoredToken>, log?: IamportLogger): TokenManager {
  let cached: StoredToken | null = null;
  let pending: Promise<StoredToken> | null = null;
  let rejected: string | null = null;
  const seen: string[] = [];

  const isFresh = (token: StoredToken | null | undefined): token is StoredToken =>
    !!token &&
    typeof token.accessToken === 'string' &&
    token.accessToken !== rejected &&
    Date.now() + token.clockOffsetMs < token.expiredAt * 1000 - TOKEN_REFRESH_MARGIN_MS;

  // A broken shared store (Redis down) must not stop payments: fall back to this instance's token.
  const safely = async <T>(operation: 'get' | 'set' | 'delete', run: () => Promise<T> | T): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      log?.({ type: 'token_store_error', operation, error: error instanceof Error ? error.name : 'error' });
      return null;
    }
  };

  const remember = (token: StoredToken) => {
    cached = token;
    if (!seen.includes(token.accessToken)) seen.push(token.accessToken);
    if (seen.length > 4) seen.shift();
    return token;
  };

  async function load(): Promise<StoredToken> {
    const stored = await safely('get', () => store.get());
    if (isFresh(stored)) {
      log?.({ type: 'token', action: 'from_store' });
      return remember(stored);
    }
    const token = await issue();
    // The API re-issued the token it just rejected; trust it again rather than loop forever.
    if (token.accessToken === rejected) rejected = null;
    remember(token);
    log?.({ type: 'token', action: 'issued' });
    await safely('set', () => store.set(token));
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
      if (isFresh(cached)) return cached.accessToken;
      return (await shared()).accessToken;
    },
    async renew(failed) {
      if (rejected !== failed) {
        rejected = failed;
        log?.({ type: 'token', action: 'rejected' });
        if (cached?.accessToken === failed) {
          cached = null;
          await safely('delete', () => store.delete?.());
        }
      }
      if (isFresh(cached)) return cached.accessToken;
      const token = await shared();
      // A load that read the store before the rejection may still hand back the old token.
      return token.accessToken === failed ? (await shared()).accessToken : token.accessToken;
    },
    recent: () => seen,
  };
}
