import { describe, expect, it } from 'vitest';
import { checkPayment, type ExpectedPayment, type Payment } from '../../src/server';
import { makePayment } from './fake-api';

const order = { amount: 1000, merchantUid: 'order_abc123' };

describe('checkPayment: a result that cannot be misread', () => {
  it.each<[string, Partial<Payment>, Partial<ExpectedPayment>, object]>([
    ['paid in full', {}, {}, { status: 'paid' }],
    ['an issued virtual account is awaiting_deposit, never paid', { status: 'ready', pay_method: 'vbank' }, {}, { status: 'awaiting_deposit' }],
    [
      'a virtual account issued for another amount is forgery',
      { status: 'ready', pay_method: 'vbank', amount: 10 },
      {},
      { status: 'not_verified', reason: 'amount_mismatch' },
    ],
    ['999 of 1000 refunded is not paid', { cancel_amount: 999 }, {}, { status: 'not_verified', reason: 'partially_refunded' }],
    ['1 won refunded is not paid either', { cancel_amount: 1 }, {}, { status: 'not_verified', reason: 'partially_refunded' }],
    ['refunded in full', { status: 'cancelled', cancel_amount: 1000 }, {}, { status: 'not_verified', reason: 'cancelled' }],
    ['failed', { status: 'failed' }, {}, { status: 'not_verified', reason: 'not_paid' }],
    ['a card window still open', { status: 'ready' }, {}, { status: 'not_verified', reason: 'not_paid' }],
    ['another amount is forgery', { amount: 100 }, {}, { status: 'not_verified', reason: 'amount_mismatch' }],
    ['another order', { merchant_uid: 'order_other' }, {}, { status: 'not_verified', reason: 'merchant_uid_mismatch' }],
    ['a test payment in live mode', { sandbox: true }, { mode: 'live' }, { status: 'not_verified', reason: 'sandbox_payment' }],
    ['a test payment in live mode (the default)', { sandbox: true }, {}, { status: 'not_verified', reason: 'sandbox_payment' }],
    ['a test payment in test mode', { sandbox: true }, { mode: 'test' }, { status: 'paid' }],
    ['prepared for the order’s amount', {}, { prepared: { merchant_uid: 'order_abc123', amount: 1000 } }, { status: 'paid' }],
    [
      'prepared for another amount',
      {},
      { prepared: { merchant_uid: 'order_abc123', amount: 900 } },
      { status: 'not_verified', reason: 'prepared_amount_mismatch' },
    ],
    ['never prepared (checked)', {}, { prepared: null }, { status: 'not_verified', reason: 'not_prepared' }],
  ])('%s', (_, fields, expected, result) => {
    const payment = makePayment(fields);
    const verdict = checkPayment(payment, { ...order, ...expected });
    expect(verdict).toMatchObject({ ...result, payment });
    if (verdict.status === 'not_verified') expect(verdict.message).toContain(payment.imp_uid);
  });

  it('ready is never paid, whatever else is true', () => {
    for (const pay_method of ['vbank', 'card', 'trans', 'phone']) {
      expect(checkPayment(makePayment({ status: 'ready', pay_method }), { ...order, mode: 'test' }).status).not.toBe('paid');
    }
  });
});
