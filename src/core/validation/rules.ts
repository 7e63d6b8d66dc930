import { isCardCode } from '../card-issuers';
import { MERCHANT_UID_MAX_LENGTH } from '../merchant-uid';
import { describe, type IssueList } from './issues';
import { EMAIL_PATTERN, isAbsoluteHttpUrl, isKoreanPhone, isKoreanPostcode } from './shapes';

type Params = Record<string, unknown>;

export const PAY_METHODS = ['card', 'trans', 'vbank', 'phone'] as const;
const NAME_MAX_LENGTH = 40;
const INSTALMENT_MINIMUM = 50_000;
/** Values copied from docs and templates that cannot be unique per order. */
const PLACEHOLDER_UIDS = /^(test|order|merchant_uid|merchant-uid|orderid|order_id|undefined|null|nan|\[object object\])$/i;

export function checkPg(params: Params, issues: IssueList): void {
  const { pg } = params;
  if (pg === undefined) return;
  if (typeof pg !== 'string' || !/^jtnet(\.[A-Za-z0-9_-]+)?$/.test(pg)) {
    issues.add('pg', `pg must be 'jtnet' or 'jtnet.{MID}' (e.g. 'jtnet.tpaytest0m'); got ${describe(pg)}. Omit it to use the provider's default.`);
  }
}

export function checkPayMethod(params: Params, issues: IssueList, only?: 'card'): void {
  const method = params.pay_method;
  if (only && method !== only) {
    issues.add('pay_method', `pay_method must be 'card' for a billing key (JTNet issues billing keys for cards only); got ${describe(method)}.`);
    return;
  }
  if (method === undefined) {
    issues.add('pay_method', `pay_method is missing; pass one of ${PAY_METHODS.map((m) => `'${m}'`).join(', ')}.`);
  } else if (!(PAY_METHODS as readonly unknown[]).includes(method)) {
    issues.add('pay_method', `pay_method ${describe(method)} is not offered by JTNet; use one of ${PAY_METHODS.map((m) => `'${m}'`).join(', ')}.`);
  }
}

export function checkMerchantUid(params: Params, issues: IssueList): void {
  const uid = params.merchant_uid;
  if (typeof uid !== 'string' || uid.trim() === '') {
    issues.add('merchant_uid', `merchant_uid must be a non-empty string unique to this order; got ${describe(uid)}. Use createMerchantUid() or your order id.`);
  } else if (uid.length > MERCHANT_UID_MAX_LENGTH) {
    issues.add('merchant_uid', `merchant_uid must be at most ${MERCHANT_UID_MAX_LENGTH} characters; got ${uid.length}. Shorten it or use createMerchantUid().`);
  } else if (/[\s\u0000-\u001f\u007f]/.test(uid)) {
    issues.add('merchant_uid', `merchant_uid must not contain spaces or control characters (it travels in redirect URLs); got ${describe(uid)}.`);
  } else if (PLACEHOLDER_UIDS.test(uid)) {
    issues.add('merchant_uid', `merchant_uid ${describe(uid)} looks like a placeholder, not an id unique to this order; a reused id is refused once paid (F1002). Use createMerchantUid().`);
  }
}

export function checkName(params: Params, issues: IssueList): void {
  const { name } = params;
  if (name === undefined) return;
  if (typeof name !== 'string') issues.add('name', `name must be a string (the order name); got ${describe(name)}.`);
  else if (name.length > NAME_MAX_LENGTH) issues.add('name', `name must be at most ${NAME_MAX_LENGTH} characters; got ${name.length}. Shorten the order name, e.g. "Item A and 2 more".`);
}

function integerIssue(field: string, value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return `${field} must be a number, not the string ${describe(value)}; pass ${Number(value)} (no quotes).`;
  }
  if (typeof value !== 'number' || Number.isNaN(value)) return `${field} must be a number (integer KRW); got ${describe(value)}.`;
  if (!Number.isInteger(value)) return `${field} must be a whole number of won; got ${value}. Round it, e.g. Math.round(${value}).`;
  if (value < 0) return `${field} must not be negative; got ${value}.`;
  if (!Number.isSafeInteger(value)) return `${field} is too large; got ${value}.`;
  return null;
}

