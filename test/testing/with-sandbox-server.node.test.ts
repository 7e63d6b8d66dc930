// react-iamport-jtnet/testing/server: a sandbox per test, stopped whatever the test does.
import { describe, expect, it } from 'vitest';
import { startTestSandbox, withSandboxServer, type TestSandbox } from 'react-iamport-jtnet/testing/server';

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
