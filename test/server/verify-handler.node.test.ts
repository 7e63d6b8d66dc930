import { describe, expect, it, vi } from 'vitest';
import { createPrepareHandler, createVerifyHandler, IamportApiError, type Payment, type PreparePaymentParams } from '../../src/server';
import { makePayment, stubClient } from './fake-api';

const postJson = (url: string, body: unknown, method = 'POST') =>
  new Request(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify(body) : undefined });
const verifyRequest = (body: unknown, method = 'POST') => postJson('https://shop.example/api/payments/verify', body, method);

function handler(
  payments: Payment[],
  order: { amount: number } | null,
  options: { mode?: 'test' | 'live'; prepared?: Map<string, number>; checkPrepared?: boolean } = {},
) {
  const onVerified = vi.fn();
  const onAwaitingDeposit = vi.fn();
  const client = stubClient(payments, options);
  const verify = createVerifyHandler({ client, lookupOrder: async () => order, onVerified, onAwaitingDeposit, checkPrepared: options.checkPrepared });
  return { verify, onVerified, onAwaitingDeposit, client };
}

describe('createVerifyHandler', () => {
  it('paid: verified with a summary that has no buyer details or card number; onVerified runs', async () => {
    const payment = makePayment();
    const { verify, onVerified } = handler([payment], { amount: 1000 });
    const response = await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      verified: true,
      status: 'paid',
      paymentStatus: 'paid',
      amount: 1000,
      payment: { imp_uid: payment.imp_uid, card_name: 'Shinhan', sandbox: false },
    });
    const text = JSON.stringify(body);
    for (const secret of ['Hong Gildong', 'hong@example.com', '010-1234-5678', '424242', 'tid_1']) expect(text).not.toContain(secret);
    expect(onVerified).toHaveBeenCalledWith({ payment, order: { amount: 1000 } });
  });

  it('an issued virtual account is awaiting_deposit: verified false, onAwaitingDeposit (never onVerified)', async () => {
    const payment = makePayment({ status: 'ready', pay_method: 'vbank', vbank_num: '123-456', vbank_name: 'KB' });
    const { verify, onVerified, onAwaitingDeposit } = handler([payment], { amount: 1000 });
    const body = await (await verify(verifyRequest({ imp_uid: payment.imp_uid }))).json();
    expect(body).toMatchObject({ verified: false, status: 'awaiting_deposit', paymentStatus: 'ready', payment: { vbank_num: '123-456' } });
    expect(onVerified).not.toHaveBeenCalled();
    expect(onAwaitingDeposit).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['amount tampering', makePayment({ amount: 1000 }), 50_000, 'amount_mismatch'],
    ['999 of 1000 refunded', makePayment({ cancel_amount: 999 }), 1000, 'partially_refunded'],
    ['a test payment in live mode', makePayment({ sandbox: true }), 1000, 'sandbox_payment'],
    ['failed', makePayment({ status: 'failed' }), 1000, 'not_paid'],
  ])('%s → not_verified with the reason, no callback', async (_, payment, amount, reason) => {
    const { verify, onVerified } = handler([payment], { amount });
    const body = await (await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }))).json();
    expect(body).toMatchObject({ verified: false, status: 'not_verified', reason, message: expect.stringContaining(payment.imp_uid) });
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('a test payment verifies in test mode', async () => {
    const payment = makePayment({ sandbox: true });
    const { verify } = handler([payment], { amount: 1000 }, { mode: 'test' });
    expect(await (await verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({
      verified: true,
      status: 'paid',
      payment: { sandbox: true },
    });
  });

  it('{ merchantUid } alone settles an unknown outcome: the order’s paid payment, else its latest', async () => {
    const failed = makePayment({ imp_uid: 'imp_1', status: 'failed' });
    const paid = makePayment({ imp_uid: 'imp_2' });
    const retry = makePayment({ imp_uid: 'imp_3', status: 'failed' });
    const { verify, client } = handler([failed, paid, retry], { amount: 1000 });
    expect(await (await verify(verifyRequest({ merchantUid: 'order_abc123' }))).json()).toMatchObject({ verified: true, payment: { imp_uid: 'imp_2' } });
    expect(client.findPayment).toHaveBeenCalledWith('order_abc123', { status: 'paid' });
    const unpaid = handler([failed, retry], { amount: 1000 });
    expect(await (await unpaid.verify(verifyRequest({ merchantUid: 'order_abc123' }))).json()).toMatchObject({
      status: 'not_verified',
      reason: 'not_paid',
      payment: { imp_uid: 'imp_3' },
    });
    const none = handler([], { amount: 1000 });
    expect(await (await none.verify(verifyRequest({ merchantUid: 'order_abc123' }))).json()).toMatchObject({
      verified: false,
      status: 'not_verified',
      reason: 'not_found',
    });
  });

  it('checkPrepared: the pre-registered amount must be the order’s', async () => {
    const payment = makePayment();
    const wrong = handler([payment], { amount: 1000 }, { checkPrepared: true, prepared: new Map([[payment.merchant_uid, 900]]) });
    expect(await (await wrong.verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({
      status: 'not_verified',
      reason: 'prepared_amount_mismatch',
    });
    const missing = handler([payment], { amount: 1000 }, { checkPrepared: true });
    expect(await (await missing.verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({ status: 'not_verified', reason: 'not_prepared' });
    const right = handler([payment], { amount: 1000 }, { checkPrepared: true, prepared: new Map([[payment.merchant_uid, 1000]]) });
    expect(await (await right.verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({ verified: true });
  });

  it('reports not_found, order_not_found and merchant_uid_mismatch', async () => {
    const payment = makePayment();
    const { verify } = handler([payment], { amount: 1000 });
    expect(await (await verify(verifyRequest({ impUid: 'imp_nope', merchantUid: 'o' }))).json()).toMatchObject({ verified: false, reason: 'not_found' });
    expect(await (await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: 'order_other' }))).json()).toMatchObject({
      verified: false,
      reason: 'merchant_uid_mismatch',
    });
    const noOrder = handler([payment], null);
    expect(await (await noOrder.verify(verifyRequest({ impUid: payment.imp_uid }))).json()).toMatchObject({ verified: false, reason: 'order_not_found' });
  });

  it('500 with a clear reason when lookupOrder throws, returns a string amount, or onVerified throws; 502 when i’mport is down', async () => {
    const payment = makePayment();
    const body = { impUid: payment.imp_uid, merchantUid: payment.merchant_uid };
    const client = stubClient([payment]);
    const throwing = createVerifyHandler({ client, lookupOrder: () => Promise.reject(new Error('db down')) });
    expect(await (await throwing(verifyRequest(body))).json()).toMatchObject({ verified: false, status: 'unknown', reason: 'lookup_failed' });
    const stringy = createVerifyHandler({ client, lookupOrder: () => ({ amount: '1000' as unknown as number }) });
    const response = await stringy(verifyRequest(body));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ verified: false, reason: 'invalid_order', message: expect.stringContaining('Number(row.amount)') });
    const failing = createVerifyHandler({ client, lookupOrder: () => ({ amount: 1000 }), onVerified: () => Promise.reject(new Error('x')) });
    expect(await (await failing(verifyRequest(body))).json()).toMatchObject({ verified: false, status: 'unknown', reason: 'handler_failed' });
    client.getPayment.mockRejectedValueOnce(new IamportApiError('timeout', 'slow', { httpStatus: null, code: null, endpoint: 'GET /payments/x' }));
    const down = await failing(verifyRequest(body));
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ verified: false, status: 'unknown', reason: 'upstream_error' });
  });

  it('400 for a bad body, 405 for GET, 413 for a huge one', async () => {
    const { verify } = handler([makePayment()], { amount: 1000 });
    expect((await verify(verifyRequest({}))).status).toBe(400);
    expect((await verify(verifyRequest({ impUid: 42 }))).status).toBe(400);
    expect((await verify(new Request('https://shop.example/v', { method: 'POST', body: 'not json' }))).status).toBe(400);
    expect((await verify(verifyRequest(null, 'GET'))).status).toBe(405);
    expect((await verify(verifyRequest({ impUid: 'imp_1', pad: 'x'.repeat(20_000) }))).status).toBe(413);
  });
});

