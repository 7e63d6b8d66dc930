import { DEV } from '../../utils/dev';
import { isCardCode } from '../card-codes';
import { describe, type IssueList } from './issues';
import { EMAIL_PATTERN, isAbsoluteHttpUrl, isKoreanPhone, isKoreanPostcode, MERCHANT_UID_MAX_LENGTH, UNSAFE_ID } from './shapes';

type Params = Record<string, unknown>;
// Hints (`DEV && '…'`) are written inline, never through a shared constant: production bundles
// drop the inline strings, but would keep a constant that only hints use.

export const PAY_METHODS = ['card', 'trans', 'vbank', 'phone'] as const;
const NAME_MAX_LENGTH = 40;
const INSTALMENT_MINIMUM = 50_000;
/** Values copied from docs and templates that cannot be unique per order. */
const PLACEHOLDER_UIDS = /^(test|order|merchant_uid|merchant-uid|orderid|order_id|undefined|null|nan|\[object object\])$/i;
const isString = (value: unknown): value is string => typeof value === 'string';
const isBlank = (value: unknown) => !isString(value) || value.trim() === '';

export function checkPg({ pg }: Params, issues: IssueList): void {
  if (pg !== undefined && !(isString(pg) && /^jtnet(\.[\w-]+)?$/.test(pg))) {
    issues.add('pg', `pg must be 'jtnet' or 'jtnet.{MID}'; got ${describe(pg)}.`, DEV && "e.g. 'jtnet.tpaytest0m'; omit it to use the provider's default.");
  }
}

export function checkPayMethod({ pay_method: method }: Params, issues: IssueList, only?: 'card'): void {
  if (only && method !== only) {
    issues.add('pay_method', `pay_method must be 'card' for a billing key; got ${describe(method)}.`, DEV && 'JTNet issues billing keys for cards only.');
  } else if (method === undefined) {
    issues.add('pay_method', 'pay_method is missing;', DEV && `pass one of 'card', 'trans', 'vbank', 'phone'.`);
  } else if (!(PAY_METHODS as readonly unknown[]).includes(method)) {
    issues.add('pay_method', `pay_method ${describe(method)} is not offered by JTNet;`, DEV && `use one of 'card', 'trans', 'vbank', 'phone'.`);
  }
}

export function checkMerchantUid({ merchant_uid: uid }: Params, issues: IssueList): void {
  if (isBlank(uid))
    issues.add(
      'merchant_uid',
      `merchant_uid must be a non-empty string unique to this order; got ${describe(uid)}.`,
      DEV && 'Use createMerchantUid() or your order id.',
    );
  else if ((uid as string).length > MERCHANT_UID_MAX_LENGTH) {
    issues.add(
      'merchant_uid',
      `merchant_uid must be at most ${MERCHANT_UID_MAX_LENGTH} characters; got ${(uid as string).length}.`,
      DEV && 'Use createMerchantUid() or your order id.',
    );
  } else if (UNSAFE_ID.test(uid as string)) {
    issues.add('merchant_uid', `merchant_uid must not contain spaces or control characters; got ${describe(uid)}.`, DEV && 'It travels in redirect URLs.');
  } else if (PLACEHOLDER_UIDS.test(uid as string)) {
    issues.add(
      'merchant_uid',
      `merchant_uid ${describe(uid)} looks like a placeholder, not an id unique to this order;`,
      DEV && `a reused id is refused once paid (F1002). Use createMerchantUid() or your order id.`,
    );
  }
}

export function checkName({ name }: Params, issues: IssueList): void {
  if (name === undefined) return;
  if (!isString(name)) issues.add('name', `name must be a string (the order name); got ${describe(name)}.`);
  else if (name.length > NAME_MAX_LENGTH)
    issues.add('name', `name must be at most ${NAME_MAX_LENGTH} characters; got ${name.length}.`, DEV && 'Shorten the order name, e.g. "Item A and 2 more".');
}

/** Adds an issue unless `value` is a non-negative safe integer number; returns whether it is. */
function checkInteger(field: string, value: unknown, issues: IssueList): boolean {
  if (isString(value) && value.trim() !== '' && Number.isFinite(Number(value))) {
    issues.add(field, `${field} must be a number, not the string ${describe(value)};`, DEV && `pass ${Number(value)} (no quotes).`);
  } else if (typeof value !== 'number' || Number.isNaN(value)) issues.add(field, `${field} must be a number (integer KRW); got ${describe(value)}.`);
  else if (!Number.isInteger(value)) issues.add(field, `${field} must be a whole number of won; got ${value}.`, DEV && `Round it, e.g. Math.round(${value}).`);
  else if (value < 0) issues.add(field, `${field} must not be negative; got ${value}.`);
  else if (!Number.isSafeInteger(value)) issues.add(field, `${field} is too large; got ${value}.`);
  else return true;
  return false;
}

