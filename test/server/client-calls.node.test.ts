import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createIamportClient, IamportApiError, IamportError, IamportPaymentDeclinedError, type IamportLogEvent } from '../../src/server';
import { createFakeApi, credentials, makePayment } from './fake-api';

function setup(options: Partial<Parameters<typeof createIamportClient>[0]> = {}) {
  const api = createFakeApi();
  const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test/', fetch: api.fetch, retry: { baseDelayMs: 1 }, ...options });
  return { api, client };
}

const charge = { customer_uid: 'user_42_card', merchant_uid: 'sub_2026_03_u42', amount: 9900, name: 'Monthly plan' };
const card = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' };
const channel = { channel_key: 'channel-key-test-0001' };

describe('envelopes and errors', () => {
  it('parses the envelope of a 404 into an IamportApiError with status, code, message and endpoint', async () => {
    const { api, client } = setup();
    api.on('GET /payments/*', () => ({ status: 404, body: api.envelope(null, -1, '존재하지 않는 결제정보입니다.') }));
    const error = await client.getPayment('imp_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ kind: 'api', httpStatus: 404, code: -1, endpoint: 'GET /payments/imp_missing' });
    expect((error as Error).message).toContain('존재하지 않는 결제정보입니다.');
  });

  it('treats code 1 with HTTP 200 as a failure', async () => {
    const { api, client } = setup();
    api.on('POST /payments/cancel', () => ({ body: api.envelope(null, 1, '이미 전액취소된 주문입니다.') }));
    await expect(client.cancelPayment({ imp_uid: 'imp_1', checksum: 1000 })).rejects.toMatchObject({ kind: 'api', httpStatus: 200, code: 1 });
  });

  it('a non-envelope answer is an invalid_response error', async () => {
    const { api, client } = setup({ retry: false });
    api.on('GET /payments/*', () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ kind: 'invalid_response', httpStatus: 502, code: null });
  });

  it('retries GETs on 5xx and network errors with backoff, then succeeds', async () => {
    const { api, client } = setup();
    const replies = ['network-error', { status: 503, body: api.envelope(null, -1, 'busy') }, { body: api.envelope(makePayment()) }] as const;
    let n = 0;
    api.on('GET /payments/*', () => replies[n++]!);
    await expect(client.getPayment('imp_1')).resolves.toMatchObject({ imp_uid: 'imp_100000000001' });
    expect(api.callsTo('GET /payments/imp_1')).toBe(3);
  });

  it('gives up on GETs after the configured retries', async () => {
    const { api, client } = setup({ retry: { retries: 1, baseDelayMs: 1 } });
    api.on('GET /payments/*', () => 'network-error');
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ kind: 'network', httpStatus: null });
    expect(api.callsTo('GET /payments/imp_1')).toBe(2);
  });

  it('never retries a charge on 5xx or a network error', async () => {
    const { api, client } = setup({ retry: { retries: 5, baseDelayMs: 1 } });
    api.on('POST /subscribe/payments/again', () => ({ status: 500, body: api.envelope(null, -1, 'PG timeout') }));
    await expect(client.chargeBillingKey(charge)).rejects.toMatchObject({ kind: 'api', httpStatus: 500 });
    api.on('POST /subscribe/payments/onetime', () => 'network-error');
    await expect(client.payOnetime({ merchant_uid: 'order_x9', amount: 1000, ...card })).rejects.toMatchObject({ kind: 'network' });
    expect(api.callsTo('POST /subscribe/payments/again')).toBe(1);
    expect(api.callsTo('POST /subscribe/payments/onetime')).toBe(1);
  });

  it('times out a call that never answers', async () => {
    const { api, client } = setup({ timeoutMs: 30, retry: false });
    api.on('GET /payments/*', () => new Promise<Response>(() => undefined));
    await expect(client.getPayment('imp_1')).rejects.toMatchObject({ kind: 'timeout', httpStatus: null, endpoint: 'GET /payments/imp_1' });
  });
});

