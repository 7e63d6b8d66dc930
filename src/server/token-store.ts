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
 * Where access tokens live. The default keeps one in memory per client; plug in a shared one
 * (Redis, a database row) so several server instances reuse one token.
 *
 * @example
 * const tokenStore: TokenStore = {
 *   get: async () => JSON.parse((await redis.get('iamport:token')) ?? 'null'),
 *   set: async (token) => { await redis.set('iamport:token', JSON.stringify(token), 'EXAT', token.expiredAt) },
 *   delete: async () => { await redis.del('iamport:token') },
 * }
 */
export interface TokenStore {
  get(): Promise<StoredToken | null> | StoredToken | null;
  set(token: StoredToken): Promise<void> | void;
  /** Called when the API rejected the stored token (401). */
  delete?(): Promise<void> | void;
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
    delete: () => {
      token = null;
    },
  };
}