export function checkAmount(params: Params, issues: IssueList, billing: boolean): void {
  const problem = integerIssue('amount', params.amount);
  if (problem) issues.add('amount', problem);
  else if (!billing && params.amount === 0) {
    issues.add('amount', 'amount must be at least 1 for a payment; 0 is only allowed with customer_uid (issue a billing key without charging).');
  }
  for (const field of ['tax_free', 'vat_amount'] as const) {
    if (params[field] === undefined) continue;
    const fieldProblem = integerIssue(field, params[field]);
    if (fieldProblem) issues.add(field, fieldProblem);
    else if (!problem && (params[field] as number) > (params.amount as number)) {
      issues.add(field, `${field} (${params[field] as number}) must not exceed amount (${params.amount as number}).`);
    }
  }
  if (params.currency !== undefined && params.currency !== 'KRW') {
    issues.add('currency', `currency must be 'KRW' for JTNet; got ${describe(params.currency)}. Omit it to default to KRW.`);
  }
}

export function checkCustomerUid(params: Params, issues: IssueList, billing: boolean): void {
  const uid = params.customer_uid;
  if (!billing) {
    if (uid !== undefined) {
      issues.add('customer_uid', 'customer_uid is only for billing-key requests; use useBillingKey()/validateBillingKeyRequest(), or remove it for a one-time payment.');
    }
    return;
  }
  if (typeof uid !== 'string' || uid.trim() === '') {
    issues.add('customer_uid', `customer_uid is required for a billing key: a non-empty string you map 1:1 to the buyer's card, e.g. 'user_42_card'; got ${describe(uid)}.`);
  } else if (/[\s\u0000-\u001f\u007f]/.test(uid)) {
    issues.add('customer_uid', `customer_uid must not contain spaces or control characters; got ${describe(uid)}.`);
  }
}

function checkUrl(params: Params, field: 'm_redirect_url' | 'notice_url', value: unknown, issues: IssueList): void {
  if (typeof value !== 'string' || !isAbsoluteHttpUrl(value)) {
    issues.add(field, `${field} must be an absolute http(s) URL like https://shop.example/payments/complete; got ${describe(value)}. Build it with new URL(path, window.location.origin).href.`);
  }
}

export function checkUrls(params: Params, issues: IssueList): void {
  if (params.m_redirect_url !== undefined) checkUrl(params, 'm_redirect_url', params.m_redirect_url, issues);
  const notice = params.notice_url;
  if (notice === undefined) return;
  if (Array.isArray(notice)) notice.forEach((url) => checkUrl(params, 'notice_url', url, issues));
  else checkUrl(params, 'notice_url', notice, issues);
}

export function checkCard(params: Params, issues: IssueList): void {
  const { card } = params;
  if (card === undefined) return;
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    issues.add('card', `card must be an object like { detail: [...] }; got ${describe(card)}.`);
    return;
  }
  if ('direct' in card) issues.add('card.direct', 'card.direct is not supported by JTNet; offer issuers with card.detail (see cardFilter.only()).');
  const detail = (card as { detail?: unknown }).detail;
  if (detail === undefined) return;
  if (!Array.isArray(detail)) {
    issues.add('card.detail', `card.detail must be an array of { card_code, enabled }; got ${describe(detail)}. Use cardFilter.only([...]) or cardFilter.exclude([...]).`);
    return;
  }
  checkCardRules(detail, issues);
}

function checkCardRules(detail: unknown[], issues: IssueList): void {
  const seen = new Set<string>();
  let starIndex = -1;
  let starEnabled = true;
  let enablesSome = false;
  detail.forEach((rule, index) => {
    const at = `card.detail[${index}]`;
    if (typeof rule !== 'object' || rule === null) {
      issues.add(at, `${at} must be an object { card_code: '366', enabled: true }; got ${describe(rule)}.`);
      return;
    }
    const { card_code: code, enabled } = rule as { card_code?: unknown; enabled?: unknown };
    if (typeof enabled !== 'boolean') issues.add(`${at}.enabled`, `${at}.enabled must be true or false; got ${describe(enabled)}.`);
    if (typeof code === 'number') {
      issues.add(`${at}.card_code`, `${at}.card_code must be a string; got the number ${code}. Pass '${String(code).padStart(3, '0')}' (codes keep their leading zeros).`);
    } else if (code === '*') {
      if (index !== 0) issues.add(`${at}.card_code`, `${at}: the '*' rule must come first, because rules apply in order and '*' would override those before it.`);
      starIndex = index;
      starEnabled = enabled !== false;
    } else if (!isCardCode(code)) {
      issues.add(`${at}.card_code`, `${at}.card_code ${describe(code)} is not in the official card code table; use e.g. '366' (Shinhan), '041' (Woori) or '*' for all. See CARD_ISSUERS.`);
    } else if (seen.has(code)) {
      issues.add(`${at}.card_code`, `${at}.card_code '${code}' appears twice; keep one rule per issuer.`);
    } else {
      seen.add(code);
      if (enabled === true) enablesSome = true;
    }
  });
  if (enablesSome && (starIndex === -1 || starEnabled)) {
    issues.add('card.detail', `card.detail enables issuers while every card is already on, so it filters nothing; put { card_code: '*', enabled: false } first (cardFilter.only([...]) does this).`);
  }
  if (starIndex !== -1 && !starEnabled && !enablesSome) {
    issues.add('card.detail', `card.detail switches every card off and enables none, so the window would offer no card; enable at least one issuer.`);
  }
}

