/**
 * Remembers which webhook events were handled, so duplicates (i'mport retries, the same event
 * sent twice) run your handler once. `claim` must be atomic: it returns `true` for the first
 * caller only. With several server instances use a shared one, e.g. Redis `SET key 1 NX EX 86400`.
 *
 * @example
 * const dedupe: WebhookDedupe = {
 *   claim: async (key) => (await redis.set(`iamport:webhook:${key}`, '1', 'EX', 86_400, 'NX')) === 'OK',
 *   release: async (key) => { await redis.del(`iamport:webhook:${key}`) },
 * }
 */
export interface WebhookDedupe {
  claim(key: string): Promise<boolean> | boolean;
  /** Forget a claim whose handler failed, so i'mport's retry runs it again. */
  release(key: string): Promise<void> | void;
}

/**
 * In-memory {@link WebhookDedupe} for one process: keys expire after `ttlMs` (default 24 h)
 * and at most `maxEntries` (default 10 000) are kept.
 *
 * @example
 * handleWebhook(request, { client, lookupOrder, onPaid, dedupe: createMemoryDedupe({ ttlMs: 3_600_000 }) })
 */
export function createMemoryDedupe({ ttlMs = 86_400_000, maxEntries = 10_000 } = {}): WebhookDedupe {
  const claimedAt = new Map<string, number>();
  return {
    claim(key) {
      const now = Date.now();
      const at = claimedAt.get(key);
      if (at !== undefined && now - at < ttlMs) return false;
      claimedAt.delete(key);
      claimedAt.set(key, now);
      // Maps iterate in insertion order: the first key is the oldest.
      while (claimedAt.size > maxEntries) claimedAt.delete(claimedAt.keys().next().value as string);
      return true;
    },
    release(key) {
      claimedAt.delete(key);
    },
  };
}
