import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createIamportClient, IamportApiError, type IamportLogEvent } from '../../src/server';
import { redact } from '../../src/server/redact';
import { createFakeApi, credentials, makePayment } from './fake-api';

const CARDS = [
  '4242-4242-4242-4242',
  '4242 4242 4242 4242',
  '4242.4242.4242.4242',
  '4242424242424242',
  '3782 822463 10005', // Amex 4-6-5
  '3782-822463-10005',
  '378282246310005',
  '6011 0009 9013 9424',
  '4000 0000 0000 0000 002', // 19 digits
  '5555 - 5555 - 5555 - 4444',
];

/** Everything an error shows: String(), JSON, inspect, message and its payment. */
const dump = (error: unknown) => `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 6 })} ${(error as Error).message}`;

describe('redact', () => {
  it.each(CARDS)('removes the card number %s', (card) => {
    expect(redact(`card ${card} declined`, [])).toBe('card [card number] declined');
  });

  it('keeps masked numbers, amounts, dates and ordinary ids', () => {
    const text = 'card 424242*********2, 4242-42**-****-4242, amount 15000, paid_at 1767225600, apply 30012345, imp_100000000001';
    expect(redact(text, [])).toBe(text);
  });

  it('removes secrets as given, URL-encoded and JSON-escaped', () => {
    const secret = 'sec/ret+"value"==';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
    expect(redact(text, [secret])).not.toMatch(/sec|ret/);
  });
});

describe('errors never carry a secret or a card number, even when the API echoes them', () => {
  it('an echoed imp_secret and card numbers in the payment the error carries are redacted', async () => {
    const api = createFakeApi();
    const events: IamportLogEvent[] = [];
    const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, retry: false, log: (event) => events.push(event) });
    const echoed = makePayment({
      status: 'failed',
      amount: 9900,
      custom_data: JSON.stringify({ imp_secret: credentials.apiSecret, imp_key: credentials.apiKey, card: '3782 822463 10005' }),
      fail_reason: `declined ${CARDS[2]} for ${encodeURIComponent(credentials.apiSecret)}`,
      buyer_name: `card ${CARDS[0]}`,
    });
    api.on('POST /subscribe/payments/onetime', () => ({
      status: 400,
      body: api.envelope(echoed, -1, `bad imp_secret ${credentials.apiSecret} card ${CARDS[4]}`),
    }));
    api.on('POST /subscribe/payments/again', () => ({ body: api.envelope(echoed) }));

    const card = { card_number: '4242-4242-4242-4242', expiry: '2031-12', birth: '900101' };
    const errors = [
      await client.payOnetime({ merchant_uid: 'order_1', amount: 9900, ...card }).catch((e: unknown) => e),
      await client.chargeBillingKey({ customer_uid: 'cust_1', merchant_uid: 'sub_1', amount: 9900, name: 'Plan' }).catch((e: unknown) => e),
    ];
    expect(errors.every((error) => error instanceof IamportApiError && error.payment)).toBe(true);
    const text = [...errors.map(dump), JSON.stringify(events)].join('\n');
    for (const leaked of [credentials.apiSecret, encodeURIComponent(credentials.apiSecret), credentials.apiKey, ...CARDS.slice(0, 5)])
      expect(text).not.toContain(leaked);
    expect((errors[0] as IamportApiError).payment!.custom_data).toContain('[redacted]');
    expect((errors[1] as IamportApiError).payment!.buyer_name).toBe('card [card number]');
  });

  it('an unconfirmed charge carries the redacted payment', async () => {
    const api = createFakeApi();
    const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, retry: false });
    api.on('POST /subscribe/payments/again', () => ({
      body: api.envelope(makePayment({ status: 'ready', amount: 9900, custom_data: credentials.apiSecret })),
    }));
    const error = await client.chargeBillingKey({ customer_uid: 'cust_1', merchant_uid: 'sub_1', amount: 9900, name: 'Plan' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unconfirmed', payment: { custom_data: '[redacted]' } });
    expect(dump(error)).not.toContain(credentials.apiSecret);
  });
});
