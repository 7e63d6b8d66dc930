// react-iamport-jtnet/testing/server: a sandbox per test, stopped whatever the test does.
import { describe, expect, it, vi } from 'vitest';
import { handleWebhook, type HandleWebhookOptions, type WebhookEvent } from 'react-iamport-jtnet/server';
import { startTestSandbox, withSandboxServer, type TestSandbox, type WebhookEndpoint } from 'react-iamport-jtnet/testing/server';

/** Whether anything still answers at `url`. */
const answers = (url: string) =>
  fetch(`${url}/`).then(
    () => true,
    () => false,
  );

describe('withSandboxServer', () => {
  it('yields a running sandbox on a free port with a test-mode client, returns the test’s value, then stops it', async () => {
    let seen!: TestSandbox;
    const value = await withSandboxServer(async (sandbox) => {
      seen = sandbox;
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.scriptUrl).toBe(`${sandbox.url}/v1/iamport.js`);
      expect(sandbox.merchantCode).toBe('imp00000000');
      expect(sandbox.client.mode).toBe('test');
      const payment = await sandbox.recordPayment({ merchant_uid: 'order_1', amount: 1004, pay_method: 'vbank' });
      expect(payment).toMatchObject({ status: 'ready', sandbox: true, amount: 1004 });
      expect(await sandbox.client.findPayment('order_1')).toMatchObject({ imp_uid: payment.imp_uid });
      return 'the value';
    });
    expect(value).toBe('the value');
    expect(await answers(seen.url)).toBe(false);
  });

  it('stops the sandbox when the test throws, and rethrows the test’s own error', async () => {
    let url = '';
    await expect(
      withSandboxServer(async (sandbox) => {
        url = sandbox.url;
        throw new Error('the assertion that failed');
      }),
    ).rejects.toThrow('the assertion that failed');
    expect(await answers(url)).toBe(false);
  });

  it('takes iamport-sandbox options first (credentials reach the client; faults reach the served SDK)', () =>
    withSandboxServer(
      { impKey: 'my_key', impSecret: 'my_secret', faults: { window: 'no-answer' }, client: { timeoutMs: 2_000 } },
      async ({ client, recordPayment, scriptUrl }) => {
        const payment = await recordPayment({ merchant_uid: 'order_2', amount: 1004 });
        expect(await client.getPayment(payment.imp_uid)).toMatchObject({ status: 'paid' }); // the token came from my_key / my_secret
        const script = await (await fetch(scriptUrl)).text();
        expect(script).toContain('"window:no-answer"');
        expect(script).not.toContain('%IAMPORT_SANDBOX_FAULTS%');
      },
    ));

  it('recordPayment rejects with the sandbox’s reason (a paid merchant_uid again)', () =>
    withSandboxServer(async ({ recordPayment }) => {
      await recordPayment({ merchant_uid: 'order_3', amount: 1004 });
      await expect(recordPayment({ merchant_uid: 'order_3', amount: 1004 })).rejects.toThrow(
        /refused the payment of order_3: 이미 결제가 이루어진 거래건입니다/,
      );
    }));

  it('depositVirtualAccount pays an issued account; its webhook reaches the route served by serveWebhooks, which onPaid settles', () =>
    withSandboxServer(async ({ client, recordPayment, depositVirtualAccount, serveWebhooks }) => {
      type Order = { amount: number; status: string };
      const order: Order = { amount: 15_000, status: 'pending' };
      const options = {
        client,
        lookupOrder: async () => order,
        onPaid: vi.fn(async ({ order }: WebhookEvent<Order>) => void (order.status = 'paid')),
        onAwaitingDeposit: async ({ order }: WebhookEvent<Order>) => void (order.status = 'awaiting_deposit'),
      } satisfies HandleWebhookOptions<Order>;
      const webhooks = await serveWebhooks((request) => handleWebhook(request, options));
      const account = await recordPayment({ merchant_uid: 'order_4', amount: 15_000, pay_method: 'vbank', notice_url: webhooks.url });
      const [issued] = await webhooks.received(1);
      expect(issued).toMatchObject({ webhook: { imp_uid: account.imp_uid, status: 'ready' }, status: 200 });
      expect(order.status).toBe('awaiting_deposit');

      const paid = await depositVirtualAccount(account.imp_uid, { amount: 15_000 });
      expect(paid).toMatchObject({ imp_uid: account.imp_uid, status: 'paid', vbank_num: account.vbank_num });
      const [, deposited] = await webhooks.received(2);
      expect(deposited).toMatchObject({ webhook: { imp_uid: account.imp_uid, merchant_uid: 'order_4', status: 'paid' }, status: 200 });
      expect(JSON.parse(deposited!.body)).toMatchObject({ ok: true, event: 'paid', handled: true });
      expect(options.onPaid).toHaveBeenCalledTimes(1);
      expect(order.status).toBe('paid');
      expect(await client.verifyPayment({ impUid: account.imp_uid, amount: 15_000 })).toMatchObject({ status: 'paid' });
    }));

  it('depositVirtualAccount rejects with the sandbox’s reason: an unknown imp_uid, a card payment, another amount', () =>
    withSandboxServer(async ({ recordPayment, depositVirtualAccount }) => {
      await expect(depositVirtualAccount('imp_000000000000')).rejects.toThrow(/refused the deposit into imp_000000000000: 존재하지 않는 결제정보입니다/);
      const card = await recordPayment({ merchant_uid: 'order_5', amount: 1004 });
      await expect(depositVirtualAccount(card.imp_uid)).rejects.toThrow(/가상계좌 결제 건이 아닙니다.*status: paid/);
      const account = await recordPayment({ merchant_uid: 'order_6', amount: 30_000, pay_method: 'vbank' });
      await expect(depositVirtualAccount(account.imp_uid, { amount: 10_000 })).rejects.toThrow(/send amount 30000 or leave amount out/);
    }));

  it('serveWebhooks records what a throwing route answered (500), says when webhooks did not come, and stops with the sandbox', async () => {
    let endpoint!: WebhookEndpoint;
    await withSandboxServer(async ({ recordPayment, serveWebhooks }) => {
      endpoint = await serveWebhooks(() => {
        throw new Error('route bug');
      });
      await recordPayment({ merchant_uid: 'order_7', amount: 1004, notice_url: endpoint.url });
      const [delivery] = await endpoint.received(1);
      expect(delivery).toMatchObject({ webhook: { merchant_uid: 'order_7', status: 'paid' }, status: 500, error: new Error('route bug') });
      await expect(endpoint.received(2, { timeoutMs: 20 })).rejects.toThrow(
        `1 of 2 webhooks reached ${endpoint.url} within 20 ms; give this URL as the payment's notice_url`,
      );
    });
    expect(await answers(endpoint.url)).toBe(false);
  });

  it('refuses a call without a test function, saying how to call it', async () => {
    await expect(withSandboxServer({} as never)).rejects.toThrow(/withSandboxServer\(async \(\{ url, client \}\)/);
  });
});

describe('startTestSandbox (beforeAll / afterAll)', () => {
  it('runs until close(), which may be called twice', async () => {
    const sandbox = await startTestSandbox();
    expect(await answers(sandbox.url)).toBe(true);
    await Promise.all([sandbox.close(), sandbox.close()]);
    expect(await answers(sandbox.url)).toBe(false);
  });
});