export function checkAmount(params: Params, issues: IssueList, billing: boolean): void {
  const amountOk = checkInteger('amount', params.amount, issues);
  if (amountOk && !billing && params.amount === 0) {
    issues.add('amount', 'amount must be at least 1 for a payment;', DEV && '0 is only allowed with customer_uid (issue a billing key without charging).');
  }
  for (const field of ['tax_free', 'vat_amount']) {
    const value = params[field];
    if (value !== undefined && checkInteger(field, value, issues) && amountOk && (value as number) > (params.amount as number)) {
      issues.add(field, `${field} (${value as number}) must not exceed amount (${params.amount as number}).`);
    }
  }
  if (params.currency !== undefined && params.currency !== 'KRW') {
    issues.add('currency', `currency must be 'KRW' for JTNet; got ${describe(params.currency)}.`, DEV && 'Omit it to default to KRW.');
  }
}

export function checkCustomerUid({ customer_uid: uid }: Params, issues: IssueList, billing: boolean): void {
  if (!billing) {
    if (uid !== undefined)
      issues.add(
        'customer_uid',
        'customer_uid is only for billing-key requests;',
        DEV && 'use useBillingKey()/validateBillingKeyRequest(), or remove it for a one-time payment.',
      );
  } else if (isBlank(uid)) {
    issues.add(
      'customer_uid',
      `customer_uid is required for a billing key; got ${describe(uid)}.`,
      DEV && "Pass a non-empty string you map 1:1 to the buyer's card, e.g. 'user_42_card'.",
    );
  } else if (UNSAFE_ID.test(uid as string)) {
    issues.add('customer_uid', `customer_uid must not contain spaces or control characters; got ${describe(uid)}.`);
  }
}

export function checkUrls({ m_redirect_url: redirect, notice_url: notice }: Params, issues: IssueList): void {
  const check = (field: string, value: unknown) => {
    if (!isString(value) || !isAbsoluteHttpUrl(value)) {
      issues.add(
        field,
        `${field} must be an absolute http(s) URL; got ${describe(value)}.`,
        DEV && 'e.g. https://shop.example/payments/complete; build it with new URL(path, window.location.origin).href.',
      );
    }
  };
  if (redirect !== undefined) check('m_redirect_url', redirect);
  if (notice !== undefined) (Array.isArray(notice) ? notice : [notice]).forEach((url) => check('notice_url', url));
}

export function checkCard({ card }: Params, issues: IssueList): void {
  if (card === undefined) return;
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    issues.add('card', `card must be an object like { detail: [...] }; got ${describe(card)}.`);
    return;
  }
  if ('direct' in card) issues.add('card.direct', 'card.direct is not supported by JTNet;', DEV && 'offer issuers with card.detail (see cardFilter.only()).');
  const detail = (card as { detail?: unknown }).detail;
  if (detail === undefined) return;
  if (Array.isArray(detail)) checkCardRules(detail, issues);
  else
    issues.add(
      'card.detail',
      `card.detail must be an array of { card_code, enabled }; got ${describe(detail)}.`,
      DEV && 'Use cardFilter.only([...]) or cardFilter.exclude([...]).',
    );
}

function checkCardRules(detail: unknown[], issues: IssueList): void {
  const seen = new Set<string>();
  let allOff = false;
  let enablesSome = false;
  detail.forEach((rule, index) => {
    const at = `card.detail[${index}]`;
    if (typeof rule !== 'object' || rule === null) {
      issues.add(at, `${at} must be an object like { card_code: '366', enabled: true }; got ${describe(rule)}.`);
      return;
    }
    const { card_code: code, enabled } = rule as { card_code?: unknown; enabled?: unknown };
    if (typeof enabled !== 'boolean') issues.add(`${at}.enabled`, `${at}.enabled must be true or false; got ${describe(enabled)}.`);
    if (typeof code === 'number') {
      issues.add(
        `${at}.card_code`,
        `${at}.card_code must be a string; got the number ${code}.`,
        DEV && `Pass '${String(code).padStart(3, '0')}' (codes keep their leading zeros).`,
      );
    } else if (code === '*') {
      if (index) issues.add(`${at}.card_code`, `${at}: the '*' rule must come first;`, DEV && "rules apply in order and '*' would override those before it.");
      allOff = enabled === false;
    } else if (!isCardCode(code)) {
      issues.add(
        `${at}.card_code`,
        `${at}.card_code ${describe(code)} is not in the official card code table;`,
        DEV && "use e.g. '366' (Shinhan), '041' (Woori) or '*' for all. See CARD_ISSUERS.",
      );
    } else if (seen.has(code)) {
      issues.add(`${at}.card_code`, `${at}.card_code '${code}' appears twice;`, DEV && 'keep one rule per issuer.');
    } else {
      seen.add(code);
      enablesSome ||= enabled === true;
    }
  });
  if (enablesSome && !allOff) {
    issues.add(
      'card.detail',
      'card.detail enables issuers while every card is already on, so it filters nothing;',
      DEV && "put { card_code: '*', enabled: false } first (cardFilter.only([...]) does this).",
    );
  }
  if (allOff && !enablesSome)
    issues.add('card.detail', 'card.detail switches every card off and enables none, so the window would offer no card;', DEV && 'enable at least one issuer.');
}