describe('charges', () => {
  it('chargeBillingKey posts the snake_case body verbatim and returns the paid payment', async () => {
    const { api, client } = setup();
    api.on('POST /subscribe/payments/again', () => ({ body: api.envelope(makePayment({ merchant_uid: charge.merchant_uid, amount: 9900 })) }));
    const payment = await client.chargeBillingKey({ ...charge, buyer_email: 'a@b.kr' });
    expect(payment.status).toBe('paid');
    expect(api.requests.at(-1)!.body).toEqual({ ...charge, buyer_email: 'a@b.kr' });
  });

  it('a decline that comes back as code 0 + status failed is an IamportPaymentDeclinedError with fail_reason', async () => {
    const { api, client } = setup();
    const failed = makePayment({ status: 'failed', amount: 9900, fail_reason: '잔액부족 (insufficient funds)', paid_at: 0 });
    api.on('POST /subscribe/payments/again', () => ({ body: api.envelope(failed) }));
    const error = await client.chargeBillingKey(charge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportPaymentDeclinedError);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({
      kind: 'declined',
      code: 0,
      httpStatus: 200,
      failReason: '잔액부족 (insufficient funds)',
      payment: failed,
      endpoint: 'POST /subscribe/payments/again',
    });
  });

  it('code 0 with a different amount or a non-paid status is unconfirmed, not success', async () => {
    const { api, client } = setup();
    api.on('POST /subscribe/payments/again', () => ({ body: api.envelope(makePayment({ amount: 990 })) }));
    await expect(client.chargeBillingKey(charge)).rejects.toMatchObject({ kind: 'unconfirmed', payment: { amount: 990 } });
    api.on('POST /subscribe/payments/onetime', () => ({ body: api.envelope(makePayment({ status: 'ready', amount: 1000 })) }));
    await expect(client.payOnetime({ merchant_uid: 'order_x9', amount: 1000, ...card })).rejects.toMatchObject({ kind: 'unconfirmed' });
  });

  it('issueBillingKey puts customer_uid in the path and the card fields in the body', async () => {
    const { api, client } = setup();
    api.on('POST /subscribe/customers/*', () => ({
      body: api.envelope({ customer_uid: 'user 42/card', card_number: '424242******4242', inserted: 1, updated: 1 }),
    }));
    await client.issueBillingKey({ customer_uid: 'user_42/card', ...card, ...channel });
    expect(api.requests.at(-1)).toMatchObject({ path: '/subscribe/customers/user_42%2Fcard', body: { ...card, ...channel } });
  });

  it('getBillingKey, deleteBillingKey (reason as query), schedule, unschedule, cancel with checksum', async () => {
    const { api, client } = setup();
    const key = { customer_uid: 'user_42_card', inserted: 1, updated: 1 };
    api.on('GET /subscribe/customers/*', () => ({ body: api.envelope(key) }));
    api.on('DELETE /subscribe/customers/*', () => ({ body: api.envelope(key) }));
    api.on('POST /subscribe/payments/schedule', (r) => ({
      body: api.envelope((r.body as { schedules: object[] }).schedules.map((s) => ({ ...s, schedule_status: 'scheduled' }))),
    }));
    api.on('POST /subscribe/payments/unschedule', () => ({ body: api.envelope([{ merchant_uid: 'sub_2026_04', schedule_status: 'revoked' }]) }));
    api.on('POST /payments/cancel', () => ({ body: api.envelope(makePayment({ status: 'cancelled', cancel_amount: 1000 })) }));

    await expect(client.getBillingKey('user_42_card')).resolves.toEqual(key);
    await client.deleteBillingKey('user_42_card', { reason: 'user left' });
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', search: '?reason=user+left' });
    const at = Math.floor(Date.now() / 1000) + 86_400;
    const schedules = await client.schedulePayments({
      customer_uid: 'user_42_card',
      schedules: [{ merchant_uid: 'sub_2026_04', schedule_at: at, amount: 9900, name: 'April' }],
    });
    expect(schedules[0]).toMatchObject({ schedule_status: 'scheduled', schedule_at: at });
    await expect(client.unschedulePayments({ customer_uid: 'user_42_card', merchant_uid: ['sub_2026_04'] })).resolves.toHaveLength(1);
    await client.cancelPayment({ imp_uid: 'imp_1', amount: 1000, checksum: 1000, reason: 'refund' });
    expect(api.requests.at(-1)!.body).toEqual({ imp_uid: 'imp_1', amount: 1000, checksum: 1000, reason: 'refund' });
  });

  it('deleteBillingKey errors name the endpoint without the query string', async () => {
    const { api, client } = setup();
    api.on('DELETE /subscribe/customers/*', () => ({ status: 404, body: api.envelope(null, 1, '등록된 정보를 찾을 수 없습니다.') }));
    await expect(client.deleteBillingKey('user_1', { reason: 'secret-ish note' })).rejects.toMatchObject({ endpoint: 'DELETE /subscribe/customers/user_1' });
  });
});

