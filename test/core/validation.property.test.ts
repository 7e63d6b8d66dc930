import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IamportError, validateBillingKeyRequest, validatePaymentRequest } from '../../src/core';

const fieldNames = [
  'pg',
  'pay_method',
  'merchant_uid',
  'name',
  'amount',
  'tax_free',
  'vat_amount',
  'currency',
  'language',
  'buyer_name',
  'buyer_email',
  'buyer_tel',
  'buyer_addr',
  'buyer_postcode',
  'm_redirect_url',
  'notice_url',
  'custom_data',
  'customer_uid',
  'card',
  'display',
  'vbank_due',
  'digital',
  'popup',
];

/** Values of every shape, including the plausible ones, so both paths are exercised. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('card', 'trans', 'vbank', 'phone', 'jtnet', 'order_abc123', '1004', 'https://shop.example/x', '010-1234-5678', '06236', 'kim@example.com'),
  fc.integer({ min: -10, max: 100_000 }),
  fc.record({
    detail: fc.array(
      fc.record({ card_code: fc.oneof(fc.constantFrom('*', '366', '041', '999'), fc.integer()), enabled: fc.oneof(fc.boolean(), fc.anything()) }),
    ),
  }),
  fc.record({ card_quota: fc.array(fc.oneof(fc.integer({ min: -1, max: 40 }), fc.anything())) }),
);

const paramsLike = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...fieldNames), anyValue));

function check(validate: (params: unknown) => unknown, params: unknown): void {
  try {
    validate(params);
  } catch (error) {
    expect(error).toBeInstanceOf(IamportError);
    const iamportError = error as IamportError;
    expect(iamportError.code).toBe('INVALID_PARAMS');
    expect(typeof iamportError.field).toBe('string');
    expect(iamportError.field!.length).toBeGreaterThan(0);
    expect(iamportError.issues.length).toBeGreaterThan(0);
    for (const issue of iamportError.issues) expect(issue.message).toContain(issue.field.split(/[.[]/)[0]);
  }
}

describe('validators under arbitrary input', () => {
  it('validatePaymentRequest never crashes; every refusal is an IamportError naming a field', () => {
    fc.assert(
      fc.property(paramsLike, (params) => check(validatePaymentRequest, params)),
      { numRuns: 2000 },
    );
  });

  it('validateBillingKeyRequest never crashes; every refusal is an IamportError naming a field', () => {
    fc.assert(
      fc.property(paramsLike, (params) => check(validateBillingKeyRequest, params)),
      { numRuns: 2000 },
    );
  });

  it('any string amount is refused, with a message that names amount', () => {
    fc.assert(
      fc.property(fc.string(), (amount) => {
        expect(() => validatePaymentRequest({ pay_method: 'card', merchant_uid: 'order_abc123', amount })).toThrow(/amount/);
      }),
    );
  });

  it('any positive safe integer amount with valid fields passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        expect(validatePaymentRequest({ pay_method: 'card', merchant_uid: 'order_abc123', amount }).amount).toBe(amount);
      }),
    );
  });
});
