import type { RequestPayResponse } from '../../core/types';
import { PG_FAILURE_CODE } from './messages';
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
    Object.assign(response, { apply_num: payment.apply_num ?? '', card_name: payment.card_name, card_number: payment.card_number, card_quota: payment.card_quota });
  }
  if (payment.pay_method === 'vbank') {
    Object.assign(response, { vbank_num: payment.vbank_num, vbank_name: payment.vbank_name, vbank_holder: payment.vbank_holder, vbank_date: payment.vbank_date });
  }
  if (payment.customer_uid) response.customer_uid = payment.customer_uid;
  if (!ok) Object.assign(response, { error_code: PG_FAILURE_CODE, error_msg: payment.fail_reason ?? '' });
  return response;
}

/**
 * A failure that happened before any payment existed (cancel, F1002, NOT_READY): `imp_uid` null
 * unless the PG already issued one.
 *
 * @example
 * failureResponse('order_1', 'F1002', '이미 결제가 이루어진 거래건입니다.')
 */
export function failureResponse(merchantUid: string, code: string, message: string, impUid: string | null = null): RequestPayResponse {
  return { success: false, imp_success: false, imp_uid: impUid, merchant_uid: merchantUid, error_code: code, error_msg: message };
}

/**
 * The mobile landing URL: `m_redirect_url` plus `imp_uid`, `merchant_uid`, `imp_success` and,
 * on failure, `error_code` and `error_msg` (what the real SDK appends).
 *
 * @example
 * redirectUrl('https://shop.example/done', { imp_uid: 'imp_1', merchant_uid: 'o1', success: true })
 * // 'https://shop.example/done?imp_uid=imp_1&merchant_uid=o1&imp_success=true'
 */
export function redirectUrl(base: string, response: RequestPayResponse): string {
  const url = new URL(base);
  const ok = response.success !== false && !response.error_code;
  url.searchParams.set('imp_uid', response.imp_uid ?? '');
  url.searchParams.set('merchant_uid', response.merchant_uid);
  url.searchParams.set('imp_success', String(ok));
  if (!ok) {
    url.searchParams.set('error_code', String(response.error_code ?? ''));
    url.searchParams.set('error_msg', String(response.error_msg ?? ''));
  }
  return url.href;
}
