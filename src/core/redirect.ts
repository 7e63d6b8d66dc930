import { toPaymentOutcome, type WindowOutcome } from './outcome';
import type { RequestPayResponse } from './types';

/** Query parameters the window appends to `m_redirect_url`. */
export const REDIRECT_PARAMS = ['imp_uid', 'merchant_uid', 'imp_success', 'success', 'error_code', 'error_msg'] as const;

/**
 * A page's query as a plain object, e.g. Next.js's (awaited) `searchParams` prop. A repeated
 * parameter (an array) counts by its first value, as `URLSearchParams.get` does.
 *
 * @example
 * const query: RedirectSearchParams = { imp_uid: 'imp_1', merchant_uid: 'order_1', imp_success: 'true' }
 */
export type RedirectSearchParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What {@link parseRedirectResult} reads: a URL, a query string, `URLSearchParams` or a query object. */
export type RedirectSource = string | URL | URLSearchParams | RedirectSearchParams;

function queryOf(text: string): URLSearchParams {
  const queryStart = text.indexOf('?');
  const query = queryStart === -1 ? (text.includes('=') ? text : '') : text.slice(queryStart + 1);
  return new URLSearchParams(query.split('#')[0]);
}

/** The window's parameters only (first value of each); nothing else in the input is read. */
function toSearchParams(input: RedirectSource): URLSearchParams {
  const source = input instanceof URL ? input.searchParams : typeof input === 'object' ? input : queryOf(String(input));
  const params = new URLSearchParams();
  for (const name of REDIRECT_PARAMS) {
    // A query object is read by own properties only: an inherited `imp_success` changes nothing.
    const own = !(source instanceof URLSearchParams) && Object.prototype.hasOwnProperty.call(source, name);
    const value = source instanceof URLSearchParams ? source.get(name) : own ? source[name] : undefined;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params.set(name, first);
  }
  return params;
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
 * The payment result part of a landing URL or query, as a query string (`?imp_uid=…`), or `''`
 * when there is none: a stable value to compare renders by.
 *
 * @example
 * redirectQuery({ imp_uid: 'imp_1', merchant_uid: 'order_1', utm_source: 'x' }) // '?imp_uid=imp_1&merchant_uid=order_1'
 */
export function redirectQuery(input: RedirectSource): string {
  const query = String(toSearchParams(input));
  return query && `?${query}`;
}

/**
 * Read the mobile redirect query (`imp_uid`, `merchant_uid`, `imp_success` or `success`,
 * `error_code`, `error_msg`) into the same {@link WindowOutcome} union as the callback.
 * Values are strings; a missing flag with no error counts as "succeeded, verify on the server".
 * Returns `null` when the URL carries no payment result at all. Takes a URL, a query string,
 * `URLSearchParams`, or a query object such as Next.js's awaited `searchParams`.
 *
 * @example
 * parseRedirectResult('?imp_uid=imp_1&merchant_uid=order_1&imp_success=true')?.status // 'succeeded'
 * parseRedirectResult(window.location.href)
 * parseRedirectResult(await searchParams) // in a Next.js page
 */
export function parseRedirectResult(urlOrSearch: RedirectSource): WindowOutcome | null {
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
