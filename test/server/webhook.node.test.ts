import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryDedupe,
  createVerifyHandler,
  handleWebhook,
  IamportApiError,
  IamportWebhookError,
  parseWebhook,
  type HandleWebhookOptions,
  type Payment,
} from '../../src/server';
import { makePayment } from './fake-api';

describe('parseWebhook', () => {
  const expected = { imp_uid: 'imp_1', merchant_uid: 'order_1', status: 'paid' };

  it('reads JSON and form bodies', () => {
    expect(parseWebhook(JSON.stringify(expected), 'application/json; charset=utf-8')).toEqual(expected);
    expect(parseWebhook('imp_uid=imp_1&merchant_uid=order_1&status=paid', 'application/x-www-form-urlencoded')).toEqual(expected);
    expect(parseWebhook({ ...expected, extra: 1 })).toEqual(expected);
  });

  it('sniffs the body without a content type', () => {
    expect(parseWebhook(JSON.stringify(expected), null)).toEqual(expected);
    expect(parseWebhook('imp_uid=imp_1&merchant_uid=order_1&status=paid')).toEqual(expected);
  });

  it.each([
    ['empty', '', 'application/json', 'empty'],
    ['broken JSON', '{"imp_uid":', 'application/json', 'not valid JSON'],
    ['a JSON array', '[1]', 'application/json', 'JSON object'],
    ['missing imp_uid', 'merchant_uid=order_1&status=paid', 'application/x-www-form-urlencoded', 'imp_uid'],
    ['numeric status', '{"imp_uid":"imp_1","merchant_uid":"o","status":1}', 'application/json', 'status'],
    ['multipart', 'x', 'multipart/form-data; boundary=x', 'not JSON or a form'],
  ])('%s → IamportWebhookError', (_, body, type, text) => {
    expect(() => parseWebhook(body, type)).toThrow(IamportWebhookError);
    expect(() => parseWebhook(body, type)).toThrow(text);
  });
});

