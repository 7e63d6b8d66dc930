// A virtual account end to end against iamport-sandbox: issued (awaiting_deposit, nothing
// shipped), then the deposit (POST /__sandbox/payments/{imp_uid}/deposit), whose one webhook
// is the only signal the money arrived: handleWebhook runs onPaid once, verify says paid.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryDedupe,
  createVerifyHandler,
  handleWebhook,
  IamportApiError,
  reconcileOrder,
  type HandleWebhookOptions,
  type WebhookEvent,
} from '../../src/server';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { recordPayment, sandboxClient, sandboxStats, startShop, uid } from './support/sandbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Order = { amount: number; status: 'pending' | 'awaiting_deposit' | 'paid' };
const AMOUNT = 30_000;

/** A sandbox (one attempt per webhook, as i'mport by default), the merchant's orders and webhook options, and its server. */
async function shopWithSandbox() {
  const sandbox: SandboxServer = await startSandboxServer({ port: 0, quiet: true });
  cleanups.push(() => sandbox.close());
  const { client } = sandboxClient(sandbox);
  const order: Order = { amount: AMOUNT, status: 'pending' };
  const options = {
    client,
    dedupe: createMemoryDedupe(),
    lookupOrder: vi.fn(async (): Promise<Order | null> => order),
    onPaid: vi.fn(async ({ order }: WebhookEvent<Order>) => void (order.status = 'paid')),
    onAwaitingDeposit: vi.fn(async ({ order }: WebhookEvent<Order>) => void (order.status = 'awaiting_deposit')),
  } satisfies HandleWebhookOptions<Order>;
  const shop = await startShop((request) => handleWebhook(request, options));
  cleanups.push(shop.close);
  const onVerified = vi.fn();
  const verify = createVerifyHandler({ client, lookupOrder: () => order, onVerified, onAwaitingDeposit: () => {} });
  const verifyOrder = async (body: object) =>
    (await verify(new Request('http://shop.test/api/payments/verify', { method: 'POST', body: JSON.stringify(body) }))).json() as Promise<
      Record<string, unknown>
    >;
  const deposit = async (impUid: string) =>
    (await fetch(`${sandbox.url}/__sandbox/payments/${impUid}/deposit`, { method: 'POST' })).json() as Promise<{ code: number; response: { status: string } }>;
  return { sandbox, client, order, options, shop, onVerified, verifyOrder, deposit };
}

describe('a virtual account paid by deposit, through iamport-sandbox', () => {
  it('issued: awaiting_deposit (onVerified not called); the deposit’s one webhook runs onPaid once; verify then says paid', async () => {
    const { sandbox, client, order, options, shop, onVerified, verifyOrder, deposit } = await shopWithSandbox();
    const account = await recordPayment(sandbox, { merchant_uid: uid('order'), amount: AMOUNT, pay_method: 'vbank', notice_url: shop.url });
    await shop.answered(1);
    expect(shop.deliveries[0]).toMatchObject({ status: 200, answer: { ok: true, event: 'awaiting_deposit', handled: true } });
    expect(order.status).toBe('awaiting_deposit');

    const ids = { impUid: account.imp_uid, merchantUid: account.merchant_uid };
    expect(await verifyOrder(ids)).toMatchObject({ verified: false, status: 'awaiting_deposit', paymentStatus: 'ready' });
    await expect(client.verifyPayment({ ...ids, amount: AMOUNT })).resolves.toMatchObject({ status: 'awaiting_deposit' });
    expect(onVerified).not.toHaveBeenCalled();
    expect(options.onPaid).not.toHaveBeenCalled();

    expect(await deposit(account.imp_uid)).toMatchObject({ code: 0, response: { status: 'paid' } });
    await shop.answered(2);
    expect(shop.deliveries[1]).toMatchObject({ status: 200, answer: { ok: true, event: 'paid', handled: true } });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0]).toMatchObject({
      event: 'paid',
      webhook: { imp_uid: account.imp_uid, merchant_uid: account.merchant_uid, status: 'paid' },
      payment: { imp_uid: account.imp_uid, status: 'paid', amount: AMOUNT, vbank_num: account.vbank_num, paid_at: expect.any(Number) },
    });
    expect(order.status).toBe('paid');

    expect(await verifyOrder(ids)).toMatchObject({ verified: true, status: 'paid', paymentStatus: 'paid', amount: AMOUNT });
    expect(await verifyOrder({ merchantUid: account.merchant_uid })).toMatchObject({ verified: true, status: 'paid' });
    expect(onVerified).toHaveBeenCalledTimes(2); // once per verify call: the merchant's own write must be idempotent
    // The sweep finds both events already handled by the webhooks.
    await expect(reconcileOrder(account.merchant_uid, options)).resolves.toMatchObject({ result: 'duplicate', event: 'paid' });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onAwaitingDeposit).toHaveBeenCalledTimes(1);
    expect(shop.deliveries).toHaveLength(2);
    expect((await sandboxStats(sandbox)).webhookAttempts).toBe(2);
  });

  it('a deposit webhook the shop could not take (500) is not re-sent; reconcileOrder then runs onPaid, once', async () => {
    const { sandbox, order, options, shop, deposit } = await shopWithSandbox();
    const account = await recordPayment(sandbox, { merchant_uid: uid('order'), amount: AMOUNT, pay_method: 'vbank', notice_url: shop.url });
    await shop.answered(1);
    options.lookupOrder.mockRejectedValueOnce(new Error('database restarting'));

    await deposit(account.imp_uid);
    await shop.answered(2);
    expect(shop.deliveries[1]).toMatchObject({ status: 500, answer: { ok: false, reason: 'lookup_failed' } });
    await expect.poll(async () => (await sandboxStats(sandbox)).webhooksFailed).toBe(1);
    expect(options.onPaid).not.toHaveBeenCalled();
    expect(order.status).toBe('awaiting_deposit');

    await expect(reconcileOrder(account.merchant_uid, options)).resolves.toMatchObject({ result: 'handled', event: 'paid' });
    await expect(reconcileOrder(account.merchant_uid, options)).resolves.toMatchObject({ result: 'duplicate' });
    expect(options.onPaid).toHaveBeenCalledTimes(1);
    expect(options.onPaid.mock.calls[0]![0]).toMatchObject({ webhook: null, payment: { imp_uid: account.imp_uid, status: 'paid' } });
    expect(order.status).toBe('paid');
    expect(shop.deliveries).toHaveLength(2);
  });

  it('cancelPayment of a deposited account needs the buyer’s refund account: without it the API error names the fields and nothing is refunded', async () => {
    const { sandbox, client, deposit } = await shopWithSandbox();
    const account = await recordPayment(sandbox, { merchant_uid: uid('order'), amount: AMOUNT, pay_method: 'vbank' });
    await deposit(account.imp_uid);
    const refused = await client.cancelPayment({ imp_uid: account.imp_uid, checksum: AMOUNT, reason: 'changed my mind' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IamportApiError);
    expect(refused).toMatchObject({ kind: 'api', httpStatus: 400 });
    expect((refused as Error).message).toContain('refund_holder, refund_bank, refund_account');
    await expect(client.getPayment(account.imp_uid)).resolves.toMatchObject({ status: 'paid', cancel_amount: 0 });

    const refund = { refund_holder: '홍길동', refund_bank: '004', refund_account: '12345678901234' };
    await expect(client.cancelPayment({ imp_uid: account.imp_uid, checksum: AMOUNT, reason: 'changed my mind', ...refund })).resolves.toMatchObject({
      status: 'cancelled',
      cancel_amount: AMOUNT,
    });
  });
});
