import type { RequestPayResponse } from '../../core/types';
import { NOT_READY_CODE, NOT_READY_MESSAGE, PG_FAILURE_CODE, UNKNOWN_PG_CODE, UNKNOWN_PG_MESSAGE } from './messages';
import type { SandboxPayment } from './payment';

/**
 * The `request_pay` callback response for a recorded payment (success, vbank issued or a
 * PG failure with `error_code`/`error_msg`).
 *
 * @example
 * toCallbackResponse(payment).paid_amount // 1004
 */
export function toCallbackResponse(payment: SandboxPayment): RequestPayResponse {
  const ok = payment.status !== 'failed';
  const response: RequestPayResponse = {
    success: ok,
    imp_success: ok,
    imp_uid: payment.imp_uid,
    merchant_uid: payment.merchant_uid,
    pay_method: payment.pay_method,
    paid_amount: payment.amount,
    status: payment.status === 'cancelled' ? 'paid' : payment.status,
    name: payment.name ?? undefined,
    pg_provider: payment.pg_provider,
    pg_type: 'payment',
    pg_tid: payment.pg_tid,
    currency: payment.currency,
    buyer_name: payment.buyer_name ?? '',
    buyer_email: payment.buyer_email ?? '',
    buyer_tel: payment.buyer_tel ?? '',
    buyer_addr: payment.buyer_addr ?? '',
    buyer_postcode: payment.buyer_postcode ?? '',
    custom_data: payment.custom_data,
    paid_at: payment.paid_at,
    receipt_url: payment.receipt_url,
  };
  if (payment.pay_method === 'card') {
    Object.assign(response, {
      apply_num: payment.apply_num ?? '',
      card_name: payment.card_name,
      card_number: payment.card_number,
      card_quota: payment.card_quota,
    });
  }
  if (payment.pay_method === 'vbank') {
    Object.assign(response, {
      vbank_num: payment.vbank_num,
      vbank_name: payment.vbank_name,
      vbank_holder: payment.vbank_holder,
      vbank_date: payment.vbank_date,
    });
  }
  if (payment.customer_uid) response.customer_uid = payment.customer_uid;
  if (!ok) Object.assign(response, { error_code: PG_FAILURE_CODE, error_msg: payment.fail_reason ?? '' });
  return response;
}

/**
 * A failure that happened before any payment existed (cancel, F1002): `imp_uid` null
 * unless the PG already issued one.
 *
 * @example
 * failureResponse('order_1', 'F1002', '이미 결제가 이루어진 거래건입니다.')
 */
export function failureResponse(merchantUid: string, code: string, message: string, impUid: string | null = null): RequestPayResponse {
  return { success: false, imp_success: false, imp_uid: impUid, merchant_uid: merchantUid, error_code: code, error_msg: message };
}

/** `base` with `added` (`k=v&…`) after its own query, which is kept as it was (a `&` between them), before its hash. */
function appendQuery(base: string, added: string): string {
  const url = new URL(base);
  const hash = url.hash;
  url.hash = '';
  const separator = url.search ? '&' : url.href.endsWith('?') ? '' : '?';
  return `${url.href}${separator}${added}${hash}`;
}

/**
 * The redirect the PG makes on a phone when the window ends (the SDK's `proxy.post`):
 * `m_redirect_url` plus `imp_uid`, `merchant_uid`, `imp_success` and, on failure,
 * `error_code` and `error_msg`, each value percent-encoded. The merchant's own query is kept
 * byte for byte (`ref=a%20b` stays `ref=a%20b`).
 *
 * @example
 * pgRedirectUrl('https://shop.example/done?ref=a%20b', { imp_uid: 'imp_1', merchant_uid: 'o1', success: true })
 * // 'https://shop.example/done?ref=a%20b&imp_uid=imp_1&merchant_uid=o1&imp_success=true'
 */
export function pgRedirectUrl(base: string, response: RequestPayResponse): string {
  const ok = response.success !== false && !response.error_code;
  const fields: [string, unknown][] = [
    ['imp_uid', response.imp_uid ?? ''],
    ['merchant_uid', response.merchant_uid],
    ['imp_success', ok],
  ];
  if (!ok) fields.push(['error_code', response.error_code ?? ''], ['error_msg', response.error_msg ?? '']);
  return appendQuery(base, fields.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join('&'));
}

/** Where the real SDK sends a phone that failed without a callback and without `m_redirect_url`. */
export const SDK_FAIL_PAGE = 'https://service.iamport.kr/payments/fail';

/**
 * The redirect the real SDK makes by itself on a phone when `request_pay` got no callback and
 * the answer is a failure: `imp_uid` (empty when null), `merchant_uid`, `imp_success=false` and
 * `error_msg` (no `error_code`) written raw after the query, then the whole URL through
 * `encodeURI`, so an already-encoded query is encoded twice (`ref=a%20b` → `ref=a%2520b`).
 * Like the SDK it adds no `&` when the query already holds one. Without `m_redirect_url`:
 * the SDK's own fail page with `imp_uid`, `success=false`, `error_msg`.
 *
 * @example
 * sdkFailureRedirectUrl('https://shop.example/done?ref=a%20b', { imp_uid: null, merchant_uid: 'o1', success: false, error_msg: '취소' })
 * // 'https://shop.example/done?ref=a%2520b&imp_uid=&merchant_uid=o1&imp_success=false&error_msg=%EC%B7%A8%EC%86%8C'
 */
export function sdkFailureRedirectUrl(base: string | undefined, response: RequestPayResponse, failPage: string = SDK_FAIL_PAGE): string {
  const fields: [string, unknown][] = base
    ? [
        ['imp_uid', response.imp_uid],
        ['merchant_uid', response.merchant_uid],
        ['imp_success', 'false'],
        ['error_msg', response.error_msg],
      ]
    : [
        ['imp_uid', response.imp_uid],
        ['success', 'false'],
        ['error_msg', response.error_msg],
      ];
  const url = new URL(base ?? failPage);
  const added = fields.map((field) => field.join('=')).join('&');
  const search = url.search ? (url.search.includes('&') ? url.search + added : `${url.search}&${added}`) : `?${added}`;
  return encodeURI(`${url.protocol}//${url.host}${url.pathname}${search}${url.hash}`);
}

/**
 * The real SDK's answer when the merchant has no channel at all: no `imp_success`.
 *
 * @example
 * notReadyResponse('order_1').error_code // 'NOT_READY'
 */
export function notReadyResponse(merchantUid: string): RequestPayResponse {
  return { success: false, imp_uid: null, merchant_uid: merchantUid, error_code: NOT_READY_CODE, error_msg: NOT_READY_MESSAGE };
}

/**
 * The real SDK's F1001 answer: `imp_success: false` and the key misspelled `error_coe`.
 *
 * @example
 * unknownPgResponse('order_1').error_coe // 'F1001'
 */
export function unknownPgResponse(merchantUid: string): RequestPayResponse {
  return { imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_coe: UNKNOWN_PG_CODE, error_msg: UNKNOWN_PG_MESSAGE };
}
