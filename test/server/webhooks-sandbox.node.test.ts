// The sandbox's own webhooks (one-shot by default, re-sends on demand, JSON or form, REST
// cancels with enable_webhook) delivered to a merchant's Node http server running handleWebhook.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createMemoryDedupe,
  createVerifyHandler,
  handleWebhook,
  reconcileOrder,
  type HandleWebhookOptions,
  type IamportClient,
  type WebhookEvent,
} from '../../src/server';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../src/sandbox-server';
import { APPROVE, CARD, DECLINE, inSeconds, recordPayment, sandboxClient, sandboxStats, startShop, uid } from './support/sandbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The sandbox as i'mport behaves by default: one attempt per webhook, JSON. */
let oneShot: SandboxServer;
beforeAll(async () => {
  oneShot = await startSandboxServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await oneShot?.close();
});

async function sandboxWith(options: SandboxServerOptions): Promise<SandboxServer> {
  const sandbox = await startSandboxServer({ port: 0, quiet: true, ...options });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

async function shopFor(handler: (request: Request) => Promise<Response>) {
  const shop = await startShop(handler);
  cleanups.push(shop.close);
  return shop;
}

type Order = { amount: number };

/** The merchant's webhook options: every callback a mock. */
function merchant(client: IamportClient, amount: number) {
  return {
    client,
    dedupe: createMemoryDedupe(),
    lookupOrder: vi.fn(async (): Promise<Order | null> => ({ amount })),
    onPaid: vi.fn(async (_: WebhookEvent<Order>) => {}),
    onAwaitingDeposit: vi.fn(async (_: WebhookEvent<Order>) => {}),
    onCancelled: vi.fn(async (_: WebhookEvent<Order>) => {}),
    onFailed: vi.fn(async (_: WebhookEvent<Order>) => {}),
  } satisfies HandleWebhookOptions<Order>;
}

/** Resolves when `release()` is called; `entered` resolves when the wait began. */
function gate() {
  let release!: () => void;
  let enter!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const entered = new Promise<void>((resolve) => (enter = resolve));
  return { release, entered, wait: () => (enter(), opened) };
}

/**
 * A paid order's webhook arrives while the sweep (reconcileOrder) is inside its own onPaid for
 * the same payment: the sandbox re-sends (time scale 0.02: a minute is 1.2 s, the first send
 * waits 600 ms), the shop's first delivery is held until the sweep holds the lease. Resolves
 * once that delivery was answered; `finishSweep()` lets the sweep's `sweepOnPaid` run.
 */
async function webhookDuringSweep(sweepOnPaid: (options: ReturnType<typeof merchant>) => (event: WebhookEvent<Order>) => Promise<void>) {
  const sandbox = await sandboxWith({ webhookResends: true, webhookTimeScale: 0.02 });
  const options = merchant(sandboxClient(sandbox).client, 1000);
  const firstDelivery = gate();
  let deliveries = 0;
  const shop = await shopFor(async (request) => {
    if (++deliveries === 1) await firstDelivery.wait();
    return handleWebhook(request, options);
  });
  const payment = await recordPayment(sandbox, { notice_url: shop.url });
  await firstDelivery.entered;
  const sweepRunning = gate();
  const then = sweepOnPaid(options);
  const sweep = reconcileOrder(payment.merchant_uid, { ...options, onPaid: async (event) => (await sweepRunning.wait(), then(event)) });
  sweep.catch(() => {}); // awaited by the test
  await sweepRunning.entered;
  firstDelivery.release();
  await shop.answered(1);
  return { sandbox, options, shop, payment, sweep, finishSweep: sweepRunning.release };
}

describe('webhooks from iamport-sandbox to handleWebhook', () => {
  it('a one-shot webhook answered 500 is not re-sent (the default); reconcileOrder then settles the order', async () => {
    const { client } = sandboxClient(oneShot);
    const options = merchant(client, 1000);
    options.lookupOrder.mockRejectedValueOnce(new Error('database restarting'));
    const shop = await shopFor((request) => handleWebhook(request, options));
    const before = await sandboxStats(oneShot);

    const payment = await recordPayment(oneShot, { notice_url: shop.url });
    await shop.answered(1);
    expect(shop.deliveries[0]).toMatchObject({ status: 500, answer: { ok: false, reason: 'lookup_failed' } });
    // The sandbox counts a webhook as failed once it gives up: with re-sends off, right after the 500.
    await expect.poll(async () => (await sandboxStats(oneShot)).webhooksFailed).toBe(before.webhooksFailed + 1);
    expect((await sandboxStats(oneShot)).webhookAttempts).toBe(before.webhookAttempts + 1);
    expect(shop.deliveries).toHaveLength(1);
    expect(options.onPaid).not.toHaveBeenCalled();

    // The sweep finds the paid order the webhook could not settle.
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({
      result: 'handled',
      event: 'paid',
      payment: { imp_uid: payment.imp_uid },
    });
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'duplicate' });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0]).toMatchObject({ event: 'paid', webhook: null, payment: { imp_uid: payment.imp_uid } });
  });

  it('with re-sends on, a 503 (the sweep holds the event’s lease) is re-sent and the order is handled once', async () => {
    const { sandbox, options, shop, sweep, finishSweep } = await webhookDuringSweep((options) => options.onPaid);
    expect(shop.deliveries[0]).toMatchObject({ status: 503, answer: { ok: false, reason: 'in_progress' }, retryAfter: expect.stringMatching(/^\d+$/) });

    finishSweep();
    await expect(sweep).resolves.toMatchObject({ result: 'handled', event: 'paid' });
    await shop.answered(2);
    expect(shop.deliveries.at(-1)).toMatchObject({ status: 200, answer: { ok: true, event: 'paid', duplicate: true } });
    await expect.poll(async () => (await sandboxStats(sandbox)).webhooksDelivered).toBe(1);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('with re-sends on, the re-send after a 503 runs the callback itself when the sweep’s attempt failed', async () => {
    const { options, shop, sweep, finishSweep, payment } = await webhookDuringSweep(() => async () => {
      throw new Error('database write failed');
    });
    expect(shop.deliveries[0]).toMatchObject({ status: 503, answer: { reason: 'in_progress' } });

    finishSweep();
    await expect(sweep).rejects.toThrow('database write failed'); // its lease is released
    await shop.answered(2);
    expect(shop.deliveries.at(-1)).toMatchObject({ status: 200, answer: { ok: true, event: 'paid', handled: true } });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0]).toMatchObject({ webhook: { imp_uid: payment.imp_uid, status: 'paid' } });
    await expect(reconcileOrder(payment.merchant_uid, options)).resolves.toMatchObject({ result: 'duplicate' });
  });

  it('form-encoded webhooks (webhookFormat: form) are handled: paid runs onPaid, an issued virtual account onAwaitingDeposit', async () => {
    const sandbox = await sandboxWith({ webhookFormat: 'form' });
    const { client } = sandboxClient(sandbox);
    const options = merchant(client, 30_000);
    const shop = await shopFor((request) => handleWebhook(request, options));

    const paid = await recordPayment(sandbox, { amount: 30_000, notice_url: shop.url });
    await shop.answered(1);
    const vbank = await recordPayment(sandbox, { amount: 30_000, pay_method: 'vbank', notice_url: shop.url });
    await shop.answered(2);
    expect(shop.deliveries.map((delivery) => delivery.contentType)).toEqual(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded']);
    expect(shop.deliveries.map((delivery) => [delivery.status, delivery.answer.event])).toEqual([
      [200, 'paid'],
      [200, 'awaiting_deposit'],
    ]);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0].payment.imp_uid).toBe(paid.imp_uid);
    expect(options.onAwaitingDeposit).toHaveBeenCalledTimes(1);
    expect(options.onAwaitingDeposit.mock.calls[0]![0]).toMatchObject({ payment: { imp_uid: vbank.imp_uid, status: 'ready', vbank_num: expect.any(String) } });
  });

  it('a REST cancel with enable_webhook reaches the handler with its cancellation_id; one without sends nothing', async () => {
    const { client } = sandboxClient(oneShot);
    const options = merchant(client, 10_000);
    const shop = await shopFor((request) => handleWebhook(request, options));
    const payment = await recordPayment(oneShot, { amount: 10_000, notice_url: shop.url });
    await shop.answered(1);

    const quiet = await sandboxStats(oneShot);
    await client.cancelPayment({ imp_uid: payment.imp_uid, amount: 1000, checksum: 10_000, reason: 'one item' });
    // The sandbox starts a webhook before it answers: none was started.
    expect((await sandboxStats(oneShot)).webhookAttempts).toBe(quiet.webhookAttempts);

    const partial = await client.cancelPayment({ imp_uid: payment.imp_uid, amount: 2000, checksum: 9000, reason: 'two items', enable_webhook: true });
    await shop.answered(2);
    const full = await client.cancelPayment({ imp_uid: payment.imp_uid, checksum: 7000, reason: 'order cancelled', enable_webhook: true });
    await shop.answered(3);
    expect(shop.deliveries).toHaveLength(3);

    const [, partialId, fullId] = full.cancel_history!.map((entry) => entry.cancellation_id);
    expect(partial.cancel_history!.at(-1)!.cancellation_id).toBe(partialId);
    expect(new Set([partialId, fullId]).size).toBe(2);
    expect(options.onCancelled.mock.calls.map(([event]) => [event.event, event.webhook?.cancellation_id, event.payment.cancel_amount])).toEqual([
      ['partially_refunded', partialId, 3000],
      ['cancelled', fullId, 10_000],
    ]);
    expect(shop.deliveries.slice(1).map((delivery) => delivery.answer)).toEqual([
      expect.objectContaining({ ok: true, event: 'partially_refunded', handled: true }),
      expect.objectContaining({ ok: true, status: 'cancelled', event: 'cancelled', handled: true }),
    ]);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
  });

  it('scheduled charges notify when they run: a renewal paid runs onPaid, a declined one onFailed', async () => {
    const sandbox = await sandboxWith({ scheduleTickMs: 50 });
    const { client } = sandboxClient(sandbox);
    const options = merchant(client, 9900);
    const shop = await shopFor((request) => handleWebhook(request, options));
    const [good, poor] = [uid('cust'), uid('cust')];
    await client.issueBillingKey({ customer_uid: good, card_number: APPROVE, ...CARD });
    await client.issueBillingKey({ customer_uid: poor, card_number: DECLINE, ...CARD });
    const [renewed, declined] = [uid('renewal'), uid('renewal')];
    const due = inSeconds(1);
    await client.schedulePayments({
      customer_uid: good,
      schedules: [{ merchant_uid: renewed, schedule_at: due, amount: 9900, name: 'Plan', notice_url: shop.url }],
    });
    await client.schedulePayments({
      customer_uid: poor,
      schedules: [{ merchant_uid: declined, schedule_at: due, amount: 9900, name: 'Plan', notice_url: shop.url }],
    });

    await shop.answered(2);
    expect(shop.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0].payment).toMatchObject({ merchant_uid: renewed, status: 'paid', customer_uid: good, channel: 'api' });
    expect(options.onFailed).toHaveBeenCalledTimes(1);
    expect(options.onFailed.mock.calls[0]![0].payment).toMatchObject({ merchant_uid: declined, status: 'failed', fail_reason: expect.any(String) });
    await expect(client.getSchedule(declined)).resolves.toMatchObject({ schedule_status: 'executed', payment_status: 'failed' });
  });

  it('a virtual account verifies as awaiting_deposit, never paid; a partial refund through cancelPayment then verifies as partially_refunded', async () => {
    const { client } = sandboxClient(oneShot);
    const vbank = await recordPayment(oneShot, { amount: 30_000, pay_method: 'vbank' });
    await expect(client.verifyPayment({ impUid: vbank.imp_uid, amount: 30_000 })).resolves.toMatchObject({
      status: 'awaiting_deposit',
      payment: { status: 'ready' },
    });
    await expect(client.verifyPayment({ merchantUid: vbank.merchant_uid, amount: 30_000 })).resolves.toMatchObject({ status: 'awaiting_deposit' });
    const onVerified = vi.fn();
    const onAwaitingDeposit = vi.fn();
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 30_000 }), onVerified, onAwaitingDeposit });
    const answer = await (
      await verify(new Request('http://shop.test/verify', { method: 'POST', body: JSON.stringify({ merchantUid: vbank.merchant_uid }) }))
    ).json();
    expect(answer).toMatchObject({ verified: false, status: 'awaiting_deposit', paymentStatus: 'ready' });
    expect(onVerified).not.toHaveBeenCalled();
    expect(onAwaitingDeposit).toHaveBeenCalledTimes(1);
    // An unpaid virtual account has nothing to refund.
    await expect(client.cancelPayment({ imp_uid: vbank.imp_uid, reason: 'changed my mind' })).rejects.toMatchObject({ kind: 'api', code: 1 });

    const card = await recordPayment(oneShot, { merchant_uid: uid('order'), amount: 30_000 });
    await expect(client.verifyPayment({ impUid: card.imp_uid, amount: 30_000 })).resolves.toMatchObject({ status: 'paid' });
    await client.cancelPayment({ imp_uid: card.imp_uid, amount: 5000, checksum: 30_000, reason: 'one item' });
    await expect(client.verifyPayment({ impUid: card.imp_uid, amount: 30_000 })).resolves.toMatchObject({
      status: 'not_verified',
      reason: 'partially_refunded',
      payment: { status: 'paid', cancel_amount: 5000 },
    });
  });
});
