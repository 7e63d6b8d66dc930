import { Checks } from '../check';
import type { ChargeBillingKeyParams, IssueBillingKeyParams, PayOnetimeParams } from '../params';
import { path, type Transport } from '../transport';
import type { BillingKey, Payment, PaymentPage } from '../types';

/** Billing keys and the charges made with them (or with a card typed in on the server). */
export interface BillingMethods {
  /** `POST /subscribe/payments/again`: resolves only with a `paid` payment of `amount`; a decline throws `IamportPaymentDeclinedError`. */
  chargeBillingKey(params: ChargeBillingKeyParams): Promise<Payment>;
  /** `POST /subscribe/payments/onetime` (key-in): same outcome rules as `chargeBillingKey`. */
  payOnetime(params: PayOnetimeParams): Promise<Payment>;
  /** `POST /subscribe/customers/{customer_uid}`: stores the card as a billing key on the `channel_key` channel. */
  issueBillingKey(params: IssueBillingKeyParams): Promise<BillingKey>;
  /** `GET /subscribe/customers/{customer_uid}`. */
  getBillingKey(customerUid: string): Promise<BillingKey>;
  /** `DELETE /subscribe/customers/{customer_uid}`. */
  deleteBillingKey(customerUid: string, options?: { reason?: string }): Promise<BillingKey>;
  /** `GET /subscribe/customers/{customer_uid}/payments`: the payments made with the key, a page at a time. */
  getBillingKeyPayments(customerUid: string, options?: { page?: number }): Promise<PaymentPage>;
}

const checkChargeOptions = (checks: Checks, params: Partial<ChargeBillingKeyParams>) =>
  checks
    .amount('tax_free', params.tax_free, { min: 0, optional: true })
    .amount('vat_amount', params.vat_amount, { min: 0, optional: true })
    .integer('card_quota', params.card_quota, { min: 0, max: 60 });

/** The card number as sent and as bare digits: an echo of it is redacted even when it fails Luhn (a typo is still most of a real number). */
const cardForms = (cardNumber: string) => [cardNumber, cardNumber.replace(/-/g, '')];

export function billingMethods({ authed, lookup, charge }: Transport): BillingMethods {
  return {
    async chargeBillingKey(params) {
      const checks = new Checks('chargeBillingKey');
      if (checks.object(params, 'params')) {
        checks
          .id('customer_uid', params.customer_uid)
          .merchantUid('merchant_uid', params.merchant_uid)
          .amount('amount', params.amount)
          .text('name', params.name, false);
        checkChargeOptions(checks, params).text('channel_key', params.channel_key);
      }
      checks.done();
      return charge({ method: 'POST', path: '/subscribe/payments/again', body: params }, params.amount);
    },

    async payOnetime(params) {
      const checks = new Checks('payOnetime');
      if (checks.object(params, 'params')) {
        checks.merchantUid('merchant_uid', params.merchant_uid).amount('amount', params.amount).card(params);
        checkChargeOptions(checks, params).id('customer_uid', params.customer_uid, true).text('name', params.name);
      }
      checks.done();
      return charge({ method: 'POST', path: '/subscribe/payments/onetime', body: params, redactAlso: cardForms(params.card_number) }, params.amount);
    },

    async issueBillingKey(params) {
      const checks = new Checks('issueBillingKey');
      if (checks.object(params, 'params')) {
        checks.id('customer_uid', params.customer_uid).card(params);
        if (typeof params.channel_key !== 'string' || params.channel_key.trim() === '') {
          checks.add(
            'channel_key',
            "channel_key is required (since 2026-05-20): pass the channel key from the i'mport console, [연동관리] → [연동 정보] (a test channel issues test keys).",
          );
        }
      }
      checks.done();
      const { customer_uid: customerUid, ...body } = params;
      const spec = {
        method: 'POST',
        path: path('subscribe', 'customers', customerUid),
        body,
        retrySafe: false,
        redactAlso: cardForms(params.card_number),
      } as const;
      return (await authed<BillingKey>(spec)).response;
    },

    async getBillingKey(customerUid) {
      new Checks('getBillingKey').id('customerUid', customerUid).done();
      return lookup<BillingKey>(path('subscribe', 'customers', customerUid));
    },

    async deleteBillingKey(customerUid, { reason } = {}) {
      new Checks('deleteBillingKey').id('customerUid', customerUid).text('reason', reason).done();
      const spec = { method: 'DELETE', path: path('subscribe', 'customers', customerUid), query: { reason }, retrySafe: false } as const;
      return (await authed<BillingKey>(spec)).response;
    },

    async getBillingKeyPayments(customerUid, { page } = {}) {
      new Checks('getBillingKeyPayments').id('customerUid', customerUid).integer('page', page, { min: 1 }).done();
      return lookup<PaymentPage>(path('subscribe', 'customers', customerUid, 'payments'), { page });
    },
  };
}