const post = (body: unknown, type = 'application/json') =>
  new Request('https://shop.example/api/iamport/webhook', {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

function setup(payment: Payment, order: { amount: number } | null = { amount: payment.amount }) {
  const client = { getPayment: vi.fn(async (impUid: string) => (impUid === payment.imp_uid ? payment : Promise.reject(notFound()))) };
  const options = {
    client,
    lookupOrder: vi.fn(async () => order),
    onPaid: vi.fn(),
    onReady: vi.fn(),
    onFailed: vi.fn(),
    onCancelled: vi.fn(),
    onAmountMismatch: vi.fn(),
    dedupe: createMemoryDedupe(),
  } satisfies HandleWebhookOptions;
  const notice = (status = payment.status as string) => post({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status });
  return { client, options, notice };
}

const notFound = () => new IamportApiError('api', 'not found', { httpStatus: 404, code: -1, endpoint: 'GET /payments/x' });

describe('handleWebhook', () => {
  it('re-fetches, verifies and runs onPaid with the payment and the order', async () => {
    const payment = makePayment();
    const { options, notice, client } = setup(payment);
    const response = await handleWebhook(notice('paid'), options);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, status: 'paid', handled: true });
    expect(client.getPayment).toHaveBeenCalledWith(payment.imp_uid);
    expect(options.lookupOrder).toHaveBeenCalledWith(payment.merchant_uid);
    expect(options.onPaid).toHaveBeenCalledWith({ payment, order: { amount: 1000 }, webhook: { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: 'paid' } });
  });

  it('duplicates (sequential and concurrent) run onPaid once', async () => {
    const { options, notice } = setup(makePayment());
    const responses = await Promise.all([handleWebhook(notice(), options), handleWebhook(notice(), options), handleWebhook(notice(), options)]);
    const later = await handleWebhook(notice(), options);
    expect([...responses, later].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await later.json()).toMatchObject({ ok: true, duplicate: true });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('a forged status "paid" for a payment that is not paid is refused with 409 and no onPaid', async () => {
    for (const status of ['ready', 'failed'] as const) {
      const { options, notice } = setup(makePayment({ status, paid_at: 0 }));
      const response = await handleWebhook(notice('paid'), options);
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ ok: false, reason: 'not_paid', status });
      expect(options.onPaid).not.toHaveBeenCalled();
      expect(options.onFailed).not.toHaveBeenCalled();
    }
  });

  it('acts on the real status, not the claimed one', async () => {
    // Announced as an issued virtual account, but the buyer has deposited since: it is paid.
    const { options, notice } = setup(makePayment({ pay_method: 'vbank', status: 'paid' }));
    expect((await handleWebhook(notice('ready'), options)).status).toBe(200);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onReady).not.toHaveBeenCalled();
  });

  it('a paid amount that differs from the order is 409 amount_mismatch and runs onAmountMismatch once', async () => {
    const { options, notice } = setup(makePayment({ amount: 1000 }), { amount: 50_000 });
    const first = await handleWebhook(notice(), options);
    const second = await handleWebhook(notice(), options);
    expect(first.status).toBe(409);
    expect(await first.json()).toEqual({ ok: false, reason: 'amount_mismatch', status: 'paid', handled: true });
    expect(second.status).toBe(409);
    expect(options.onAmountMismatch).toHaveBeenCalledTimes(1);
    expect(options.onPaid).not.toHaveBeenCalled();
  });

  it('routes vbank issued, failed and cancelled payments', async () => {
    const cases = [
      [makePayment({ imp_uid: 'imp_v', pay_method: 'vbank', status: 'ready' }), 'onReady'],
      [makePayment({ imp_uid: 'imp_f', status: 'failed' }), 'onFailed'],
      [makePayment({ imp_uid: 'imp_c', status: 'cancelled' }), 'onCancelled'],
    ] as const;
    for (const [payment, callback] of cases) {
      const { options, notice } = setup(payment);
      expect((await handleWebhook(notice(), options)).status).toBe(200);
      expect(options[callback]).toHaveBeenCalledTimes(1);
      expect(options.onPaid).not.toHaveBeenCalled();
    }
  });

  it('a status without a callback is acknowledged as not handled', async () => {
    const { options, notice } = setup(makePayment({ status: 'cancelled' }));
    const response = await handleWebhook(notice(), { ...options, onCancelled: undefined });
    expect(await response.json()).toEqual({ ok: true, status: 'cancelled', handled: false });
  });

  it.each([
    ['invalid JSON', '{"imp_uid"', 'application/json'],
    ['missing fields', 'status=paid', 'application/x-www-form-urlencoded'],
    ['binary garbage', '\u0000\u0001\u0002', 'application/octet-stream'],
    ['an imp_uid with spaces', '{"imp_uid":"imp 1","merchant_uid":"o","status":"paid"}', 'application/json'],
  ])('%s → 400, never a crash', async (_, body, type) => {
    const { options, client } = setup(makePayment());
    client.getPayment.mockImplementation(async (impUid: string) => {
      if (/\s/.test(impUid)) throw new (await import('../../src/core/errors')).IamportError('INVALID_PARAMS', 'impUid');
      return makePayment();
    });
    const response = await handleWebhook(post(body, type), options);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, reason: 'malformed' });
    expect(options.onPaid).not.toHaveBeenCalled();
  });

  it('answers 405 to GET, 413 to huge bodies', async () => {
    const { options } = setup(makePayment());
    expect((await handleWebhook(new Request('https://shop.example/hook'), options)).status).toBe(405);
    const huge = post({ imp_uid: 'imp_1', merchant_uid: 'o', status: 'paid', pad: 'x'.repeat(20_000) });
    expect((await handleWebhook(huge, options)).status).toBe(413);
  });

  it('404 for an unknown payment or order, 400 for a merchant_uid that is not the payment’s', async () => {
    const payment = makePayment();
    const { options } = setup(payment);
    expect((await handleWebhook(post({ imp_uid: 'imp_unknown', merchant_uid: 'x', status: 'paid' }), options)).status).toBe(404);
    expect((await handleWebhook(post({ imp_uid: payment.imp_uid, merchant_uid: 'order_other', status: 'paid' }), options)).status).toBe(400);
    const orphan = setup(payment, null);
    const response = await handleWebhook(orphan.notice(), orphan.options);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, reason: 'order_not_found' });
    expect(orphan.options.onPaid).not.toHaveBeenCalled();
  });

  it('502 when i’mport cannot be reached, 500 when lookupOrder throws: i’mport retries both', async () => {
    const { options, notice, client } = setup(makePayment());
    client.getPayment.mockRejectedValueOnce(new IamportApiError('network', 'down', { httpStatus: null, code: null, endpoint: 'GET /payments/x' }));
    expect((await handleWebhook(notice(), options)).status).toBe(502);
    options.lookupOrder.mockRejectedValueOnce(new Error('db down'));
    expect((await handleWebhook(notice(), options)).status).toBe(500);
    expect((await handleWebhook(notice(), options)).status).toBe(200);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('an order whose amount is not a number is a 500 invalid_order, never a silent mismatch', async () => {
    const { options, notice } = setup(makePayment(), { amount: '1000' as unknown as number });
    const response = await handleWebhook(notice(), options);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ reason: 'invalid_order', message: expect.stringContaining('lookupOrder must return { amount: number }') });
    expect(options.onPaid).not.toHaveBeenCalled();
    expect(options.onAmountMismatch).not.toHaveBeenCalled();
  });

  it('when onPaid throws: 500 without the error text, and the retry runs onPaid again', async () => {
    const { options, notice } = setup(makePayment());
    options.onPaid.mockRejectedValueOnce(new Error('db password=hunter2 rejected'));
    const failed = await handleWebhook(notice(), options);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('hunter2');
    expect((await handleWebhook(notice(), options)).status).toBe(200);
    expect(options.onPaid).toHaveBeenCalledTimes(2);
  });

  it('uses a pluggable dedupe store', async () => {
    const claimed = new Set<string>();
    const dedupe = { claim: vi.fn(async (key: string) => !claimed.has(key) && !!claimed.add(key)), release: vi.fn() };
    const { options, notice } = setup(makePayment({ imp_uid: 'imp_77' }));
    await handleWebhook(notice(), { ...options, dedupe });
    await handleWebhook(notice(), { ...options, dedupe });
    expect(dedupe.claim).toHaveBeenCalledWith('imp_77:paid');
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });
});

