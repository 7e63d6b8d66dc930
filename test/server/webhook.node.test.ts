import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryDedupe,
  DedupeFullError,
  handleWebhook,
  IamportApiError,
  IamportError,
  IamportWebhookError,
  parseWebhook,
  reconcileOrder,
  type HandleWebhookOptions,
  type Payment,
  type WebhookDedupe,
} from '../../src/server';
import { makePayment, stubClient } from './fake-api';

describe('parseWebhook', () => {
  const expected = { imp_uid: 'imp_1', merchant_uid: 'order_1', status: 'paid' };

  it('reads JSON and form bodies', () => {
    expect(parseWebhook(JSON.stringify(expected), 'application/json; charset=utf-8')).toEqual(expected);
    expect(parseWebhook('imp_uid=imp_1&merchant_uid=order_1&status=paid', 'application/x-www-form-urlencoded')).toEqual(expected);
    expect(parseWebhook({ ...expected, extra: 1 })).toEqual(expected);
  });

  it('keeps a cancel notice’s cancellation_id', () => {
    expect(parseWebhook({ ...expected, status: 'cancelled', cancellation_id: 'cancel_1' })).toEqual({
      ...expected,
      status: 'cancelled',
      cancellation_id: 'cancel_1',
    });
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

function setup(payment: Payment, order: { amount: number } | null = { amount: payment.amount }, mode: 'test' | 'live' = 'live') {
  const client = stubClient([payment], { mode });
  const options = {
    client,
    lookupOrder: vi.fn(async () => order),
    onPaid: vi.fn(),
    onAwaitingDeposit: vi.fn(),
    onFailed: vi.fn(),
    onCancelled: vi.fn(),
    onAmountMismatch: vi.fn(),
    dedupe: createMemoryDedupe(),
  } satisfies HandleWebhookOptions;
  const notice = (status = payment.status as string) => post({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status });
  return { client, options, notice };
}

describe('handleWebhook', () => {
  it('re-fetches, verifies and runs onPaid with the payment, the order and the notice', async () => {
    const payment = makePayment();
    const { options, notice, client } = setup(payment);
    const response = await handleWebhook(notice('paid'), options);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, status: 'paid', event: 'paid', handled: true });
    expect(client.getPayment).toHaveBeenCalledWith(payment.imp_uid);
    expect(options.lookupOrder).toHaveBeenCalledWith(payment.merchant_uid);
    expect(options.onPaid).toHaveBeenCalledWith({
      event: 'paid',
      payment,
      order: { amount: 1000 },
      webhook: { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: 'paid' },
    });
  });

  it('sequential duplicates run onPaid once and are answered 200 duplicate', async () => {
    const { options, notice } = setup(makePayment());
    await handleWebhook(notice(), options);
    const again = await handleWebhook(notice(), options);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('a concurrent duplicate while onPaid runs is 503 (try later), never a second onPaid', async () => {
    const { options, notice } = setup(makePayment());
    let finish!: () => void;
    options.onPaid.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = handleWebhook(notice(), options);
    await vi.waitFor(() => expect(options.onPaid).toHaveBeenCalledTimes(1));
    const second = await handleWebhook(notice(), options);
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    finish();
    expect((await first).status).toBe(200);
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ duplicate: true });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('a forged status "paid" for a payment that is not paid: 200 nothing to do, no callback', async () => {
    for (const status of ['ready', 'failed'] as const) {
      const { options, notice } = setup(makePayment({ status, paid_at: 0 }));
      const response = await handleWebhook(notice('paid'), options);
      expect(response.status).toBe(200);
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
    expect(options.onAwaitingDeposit).not.toHaveBeenCalled();
  });

  it('an issued virtual account runs onAwaitingDeposit, never onPaid; its deposit later runs onPaid', async () => {
    const payment = makePayment({ pay_method: 'vbank', status: 'ready', vbank_num: '123-456' });
    const { options, notice } = setup(payment);
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ event: 'awaiting_deposit', handled: true });
    expect(options.onPaid).not.toHaveBeenCalled();
    payment.status = 'paid';
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ event: 'paid', handled: true });
    expect(options.onAwaitingDeposit).toHaveBeenCalledTimes(1);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('a paid amount that differs from the order runs onAmountMismatch once, never onPaid', async () => {
    const { options, notice } = setup(makePayment({ amount: 1000 }), { amount: 50_000 });
    const first = await handleWebhook(notice(), options);
    const second = await handleWebhook(notice(), options);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, status: 'paid', event: 'amount_mismatch', handled: true });
    expect(await second.json()).toMatchObject({ duplicate: true });
    expect(options.onAmountMismatch).toHaveBeenCalledTimes(1);
    expect(options.onPaid).not.toHaveBeenCalled();
  });

  it('999 of 1000 refunded: onCancelled (partially_refunded) once per refunded total, never onPaid', async () => {
    const payment = makePayment({ cancel_amount: 500 });
    const { options, notice } = setup(payment);
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ event: 'partially_refunded', handled: true });
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ duplicate: true });
    payment.cancel_amount = 999;
    await handleWebhook(notice(), options);
    expect(options.onCancelled).toHaveBeenCalledTimes(2);
    expect(options.onCancelled.mock.calls[1]![0]).toMatchObject({ event: 'partially_refunded', payment: { cancel_amount: 999 } });
    expect(options.onPaid).not.toHaveBeenCalled();
  });

  it('routes failed and cancelled payments', async () => {
    const cases = [
      [makePayment({ imp_uid: 'imp_f', status: 'failed' }), 'onFailed'],
      [makePayment({ imp_uid: 'imp_c', status: 'cancelled', cancel_amount: 1000 }), 'onCancelled'],
    ] as const;
    for (const [payment, callback] of cases) {
      const { options, notice } = setup(payment);
      expect((await handleWebhook(notice(), options)).status).toBe(200);
      expect(options[callback]).toHaveBeenCalledTimes(1);
      expect(options.onPaid).not.toHaveBeenCalled();
    }
  });

  it('live mode refuses a test payment; test mode handles it', async () => {
    const live = setup(makePayment({ sandbox: true }));
    expect(await (await handleWebhook(live.notice(), live.options)).json()).toEqual({ ok: false, status: 'paid', reason: 'sandbox_payment', handled: false });
    expect(live.options.onPaid).not.toHaveBeenCalled();
    const test = setup(makePayment({ sandbox: true }), undefined, 'test');
    expect(await (await handleWebhook(test.notice(), test.options)).json()).toMatchObject({ ok: true, handled: true });
    expect(test.options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('checkPrepared: a payment of an order pre-registered for another amount is not handled as paid', async () => {
    const payment = makePayment();
    const client = stubClient([payment], { prepared: new Map([[payment.merchant_uid, 900]]) });
    const { options, notice } = setup(payment);
    const response = await handleWebhook(notice(), { ...options, client, checkPrepared: true });
    expect(await response.json()).toMatchObject({ ok: false, reason: 'prepared_amount_mismatch', handled: false });
    client.getPreparedPayment.mockResolvedValueOnce({ merchant_uid: payment.merchant_uid, amount: 1000, currency: null });
    expect(await (await handleWebhook(notice(), { ...options, client, checkPrepared: (order) => order.amount > 0 })).json()).toMatchObject({ handled: true });
  });

  it('a status without a callback is acknowledged as not handled', async () => {
    const { options, notice } = setup(makePayment({ status: 'cancelled' }));
    const response = await handleWebhook(notice(), { ...options, onCancelled: undefined });
    expect(await response.json()).toEqual({ ok: true, status: 'cancelled', reason: 'no_handler', handled: false });
  });

  it.each([
    ['invalid JSON', '{"imp_uid"', 'application/json'],
    ['missing fields', 'status=paid', 'application/x-www-form-urlencoded'],
    ['binary garbage', '\u0000\u0001\u0002', 'application/octet-stream'],
    ['an imp_uid with spaces', '{"imp_uid":"imp 1","merchant_uid":"o","status":"paid"}', 'application/json'],
  ])('%s → 400, never a crash', async (_, body, type) => {
    const { options, client } = setup(makePayment());
    client.getPayment.mockImplementation(async (impUid: string) => {
      if (/\s/.test(impUid)) throw new IamportError('INVALID_PARAMS', 'impUid');
      return makePayment();
    });
    const response = await handleWebhook(post(body, type), options);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, reason: 'malformed' });
    expect(options.onPaid).not.toHaveBeenCalled();
  });

  it('answers 405 to GET, 413 to a body over the limit (declared or streamed)', async () => {
    const { options } = setup(makePayment());
    expect((await handleWebhook(new Request('https://shop.example/hook'), options)).status).toBe(405);
    const huge = post({ imp_uid: 'imp_1', merchant_uid: 'o', status: 'paid', pad: 'x'.repeat(20_000) });
    expect((await handleWebhook(huge, options)).status).toBe(413);
  });

  it('an 800 MB body without Content-Length → 413 with less than 1 MB read', async () => {
    const { options, client } = setup(makePayment());
    const total = 800 * 1024 * 1024;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('https://shop.example/hook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handleWebhook(request, options);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
    expect(client.getPayment).not.toHaveBeenCalled();
  });

  it('unknown payment, unknown order, another merchant_uid: 200 nothing to do (a re-send would not change it)', async () => {
    const payment = makePayment();
    const { options } = setup(payment);
    expect(await (await handleWebhook(post({ imp_uid: 'imp_unknown', merchant_uid: 'x', status: 'paid' }), options)).json()).toEqual({
      ok: false,
      reason: 'payment_not_found',
    });
    expect(await (await handleWebhook(post({ imp_uid: payment.imp_uid, merchant_uid: 'order_other', status: 'paid' }), options)).json()).toEqual({
      ok: false,
      reason: 'merchant_uid_mismatch',
    });
    const orphan = setup(payment, null);
    const response = await handleWebhook(orphan.notice(), orphan.options);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, reason: 'order_not_found', status: 'paid' });
    expect(orphan.options.onPaid).not.toHaveBeenCalled();
  });

  it('5xx for what may work later (i’mport unreachable, lookupOrder threw); the re-send then runs onPaid', async () => {
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

  it('when onPaid throws: 500 without the error text, and the re-send runs onPaid again', async () => {
    const { options, notice } = setup(makePayment());
    options.onPaid.mockRejectedValueOnce(new Error('db password=hunter2 rejected'));
    const failed = await handleWebhook(notice(), options);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('hunter2');
    expect((await handleWebhook(notice(), options)).status).toBe(200);
    expect(options.onPaid).toHaveBeenCalledTimes(2);
  });

  it('a handler that died mid-onPaid (lease never released) is re-run by the first send after the lease, then completes once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { options, notice } = setup(makePayment());
      const dedupe = options.dedupe;
      // The crashed process: it claimed the event and never came back.
      expect(await dedupe.claim('imp_100000000001:paid', 60_000)).toMatchObject({ state: 'claimed' });
      const during = await handleWebhook(notice(), options);
      expect(during.status).toBe(503);
      expect(options.onPaid).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_001);
      expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ handled: true });
      expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ duplicate: true });
      expect(options.onPaid).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('10,001 forged webhooks, then the real one re-sent → onPaid once (nothing unauthenticated is recorded)', async () => {
    const paid = makePayment({ imp_uid: 'imp_real', merchant_uid: 'order_real' });
    const declined = Array.from({ length: 50 }, (_, i) => makePayment({ imp_uid: `imp_declined_${i}`, merchant_uid: `order_d${i}`, status: 'failed' }));
    const client = stubClient([paid, ...declined]);
    const dedupe = createMemoryDedupe({ maxEntries: 100 });
    const claim = vi.spyOn(dedupe, 'claim');
    const options = { client, dedupe, lookupOrder: async () => ({ amount: 1000 }), onPaid: vi.fn() };
    const real = () => post({ imp_uid: 'imp_real', merchant_uid: 'order_real', status: 'paid' });

    expect((await handleWebhook(real(), options)).status).toBe(200);
    const statuses = new Set<number>();
    for (let i = 0; i < 10_001; i++) {
      // Unknown ids, and "paid" claims for real declined payments of other orders.
      const forged = i % 2 ? { imp_uid: `imp_forged_${i}`, merchant_uid: `order_${i}`, status: 'paid' } : { ...pick(declined[i % 50]!), status: 'paid' };
      statuses.add((await handleWebhook(post(forged), options)).status);
    }
    expect([...statuses]).toEqual([200]);
    expect(claim).toHaveBeenCalledTimes(1); // only the real event ever reached the dedupe
    expect(await (await handleWebhook(real(), options)).json()).toMatchObject({ duplicate: true });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('a pluggable two-phase dedupe: claim with a lease, complete after the callback, release when it throws', async () => {
    const dedupe: WebhookDedupe = {
      claim: vi.fn(() => ({ state: 'claimed' as const, lease: 'lease_1' })),
      complete: vi.fn(),
      release: vi.fn(),
    };
    const { options, notice } = setup(makePayment({ imp_uid: 'imp_77' }));
    await handleWebhook(notice(), { ...options, dedupe, leaseMs: 5000, doneTtlMs: 86_400_000 });
    expect(dedupe.claim).toHaveBeenCalledWith('imp_77:paid', 5000);
    expect(dedupe.complete).toHaveBeenCalledWith('imp_77:paid', 'lease_1', 86_400_000);
    options.onPaid.mockRejectedValueOnce(new Error('x'));
    await handleWebhook(notice(), { ...options, dedupe });
    expect(dedupe.release).toHaveBeenCalledWith('imp_77:paid', 'lease_1');
  });

  it('a full in-memory dedupe keeps handling new webhooks and sweeps: the oldest handled events make room', async () => {
    const payments = Array.from({ length: 6 }, (_, i) => makePayment({ imp_uid: `imp_${i}`, merchant_uid: `order_${i}` }));
    const options = {
      client: stubClient(payments),
      dedupe: createMemoryDedupe({ maxEntries: 3 }),
      lookupOrder: async () => ({ amount: 1000 }),
      onPaid: vi.fn(),
    };
    for (const payment of payments.slice(0, 5)) {
      const response = await handleWebhook(post({ ...pick(payment), status: 'paid' }), options);
      expect([response.status, await response.json()]).toEqual([200, expect.objectContaining({ handled: true })]);
    }
    await expect(reconcileOrder('order_5', options)).resolves.toMatchObject({ result: 'handled' });
    expect(options.onPaid).toHaveBeenCalledTimes(6);
  });

  it('a dedupe that is down or full: 503, nothing runs', async () => {
    const { options, notice } = setup(makePayment());
    const down: WebhookDedupe = { claim: () => Promise.reject(new Error('redis down')), complete: vi.fn(), release: vi.fn() };
    expect(await (await handleWebhook(notice(), { ...options, dedupe: down })).json()).toEqual({ ok: false, reason: 'dedupe_failed' });
    const full: WebhookDedupe = {
      ...down,
      claim: () => {
        throw new DedupeFullError(1);
      },
    };
    const response = await handleWebhook(notice(), { ...options, dedupe: full });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, reason: 'dedupe_full' });
    expect(options.onPaid).not.toHaveBeenCalled();
  });
});