export function checkDisplay(params: Params, issues: IssueList): void {
  const { display } = params;
  if (display === undefined) return;
  if (typeof display !== 'object' || display === null) {
    issues.add('display', `display must be an object like { card_quota: [2, 3] }; got ${describe(display)}.`);
    return;
  }
  const quota = (display as { card_quota?: unknown }).card_quota;
  if (quota === undefined) return;
  if (!Array.isArray(quota) || quota.some((m) => typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 36)) {
    issues.add('display.card_quota', `display.card_quota must be an array of instalment months between 1 and 36 ([] = lump sum only); got ${describe(quota)}.`);
    return;
  }
  const amount = params.amount;
  if (quota.some((m) => m > 1) && typeof amount === 'number' && amount < INSTALMENT_MINIMUM) {
    issues.add('display.card_quota', `display.card_quota offers instalments but amount ${amount} is below ₩50,000, the minimum for instalments; pass [] or raise the amount.`);
  }
}

export function checkBuyer(params: Params, issues: IssueList): void {
  for (const field of ['buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode'] as const) {
    const value = params[field];
    if (value !== undefined && typeof value !== 'string') issues.add(field, `${field} must be a string; got ${describe(value)}.`);
  }
  const { buyer_email: email, buyer_tel: tel, buyer_postcode: postcode } = params;
  if (typeof email === 'string' && email !== '' && !EMAIL_PATTERN.test(email)) {
    issues.add('buyer_email', `buyer_email ${describe(email)} is not an e-mail address; use the form name@example.com.`);
  }
  if (typeof tel === 'string' && tel !== '' && !isKoreanPhone(tel)) {
    issues.add('buyer_tel', `buyer_tel ${describe(tel)} is not a Korean phone number; use e.g. 010-1234-5678 or 02-123-4567.`);
  }
  if (typeof postcode === 'string' && postcode !== '' && !isKoreanPostcode(postcode)) {
    issues.add('buyer_postcode', `buyer_postcode ${describe(postcode)} is not a Korean postcode; use 5 digits like 06236.`);
  }
}

export function checkMethodExtras(params: Params, issues: IssueList): void {
  const { vbank_due: due, digital, pay_method: method } = params;
  if (due !== undefined && (typeof due !== 'string' || !isValidDueDate(due))) {
    issues.add('vbank_due', `vbank_due must be a date string YYYYMMDD, YYYYMMDDHHmm or YYYYMMDDHHmmss, e.g. '202612312359'; got ${describe(due)}.`);
  }
  if (digital !== undefined && typeof digital !== 'boolean') issues.add('digital', `digital must be true or false; got ${describe(digital)}.`);
  else if (method === 'phone' && digital === undefined) {
    issues.add('digital', "digital is required for pay_method 'phone'; pass true for digital goods (content, game items) or false for physical goods.");
  }
  for (const field of ['popup'] as const) {
    if (params[field] !== undefined && typeof params[field] !== 'boolean') issues.add(field, `${field} must be true or false; got ${describe(params[field])}.`);
  }
  if (params.language !== undefined && params.language !== 'ko' && params.language !== 'en') {
    issues.add('language', `language must be 'ko' or 'en'; got ${describe(params.language)}.`);
  }
  if (params.custom_data !== undefined) checkCustomData(params.custom_data, issues);
}

function checkCustomData(data: unknown, issues: IssueList): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    issues.add('custom_data', `custom_data must be a plain object (it is echoed back as JSON); got ${describe(data)}.`);
    return;
  }
  try {
    JSON.stringify(data);
  } catch {
    issues.add('custom_data', 'custom_data must be JSON-serialisable (no cycles, no BigInt); it is echoed back as a JSON string.');
  }
}

function isValidDueDate(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(value);
  if (!match) return false;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
  return date.getUTCMonth() === +mo! - 1 && date.getUTCDate() === +d! && +h < 24 && +mi < 60 && +s < 60;
}
