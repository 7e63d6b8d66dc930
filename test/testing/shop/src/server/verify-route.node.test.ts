import { describe, expect, it } from 'vitest';
import { SANDBOX_CARDS, withSandboxServer } from 'react-iamport-jtnet/testing/server';
import { createOrders } from './orders';
import { createVerifyRoute } from './verify-route';

const verifyRequest = (body: object) =>
  new Request('http://shop.test/api/payments/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/payments/verify', () => {
  it('marks the order paid when i’mport has the payment, for the order’s amount', () =>
    withSandboxServer(async ({ client, recordPayment }) => {
      const orders = createOrders();
      const order = orders.create({ name: '에티오피아 예가체프 200g', amount: 15_000 });
      const POST = createVerifyRoute({ iamport: client, orders });
      const payment = await recordPayment({ merchant_uid: order.merchantUid, amount: 15_000 });

      const response = await POST(verifyRequest({ impUid: payment.imp_uid, merchantUid: order.merchantUid }));

      expect(await response.json()).toMatchObject({ verified: true, status: 'paid', amount: 15_000 });
      expect(orders.get(order.merchantUid)?.status).toBe('paid');
    }));

  it('refuses a payment of another amount (a page whose amount was changed)', () =>
    withSandboxServer(async ({ client, recordPayment }) => {
      const orders = createOrders();
      const order = orders.create({ name: '에티오피아 예가체프 200g', amount: 15_000 });
      const payment = await recordPayment({ merchant_uid: order.merchantUid, amount: 100 });

      const response = await createVerifyRoute({ iamport: client, orders })(verifyRequest({ impUid: payment.imp_uid, merchantUid: order.merchantUid }));

      expect(await response.json()).toMatchObject({ verified: false, status: 'not_verified', reason: 'amount_mismatch' });
      expect(orders.get(order.merchantUid)?.status).toBe('pending');
    }));

  it('a declined card is not paid', () =>
    withSandboxServer(async ({ client, recordPayment }) => {
      const orders = createOrders();
      const order = orders.create({ name: '콜드브루', amount: 9_800 });
      const payment = await recordPayment({ merchant_uid: order.merchantUid, amount: 9_800, card_number: SANDBOX_CARDS.decline });

      const response = await createVerifyRoute({ iamport: client, orders })(verifyRequest({ impUid: payment.imp_uid, merchantUid: order.merchantUid }));

      expect(await response.json()).toMatchObject({ verified: false, reason: 'not_paid', paymentStatus: 'failed' });
    }));

  it('settles an unknown outcome by merchant_uid alone (the window never answered, the buyer paid)', () =>
    withSandboxServer(async ({ client, recordPayment }) => {
      const orders = createOrders();
      const order = orders.create({ name: '하우스 블렌드', amount: 12_000 });
      await recordPayment({ merchant_uid: order.merchantUid, amount: 12_000 });

      const response = await createVerifyRoute({ iamport: client, orders })(verifyRequest({ merchantUid: order.merchantUid }));

      expect(await response.json()).toMatchObject({ verified: true, status: 'paid' });
    }));
});
