import { toPaymentOutcome, type WindowOutcome } from './outcome';
import type { RequestPayResponse } from './types';

/** Query parameters the window appends to `m_redirect_url`. */
export const REDIRECT_PARAMS = ['imp_uid', 'merchant_uid', 'imp_success', 'success', 'error_code', 'error_msg'] as const;

function toSearchParams(input: string | URL | URLSearchParams): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  const text = String(input);
  const queryStart = text.indexOf('?');
  const query = queryStart === -1 ? (text.includes('=') ? text : '') : text.slice(queryStart + 1);
  return new URLSearchParams(query.split('#')[0]);
}

/** Some PGs encode twice: decode once more when what is left still looks percent-encoded. */
function decodeTwice(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Read the mobile redirect query (`imp_uid`, `merchant_uid`, `imp_success` or `success`,
 * `error_code`, `error_msg`) into the same {@link WindowOutcome} union as the callback.
 * Values are strings; a missing flag with no error counts as "succeeded, verify on the server".
 * Returns `null` when the URL carries no payment result at all.
 *
 * @example
 * parseRedirectResult('?imp_uid=imp_1&merchant_uid=order_1&imp_success=true')?.status // 'succeeded'
 * parseRedirectResult(window.location.href)
 */
export function parseRedirectResult(urlOrSearch: string | URL | URLSearchParams): WindowOutcome | null {
  const params = toSearchParams(urlOrSearch);
  const get = (name: string): string | undefined => {
    const value = params.get(name);
    return value === null ? undefined : decodeTwice(value);
  };
  const impUid = get('imp_uid');
  const merchantUid = get('merchant_uid');
  if (!impUid && !merchantUid) return null;
  const response: RequestPayResponse = { imp_uid: impUid || null, merchant_uid: merchantUid ?? '' };
  const impSuccess = get('imp_success');
  const success = get('success');
  if (impSuccess !== undefined) response.imp_success = impSuccess === 'true';
  if (success !== undefined) response.success = success === 'true';
  const errorCode = get('error_code');
  const errorMsg = get('error_msg');
  if (errorCode) response.error_code = errorCode;
  if (errorMsg) response.error_msg = errorMsg;
  return toPaymentOutcome(response);
}