const pick = (payment: Payment) => ({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid });

/** The in-memory dedupe answers in the same tick (the interface also allows a shared store's promises). */
type SyncDedupe = { [K in keyof WebhookDedupe]: (...args: Parameters<WebhookDedupe[K]>) => Awaited<ReturnType<WebhookDedupe[K]>> };
const createSyncDedupe = (options?: Parameters<typeof createMemoryDedupe>[0]) => createMemoryDedupe(options) as SyncDedupe;

describe('createMemoryDedupe', () => {
  it('claims once, answers busy during the lease and done after completion; releases only its own lease', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const dedupe = createSyncDedupe();
      const first = dedupe.claim('a', 1000) as { state: 'claimed'; lease: string };
      expect(first.state).toBe('claimed');
      expect(dedupe.claim('a', 1000)).toEqual({ state: 'busy', retryAfterMs: 1000 });
      dedupe.release('a', 'someone-else');
      expect(dedupe.claim('a', 1000)).toMatchObject({ state: 'busy' });
      vi.advanceTimersByTime(1001); // the lease expired: a crashed handler's event can run again
      const second = dedupe.claim('a', 1000) as { state: 'claimed'; lease: string };
      expect(second.state).toBe('claimed');
      dedupe.release('a', first.lease); // a late release of the expired lease does not free the new one
      expect(dedupe.claim('a', 1000)).toMatchObject({ state: 'busy' });
      dedupe.complete('a', second.lease, 5000);
      expect(dedupe.claim('a', 1000)).toEqual({ state: 'done' });
      vi.advanceTimersByTime(5001);
      expect(dedupe.claim('a', 1000)).toMatchObject({ state: 'claimed' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('when full, forgets the oldest done records to take a new event; refuses only when every record is a live lease', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const dedupe = createSyncDedupe({ maxEntries: 3 });
      for (const key of ['a', 'b']) dedupe.complete(key, (dedupe.claim(key, 1000) as { lease: string }).lease, 10_000);
      dedupe.claim('c', 1000);
      expect(dedupe.claim('d', 1000)).toMatchObject({ state: 'claimed' }); // 'a', the oldest done record, made room
      expect(dedupe.claim('b', 1000)).toEqual({ state: 'done' });
      expect(dedupe.claim('e', 1000)).toMatchObject({ state: 'claimed' }); // then 'b'
      expect(() => dedupe.claim('f', 1000)).toThrow(DedupeFullError); // c, d, e are being handled: nothing may be dropped
      expect(dedupe.claim('c', 1000)).toMatchObject({ state: 'busy' });
      vi.advanceTimersByTime(1001); // the leases expired (crashed handlers): their events may run again
      expect(dedupe.claim('f', 1000)).toMatchObject({ state: 'claimed' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a full default dedupe (100,000 handled events, ~7 days at 14k a day) keeps accepting new events at once', () => {
    const dedupe = createSyncDedupe();
    for (let i = 0; i < 100_000; i++) dedupe.complete(`old_${i}`, (dedupe.claim(`old_${i}`, 60_000) as { lease: string }).lease, 7 * 86_400_000);
    const started = performance.now();
    const claims = Array.from({ length: 1000 }, (_, i) => dedupe.claim(`new_${i}`, 60_000));
    expect(claims.every((claim) => claim.state === 'claimed')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000); // not a sweep of 100,000 records per claim
    expect(dedupe.claim('old_99999', 60_000)).toEqual({ state: 'done' }); // the newest are remembered
  });
});

describe('reconcileOrder', () => {
  it('settles an order whose webhook never came, with the same callbacks and dedupe', async () => {
    const payment = makePayment();
    const { options, notice } = setup(payment);
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'handled', event: 'paid' });
    expect(options.onPaid).toHaveBeenCalledWith(expect.objectContaining({ event: 'paid', webhook: null }));
    // The late webhook and a second sweep are duplicates.
    expect(await (await handleWebhook(notice(), options)).json()).toMatchObject({ duplicate: true });
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'duplicate' });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('prefers the order’s paid payment over a later failed attempt', async () => {
    const paid = makePayment({ imp_uid: 'imp_paid' });
    const retry = makePayment({ imp_uid: 'imp_retry', status: 'failed' });
    const { options } = setup(paid);
    const client = stubClient([paid, retry]);
    await expect(reconcileOrder(paid.merchant_uid, { ...options, client })).resolves.toMatchObject({
      result: 'handled',
      event: 'paid',
      payment: { imp_uid: 'imp_paid' },
    });
    expect(options.onFailed).not.toHaveBeenCalled();
  });

  it('nothing to do without a payment or an order; a callback’s error is rethrown and the next sweep runs it again', async () => {
    const payment = makePayment();
    const { options } = setup(payment);
    await expect(reconcileOrder('order_none', options)).resolves.toEqual({ result: 'ignored', reason: 'payment_not_found', payment: null });
    await expect(reconcileOrder(payment.merchant_uid, { ...options, lookupOrder: async () => null })).resolves.toMatchObject({
      result: 'ignored',
      reason: 'order_not_found',
    });
    const boom = new Error('db down');
    options.onPaid.mockRejectedValueOnce(boom);
    await expect(reconcileOrder(payment.merchant_uid, options)).rejects.toBe(boom);
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'handled' });
    await expect(reconcileOrder('', options)).rejects.toMatchObject({ code: 'INVALID_PARAMS', field: 'merchantUid' });
  });
});
