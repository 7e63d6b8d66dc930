import { describe, expect, it } from 'vitest';
import { IamportError, validateBillingKeyRequest, validatePaymentRequest, validateRequest } from '../../src/core';

const valid = { pg: 'jtnet', pay_method: 'card', merchant_uid: 'order_mhx1k2p0a8f3', name: 'Coffee beans 1kg', amount: 1004 } as const;

function errorOf(fn: () => unknown): IamportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IamportError);
    return error as IamportError;
  }
  throw new Error('expected the validator to throw');
}

const refused: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['string amount', { amount: '1004' }, 'amount', /must be a number, not the string "1004"; pass 1004/],
  ['fractional amount', { amount: 10.5 }, 'amount', /whole number of won/],
  ['negative amount', { amount: -1 }, 'amount', /must not be negative/],
  ['NaN amount', { amount: Number.NaN }, 'amount', /must be a number/],
  ['unsafe amount', { amount: 2 ** 60 }, 'amount', /too large/],
  ['zero amount payment', { amount: 0 }, 'amount', /at least 1 for a payment; 0 is only allowed with customer_uid/],
  ['tax_free above amount', { tax_free: 2000 }, 'tax_free', /must not exceed amount/],
  ['string vat', { vat_amount: '10' }, 'vat_amount', /must be a number, not the string/],
  ['other currency', { currency: 'USD' }, 'currency', /'KRW' for JTNet/],
  ['missing pay_method', { pay_method: undefined }, 'pay_method', /pay_method is missing/],
  ['unknown pay_method', { pay_method: 'kakaopay' }, 'pay_method', /not offered by JTNet/],
  ['other pg', { pg: 'html5_inicis' }, 'pg', /'jtnet' or 'jtnet\.\{MID\}'/],
  ['missing merchant_uid', { merchant_uid: undefined }, 'merchant_uid', /non-empty string unique to this order/],
  ['long merchant_uid', { merchant_uid: 'x'.repeat(41) }, 'merchant_uid', /at most 40 characters; got 41/],
  ['merchant_uid with spaces', { merchant_uid: 'order 1' }, 'merchant_uid', /spaces or control characters/],
  ['placeholder merchant_uid', { merchant_uid: 'merchant_uid' }, 'merchant_uid', /looks like a placeholder/],
  ['long name', { name: 'n'.repeat(41) }, 'name', /at most 40 characters/],
  ['customer_uid on a payment', { customer_uid: 'user_1' }, 'customer_uid', /only for billing-key requests/],
  ['relative m_redirect_url', { m_redirect_url: '/landing' }, 'm_redirect_url', /absolute http\(s\) URL/],
  ['javascript m_redirect_url', { m_redirect_url: 'javascript:alert(1)' }, 'm_redirect_url', /absolute http\(s\) URL/],
  ['relative notice_url', { notice_url: ['https://a.example/hook', 'hook'] }, 'notice_url', /absolute http\(s\) URL/],
  ['card not an object', { card: 'shinhan' }, 'card', /card must be an object/],
  ['card.direct', { card: { direct: { code: '366' } } }, 'card.direct', /not supported by JTNet/],
  ['card.detail not an array', { card: { detail: { card_code: '366' } } }, 'card.detail', /must be an array/],
  [
    'numeric card_code',
    {
      card: {
        detail: [
          { card_code: '*', enabled: false },
          { card_code: 41, enabled: true },
        ],
      },
    },
    'card.detail[1].card_code',
    /Pass '041'/,
  ],
  [
    'unknown card_code',
    {
      card: {
        detail: [
          { card_code: '*', enabled: false },
          { card_code: '999', enabled: true },
        ],
      },
    },
    'card.detail[1].card_code',
    /not in the official card code table/,
  ],
  ['enabled not boolean', { card: { detail: [{ card_code: '366', enabled: 'yes' }] } }, 'card.detail[0].enabled', /true or false/],
  [
    'duplicate card_code',
    {
      card: {
        detail: [
          { card_code: '*', enabled: false },
          { card_code: '366', enabled: true },
          { card_code: '366', enabled: true },
        ],
      },
    },
    'card.detail[2].card_code',
    /appears twice/,
  ],
  [
    'forgotten star rule',
    { card: { detail: [{ card_code: '366', enabled: true }] } },
    'card.detail',
    /filters nothing; put \{ card_code: '\*', enabled: false \} first/,
  ],
  [
    'star not first',
    {
      card: {
        detail: [
          { card_code: '366', enabled: true },
          { card_code: '*', enabled: false },
        ],
      },
    },
    'card.detail[1].card_code',
    /must come first/,
  ],
  ['everything off', { card: { detail: [{ card_code: '*', enabled: false }] } }, 'card.detail', /offer no card/],
  ['bad card_quota', { display: { card_quota: [0, 'x'] } }, 'display.card_quota', /between 1 and 36/],
  ['instalments under 50,000', { display: { card_quota: [2, 3] } }, 'display.card_quota', /below ₩50,000/],
  ['bad email', { buyer_email: 'kim@' }, 'buyer_email', /not an e-mail address/],
  ['bad tel', { buyer_tel: '1234' }, 'buyer_tel', /not a Korean phone number; use e\.g\. 010-1234-5678/],
  ['bad postcode', { buyer_postcode: '1234' }, 'buyer_postcode', /5 digits like 06236/],
  ['numeric buyer_tel', { buyer_tel: 1012345678 }, 'buyer_tel', /must be a string/],
  ['bad vbank_due', { pay_method: 'vbank', vbank_due: '20261341' }, 'vbank_due', /YYYYMMDD/],
  ['phone without digital', { pay_method: 'phone' }, 'digital', /digital is required for pay_method 'phone'/],
  ['bad language', { language: 'jp' }, 'language', /'ko' or 'en'/],
  [
    'cyclic custom_data',
    {
      custom_data: (() => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      })(),
    },
    'custom_data',
    /JSON-serialisable/,
  ],
  ['array custom_data', { custom_data: [1] }, 'custom_data', /plain object/],
];

