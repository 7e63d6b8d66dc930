import { describe, expect, it } from 'vitest';
import { withSandboxServer } from 'react-iamport-jtnet/testing/server';
import { createOrders } from './orders';
import { createWebhookRoute } from './webhook-route';

describe('POST /api/iamport/webhook', () => {
  it('a virtual account: awaiting its deposit when issued, paid when the deposit’s webhook arrives', () =>
    withSandboxServer(async ({ client, recordPayment, depositVirtualAccount, serveWebhooks }) => {
      const orders = createOrders();
      const order = orders.create({ name: '드립백 선물 세트', amount: 15_000 });
      const webhooks = await serveWebhooks(createWebhookRoute({ iamport: client, orders }));

      const account = await recordPayment({ merchant_uid: order.merchantUid, amount: 15_000, pay_method: 'vbank', notice_url: webhooks.url });
      await webhooks.received(1); // the account was issued: nothing to ship yet
      expect(orders.get(order.merchantUid)?.status).toBe('awaiting_deposit');
      expect(await client.verifyPayment({ impUid: account.imp_uid, amount: 15_000 })).toMatchObject({ status: 'awaiting_deposit' });

      await depositVirtualAccount(account.imp_uid); // the buyer's bank transfer arrives
      const [, deposited] = await webhooks.received(2);

      expect(deposited).toMatchObject({ webhook: { imp_uid: account.imp_uid, status: 'paid' }, status: 200 });
      expect(orders.get(order.merchantUid)?.status).toBe('paid');
    }));

  it('a card payment is paid by its webhook alone (the buyer closed the tab before verify)', () =>
    withSandboxServer(async ({ client, recordPayment, serveWebhooks }) => {
      const orders = createOrders();
      const order = orders.create({ name: '콜드브루', amount: 9_800 });
      const webhooks = await serveWebhooks(createWebhookRoute({ iamport: client, orders }));

      await recordPayment({ merchant_uid: order.merchantUid, amount: 9_800, notice_url: webhooks.url });
      await webhooks.received(1);

      expect(orders.get(order.merchantUid)?.status).toBe('paid');
    }));
});
