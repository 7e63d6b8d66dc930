// The demo storefront's test deposit (examples/storefront/server/test-deposit.js) against a real
// iamport-sandbox: it deposits, then only waits (bounded) for the shop's own settle signal; it
// never marks an order paid itself. The whole flow in a browser: test/e2e/storefront-deposit.
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withSandboxServer, type TestSandbox } from 'react-iamport-jtnet/testing/server';
import { describe, expect, it } from 'vitest';

interface Order {
  merchant_uid: string;
  status: string;
  amount: number;
  pay_method?: string;
  imp_uid?: string;
  vbank?: { due: number | null };
}
interface Answer {
  order: Order;
  via?: string;
  waiting?: string;
}
interface TestDeposits {
  answer(order: Order, view: (order: Order) => Order): Promise<Answer>;
}
type Create = (options: { sandboxUrl: string; settled: EventEmitter; log?: (line: string) => void; waitMs?: number }) => TestDeposits;

// The shop is plain JavaScript (no types to import): loaded by URL.
const MODULE = pathToFileURL(resolve(import.meta.dirname, '../../examples/storefront/server/test-deposit.js')).href;
const { createTestDeposits } = (await import(MODULE)) as { createTestDeposits: Create };

const view = (order: Order): Order => ({ ...order });

/** A virtual account issued on the sandbox, as the shop records it once verified: `ready`. */
async function readyOrder(sandbox: TestSandbox, merchantUid: string, noticeUrl?: string): Promise<Order> {
  const payment = await sandbox.recordPayment({
    merchant_uid: merchantUid,
    amount: 9_800,
    pay_method: 'vbank',
    ...(noticeUrl ? { notice_url: noticeUrl } : {}),
  });
  return {
    merchant_uid: merchantUid,
    status: 'ready',
    amount: 9_800,
    pay_method: 'vbank',
    imp_uid: payment.imp_uid,
    vbank: { due: payment.vbank_date ?? null },
  };
}

/** The shop's webhook route, reduced to its signal (what the test deposit waits for): a `paid` webhook emits its merchant_uid. */
async function shopWebhooks(sandbox: TestSandbox) {
  const settled = new EventEmitter();
  const endpoint = await sandbox.serveWebhooks(async (request) => {
    const body = (await request.json()) as { merchant_uid: string; status: string };
    if (body.status === 'paid') settled.emit(body.merchant_uid, 'webhook');
    return new Response('{}');
  });
  return { settled, noticeUrl: endpoint.url };
}

/** The answer's refusal: its HTTP status and message. */
const refusal = (answer: Promise<unknown>) =>
  answer.then(
    () => null,
    (error: { status: number; message: string }) => ({ status: error.status, message: error.message }),
  );

describe('storefront test deposit', () => {
  it('deposits, then answers once the shop settled the order through its webhook — it never sets the order itself', () =>
    withSandboxServer(async (sandbox) => {
      const { settled, noticeUrl } = await shopWebhooks(sandbox);
      const order = await readyOrder(sandbox, 'order_deposit', noticeUrl);
      const deposits = createTestDeposits({ sandboxUrl: sandbox.url, settled, waitMs: 10_000 });

      const answer = await deposits.answer(order, view);
      expect(answer).toEqual({ order, via: 'webhook' });
      expect(order.status).toBe('ready'); // untouched: only the shop's webhook route records payments
      expect(await sandbox.client.getPayment(order.imp_uid!)).toMatchObject({ status: 'paid', amount: 9_800 });
    }));

  it('two presses at once make one deposit and share its answer', () =>
    withSandboxServer(async (sandbox) => {
      const { settled, noticeUrl } = await shopWebhooks(sandbox);
      const order = await readyOrder(sandbox, 'order_twice', noticeUrl);
      const deposits = createTestDeposits({ sandboxUrl: sandbox.url, settled, waitMs: 10_000 });
      const answers = await Promise.all([deposits.answer(order, view), deposits.answer(order, view)]);
      expect(answers.map((answer) => answer.via)).toEqual(['webhook', 'webhook']);
    }));

  it('a webhook that never comes: the wait ends at its bound with what to do, the order stays ready', () =>
    withSandboxServer(async (sandbox) => {
      const order = await readyOrder(sandbox, 'order_no_webhook'); // no notice_url: nothing will be sent
      const deposits = createTestDeposits({ sandboxUrl: sandbox.url, settled: new EventEmitter(), waitMs: 50 });
      const answer = await deposits.answer(order, view);
      expect(answer.via).toBeUndefined();
      expect(answer.order.status).toBe('ready');
      expect(answer.waiting).toBe(
        '입금은 처리되었지만 상점 서버가 아직 입금 알림(웹훅)을 받지 못했습니다. 알림이 오지 않아도 상점 서버가 곧 직접 확인하니, 잠시 후 새로고침해 주세요.',
      );
      expect((await sandbox.client.getPayment(order.imp_uid!)).status).toBe('paid');
    }));

  it('refuses before any deposit: an order not awaiting a deposit, not a virtual account, or past its due date', () =>
    withSandboxServer(async (sandbox) => {
      const deposits = createTestDeposits({ sandboxUrl: sandbox.url, settled: new EventEmitter() });
      const order = await readyOrder(sandbox, 'order_refused');
      const notReady = { status: 409, message: '입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.' };
      expect(await refusal(deposits.answer({ ...order, status: 'paid' }, view))).toEqual(notReady);
      expect(await refusal(deposits.answer({ ...order, status: 'pending' }, view))).toEqual(notReady);
      expect(await refusal(deposits.answer({ ...order, pay_method: 'card' }, view))).toEqual(notReady);
      expect(await refusal(deposits.answer({ ...order, imp_uid: undefined }, view))).toEqual(notReady);
      expect(await refusal(deposits.answer({ ...order, vbank: { due: Math.floor(Date.now() / 1000) - 60 } }, view))).toEqual({
        status: 409,
        message: '입금 기한이 지난 가상계좌입니다. 새로 주문해 주세요.',
      });
      expect((await sandbox.client.getPayment(order.imp_uid!)).status).toBe('ready'); // nothing deposited
    }));

  it('the sandbox refusing (deposited already) is a 409 in Korean, its reason logged; an unreachable sandbox is a 502', () =>
    withSandboxServer(async (sandbox) => {
      const logged: string[] = [];
      const deposits = createTestDeposits({ sandboxUrl: sandbox.url, settled: new EventEmitter(), log: (line) => logged.push(line), waitMs: 50 });
      const order = await readyOrder(sandbox, 'order_deposited');
      await sandbox.depositVirtualAccount(order.imp_uid!); // the shop has not heard yet: its record still says ready
      expect(await refusal(deposits.answer(order, view))).toEqual({
        status: 409,
        message: '이 가상계좌에는 입금할 수 없습니다. 주문 내역을 새로고침해 주세요.',
      });
      expect(logged).toEqual([expect.stringMatching(/^test deposit imp_\d+ refused: 가상계좌가 입금대기 상태\(ready\)가 아닙니다/)]);

      const gone = createTestDeposits({ sandboxUrl: 'http://127.0.0.1:9', settled: new EventEmitter(), log: (line) => logged.push(line) });
      expect(await refusal(gone.answer(await readyOrder(sandbox, 'order_unreachable'), view))).toEqual({
        status: 502,
        message: '테스트 결제 서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.',
      });
    }));
});