export function checkDisplay({ display, amount }: Params, issues: IssueList): void {
  if (display === undefined) return;
  if (typeof display !== 'object' || display === null) {
    issues.add('display', `display must be an object like { card_quota: [2, 3] }; got ${describe(display)}.`);
    return;
  }
  const quota = (display as { card_quota?: unknown }).card_quota;
  if (quota === undefined) return;
  if (!Array.isArray(quota) || quota.some((m) => !Number.isInteger(m) || m < 1 || m > 36)) {
    issues.add(
      'display.card_quota',
      `display.card_quota must be an array of instalment months between 1 and 36; got ${describe(quota)}.`,
      DEV && '[] means lump sum only.',
    );
  } else if (quota.some((m) => m > 1) && typeof amount === 'number' && amount < INSTALMENT_MINIMUM) {
    issues.add(
      'display.card_quota',
      `display.card_quota offers instalments but amount ${amount} is below ₩50,000, the minimum for instalments;`,
      DEV && 'pass [] or raise the amount.',
    );
  }
}

export function checkBuyer(params: Params, issues: IssueList): void {
  const shapes: Array<[string, (value: string) => boolean, string, string | false]> = [
    ['buyer_email', (value) => EMAIL_PATTERN.test(value), 'an e-mail address', DEV && 'use the form name@example.com.'],
    ['buyer_tel', isKoreanPhone, 'a Korean phone number', DEV && 'use e.g. 010-1234-5678 or 02-123-4567.'],
    ['buyer_postcode', isKoreanPostcode, 'a Korean postcode', DEV && 'use 5 digits like 06236.'],
    ['buyer_name', () => true, '', false],
    ['buyer_addr', () => true, '', false],
  ];
  for (const [field, valid, what, hint] of shapes) {
    const value = params[field];
    if (value === undefined || value === '') continue;
    if (!isString(value)) issues.add(field, `${field} must be a string; got ${describe(value)}.`);
    else if (!valid(value)) issues.add(field, `${field} ${describe(value)} is not ${what};`, hint);
  }
}

export function checkMethodExtras(params: Params, issues: IssueList): void {
  const { vbank_due: due, digital, pay_method: method, language, custom_data: data } = params;
  if (due !== undefined && !(isString(due) && isValidDueDate(due))) {
    issues.add('vbank_due', `vbank_due must be a date string YYYYMMDD, YYYYMMDDHHmm or YYYYMMDDHHmmss; got ${describe(due)}.`, DEV && "e.g. '202612312359'.");
  }
  for (const field of ['digital', 'popup']) {
    if (params[field] !== undefined && typeof params[field] !== 'boolean') issues.add(field, `${field} must be true or false; got ${describe(params[field])}.`);
  }
  if (method === 'phone' && digital === undefined) {
    issues.add(
      'digital',
      "digital is required for pay_method 'phone';",
      DEV && 'pass true for digital goods (content, game items) or false for physical goods.',
    );
  }
  if (language !== undefined && language !== 'ko' && language !== 'en') issues.add('language', `language must be 'ko' or 'en'; got ${describe(language)}.`);
  if (data === undefined) return;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    issues.add('custom_data', `custom_data must be a plain object; got ${describe(data)}.`, DEV && 'It is echoed back as a JSON string.');
    return;
  }
  try {
    JSON.stringify(data);
  } catch {
    issues.add('custom_data', 'custom_data must be JSON-serialisable (no cycles, no BigInt).');
  }
}

function isValidDueDate(value: string): boolean {
  const match = /^(\d{4})(\d\d)(\d\d)(?:(\d\d)(\d\d)(\d\d)?)?$/.exec(value);
  if (!match) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}
