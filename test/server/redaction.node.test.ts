import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createIamportClient, IamportApiError, IamportPaymentDeclinedError, type IamportLogEvent } from '../../src/server';
import { redact } from '../../src/server/redact';
import { createFakeApi, credentials, makePayment } from './fake-api';
import { APPROVE, CARD, DECLINE, sandboxClient, uid, sandboxForTests } from './support/sandbox';

const CARDS = [
  '4242-4242-4242-4242',
  '4242 4242 4242 4242',
  '4242.4242.4242.4242',
  '4242424242424242',
  '3782 822463 10005', // Amex 4-6-5
  '3782-822463-10005',
  '378282246310005',
  '6011 0009 9013 9424',
  '4000 0000 0000 0000 006', // 19 digits
  '5555 - 5555 - 5555 - 4444',
];

/** Separators and digit forms people paste card numbers with (NFKC maps full-width forms to ASCII). */
const WRITTEN_CARDS = [
  '4242\u00a04242\u00a04242\u00a04242', // no-break space
  '4242\u202f4242\u202f4242\u202f4242', // narrow no-break space
  '4242\u30004242\u30004242\u30004242', // ideographic space
  '4242\t4242\t4242\t4242',
  '4242/4242/4242/4242',
  '4242_4242_4242_4242',
  '4242,4242,4242,4242',
  '４２４２４２４２４２４２４２４２', // full-width digits
  '４２４２－４２４２－４２４２－４２４２', // full-width digits and hyphens
  '4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2',
];

/** Ids that contain 13+ digits but are not card numbers; i'mport's own docs build merchant_uid as 'merchant_' + Date.now(). */
const IDS = ['merchant_1732838400000', 'ORD20180131-0000011', 'm0.4242424242424242', 'tpaytest0m4242424242424242', 'imp_100000000001'];

/** Everything an error shows: String(), JSON, inspect, message and its payment. */
const dump = (error: unknown) => `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 6 })} ${(error as Error).message}`;

describe('redact', () => {
  it.each(CARDS)('removes the card number %s', (card) => {
    expect(redact(`card ${card} declined`, [])).toBe('card [card number] declined');
  });

  it.each(WRITTEN_CARDS)('removes the card number %j', (card) => {
    expect(redact(`card ${card} declined`, [])).toBe('card [card number] declined');
  });

  it('removes a card number followed by more digits (an expiry) and keeps the rest', () => {
    expect(redact('4242 4242 4242 4242 12/31', [])).toBe('[card number] 12/31');
    expect(redact('카드4242424242424242입니다', [])).toBe('카드[card number]입니다');
  });

  it('removes card numbers whose separators are JSON escapes (custom_data is a JSON string; PHP escapes /)', () => {
    for (const separator of ['\\t', '\\n', '\\/', '\\u00a0', '\\u3000'])
      expect(redact(`{"note":"${['4242', '4242', '4242', '4242'].join(separator)}"}`, [])).toBe('{"note":"[card number]"}');
  });

  it.each(IDS)('keeps the id %s: digits glued to an identifier are not a card number', (id) => {
    expect(redact(`The charge ${id} was declined`, [])).toBe(`The charge ${id} was declined`);
  });

  it('keeps 13–19 digit runs that fail the Luhn check (timestamps in ms, order numbers)', () => {
    expect(redact('at 1732838400000, order 4000 0000 0000 0000 002', [])).toBe('at 1732838400000, order 4000 0000 0000 0000 002');
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

  it('the card number a call sent is never echoed, even one that fails Luhn (a typo of a real number)', async () => {
    const api = createFakeApi();
    const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, retry: false });
    const typo = '4242-4242-4242-4243';
    const echo = `card ${typo} (${typo.replace(/-/g, '')}) is not valid`;
    api.on('POST /subscribe/payments/onetime', () => ({ body: api.envelope(makePayment({ status: 'failed', fail_reason: echo, buyer_name: echo })) }));
    api.on('POST /subscribe/customers/*', () => ({ status: 400, body: api.envelope(null, -1, echo) }));
    const card = { card_number: typo, expiry: '2031-12', birth: '900101' };
    const errors = [
      await client.payOnetime({ merchant_uid: 'order_1', amount: 1000, ...card }).catch((e: unknown) => e),
      await client.issueBillingKey({ customer_uid: 'cust_1', channel_key: 'channel-key-1', ...card }).catch((e: unknown) => e),
    ];
    expect(errors[0]).toMatchObject({ kind: 'declined', failReason: 'card [redacted] ([redacted]) is not valid' });
    expect(errors[1]).toMatchObject({ kind: 'api' });
    for (const error of errors) expect(dump(error)).not.toMatch(/4242.?4242.?4242.?4243/);
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

describe('against iamport-sandbox: ids stay whole, echoed card numbers never survive', () => {
  const sandbox = sandboxForTests();

  it("a declined charge keeps merchant_uid 'merchant_' + Date.now() and pg_tid whole in the message and error.payment", async () => {
    const { client } = sandboxClient(sandbox());
    const merchantUid = `merchant_${Date.now()}`;
    const error = await client.payOnetime({ merchant_uid: merchantUid, amount: 1000, card_number: DECLINE, ...CARD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportPaymentDeclinedError);
    const declined = error as IamportPaymentDeclinedError;
    expect(declined.message).toContain(`The charge ${merchantUid} was declined`);
    expect(declined.payment.merchant_uid).toBe(merchantUid);
    expect(declined.payment.imp_uid).toMatch(/^imp_\d+$/);
    expect(declined.payment.pg_tid).not.toContain('[card number]');
    expect(JSON.stringify(declined)).not.toContain('[card number]');
  });

  it('a live-mode test charge keeps merchant_uid ORD20180131-0000011 whole', async () => {
    const { client } = sandboxClient(sandbox(), { mode: 'live' });
    const error = await client.payOnetime({ merchant_uid: 'ORD20180131-0000011', amount: 1000, card_number: APPROVE, ...CARD }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'sandbox_payment', payment: { merchant_uid: 'ORD20180131-0000011' } });
    expect((error as Error).message).toContain('charged ORD20180131-0000011 on a test channel');
  });

  it.each([...CARDS, ...WRITTEN_CARDS])('card number %j in buyer_name and custom_data is in no part of the error', async (card) => {
    const { client } = sandboxClient(sandbox());
    const error = await client
      .payOnetime({ merchant_uid: uid('order'), amount: 1000, card_number: DECLINE, ...CARD, buyer_name: card, custom_data: { note: `card ${card}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportPaymentDeclinedError);
    const { payment } = error as IamportPaymentDeclinedError;
    expect(payment.buyer_name).toBe('[card number]');
    expect(payment.custom_data).toContain('card [card number]');
    expect(dump(error)).not.toContain(card);
    // No piece of it either, in any separator: its first and last eight digits (random ids such as
    // pg_tid hold other digits, so a four-digit group alone would match by chance).
    const digits = card.normalize('NFKC').replace(/\D/g, '');
    for (const [a, b] of [
      [digits.slice(0, 4), digits.slice(4, 8)],
      [digits.slice(-8, -4), digits.slice(-4)],
    ])
      expect(dump(error)).not.toMatch(new RegExp(`${a}\\D{0,3}${b}`));
  });
});
