import { getSessionStorage } from '../utils/safe-storage';

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

function readAll(storage: Storage): RememberedRequest[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is RememberedRequest => typeof entry?.merchantUid === 'string') : [];
  } catch {
    return [];
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
  const storage = getSessionStorage();
  if (!storage) return;
  const others = readAll(storage).filter((entry) => entry.merchantUid !== request.merchantUid);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify([...others, request].slice(-MAX_REMEMBERED)));
  } catch {
    // quota exceeded: the landing will report the merchant_uid as unknown, which is safe
  }
}

/**
 * Find the remembered request for a merchant_uid, or `null` if this tab never sent it.
 *
 * @example
 * recallRequest(result.merchantUid)?.amount
 */
export function recallRequest(merchantUid: string): RememberedRequest | null {
  const storage = getSessionStorage();
  if (!storage) return null;
  return readAll(storage).find((entry) => entry.merchantUid === merchantUid) ?? null;
}

/**
 * Forget a remembered request (after the landing has handled it).
 *
 * @example
 * forgetRequest(result.merchantUid)
 */
export function forgetRequest(merchantUid: string): void {
  const storage = getSessionStorage();
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(readAll(storage).filter((entry) => entry.merchantUid !== merchantUid)));
  } catch {
    // ignore: nothing to forget where we cannot write
  }
}