describe('verifyPayment', () => {
  it.each([
    ['paid in full', makePayment(), { status: 'paid' }],
    ['vbank issued (ready) is awaiting_deposit, never paid', makePayment({ status: 'ready', pay_method: 'vbank' }), { status: 'awaiting_deposit' }],
    ['999 of 1000 refunded', makePayment({ cancel_amount: 999 }), { status: 'not_verified', reason: 'partially_refunded' }],
    ['tampered amount', makePayment({ amount: 50 }), { status: 'not_verified', reason: 'amount_mismatch' }],
    ['another order', makePayment({ merchant_uid: 'order_other' }), { status: 'not_verified', reason: 'merchant_uid_mismatch' }],
  ] as const)('%s', async (_, payment, expected) => {
    const { api, client } = setup();
    api.on('GET /payments/*', () => ({ body: api.envelope(payment) }));
    const result = await client.verifyPayment({ impUid: 'imp_1', amount: 1000, merchantUid: 'order_abc123' });
    expect(result).toMatchObject({ ...expected, payment });
  });

  it('an unknown imp_uid is not_found with payment null', async () => {
    const { api, client } = setup();
    api.on('GET /payments/*', () => ({ status: 404, body: api.envelope(null, -1, '존재하지 않는 결제정보입니다.') }));
    await expect(client.verifyPayment({ impUid: 'imp_x', amount: 1000 })).resolves.toEqual({
      status: 'not_verified',
      reason: 'not_found',
      message: 'No payment found for imp_uid imp_x.',
      payment: null,
    });
  });

  it('with merchantUid alone it verifies the order’s paid payment, found by /payments/find', async () => {
    const { api, client } = setup();
    api.on('GET /payments/find/*', (request) => ({ body: api.envelope(makePayment({ merchant_uid: request.path.split('/')[3] })) }));
    await expect(client.verifyPayment({ merchantUid: 'order_abc123', amount: 1000 })).resolves.toMatchObject({ status: 'paid' });
    expect(api.last('GET /payments/find/order_abc123/paid')).toBeDefined();
  });

  it('checkPrepared compares the pre-registered amount', async () => {
    const { api, client } = setup();
    api.on('GET /payments/*', () => ({ body: api.envelope(makePayment()) }));
    api.on('GET /payments/prepare/*', () => ({ body: api.envelope({ merchant_uid: 'order_abc123', amount: 900 }) }));
    await expect(client.verifyPayment({ impUid: 'imp_1', amount: 1000, checkPrepared: true })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'prepared_amount_mismatch',
    });
    api.on('GET /payments/prepare/*', () => ({ body: api.envelope(null, 1, '사전등록된 결제정보가 없습니다.') }));
    await expect(client.verifyPayment({ impUid: 'imp_1', amount: 1000, checkPrepared: true })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'not_prepared',
    });
  });
});

