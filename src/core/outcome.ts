import type { RequestPayResponse } from './types';

/**
 * The window finished and i'mport reports success. NOT proof of payment: confirm it on your
 * server (`GET /payments/{imp_uid}`, compare amount and status) before you ship anything.
 */
export interface PaymentSucceeded {
  status: 'succeeded';
  impUid: string;
  merchantUid: string;
  /** Always `false` in the browser; only your server can verify. */
  verified: false;
  response: RequestPayResponse;
}

/** The payment failed (declined, PG error, duplicate merchant_uid, …). */
export interface PaymentFailed {
  status: 'failed';
  /** `error_code` from the SDK, or `'UNKNOWN'` / `'MISSING_IMP_UID'` when the SDK gave none. */
  code: string;
  message: string;
  impUid: string | null;
  merchantUid: string;
  response: RequestPayResponse;
}

/** The buyer closed the window or pressed cancel. Safe to let them try again. */
export interface PaymentCancelled extends Omit<PaymentFailed, 'status'> {
  status: 'cancelled';
}

/** What the payment window itself reported, through the callback or the mobile redirect. */
export type WindowOutcome = PaymentSucceeded | PaymentFailed | PaymentCancelled;

/**
 * The SDK never told us how the request ended: the request was cancelled by the app
 * (`'cancelled'`: `cancel()`, `reset()`), no window could appear (`'no-window'`: the real SDK's
 * silent init failure; no window ever existed for it) or nothing answered (`'timeout'`). The
 * payment may or may not have happened:
 * ask YOUR server by `merchantUid` before you tell the buyer anything, and never show it as
 * "failed, try again" without that check.
 */
export interface PaymentUnknown {
  status: 'unknown';
  reason: 'cancelled' | 'timeout' | 'no-window';
  merchantUid: string;
  impUid: null;
}

/** Every way a request ends: the window's own report, or {@link PaymentUnknown}. */
export type PaymentOutcome = WindowOutcome | PaymentUnknown;

/** How PGs (via i'mport's `error_msg`) and our sandbox say the buyer abandoned the window. */
const CANCELLED = /사용자가\s*결제를\s*취소|결제포기|cancel+ed by (the )?(user|buyer)|user[ _]cancel|^CANCEL+ED$|PAY_PROCESS_CANCELED/i;

/**
 * Whether a failed response means the buyer cancelled (closed the window) rather than a decline.
 *
 * @example
 * isCancellation({ error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' }) // true
 */
export function isCancellation(response: Pick<RequestPayResponse, 'error_code' | 'error_msg'>): boolean {
  return CANCELLED.test(response.error_code ?? '') || CANCELLED.test(response.error_msg ?? '');
}

/** `true`/`"true"` → true, `false`/`"false"` → false, anything else → undefined. */
const readFlag = (value: unknown): boolean | undefined =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;

/**
 * Normalise a `request_pay` callback response (or redirect query) into a {@link WindowOutcome}.
 * Follows the official rule: failure = `error_code` present (the real SDK once misspelled it
 * `error_coe`); `success`/`imp_success` false without a code is a failure too; otherwise the
 * window succeeded and the server must verify.
 *
 * @example
 * toPaymentOutcome({ success: true, imp_uid: 'imp_1', merchant_uid: 'order_1' }).status // 'succeeded'
 */
export function toPaymentOutcome(response: RequestPayResponse, fallbackMerchantUid = ''): WindowOutcome {
  const raw = response ?? ({} as RequestPayResponse);
  const impUid = typeof raw.imp_uid === 'string' && raw.imp_uid !== '' ? raw.imp_uid : null;
  const merchantUid = typeof raw.merchant_uid === 'string' && raw.merchant_uid !== '' ? raw.merchant_uid : fallbackMerchantUid;
  const errorCode = raw.error_code ?? (raw as { error_coe?: string }).error_coe;
  const flag = readFlag(raw.imp_success) ?? readFlag(raw.success);
  const hasError = (errorCode !== undefined && errorCode !== null && errorCode !== '') || flag === false;

  if (!hasError && impUid) {
    return { status: 'succeeded', impUid, merchantUid, verified: false, response: raw };
  }
  const code = hasError ? String(errorCode ?? '') || 'UNKNOWN' : 'MISSING_IMP_UID';
  const message = raw.error_msg || (code === 'MISSING_IMP_UID' ? 'No imp_uid came back, so the payment cannot be verified.' : 'The payment did not complete.');
  const status = isCancellation({ error_code: code, error_msg: message }) ? 'cancelled' : 'failed';
  return { status, code, message, impUid, merchantUid, response: raw };
}
