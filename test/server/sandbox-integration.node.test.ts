import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createIamportClient,
  createMemoryDedupe,
  createVerifyHandler,
  handleWebhook,
  reconcileOrder,
  IamportApiError,
  IamportPaymentDeclinedError,
  type IamportClient,
  type IamportLogEvent,
  type Payment,
} from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { APPROVE, CARD as card, DECLINE, recordPayment, sandboxClient, sandboxStats, startShop, uid } from './support/sandbox';

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await sandbox?.close();
});

const webhookRequest = (body: string, type = 'application/json') =>
  new Request('http://shop.test/api/iamport/webhook', { method: 'POST', headers: { 'content-type': type }, body });
const notice = (payment: Payment, status: string) => webhookRequest(JSON.stringify({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status }));

describe('against a running iamport-sandbox', () => {
  it('1,000 concurrent getPayment calls cause exactly one token request', async () => {
    const payment = await recordPayment(sandbox);
    const { client, sent } = sandboxClient(sandbox);
    const before = await sandboxStats(sandbox);
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.getPayment(payment.imp_uid)));
    const after = await sandboxStats(sandbox);
    expect(results.every((result) => result.imp_uid === payment.imp_uid && result.status === 'paid')).toBe(true);
    expect(sent.token).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(1);
  });

  it('a token expired mid-flight is renewed once and every call still succeeds', async () => {
    const payment = await recordPayment(sandbox);
    let seen = 0;
    // After 40 payment reads have gone out, the sandbox invalidates every token it issued.
    const { client, sent } = sandboxClient(sandbox, {
      intercept: async (url) => {
        if (url.includes('/payments/imp_') && ++seen === 40) await fetch(`${sandbox.url}/__sandbox/expire-tokens`, { method: 'POST' });
      },
    });
    await client.getPayment(payment.imp_uid);
    const results = await Promise.all(Array.from({ length: 200 }, () => client.getPayment(payment.imp_uid)));
    expect(results).toHaveLength(200);
    expect(results.every((result) => result.status === 'paid')).toBe(true);
    expect(sent.token).toBe(2);
    // Only the calls that met the expired token were repeated, each once.
    expect(sent.count('GET', '/payments/imp_')).toBeGreaterThan(201);
    expect(sent.count('GET', '/payments/imp_')).toBeLessThanOrEqual(201 + 200);
  });

  it('50 sequential calls in a token’s last minute → 1 token request; the sandbox hands the same token back, 5 minutes longer', async () => {
    // Tokens that live 30 s: the first one is in its last minute from the start.
    const short = await startSandboxServer({ port: 0, quiet: true, tokenTtlSeconds: 30 });
    try {
      const payment = await recordPayment(short);
      const events: IamportLogEvent[] = [];
      const { client, sent } = sandboxClient(short, { log: (event) => events.push(event) });
      await client.getPayment(payment.imp_uid);
      expect(sent.token).toBe(1);
      const [issued] = sent.tokens;
      expect(issued!.expired_at - issued!.now).toBe(30);

      for (let call = 0; call < 50; call++) await client.getPayment(payment.imp_uid);
      expect(sent.token).toBe(2);
      expect((await sandboxStats(short)).tokenRequests).toBe(2);
      const extended = sent.tokens[1]!;
      expect(extended.access_token).toBe(issued!.access_token);
      expect(extended.expired_at).toBe(issued!.expired_at + 300);
      expect(events.flatMap((event) => (event.type === 'token' ? [event.action] : []))).toEqual(['issued', 'extended']);
    } finally {
      await short.close();
    }
  });

  it('a declined billing charge (4000-0000-0000-0002) is an IamportPaymentDeclinedError, recorded as failed', async () => {
    const { client } = sandboxClient(sandbox);
    const customer_uid = uid('cust');
    const key = await client.issueBillingKey({ customer_uid, card_number: DECLINE, ...card });
    expect(key.customer_uid).toBe(customer_uid);
    expect(JSON.stringify(key)).not.toContain(DECLINE);
    const merchant_uid = uid('sub');
    const error = await client.chargeBillingKey({ customer_uid, merchant_uid, amount: 9900, name: 'Monthly plan' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportPaymentDeclinedError);
    const declined = error as IamportPaymentDeclinedError;
    expect(declined).toMatchObject({ kind: 'declined', code: 0, endpoint: 'POST /subscribe/payments/again' });
    expect(declined.failReason.length).toBeGreaterThan(0);
    expect(declined.message).not.toContain(DECLINE);
    const recorded = await client.getPayment(declined.payment.imp_uid);
    expect(recorded).toMatchObject({ status: 'failed', merchant_uid });
  });

  it('an approved billing key charges, reads, schedules, unschedules and deletes', async () => {
    const { client } = sandboxClient(sandbox);
    const customer_uid = uid('cust');
    await client.issueBillingKey({ customer_uid, card_number: APPROVE, ...card });
    await expect(client.getBillingKey(customer_uid)).resolves.toMatchObject({ customer_uid });
    const paid = await client.chargeBillingKey({ customer_uid, merchant_uid: uid('sub'), amount: 9900, name: 'Monthly plan' });
    expect(paid).toMatchObject({ status: 'paid', amount: 9900 });
    const schedule_at = Math.floor(Date.now() / 1000) + 30 * 86_400;
    const merchant_uid = uid('sched');
    const scheduled = await client.schedulePayments({ customer_uid, schedules: [{ merchant_uid, schedule_at, amount: 9900, name: 'Next month' }] });
    expect(scheduled[0]).toMatchObject({ merchant_uid, schedule_at, schedule_status: 'scheduled' });
    const revoked = await client.unschedulePayments({ customer_uid, merchant_uid: [merchant_uid] });
    expect(revoked[0]).toMatchObject({ merchant_uid, schedule_status: 'revoked' });
    await client.deleteBillingKey(customer_uid, { reason: 'test over' });
    await expect(client.getBillingKey(customer_uid)).rejects.toMatchObject({ httpStatus: 404 });
  });

  it('payOnetime approves and declines by card; cancelPayment honours checksum', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await client.payOnetime({ merchant_uid: uid('order'), amount: 5000, card_number: APPROVE, ...card });
    expect(payment.status).toBe('paid');
    await expect(client.payOnetime({ merchant_uid: uid('order'), amount: 5000, card_number: DECLINE, ...card })).rejects.toBeInstanceOf(
      IamportPaymentDeclinedError,
    );
    await expect(client.cancelPayment({ imp_uid: payment.imp_uid, amount: 1000, checksum: 4000, reason: 'wrong balance' })).rejects.toBeInstanceOf(
      IamportApiError,
    );
    const cancelled = await client.cancelPayment({ imp_uid: payment.imp_uid, amount: 1000, checksum: 5000, reason: 'partial refund' });
    expect(cancelled.cancel_amount).toBe(1000);
  });

  it('an unknown imp_uid is a 404 IamportApiError and verifies as not_found', async () => {
    const { client } = sandboxClient(sandbox);
    await expect(client.getPayment('imp_000000000000')).rejects.toMatchObject({ httpStatus: 404, code: -1, endpoint: 'GET /payments/imp_000000000000' });
    await expect(client.verifyPayment({ impUid: 'imp_000000000000', amount: 1000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'not_found',
      payment: null,
    });
  });

  it('a wrong imp_secret fails at getToken with a 401 IamportApiError that does not quote the secret', async () => {
    const wrong = createIamportClient({ apiKey: 'sandbox_key', apiSecret: 'wrong_secret_1234567', baseUrl: sandbox.url });
    const error = await wrong.getPayment('imp_000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ httpStatus: 401, endpoint: 'POST /users/getToken' });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('wrong_secret_1234567');
  });

  it('amount tampering (browser paid 1000, the order says 50000) → amount_mismatch', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { amount: 1000 });
    const result = await client.verifyPayment({ impUid: payment.imp_uid, amount: 50_000, merchantUid: payment.merchant_uid });
    expect(result).toMatchObject({ status: 'not_verified', reason: 'amount_mismatch', payment: { amount: 1000, status: 'paid' } });
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 50_000 }) });
    const response = await verify(
      new Request('http://shop.test/verify', { method: 'POST', body: JSON.stringify({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }) }),
    );
    expect(await response.json()).toMatchObject({ verified: false, status: 'not_verified', reason: 'amount_mismatch', amount: 1000 });
    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 1000, merchantUid: payment.merchant_uid })).resolves.toMatchObject({ status: 'paid' });
  });

  it('an issued virtual account is awaiting_deposit, never paid', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { pay_method: 'vbank', amount: 30_000 });
    expect(payment.status).toBe('ready');
    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 30_000 })).resolves.toMatchObject({ status: 'awaiting_deposit' });
    const onVerified = vi.fn();
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 30_000 }), onVerified });
    const body = await (await verify(new Request('http://shop.test/verify', { method: 'POST', body: JSON.stringify({ impUid: payment.imp_uid }) }))).json();
    expect(body).toMatchObject({ verified: false, status: 'awaiting_deposit', payment: { vbank_num: expect.any(String) } });
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('a partly refunded payment (999 of 1000) is not paid', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await client.payOnetime({ merchant_uid: uid('order'), amount: 1000, card_number: APPROVE, ...card });
    await client.cancelPayment({ imp_uid: payment.imp_uid, amount: 999, checksum: 1000, reason: 'partial refund' });
    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 1000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'partially_refunded',
    });
  });

  it('the verify endpoint settles an order by merchantUid alone (an unknown window outcome)', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { amount: 2500 });
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 2500 }) });
    const body = await (
      await verify(new Request('http://shop.test/verify', { method: 'POST', body: JSON.stringify({ merchantUid: payment.merchant_uid }) }))
    ).json();
    expect(body).toMatchObject({ verified: true, status: 'paid', payment: { imp_uid: payment.imp_uid } });
  });

  it('reconcileOrder settles an order whose webhook never came; the late webhook is a duplicate', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { amount: 4000 });
    const onPaid = vi.fn();
    const options = { client, lookupOrder: () => ({ amount: 4000 }), onPaid, dedupe: createMemoryDedupe() };
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'handled', event: 'paid' });
    expect(await (await handleWebhook(notice(payment, 'paid'), options)).json()).toMatchObject({ duplicate: true });
    expect(onPaid).toHaveBeenCalledTimes(1);
  });

  describe('webhooks', () => {
    const options = (client: IamportClient, amount: number) => ({
      client,
      lookupOrder: vi.fn(async () => ({ amount })),
      onPaid: vi.fn(),
      onFailed: vi.fn(),
      dedupe: createMemoryDedupe(),
    });

    it('a forged status "paid" for an unpaid (declined) payment is not accepted', async () => {
      const { client } = sandboxClient(sandbox);
      const failed = await recordPayment(sandbox, { card_number: DECLINE });
      expect(failed.status).toBe('failed');
      const handlers = options(client, 1000);
      const response = await handleWebhook(notice(failed, 'paid'), handlers);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: false, reason: 'not_paid', status: 'failed' });
      expect(handlers.onPaid).not.toHaveBeenCalled();
    });

    it('a forged status "paid" for a virtual account awaiting its deposit is not accepted', async () => {
      const { client } = sandboxClient(sandbox);
      const ready = await recordPayment(sandbox, { pay_method: 'vbank' });
      const handlers = options(client, 1000);
      expect(await (await handleWebhook(notice(ready, 'paid'), handlers)).json()).toMatchObject({ ok: false, reason: 'not_paid' });
      expect(handlers.onPaid).not.toHaveBeenCalled();
    });

    it('duplicate webhooks run onPaid once', async () => {
      const { client } = sandboxClient(sandbox);
      const payment = await recordPayment(sandbox);
      const handlers = options(client, 1000);
      const concurrent = await Promise.all(Array.from({ length: 5 }, () => handleWebhook(notice(payment, 'paid'), handlers)));
      const form = webhookRequest(`imp_uid=${payment.imp_uid}&merchant_uid=${payment.merchant_uid}&status=paid`, 'application/x-www-form-urlencoded');
      const later = await handleWebhook(form, handlers);
      expect([...concurrent, later].every((response) => response.status === 200)).toBe(true);
      expect(handlers.onPaid).toHaveBeenCalledTimes(1);
      expect(handlers.onPaid.mock.calls[0]![0].payment).toMatchObject({ imp_uid: payment.imp_uid, status: 'paid' });
    });

    it('a paid webhook for a tampered amount runs onAmountMismatch, never onPaid', async () => {
      const { client } = sandboxClient(sandbox);
      const payment = await recordPayment(sandbox, { amount: 1000 });
      const handlers = { ...options(client, 50_000), onAmountMismatch: vi.fn() };
      const response = await handleWebhook(notice(payment, 'paid'), handlers);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ event: 'amount_mismatch', handled: true });
      expect(handlers.onAmountMismatch).toHaveBeenCalledTimes(1);
      expect(handlers.onPaid).not.toHaveBeenCalled();
    });

    it.each([
      ['broken JSON', '{"imp_uid": "imp_', 'application/json'],
      ['empty body', '', 'application/json'],
      ['form without imp_uid', 'merchant_uid=x&status=paid', 'application/x-www-form-urlencoded'],
      ['XML', '<xml><imp_uid>1</imp_uid></xml>', 'application/xml'],
    ])('malformed body (%s) → 400, never a crash', async (_, body, type) => {
      const { client, sent } = sandboxClient(sandbox);
      const handlers = options(client, 1000);
      const response = await handleWebhook(webhookRequest(body, type), handlers);
      expect(response.status).toBe(400);
      expect(handlers.onPaid).not.toHaveBeenCalled();
      expect(sent.token).toBe(0);
    });

    it('the sandbox’s own webhook to notice_url reaches a Node http server running handleWebhook', async () => {
      const { client } = sandboxClient(sandbox);
      const handlers = options(client, 1000);
      const shop = await startShop((request) => handleWebhook(request, handlers));
      try {
        const payment = await recordPayment(sandbox, { notice_url: shop.url });
        await shop.answered(1);
        expect(shop.deliveries[0]).toMatchObject({ contentType: 'application/json', status: 200, answer: { ok: true, event: 'paid', handled: true } });
        expect(handlers.onPaid).toHaveBeenCalledTimes(1);
        expect(handlers.onPaid.mock.calls[0]![0]).toMatchObject({
          payment: { imp_uid: payment.imp_uid, status: 'paid' },
          webhook: { imp_uid: payment.imp_uid, status: 'paid' },
        });
      } finally {
        await shop.close();
      }
    });
  });
});