describe('createPrepareHandler', () => {
  function prepare(order: { amount: number } | null, reply: (params: PreparePaymentParams) => Promise<unknown> = async (params) => params) {
    const client = {
      preparePayment: vi.fn(reply),
      getPreparedPayment: vi.fn(async () =>
        Promise.reject(new IamportApiError('api', 'none', { httpStatus: 404, code: 1, endpoint: 'GET /payments/prepare' })),
      ),
      updatePreparedPayment: vi.fn(async (params: PreparePaymentParams) => params),
    } as unknown as Parameters<typeof createPrepareHandler>[0]['client'] & { preparePayment: ReturnType<typeof vi.fn> };
    const onPrepared = vi.fn();
    return { handle: createPrepareHandler({ client, lookupOrder: async () => order, onPrepared }), client, onPrepared };
  }
  const request = (body: unknown) => postJson('https://shop.example/api/payments/prepare', body);

  it('registers the order’s amount from your database, never one from the browser', async () => {
    const { handle, client, onPrepared } = prepare({ amount: 15_000 });
    const response = await handle(request({ merchantUid: 'order_1', amount: 1 }));
    expect(await response.json()).toEqual({ prepared: true, merchantUid: 'order_1', amount: 15_000 });
    expect(client.preparePayment).toHaveBeenCalledWith({ merchant_uid: 'order_1', amount: 15_000 });
    expect(onPrepared).toHaveBeenCalledWith({ order: { amount: 15_000 }, prepared: { merchant_uid: 'order_1', amount: 15_000 } });
  });

  it('an amount-0 order (card registration) has nothing to register', async () => {
    const { handle, client } = prepare({ amount: 0 });
    expect(await (await handle(request({ merchantUid: 'join_1' }))).json()).toEqual({
      prepared: false,
      merchantUid: 'join_1',
      amount: 0,
      reason: 'nothing_to_charge',
    });
    expect(client.preparePayment).not.toHaveBeenCalled();
  });

  it('404 unknown order, 400 bad body, 405 GET, 502 i’mport refusing', async () => {
    expect((await prepare(null).handle(request({ merchantUid: 'order_1' }))).status).toBe(404);
    expect((await prepare({ amount: 1 }).handle(request({ merchantUid: '' }))).status).toBe(400);
    expect((await prepare({ amount: 1 }).handle(postJson('https://shop.example/p', null, 'GET'))).status).toBe(405);
    const refusing = prepare({ amount: 1000 }, () =>
      Promise.reject(new IamportApiError('network', 'down', { httpStatus: null, code: null, endpoint: 'POST /payments/prepare' })),
    );
    const response = await refusing.handle(request({ merchantUid: 'order_1' }));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ prepared: false, reason: 'upstream_error' });
  });
});
