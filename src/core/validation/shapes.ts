/** Input shapes shared by the validators and the form fields (Korean formats). */

/** Longest order id i'mport accepts. */
export const MERCHANT_UID_MAX_LENGTH = 40;

/** Ids travel in redirect URLs: no whitespace or control characters. */
export const UNSAFE_ID = /[\s\p{Cc}]/u;

/** A plausible e-mail address: something@domain.tld, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Whether a string is a Korean phone number: mobile (010-1234-5678), Seoul (02-123-4567),
 * other area codes (031-123-4567), 050x/070 numbers, 15xx/16xx/18xx representative numbers,
 * with or without hyphens/spaces, or with a +82 prefix.
 *
 * @example
 * isKoreanPhone('010-1234-5678') // true
 * isKoreanPhone('1234')          // false
 */
export function isKoreanPhone(value: string): boolean {
  let digits = value.trim().replace(/[\s-]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3).replace(/^0/, '');
  if (!/^\d+$/.test(digits)) return false;
  if (/^01[016789]\d{7,8}$/.test(digits)) return true; // mobile
  if (/^02\d{7,8}$/.test(digits)) return true; // Seoul
  if (/^0[3-6][1-5]\d{7,8}$/.test(digits)) return true; // other areas
  if (/^0(50\d|70)\d{7,8}$/.test(digits)) return true; // personal / internet numbers
  return /^1[5-9]\d{6}$/.test(digits); // 1588-1234
}

/**
 * Whether a string is a Korean postcode: 5 digits (since 2015), or the old 123-456 form.
 *
 * @example
 * isKoreanPostcode('06236')   // true
 * isKoreanPostcode('135-080') // true
 */
export function isKoreanPostcode(value: string): boolean {
  return /^\d{5}$/.test(value.trim()) || /^\d{3}-?\d{3}$/.test(value.trim());
}

/**
 * Whether a string is an absolute http(s) URL (what `m_redirect_url` and `notice_url` must be).
 *
 * @example
 * isAbsoluteHttpUrl('https://shop.example/payments/complete') // true
 * isAbsoluteHttpUrl('/payments/complete') // false: build it with new URL(path, location.origin).href
 */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return Boolean(new URL(value).host);
  } catch {
    return false;
  }
}