describe('input validation before any request', () => {
  const { api, client } = setup();
  const invalid = [
    ['amount as a string', () => client.chargeBillingKey({ ...charge, amount: '9900' as unknown as number }), 'amount', 'not the string "9900"'],
    ['zero amount', () => client.chargeBillingKey({ ...charge, amount: 0 }), 'amount', 'positive whole number'],
    ['fractional amount', () => client.verifyPayment({ impUid: 'imp_1', amount: 10.5 }), 'amount', 'whole number of won'],
    ['missing customer_uid', () => client.chargeBillingKey({ ...charge, customer_uid: '' }), 'customer_uid', 'non-empty string'],
    ['long merchant_uid', () => client.chargeBillingKey({ ...charge, merchant_uid: 'x'.repeat(41) }), 'merchant_uid', 'at most 40'],
    [
      'bad card_number',
      () => client.payOnetime({ merchant_uid: 'order_x9', amount: 1000, ...card, card_number: '4242424242424242' }),
      'card_number',
      'dddd-dddd-dddd-dddd',
    ],
    ['bad expiry', () => client.issueBillingKey({ customer_uid: 'u1', ...card, ...channel, expiry: '12/30' }), 'expiry', 'YYYY-MM'],
    ['expired card', () => client.issueBillingKey({ customer_uid: 'u1', ...card, ...channel, expiry: '2020-01' }), 'expiry', 'in the past'],
    ['bad birth', () => client.issueBillingKey({ customer_uid: 'u1', ...card, ...channel, birth: '1990-01-01' }), 'birth', 'YYMMDD'],
    [
      'schedule in the past',
      () => client.schedulePayments({ customer_uid: 'u1', schedules: [{ merchant_uid: 'sub_1', schedule_at: 1_600_000_000, amount: 1000, name: 'x' }] }),
      'schedules[0].schedule_at',
      'in the future',
    ],
    [
      'schedule in ms',
      () =>
        client.schedulePayments({ customer_uid: 'u1', schedules: [{ merchant_uid: 'sub_1', schedule_at: Date.now() + 86_400_000, amount: 1000, name: 'x' }] }),
      'schedules[0].schedule_at',
      'milliseconds',
    ],
    ['cancel without id', () => client.cancelPayment({ amount: 100 }), 'imp_uid', 'imp_uid or merchant_uid'],
    [
      'refund of 0 won (the API would refund everything)',
      () => client.cancelPayment({ imp_uid: 'imp_1', amount: 0 }),
      'amount',
      'Omit amount for a full refund',
    ],
    ['refund of a negative amount', () => client.cancelPayment({ imp_uid: 'imp_1', amount: -100 }), 'amount', 'positive whole number'],
    [
      'billing key without channel_key',
      () => client.issueBillingKey({ customer_uid: 'u1', ...card } as unknown as Parameters<typeof client.issueBillingKey>[0]),
      'channel_key',
      '[연동 정보]',
    ],
    [
      'vbank refund without the bank',
      () => client.cancelPayment({ imp_uid: 'imp_1', refund_holder: '홍길동', refund_account: '12345678901' }),
      'refund_bank',
      'non-empty string',
    ],
    ['find with an unknown status', () => client.findPayment('order_1', { status: 'done' as 'paid' }), 'status', "'ready', 'paid', 'cancelled', 'failed'"],
    ['findAll limit over 1000', () => client.findAllPayments('order_1', { limit: 5000 }), 'limit', 'from 1 to 1000'],
    ['schedule range in ms', () => client.getSchedules({ schedule_from: Date.now(), schedule_to: Date.now() + 1 }), 'schedule_from', 'milliseconds'],
    ['schedule range backwards', () => client.getCustomerSchedules('u1', { from: 1_800_000_000, to: 1_700_000_000 }), 'to', 'after from'],
    ['prepare a zero amount', () => client.preparePayment({ merchant_uid: 'order_1', amount: 0 }), 'amount', 'positive whole number'],
    ['verify with neither id', () => client.verifyPayment({ amount: 1000 }), 'merchantUid', 'non-empty string'],
    ['unknown mode', () => Promise.resolve().then(() => createIamportClient({ ...credentials, mode: 'prod' as 'live' })), 'mode', "'test' or 'live'"],
  ] as const;

  it.each(invalid)('%s → IamportError INVALID_PARAMS naming the field', async (_, run, field, text) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportError);
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field });
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).toContain(text);
    expect(api.requests).toHaveLength(0);
  });

  it('never echoes card data in validation messages', async () => {
    const error = (await client
      .payOnetime({ merchant_uid: 'order_x9', amount: 1000, card_number: '4242424242424242', expiry: '2030-12', birth: '8' })
      .catch((e: unknown) => e)) as IamportError;
    expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toMatch(/4242/);
  });

  it('refuses bad client options without echoing the secret', () => {
    expect(() => createIamportClient({ apiKey: '', apiSecret: 'x' })).toThrow(/apiKey/);
    expect(() => createIamportClient({ apiKey: 'k', apiSecret: '  ' })).toThrow(/apiSecret/);
    expect(() => createIamportClient({ apiKey: 'k', apiSecret: 's', baseUrl: 'api.iamport.kr' })).toThrow(/baseUrl/);
  });
});