describe('validatePaymentRequest', () => {
  it('accepts a complete JTNet card payment and returns it', () => {
    const params = {
      ...valid,
      buyer_email: 'kim@example.com',
      buyer_tel: '010-1234-5678',
      buyer_postcode: '06236',
      m_redirect_url: 'https://shop.example/payments/complete',
      card: {
        detail: [
          { card_code: '*', enabled: false },
          { card_code: '366', enabled: true },
        ],
      },
      display: { card_quota: [] },
    };
    expect(validatePaymentRequest(params)).toBe(params);
  });

  it.each(refused)('refuses %s, naming the field', (_, patch, field, message) => {
    const error = errorOf(() => validatePaymentRequest({ ...valid, ...patch }));
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(field.split(/[.[]/)[0]);
  });

  it('reports every problem at once, the first in the message', () => {
    const error = errorOf(() => validatePaymentRequest({ pay_method: 'card', merchant_uid: '', amount: '5' }));
    expect(error.issues.map((issue) => issue.field)).toEqual(['merchant_uid', 'amount']);
    expect(error.message).toMatch(/and 1 more: amount/);
  });

  it('refuses non-objects', () => {
    expect(errorOf(() => validatePaymentRequest(null)).field).toBe('params');
    expect(errorOf(() => validatePaymentRequest([])).field).toBe('params');
  });

  it.each(['02-123-4567', '01012345678', '+82 10-1234-5678', '031-123-4567', '1588-1234', '070-1234-5678'])('accepts the phone number %s', (tel) => {
    expect(() => validatePaymentRequest({ ...valid, buyer_tel: tel })).not.toThrow();
  });

  it.each(['135-080', '135080', '06236'])('accepts the postcode %s', (postcode) => {
    expect(() => validatePaymentRequest({ ...valid, buyer_postcode: postcode })).not.toThrow();
  });

  it('accepts jtnet.{MID}, exclusion filters, vbank dates and phone with digital', () => {
    expect(() => validatePaymentRequest({ ...valid, pg: 'jtnet.tpaytest0m' })).not.toThrow();
    expect(() => validatePaymentRequest({ ...valid, card: { detail: [{ card_code: '370', enabled: false }] } })).not.toThrow();
    expect(() => validatePaymentRequest({ ...valid, pay_method: 'vbank', vbank_due: '202612312359' })).not.toThrow();
    expect(() => validatePaymentRequest({ ...valid, pay_method: 'phone', digital: true })).not.toThrow();
    expect(() => validatePaymentRequest({ ...valid, amount: 50_000, display: { card_quota: [2, 3, 6] } })).not.toThrow();
  });
});

describe('validateBillingKeyRequest', () => {
  const billing = { ...valid, customer_uid: 'user_42_card', amount: 0 };

  it('accepts amount 0 (key only) and > 0 (key + first charge)', () => {
    expect(validateBillingKeyRequest(billing)).toBe(billing);
    expect(() => validateBillingKeyRequest({ ...billing, amount: 9900 })).not.toThrow();
  });

  it('requires customer_uid', () => {
    const error = errorOf(() => validateBillingKeyRequest({ ...billing, customer_uid: undefined }));
    expect(error.field).toBe('customer_uid');
    expect(error.message).toMatch(/customer_uid is required for a billing key/);
  });

  it('requires pay_method card', () => {
    const error = errorOf(() => validateBillingKeyRequest({ ...billing, pay_method: 'trans' }));
    expect(error.field).toBe('pay_method');
    expect(error.message).toMatch(/must be 'card' for a billing key/);
  });

  it('refuses a customer_uid with spaces and a string amount', () => {
    const error = errorOf(() => validateBillingKeyRequest({ ...billing, customer_uid: 'user 1', amount: '0' }));
    expect(error.issues.map((issue) => issue.field)).toEqual(['amount', 'customer_uid']);
  });

  it('validateRequest picks the billing rules when customer_uid is set', () => {
    expect(() => validateRequest(billing)).not.toThrow();
    expect(errorOf(() => validateRequest({ ...valid, amount: 0 })).field).toBe('amount');
  });
});
