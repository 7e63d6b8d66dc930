import { getCardIssuer } from '../../core/card-issuers';
import { SANDBOX_CARDS } from './fixtures';

/** What a test card does when charged. `invalid` = not one of the sandbox test cards. */
export type CardVerdict = 'approve' | 'decline' | 'network' | 'invalid';

/** Issuer used when no issuer was chosen (REST key-in): Shinhan. */
export const DEFAULT_CARD_CODE = '366';

/** A field as typed text: a string or a number; anything else (an object, a repeated field's list) reads as empty. */
const typed = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * `4242424242424242`, `4242 4242 …` or `4242-4242-…` → `4242-4242-4242-4242`; `null` unless 16 digits.
 *
 * @example
 * normaliseCardNumber('4242 4242 4242 4242') // '4242-4242-4242-4242'
 */
export function normaliseCardNumber(value: unknown): string | null {
  const digits = typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';
  return /^\d{16}$/.test(digits) ? digits.replace(/(\d{4})(?=\d)/g, '$1-') : null;
}

/**
 * Which test card this is.
 *
 * @example
 * classifyCard('4000000000000002') // 'decline'
 */
export function classifyCard(value: unknown): CardVerdict {
  const number = normaliseCardNumber(value);
  if (number === SANDBOX_CARDS.approve) return 'approve';
  if (number === SANDBOX_CARDS.decline) return 'decline';
  if (number === SANDBOX_CARDS.network) return 'network';
  return 'invalid';
}

/**
 * Masked like PG responses: first 6 and last 4 digits.
 *
 * @example
 * maskCardNumber('4242-4242-4242-4242') // '424242******4242'
 */
export function maskCardNumber(value: unknown): string {
  const digits = typed(value).replace(/\D/g, '');
  return digits.length < 10 ? '*'.repeat(digits.length) : `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

/** `'신한카드'` for `'366'`; overseas brands keep their name. */
export function cardName(code: string | undefined): string {
  const issuer = getCardIssuer(code ?? DEFAULT_CARD_CODE);
  return issuer ? (issuer.overseas ? issuer.en : `${issuer.ko}카드`) : '카드';
}

/** Parse `YYYY-MM`, `YYYYMM`, `MM/YY` or `MMYY` → whether that month has not ended at `nowMs`. */
export function isFutureExpiry(value: unknown, nowMs: number): boolean {
  const text = typeof value === 'string' ? value.trim() : '';
  const long = /^(\d{4})-?(\d{2})$/.exec(text);
  const short = /^(\d{2})\s*\/?\s*(\d{2})$/.exec(text);
  const year = long ? Number(long[1]) : short ? 2000 + Number(short[2]) : NaN;
  const month = long ? Number(long[2]) : short ? Number(short[1]) : NaN;
  if (!(month >= 1 && month <= 12)) return false;
  return Date.UTC(year, month, 1) > nowMs;
}

/** Card fields as the window and the key-in REST endpoints take them. */
export interface CardFields {
  card_number?: unknown;
  expiry?: unknown;
  birth?: unknown;
  pwd_2digit?: unknown;
}

export const CARD_FIELD_MESSAGES = {
  card_number: '카드번호 16자리를 입력하세요. (card_number: 16 digits, e.g. 4242-4242-4242-4242)',
  expiry: '유효기간을 지나지 않은 MM/YY(REST: YYYY-MM)로 입력하세요. (expiry must be a future month)',
  birth: '생년월일 6자리(YYMMDD) 또는 사업자번호 10자리를 입력하세요. (birth: 6 or 10 digits)',
  pwd_2digit: '카드 비밀번호 앞 2자리를 입력하세요. (pwd_2digit: 2 digits)',
} as const;

/**
 * Problems with card fields, by field name (empty when all are fine).
 *
 * @example
 * cardFieldProblems({ card_number: '4242', expiry: '12/99', birth: '900101' }, Date.now(), false)
 * // { card_number: '카드번호 16자리를 …' }
 */
export function cardFieldProblems(fields: CardFields, nowMs: number, requirePassword: boolean): Partial<Record<keyof CardFields, string>> {
  const problems: Partial<Record<keyof CardFields, string>> = {};
  if (!normaliseCardNumber(fields.card_number)) problems.card_number = CARD_FIELD_MESSAGES.card_number;
  if (!isFutureExpiry(fields.expiry, nowMs)) problems.expiry = CARD_FIELD_MESSAGES.expiry;
  if (!/^(\d{6}|\d{10})$/.test(typed(fields.birth).replace(/-/g, ''))) problems.birth = CARD_FIELD_MESSAGES.birth;
  const pwd = fields.pwd_2digit;
  if ((requirePassword || (pwd !== undefined && pwd !== '')) && !/^\d{2}$/.test(typed(pwd))) problems.pwd_2digit = CARD_FIELD_MESSAGES.pwd_2digit;
  return problems;
}

/**
 * A card number as the buyer types it: digits only, at most 16, in groups of four.
 *
 * @example
 * formatCardNumberInput('4242-42424') // '4242 4242 4'
 */
export function formatCardNumberInput(value: string): string {
  return value
    .replace(/\D/g, '')
    .slice(0, 16)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * An expiry as the buyer types it, `MM/YY`: a first digit above 1 becomes `0N`, and a digit
 * that would make the month 00 or above 12 is refused.
 *
 * @example
 * formatExpiryInput('1') // '1'; formatExpiryInput('13') // '1'; formatExpiryInput('1239') // '12/39'; formatExpiryInput('5') // '05'
 */
export function formatExpiryInput(value: string): string {
  let digits = '';
  for (const digit of value.replace(/\D/g, '')) {
    if (digits.length === 0) digits = digit > '1' ? `0${digit}` : digit;
    else if (digits.length === 1) {
      const month = Number(digits + digit);
      if (month >= 1 && month <= 12) digits += digit;
    } else if (digits.length < 4) digits += digit;
  }
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}
