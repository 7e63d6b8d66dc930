import type { SandboxPayment } from '../../sandbox/engine/payment';
import { ApiError } from '../envelope';
import { optionalChoice, optionalInteger } from '../fields';
import type { Fields } from '../parse';

/** A paged list as i'mport returns it: `previous`/`next` are page numbers, 0 when there is none. */
export interface Page<T> {
  total: number;
  previous: number;
  next: number;
  list: T[];
}

/** `page` (from 1) and `limit` (default 20, at most 1000) from a query. */
export function pageParams(query: Fields, { limit: fixedLimit }: { limit?: number } = {}): { page: number; limit: number } {
  const page = optionalInteger(query, 'page', true, 1) ?? 1;
  const limit = fixedLimit ?? optionalInteger(query, 'limit', true, 1, 1000) ?? 20;
  return { page, limit };
}

/** One page of `items`; a page past the data is a 400 (as `GET /payments/status` documents). */
export function paginate<T>(items: readonly T[], page: number, limit: number): Page<T> {
  const total = items.length;
  const pages = Math.ceil(total / limit);
  if (page > 1 && page > pages) throw new ApiError(400, -1, `page ${page} is past the last page (${pages}) of ${total} results.`);
  return { total, previous: page > 1 ? page - 1 : 0, next: page < pages ? page + 1 : 0, list: items.slice((page - 1) * limit, page * limit) };
}

export const PAYMENT_SORTINGS = ['-started', 'started', '-paid', 'paid', '-updated', 'updated'] as const;
type Sorting = (typeof PAYMENT_SORTINGS)[number];

const updatedAt = (p: SandboxPayment) => Math.max(p.started_at, p.paid_at, p.failed_at, p.cancelled_at);
const SORT_KEYS: Record<string, (p: SandboxPayment) => number> = { started: (p) => p.started_at, paid: (p) => p.paid_at, updated: updatedAt };

/** `sorting` from a query (default `-started`, newest first). */
export const sortingParam = (query: Fields): Sorting => optionalChoice(query, 'sorting', PAYMENT_SORTINGS) ?? '-started';

/**
 * Payments (given oldest first) in `sorting` order; equal times keep the order they were made
 * in (newest first when descending).
 */
export function sortPayments(payments: readonly SandboxPayment[], sorting: Sorting): SandboxPayment[] {
  const descending = sorting.startsWith('-');
  const key = SORT_KEYS[descending ? sorting.slice(1) : sorting]!;
  const indexed = payments.map((payment, index) => ({ payment, index, at: key(payment) }));
  indexed.sort((a, b) => (descending ? b.at - a.at || b.index - a.index : a.at - b.at || a.index - b.index));
  return indexed.map((entry) => entry.payment);
}
