/** What a claim found: the event is yours to handle (under `lease`), already handled, or being handled. */
export type DedupeClaim = { state: 'claimed'; lease: string } | { state: 'done' } | { state: 'busy'; retryAfterMs: number };

/** How long a claim holds before another delivery may run the handler again (a crashed handler's event is re-run after it). */
export const DEFAULT_LEASE_MS = 60_000;
/** How long a handled event is remembered. */
export const DEFAULT_DONE_TTL_MS = 7 * 86_400_000;

/**
 * Remembers webhook events in two phases so that none is lost and none runs twice:
 * `claim` takes a short lease (atomic: one caller wins), the handler runs, `complete` records
 * the event as done. A handler that throws `release`s its lease so the next delivery runs it
 * again; one that crashed leaves the lease to expire after `leaseMs`. Only verified, handled
 * events are ever recorded, so nothing unauthenticated can fill or evict it.
 * `createRedisDedupe(redis)` shares one between instances; `createMemoryDedupe()` is per process.
 *
 * @example
 * import type { DedupeClaim, WebhookDedupe } from 'react-iamport-jtnet/server'
 *
 * // A single-process stand-in (use createRedisDedupe for several instances).
 * const records = new Map<string, string>()
 * const dedupe: WebhookDedupe = {
 *   claim(key): DedupeClaim {
 *     const found = records.get(key)
 *     if (found === 'done') return { state: 'done' }
 *     if (found) return { state: 'busy', retryAfterMs: 60_000 }
 *     const lease = crypto.randomUUID()
 *     records.set(key, lease)
 *     return { state: 'claimed', lease }
 *   },
 *   complete: (key) => void records.set(key, 'done'),
 *   release: (key, lease) => void (records.get(key) === lease && records.delete(key)),
 * }
 */
export interface WebhookDedupe {
  /** Take a lease of `leaseMs` on `key` unless it is done or leased. Must be atomic across everything sharing the store. */
  claim(key: string, leaseMs: number): Promise<DedupeClaim> | DedupeClaim;
  /** The handler succeeded: remember `key` as done for `doneTtlMs`. */
  complete(key: string, lease: string, doneTtlMs: number): Promise<void> | void;
  /** The handler failed: drop the lease (only if it is still `lease`), so the next delivery runs it. */
  release(key: string, lease: string): Promise<void> | void;
}

/** The in-memory dedupe is full of live records: the event is answered "try again later", nothing is evicted. */
export class DedupeFullError extends Error {
  constructor(maxEntries: number) {
    super(`The in-memory webhook dedupe holds ${maxEntries} live records; use createRedisDedupe or raise maxEntries.`);
    this.name = 'DedupeFullError';
  }
}

type Entry = { lease: string; until: number } | { lease: null; until: number };

/**
 * In-memory {@link WebhookDedupe} for one process. Records expire (leases after `leaseMs`, done
 * records after `doneTtlMs`) but are never evicted early: when `maxEntries` (default 100,000)
 * live records exist, a new claim throws {@link DedupeFullError} (answered 503) instead.
 *
 * @example
 * import { createMemoryDedupe } from 'react-iamport-jtnet/server'
 *
 * const dedupe = createMemoryDedupe({ maxEntries: 50_000 })
 */
export function createMemoryDedupe({ maxEntries = 100_000 } = {}): WebhookDedupe {
  const entries = new Map<string, Entry>();
  const sweep = (now: number) => {
    for (const [key, entry] of entries) if (entry.until <= now) entries.delete(key);
  };
  return {
    claim(key, leaseMs) {
      const now = Date.now();
      const found = entries.get(key);
      if (found && found.until > now) return found.lease === null ? { state: 'done' } : { state: 'busy', retryAfterMs: found.until - now };
      if (!found && entries.size >= maxEntries) {
        sweep(now);
        if (entries.size >= maxEntries) throw new DedupeFullError(maxEntries);
      }
      const lease = globalThis.crypto.randomUUID();
      entries.set(key, { lease, until: now + leaseMs });
      return { state: 'claimed', lease };
    },
    complete(key, _lease, doneTtlMs) {
      entries.set(key, { lease: null, until: Date.now() + doneTtlMs });
    },
    release(key, lease) {
      if (entries.get(key)?.lease === lease) entries.delete(key);
    },
  };
}
