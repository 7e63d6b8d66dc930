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

/** The in-memory dedupe is full of live leases (events being handled right now): the event is answered "try again later". */
export class DedupeFullError extends Error {
  constructor(maxEntries: number) {
    super(`The in-memory webhook dedupe holds ${maxEntries} events being handled right now; use createRedisDedupe or raise maxEntries.`);
    this.name = 'DedupeFullError';
  }
}

/**
 * In-memory {@link WebhookDedupe} for one process. Leases expire after `leaseMs`, done records
 * after `doneTtlMs`. At `maxEntries` (default 100,000) records, a new claim makes room by
 * forgetting the oldest **done** records (only verified, handled events are recorded, and the
 * oldest is the least likely to be re-sent); it throws {@link DedupeFullError} (answered 503)
 * only when every record is a live lease, i.e. `maxEntries` events are being handled at once.
 *
 * @example
 * import { createMemoryDedupe } from 'react-iamport-jtnet/server'
 *
 * const dedupe = createMemoryDedupe({ maxEntries: 50_000 })
 */
export function createMemoryDedupe({ maxEntries = 100_000 } = {}): WebhookDedupe {
  // Maps iterate in insertion order: the first entry is the oldest.
  const leases = new Map<string, { lease: string; until: number }>();
  const done = new Map<string, number>();
  const size = () => leases.size + done.size;

  const dropExpired = <T>(records: Map<string, T>, until: (record: T) => number, now: number) => {
    for (const [key, record] of records) {
      if (until(record) > now) break;
      records.delete(key);
    }
  };

  const makeRoom = (now: number) => {
    dropExpired(done, (until) => until, now);
    dropExpired(leases, (entry) => entry.until, now);
    for (const key of done.keys()) {
      if (size() < maxEntries) return;
      done.delete(key);
    }
    if (size() < maxEntries) return;
    // Only live leases are left: drop any that expired out of order (leases of different lengths).
    for (const [key, entry] of leases) if (entry.until <= now) leases.delete(key);
    if (size() >= maxEntries) throw new DedupeFullError(maxEntries);
  };

  return {
    claim(key, leaseMs) {
      const now = Date.now();
      const held = leases.get(key);
      if (held && held.until > now) return { state: 'busy', retryAfterMs: held.until - now };
      const doneUntil = done.get(key);
      if (doneUntil !== undefined && doneUntil > now) return { state: 'done' };
      leases.delete(key);
      done.delete(key);
      if (size() >= maxEntries) makeRoom(now);
      const lease = globalThis.crypto.randomUUID();
      leases.set(key, { lease, until: now + leaseMs });
      return { state: 'claimed', lease };
    },
    complete(key, _lease, doneTtlMs) {
      leases.delete(key);
      done.delete(key); // re-inserted as the newest
      done.set(key, Date.now() + doneTtlMs);
    },
    release(key, lease) {
      if (leases.get(key)?.lease === lease) leases.delete(key);
    },
  };
}
