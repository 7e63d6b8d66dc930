/** What the kit remembers before opening a window, so the landing page can match the result. */
export interface RememberedRequest {
  merchantUid: string;
  kind: 'payment' | 'billing';
  amount: number;
  /** Epoch milliseconds. */
  startedAt: number;
  customerUid?: string;
}

const STORAGE_KEY = 'react-iamport-jtnet:requests';
const MAX_REMEMBERED = 20;

const isRemembered = (entry: unknown): entry is RememberedRequest =>
  typeof entry === 'object' && entry !== null && typeof (entry as { merchantUid?: unknown }).merchantUid === 'string';

// `sessionStorage` throws (or is missing) on the server, in sandboxed iframes and in some private
// modes: then nothing is remembered, and the landing treats the merchant_uid as unknown (safe).
function readAll(): RememberedRequest[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as unknown[]).filter(isRemembered) : [];
  } catch {
    return [];
  }
}

function writeAll(entries: RememberedRequest[]): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)));
  } catch {
    // no storage, or quota exceeded: see above
  }
}

/**
 * Remember a request in `sessionStorage` (the same tab survives the mobile redirect).
 * A no-op where storage is unavailable.
 *
 * @example
 * rememberRequest({ merchantUid, kind: 'payment', amount: 1004, startedAt: Date.now() })
 */
export function rememberRequest(request: RememberedRequest): void {
  writeAll([...readAll().filter((entry) => entry.merchantUid !== request.merchantUid), request]);
}

/**
 * Find the remembered request for a merchant_uid, or `null` if this tab never sent it.
 *
 * @example
 * recallRequest(result.merchantUid)?.amount
 */
export function recallRequest(merchantUid: string): RememberedRequest | null {
  return readAll().find((entry) => entry.merchantUid === merchantUid) ?? null;
}

/**
 * Forget a remembered request (after the landing has handled it).
 *
 * @example
 * forgetRequest(result.merchantUid)
 */
export function forgetRequest(merchantUid: string): void {
  writeAll(readAll().filter((entry) => entry.merchantUid !== merchantUid));
}
