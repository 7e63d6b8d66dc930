// Amounts registered before the window opens (prepareOrder, POST /payments/prepare) against the
// real iamport-sandbox, which then refuses a window or REST payment of that order for any other amount.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryDedupe, createPrepareHandler, createVerifyHandler, handleWebhook, IamportApiError, prepareOrder, reconcileOrder } from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { APPROVE, CARD, recordPayment, sandboxClient, uid, windowPayment } from './support/sandbox';

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('prepareOrder against iamport-sandbox', () => {
  it('a prepared order refuses a window payment and REST payments (onetime, again) of another amount; the prepared amount pays', async () => {
    const { client } = sandboxClient(sandbox);
    const merchantUid = uid('order');
    await expect(prepareOrder(client, { merchantUid, amount: 15_000 })).resolves.toMatchObject({ merchant_uid: merchantUid, amount: 15_000 });

    // The browser sandbox records the approved window with POST /__sandbox/payments: a tampered amount is refused.
    const window = await windowPayment(sandbox, { merchant_uid: merchantUid, amount: 100 });
    expect(window).toMatchObject({ code: 1, response: null });
    expect(window.message).toContain('15000');

    const onetime = await client.payOnetime({ merchant_uid: merchantUid, amount: 100, card_number: APPROVE, ...CARD }).catch((e: unknown) => e);
    expect(onetime).toBeInstanceOf(IamportApiError);
    expect(onetime).toMatchObject({ kind: 'api', code: 1, httpStatus: 200, endpoint: 'POST /subscribe/payments/onetime' });
    expect((onetime as Error).message).toMatch(/15000.*100|100.*15000/);

    const customer_uid = uid('cust');
    await client.issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD });
    await expect(client.chargeBillingKey({ customer_uid, merchant_uid: merchantUid, amount: 100, name: 'Plan' })).rejects.toMatchObject({
      kind: 'api',
      code: 1,
      endpoint: 'POST /subscribe/payments/again',
    });
    // Nothing was recorded for the refused attempts.
    await expect(client.findAllPayments(merchantUid)).rejects.toMatchObject({ httpStatus: 404 });

    const paid = await client.chargeBillingKey({ customer_uid, merchant_uid: merchantUid, amount: 15_000, name: 'Plan' });
    expect(paid).toMatchObject({ status: 'paid', amount: 15_000 });
    await expect(client.verifyPayment({ impUid: paid.imp_uid, merchantUid, amount: 15_000, checkPrepared: true })).resolves.toMatchObject({ status: 'paid' });
  });

  it('prepareOrder twice (the same amount, then another) sends one PUT; the new amount is the one that pays and verifies', async () => {
    const { client, sent } = sandboxClient(sandbox);
    const merchantUid = uid('order');
    await prepareOrder(client, { merchantUid, amount: 1000 });
    await expect(prepareOrder(client, { merchantUid, amount: 1000 })).resolves.toMatchObject({ amount: 1000 });
    expect(sent.count('PUT', '/payments/prepare')).toBe(0);
    await expect(prepareOrder(client, { merchantUid, amount: 1200 })).resolves.toMatchObject({ merchant_uid: merchantUid, amount: 1200 });
    expect(sent.count('PUT', '/payments/prepare')).toBe(1);
    await expect(client.getPreparedPayment(merchantUid)).resolves.toMatchObject({ amount: 1200 });

    expect(await windowPayment(sandbox, { merchant_uid: merchantUid, amount: 1000 })).toMatchObject({ code: 1 });
    const payment = await recordPayment(sandbox, { merchant_uid: merchantUid, amount: 1200 });
    await expect(client.verifyPayment({ impUid: payment.imp_uid, merchantUid, amount: 1200, checkPrepared: true })).resolves.toMatchObject({ status: 'paid' });
    // The order's own record says 1000: the payment is not the order's, whatever was registered.
    await expect(client.verifyPayment({ impUid: payment.imp_uid, merchantUid, amount: 1000, checkPrepared: true })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'amount_mismatch',
    });
  });

  it('with checkPrepared, an order never registered is not_prepared (the sandbox answers an unknown registration with code 1)', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { amount: 2000 });
    await expect(client.getPreparedPayment(payment.merchant_uid)).rejects.toMatchObject({ kind: 'api', code: 1, httpStatus: 200 });
    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 2000, checkPrepared: true })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'not_prepared',
    });
    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 2000 })).resolves.toMatchObject({ status: 'paid' });

    const onPaid = vi.fn();
    const options = { client, lookupOrder: () => ({ amount: 2000 }), onPaid, checkPrepared: true, dedupe: createMemoryDedupe() };
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'ignored', reason: 'not_prepared' });
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('the prepare endpoint registers the order’s amount; the verify endpoint and the webhook check it', async () => {
    const { client } = sandboxClient(sandbox);
    const merchantUid = uid('order');
    const orders = new Map([[merchantUid, { amount: 3300 }]]);
    const lookupOrder = (id: string) => orders.get(id) ?? null;
    const prepare = createPrepareHandler({ client, lookupOrder });
    // The browser asks for its own amount: ignored, the order's is registered.
    const prepared = await prepare(new Request('http://shop.test/api/payments/prepare', { method: 'POST', body: JSON.stringify({ merchantUid, amount: 10 }) }));
    expect(await prepared.json()).toEqual({ prepared: true, merchantUid, amount: 3300 });
    await expect(client.getPreparedPayment(merchantUid)).resolves.toMatchObject({ amount: 3300 });

    const payment = await recordPayment(sandbox, { merchant_uid: merchantUid, amount: 3300 });
    const onVerified = vi.fn();
    const verify = createVerifyHandler({ client, lookupOrder, onVerified, checkPrepared: true });
    const verified = await verify(
      new Request('http://shop.test/api/payments/verify', { method: 'POST', body: JSON.stringify({ impUid: payment.imp_uid, merchantUid }) }),
    );
    expect(await verified.json()).toMatchObject({ verified: true, status: 'paid' });
    expect(onVerified).toHaveBeenCalledTimes(1);

    const onPaid = vi.fn();
    const notice = new Request('http://shop.test/api/iamport/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imp_uid: payment.imp_uid, merchant_uid: merchantUid, status: 'paid' }),
    });
    const handled = await handleWebhook(notice, { client, lookupOrder, onPaid, checkPrepared: true, dedupe: createMemoryDedupe() });
    expect(await handled.json()).toMatchObject({ ok: true, event: 'paid', handled: true });
    expect(onPaid).toHaveBeenCalledTimes(1);
  });
});
