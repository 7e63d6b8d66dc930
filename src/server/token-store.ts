/**
 * An access token as the kit caches it. `expiredAt` is the API's own `expired_at` (unix seconds,
 * server clock); `clockOffsetMs` is the server clock minus the local clock when it was issued,
 * so expiry is judged on the server's clock, not a drifting local one.
 */
export interface StoredToken {
  accessToken: string;
  expiredAt: number;
  clockOffsetMs: number;
}

/**
 * Where access tokens live. The default keeps one in memory per client; share one between
 * server instances with `createRedisTokenStore(redis)` or your own (a database row). It is a
 * cache: every call is bounded by the client's `timeoutMs`, and a store that fails or hangs is
 * skipped (the API hands out the same token) unless `tokenStoreFallback: false`.
 *
 * @example
 * const rows = new Map<string, StoredToken>() // your database
 * const tokenStore: TokenStore = {
 *   get: () => rows.get('iamport') ?? null,
 *   set: (token) => void rows.set('iamport', token),
 *   delete: (rejected) => void (rows.get('iamport')?.accessToken === rejected && rows.delete('iamport')),
 * }
 */
export interface TokenStore {
  get(): Promise<StoredToken | null> | StoredToken | null;
  set(token: StoredToken): Promise<void> | void;
  /** Called with the token the API rejected (401); delete it only if it is still the stored one. */
  delete?(rejected: string): Promise<void> | void;
}

/**
 * The default token store: one token in memory.
 *
 * @example
 * const shared = createMemoryTokenStore()
 * const a = createIamportClient({ apiKey, apiSecret, tokenStore: shared })
 * const b = createIamportClient({ apiKey, apiSecret, tokenStore: shared }) // reuses a's token
 */
export function createMemoryTokenStore(): TokenStore {
  let token: StoredToken | null = null;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
    delete: (rejected) => {
      if (token?.accessToken === rejected) token = null;
    },
  };
}