describe('secrets never leak', () => {
  it('redacts imp_secret, tokens and card numbers from error messages, error fields and logs', async () => {
    const events: IamportLogEvent[] = [];
    const { api, client } = setup({ log: (event) => events.push(event), retry: { retries: 1, baseDelayMs: 1 } });
    const token = 'token_1_abcdefghijklmnop';
    const echo = `bad request: imp_secret=${credentials.apiSecret} token=${token} card 4000-0000-0000-0002 / 4000000000000002`;
    api.on('POST /subscribe/payments/onetime', () => ({ status: 400, body: api.envelope(null, -1, echo) }));
    api.on('GET /payments/*', () => {
      throw new TypeError(`connect ECONNREFUSED (${credentials.apiSecret})`);
    });
    api.on('POST /subscribe/payments/again', () => ({
      body: api.envelope(makePayment({ status: 'failed', amount: 9900, fail_reason: `declined 4000-0000-0000-0002 ${token}` })),
    }));

    const errors = await Promise.all([
      client.payOnetime({ merchant_uid: 'order_x9', amount: 1000, ...card, card_number: '4000-0000-0000-0002' }).catch((e: unknown) => e),
      client.getPayment('imp_1').catch((e: unknown) => e),
      client.chargeBillingKey(charge).catch((e: unknown) => e),
    ]);
    const dump = [...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${inspect(e, { depth: 0 })} ${(e as Error).message}`), JSON.stringify(events)].join(
      '\n',
    );
    expect(errors.every((e) => e instanceof IamportApiError)).toBe(true);
    expect(errors[2]).toMatchObject({ failReason: 'declined [card number] [redacted]' });
    expect(events.length).toBeGreaterThan(3);
    for (const secret of [credentials.apiSecret, token, '4000-0000-0000-0002', '4000000000000002']) expect(dump).not.toContain(secret);
    expect(dump).toContain('[redacted]');
  });
});

describe('client.request', () => {
  it('calls other endpoints with the same token handling', async () => {
    const { api, client } = setup();
    api.on('GET /payments/status/paid', () => ({ body: api.envelope({ total: 0, list: [] }) }));
    await expect(client.request({ method: 'GET', path: '/payments/status/paid', query: { limit: '20' } })).resolves.toEqual({ total: 0, list: [] });
    expect(api.requests.at(-1)!.search).toBe('?limit=20');
    await expect(client.request({ method: 'GET', path: 'payments' })).rejects.toMatchObject({ code: 'INVALID_PARAMS', field: 'path' });
  });

  it('uses the global fetch when none is injected', async () => {
    const api = createFakeApi();
    api.on('GET /payments/*', () => ({ body: api.envelope(makePayment()) }));
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(api.fetch);
    try {
      const client = createIamportClient(credentials);
      await client.getPayment('imp_1');
      expect(api.requests.map((r) => r.path)).toEqual(['/users/getToken', '/payments/imp_1']);
    } finally {
      spy.mockRestore();
    }
  });
});
