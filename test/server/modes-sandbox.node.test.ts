// Test and live mode against the real iamport-sandbox, where every payment is a test-channel
// payment (sandbox: true) hidden from lookups without include_sandbox=true, as i'mport does since 2026-01-26.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPayment, createMemoryDedupe, createVerifyHandler, handleWebhook, IamportApiError, reconcileOrder } from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { APPROVE, CARD, recordPayment, sandboxClient, uid } from './support/sandbox';

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await sandbox?.close();
});

/** A live-mode client whose fetch adds include_sandbox=true anyway (a proxy, a hand-rolled call): it sees test payments. */
const peekingLiveClient = () =>
  sandboxClient(sandbox, {
    mode: 'live',
    rewrite: (url, method) => {
      if (method === 'GET') url.searchParams.set('include_sandbox', 'true');
    },
  });

const verifyRequest = (body: Record<string, unknown>) => new Request('http://shop.test/api/payments/verify', { method: 'POST', body: JSON.stringify(body) });
const webhookRequest = (body: Record<string, unknown>) =>
  new Request('http://shop.test/api/iamport/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('test and live mode against iamport-sandbox', () => {
  it('a live-mode client cannot find a test payment (404 → not_found); a test-mode client verifies it, with sandbox: true', async () => {
    const payment = await recordPayment(sandbox, { amount: 1000 });
    expect(payment.sandbox).toBe(true);

    const live = sandboxClient(sandbox, { mode: 'live' });
    await expect(live.client.getPayment(payment.imp_uid)).rejects.toMatchObject({ httpStatus: 404, code: -1 });
    await expect(live.client.findPayment(payment.merchant_uid)).rejects.toMatchObject({ httpStatus: 404 });
    await expect(live.client.verifyPayment({ impUid: payment.imp_uid, amount: 1000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'not_found',
      payment: null,
    });
    await expect(live.client.verifyPayment({ merchantUid: payment.merchant_uid, amount: 1000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'not_found',
    });
    expect(live.sent.urls.length).toBeGreaterThan(0);
    expect(live.sent.urls.some((url) => url.includes('include_sandbox'))).toBe(false);

    const test = sandboxClient(sandbox);
    await expect(test.client.verifyPayment({ impUid: payment.imp_uid, amount: 1000 })).resolves.toMatchObject({
      status: 'paid',
      payment: { imp_uid: payment.imp_uid, sandbox: true },
    });
    await expect(test.client.verifyPayment({ merchantUid: payment.merchant_uid, amount: 1000 })).resolves.toMatchObject({ status: 'paid' });
    expect(test.sent.urls.filter((url) => !url.endsWith('/users/getToken')).every((url) => new URL(url).searchParams.get('include_sandbox') === 'true')).toBe(
      true,
    );
  });

  it('a test payment a live-mode client sees anyway is sandbox_payment everywhere, never paid', async () => {
    const payment = await recordPayment(sandbox, { amount: 1000 });
    const { client } = peekingLiveClient();
    await expect(client.getPayment(payment.imp_uid)).resolves.toMatchObject({ status: 'paid', sandbox: true });
    expect(checkPayment(await client.getPayment(payment.imp_uid), { amount: 1000 })).toMatchObject({ status: 'not_verified', reason: 'sandbox_payment' });

    await expect(client.verifyPayment({ impUid: payment.imp_uid, amount: 1000, merchantUid: payment.merchant_uid })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'sandbox_payment',
    });
    await expect(client.verifyPayment({ merchantUid: payment.merchant_uid, amount: 1000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'sandbox_payment',
    });

    const onVerified = vi.fn();
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 1000 }), onVerified });
    const answer = await verify(verifyRequest({ impUid: payment.imp_uid, merchantUid: payment.merchant_uid }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ verified: false, status: 'not_verified', reason: 'sandbox_payment' });
    expect(onVerified).not.toHaveBeenCalled();

    const onPaid = vi.fn();
    const options = { client, lookupOrder: () => ({ amount: 1000 }), onPaid, dedupe: createMemoryDedupe() };
    const webhook = await handleWebhook(webhookRequest({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: 'paid' }), options);
    expect(webhook.status).toBe(200); // nothing a re-send could change
    expect(await webhook.json()).toMatchObject({ ok: false, reason: 'sandbox_payment' });
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'ignored', reason: 'sandbox_payment' });
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('without the flag, a live-mode shop answers the sandbox’s webhook 200 payment_not_found and runs nothing', async () => {
    const payment = await recordPayment(sandbox, { amount: 1000 });
    const { client } = sandboxClient(sandbox, { mode: 'live' });
    const onPaid = vi.fn();
    const answer = await handleWebhook(webhookRequest({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status: 'paid' }), {
      client,
      lookupOrder: () => ({ amount: 1000 }),
      onPaid,
      dedupe: createMemoryDedupe(),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: false, reason: 'payment_not_found' });
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('a live-mode charge on a test channel throws sandbox_payment (no money moved); its payments are hidden from the live key’s list', async () => {
    const live = sandboxClient(sandbox, { mode: 'live' });
    const customer_uid = uid('cust');
    // Billing keys are not filtered by include_sandbox: the key is found, and says it is a test key.
    await expect(live.client.issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD })).resolves.toMatchObject({ customer_uid, sandbox: true });
    await expect(live.client.getBillingKey(customer_uid)).resolves.toMatchObject({ sandbox: true });

    const merchant_uid = uid('sub');
    const error = await live.client.chargeBillingKey({ customer_uid, merchant_uid, amount: 9900, name: 'Plan' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({
      kind: 'sandbox_payment',
      endpoint: 'POST /subscribe/payments/again',
      payment: { merchant_uid, status: 'paid', sandbox: true },
    });
    await expect(live.client.payOnetime({ merchant_uid: uid('order'), amount: 5000, card_number: APPROVE, ...CARD })).rejects.toMatchObject({
      kind: 'sandbox_payment',
    });

    // The charge went through on the test channel: test mode lists it, live mode does not.
    await expect(live.client.getBillingKeyPayments(customer_uid)).resolves.toMatchObject({ total: 0, list: [] });
    const test = sandboxClient(sandbox);
    await expect(test.client.getBillingKeyPayments(customer_uid)).resolves.toMatchObject({ total: 1, list: [{ merchant_uid, sandbox: true }] });
  });
});
