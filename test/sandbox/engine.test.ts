import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/sandbox-server/http';
import {
  cardFieldProblems,
  classifyCard,
  createPayment,
  createRandom,
  isFutureExpiry,
  maskCardNumber,
  normaliseCardNumber,
  OFFLINE_RECEIPT_BASE,
  parseVbankDue,
  pgRedirectUrl,
  toCallbackResponse,
} from '../../src/sandbox/engine';

const NOW = Date.UTC(2025, 5, 15);

describe('sandbox engine (shared by the window and the server)', () => {
  it('classifies the three test cards in any spacing, everything else is invalid', () => {
    expect(classifyCard('4242 4242 4242 4242')).toBe('approve');
    expect(classifyCard('4000000000000002')).toBe('decline');
    expect(classifyCard('4000-0000-0000-0119')).toBe('network');
    expect(classifyCard('5555-5555-5555-4444')).toBe('invalid');
    expect(classifyCard(undefined)).toBe('invalid');
    expect(normaliseCardNumber('424242424242424')).toBeNull();
    expect(maskCardNumber('4242-4242-4242-4242')).toBe('424242******4242');
  });

  it('checks expiry, birth and PIN digits', () => {
    expect(isFutureExpiry('06/25', NOW)).toBe(true);
    expect(isFutureExpiry('2025-05', NOW)).toBe(false);
    expect(isFutureExpiry('13/30', NOW)).toBe(false);
    expect(cardFieldProblems({ card_number: '4242424242424242', expiry: '2030-01', birth: '1234567890' }, NOW, false)).toEqual({});
    expect(Object.keys(cardFieldProblems({ card_number: '4242', expiry: '01/20', birth: '12', pwd_2digit: '1' }, NOW, true))).toEqual([
      'card_number',
      'expiry',
      'birth',
      'pwd_2digit',
    ]);
  });

  it('reads vbank_due in Korean time, defaulting to the end of the day', () => {
    expect(parseVbankDue('20261231')).toBe(Date.UTC(2026, 11, 31, 14, 59, 59) / 1000);
    expect(parseVbankDue('202612311200')).toBe(Date.UTC(2026, 11, 31, 3, 0, 59) / 1000);
    expect(parseVbankDue('tomorrow')).toBeUndefined();
  });

  it('the same seed makes the same payment', () => {
    const make = () =>
      createPayment(
        { merchant_uid: 'o1', amount: 1004, card_number: '4242424242424242' },
        { random: createRandom(9), nowMs: NOW, receiptBase: OFFLINE_RECEIPT_BASE },
      );
    expect(make()).toEqual(make());
    expect(make().imp_uid).toMatch(/^imp_\d{12}$/);
  });

  it('the insufficient-funds card gets a key-only billing key (nothing is charged) but declines every charge', () => {
    const context = () => ({ random: createRandom(3), nowMs: NOW, receiptBase: OFFLINE_RECEIPT_BASE });
    const poor = '4000-0000-0000-0002';
    expect(createPayment({ merchant_uid: 'k1', amount: 0, card_number: poor, customer_uid: 'c1' }, context())).toMatchObject({
      status: 'paid',
      amount: 0,
      customer_uid_usage: 'issue',
      fail_reason: null,
    });
    expect(createPayment({ merchant_uid: 'k2', amount: 9900, card_number: poor, customer_uid: 'c1' }, context())).toMatchObject({
      status: 'failed',
      fail_reason: expect.stringMatching(/잔액이 부족합니다/),
    });
    expect(createPayment({ merchant_uid: 'k3', amount: 0, card_number: poor, customer_uid: 'c1', customer_uid_usage: 'payment' }, context()).status).toBe(
      'failed',
    );
    expect(createPayment({ merchant_uid: 'k4', amount: 0, card_number: '4000-0000-0000-0119', customer_uid: 'c1' }, context()).status).toBe('failed');
  });

  it("a failed payment becomes an F400 callback; the PG's redirect URL carries the real query", () => {
    const failed = createPayment(
      { merchant_uid: 'o2', amount: 1, card_number: '4000000000000002' },
      { random: createRandom(1), nowMs: NOW, receiptBase: OFFLINE_RECEIPT_BASE },
    );
    const response = toCallbackResponse(failed);
    expect(response).toMatchObject({ success: false, error_code: 'F400', status: 'failed', paid_at: 0 });
    const url = new URL(pgRedirectUrl('https://shop.example/done?x=1', response));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      x: '1',
      imp_uid: failed.imp_uid,
      merchant_uid: 'o2',
      imp_success: 'false',
      error_code: 'F400',
      error_msg: failed.fail_reason,
    });
  });

  it("the PG's redirect keeps the merchant's own query byte for byte and encodes only the fields it adds", () => {
    const response = { success: false, imp_uid: null, merchant_uid: 'o 1&2', error_code: 'F400', error_msg: '잔액 부족 (a+b)' };
    expect(pgRedirectUrl('https://shop.example/done?ref=a%20b&c=x+y#top', response)).toBe(
      `https://shop.example/done?ref=a%20b&c=x+y&imp_uid=&merchant_uid=o%201%262&imp_success=false&error_code=F400&error_msg=${encodeURIComponent('잔액 부족 (a+b)')}#top`,
    );
    expect(pgRedirectUrl('https://shop.example/done', { success: true, imp_uid: 'imp_1', merchant_uid: 'o1' })).toBe(
      'https://shop.example/done?imp_uid=imp_1&merchant_uid=o1&imp_success=true',
    );
    const parsed = new URL(pgRedirectUrl('https://shop.example/done?ref=a%20b', response)).searchParams;
    expect([parsed.get('ref'), parsed.get('merchant_uid'), parsed.get('error_msg')]).toEqual(['a b', 'o 1&2', '잔액 부족 (a+b)']);
  });

  it('the server parses qs-style form bodies', () => {
    expect(parseForm('customer_uid=c1&schedules[0][merchant_uid]=m1&schedules[0][amount]=100&merchant_uid[]=a&merchant_uid[]=b')).toEqual({
      customer_uid: 'c1',
      schedules: [{ merchant_uid: 'm1', amount: '100' }],
      merchant_uid: ['a', 'b'],
    });
  });
});