describe('createMemoryDedupe', () => {
  it('claims once, forgets after the TTL and beyond maxEntries', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const dedupe = createMemoryDedupe({ ttlMs: 1000, maxEntries: 2 });
      expect([dedupe.claim('a'), dedupe.claim('a')]).toEqual([true, false]);
      vi.advanceTimersByTime(1001);
      expect(dedupe.claim('a')).toBe(true);
      dedupe.claim('b');
      dedupe.claim('c'); // evicts 'a'
      expect(dedupe.claim('a')).toBe(true);
      dedupe.release('c');
      expect(dedupe.claim('c')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createVerifyHandler', () => {
  const verifyRequest = (body: unknown, method = 'POST') =>
    new Request('https://shop.example/api/payments/verify', { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify(body) : undefined });

  function handler(payment: Payment, order: { amount: number } | null) {
    const onVerified = vi.fn();
    const client = { getPayment: vi.fn(async (impUid: string) => (impUid === payment.imp_uid ? payment : Promise.reject(notFound()))) };
    return { verify: createVerifyHandler({ client, lookupOrder: async () => order, onVerified }), onVerified };
  }

  it('verified: true with a summary that has no buyer details or card number', async () => {
    const payment = makePayment();
    const { verify, onVerified } = handler(payment, { amount: 1000 });
    const response = await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ verified: true, status: 'paid', amount: 1000, payment: { imp_uid: payment.imp_uid, card_name: 'Shinhan', receipt_url: payment.receipt_url } });
    const text = JSON.stringify(body);
    for (const secret of ['Hong Gildong', 'hong@example.com', '010-1234-5678', '424242', 'tid_1']) expect(text).not.toContain(secret);
    expect(onVerified).toHaveBeenCalledWith({ payment, order: { amount: 1000 }, status: 'paid' });
  });

  it('amount tampering → verified: false, reason amount_mismatch', async () => {
    const payment = makePayment({ amount: 1000 });
    const { verify, onVerified } = handler(payment, { amount: 50_000 });
    const body = await (await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }))).json();
    expect(body).toMatchObject({ verified: false, status: 'paid', reason: 'amount_mismatch', amount: 1000 });
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('reports not_found, order_not_found, merchant_uid_mismatch and a vbank ready', async () => {
    const payment = makePayment({ status: 'ready', pay_method: 'vbank', vbank_num: '123-456', vbank_name: 'KB' });
    const { verify } = handler(payment, { amount: 1000 });
    expect(await (await verify(verifyRequest({ impUid: 'imp_nope', merchantUid: 'o' }))).json()).toMatchObject({ verified: false, reason: 'not_found' });
    expect(await (await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: 'order_other' }))).json()).toMatchObject({ verified: false, reason: 'merchant_uid_mismatch' });
    expect(await (await verify(verifyRequest({ imp_uid: payment.imp_uid }))).json()).toMatchObject({ verified: true, status: 'ready', payment: { vbank_num: '123-456' } });
    const noOrder = handler(payment, null);
    expect(await (await noOrder.verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({ verified: false, reason: 'order_not_found' });
  });

  it('500 with a clear reason when lookupOrder throws, returns a string amount, or onVerified throws', async () => {
    const payment = makePayment();
    const body = { impUid: payment.imp_uid, merchantUid: payment.merchant_uid };
    const client = { getPayment: async () => payment };
    const throwing = createVerifyHandler({ client, lookupOrder: () => Promise.reject(new Error('db down')) });
    expect(await (await throwing(verifyRequest(body))).json()).toMatchObject({ verified: false, reason: 'lookup_failed' });
    const stringy = createVerifyHandler({ client, lookupOrder: () => ({ amount: '1000' as unknown as number }) });
    const response = await stringy(verifyRequest(body));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ verified: false, reason: 'invalid_order', message: expect.stringContaining('Number(row.amount)') });
    const failing = createVerifyHandler({ client, lookupOrder: () => ({ amount: 1000 }), onVerified: () => Promise.reject(new Error('x')) });
    expect(await (await failing(verifyRequest(body))).json()).toMatchObject({ verified: false, status: 'paid', reason: 'handler_failed' });
  });

  it('400 for a bad body, 405 for GET', async () => {
    const { verify } = handler(makePayment(), { amount: 1000 });
    expect((await verify(verifyRequest({ merchantUid: 'o' }))).status).toBe(400);
    expect((await verify(new Request('https://shop.example/v', { method: 'POST', body: 'not json' }))).status).toBe(400);
    expect((await verify(verifyRequest(null, 'GET'))).status).toBe(405);
  });
});
