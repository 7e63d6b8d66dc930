// The server module's §5 reads and billing-key issue against the real iamport-sandbox: the
// shapes the client's types promise are the ones the sandbox sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDedupe, createVerifyHandler, handleWebhook, IamportApiError, IamportError, type Page, type Schedule } from '../../src/server';
import { SANDBOX_CHANNEL_KEY, startSandboxServer, type SandboxServer } from '../../src/sandbox-server';
import { APPROVE, CARD, DECLINE, inSeconds, recordPayment, sandboxClient, uid } from './support/sandbox';

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, quiet: true });
});
afterAll(async () => {
  await sandbox?.close();
});

const DAY = 86_400;

describe('payment reads against iamport-sandbox', () => {
  it('findPayment: the latest payment of an order, a status segment, sorting; findAllPayments pages them', async () => {
    const { client, sent } = sandboxClient(sandbox);
    const merchant_uid = uid('order');
    const firstFailure = await recordPayment(sandbox, { merchant_uid, card_number: DECLINE });
    const secondFailure = await recordPayment(sandbox, { merchant_uid, card_number: DECLINE });
    const paid = await recordPayment(sandbox, { merchant_uid });

    await expect(client.findPayment(merchant_uid)).resolves.toMatchObject({ imp_uid: paid.imp_uid, status: 'paid' });
    await expect(client.findPayment(merchant_uid, { status: 'failed' })).resolves.toMatchObject({ imp_uid: secondFailure.imp_uid });
    await expect(client.findPayment(merchant_uid, { status: 'failed', sorting: 'started' })).resolves.toMatchObject({ imp_uid: firstFailure.imp_uid });
    await expect(client.findPayment(merchant_uid, { status: 'cancelled' })).rejects.toMatchObject({ httpStatus: 404 });
    expect(sent.calls).toContain(`GET /payments/find/${merchant_uid}/failed`);

    const all = await client.findAllPayments(merchant_uid);
    expect(all).toEqual({
      total: 3,
      previous: 0,
      next: 0,
      list: [
        expect.objectContaining({ imp_uid: paid.imp_uid }),
        expect.objectContaining({ imp_uid: secondFailure.imp_uid }),
        expect.objectContaining({ imp_uid: firstFailure.imp_uid }),
      ],
    });
    await expect(client.findAllPayments(merchant_uid, { status: 'failed', sorting: 'started' })).resolves.toMatchObject({
      total: 2,
      list: [{ imp_uid: firstFailure.imp_uid }, { imp_uid: secondFailure.imp_uid }],
    });
    await expect(client.findAllPayments(merchant_uid, { page: 2, limit: 1 })).resolves.toEqual({
      total: 3,
      previous: 1,
      next: 3,
      list: [expect.objectContaining({ imp_uid: secondFailure.imp_uid })],
    });
    await expect(client.findAllPayments(uid('none'))).rejects.toMatchObject({ httpStatus: 404 });
  });

  it('getPaymentBalance splits the amount into supply and VAT and records a refund as a negative history entry', async () => {
    const { client } = sandboxClient(sandbox);
    const payment = await recordPayment(sandbox, { amount: 11_000 });
    const zero = { tax_free: 0, supply: 0, vat: 0, service: 0 };
    await expect(client.getPaymentBalance(payment.imp_uid)).resolves.toEqual({
      amount: 11_000,
      cash_receipt: zero,
      primary: { tax_free: 0, supply: 10_000, vat: 1000, service: 0 },
      secondary: zero,
      discount: zero,
      histories: [expect.objectContaining({ primary: { tax_free: 0, supply: 10_000, vat: 1000, service: 0 }, created: expect.any(Number) })],
    });
    await client.cancelPayment({ imp_uid: payment.imp_uid, amount: 1100, checksum: 11_000, reason: 'one item' });
    const balance = await client.getPaymentBalance(payment.imp_uid);
    expect(balance.primary).toEqual({ tax_free: 0, supply: 9000, vat: 900, service: 0 });
    expect(balance.histories?.map((entry) => entry.primary.supply + entry.primary.vat)).toEqual([11_000, -1100]);
  });
});

describe('ids in URL paths', () => {
  it.each(['.', '..'])('%j as an id is refused before any request: a URL resolves it to another endpoint', async (id) => {
    // The window records such an order; a lookup by path could only ever reach /payments/find/ or /payments/.
    await recordPayment(sandbox, { merchant_uid: id });
    const { client, sent } = sandboxClient(sandbox);
    for (const lookup of [
      () => client.findPayment(id),
      () => client.findAllPayments(id, { status: 'paid' }),
      () => client.getPayment(id),
      () => client.getBillingKey(id),
      () => client.getSchedule(id),
    ]) {
      await expect(lookup()).rejects.toMatchObject({ code: 'INVALID_PARAMS', message: expect.stringContaining('another endpoint') });
    }
    await expect(client.verifyPayment({ merchantUid: id, amount: 1000 })).rejects.toMatchObject({ code: 'INVALID_PARAMS', field: 'merchantUid' });
    const verify = createVerifyHandler({ client, lookupOrder: () => ({ amount: 1000 }) });
    const answer = await verify(new Request('http://shop.test/api/payments/verify', { method: 'POST', body: JSON.stringify({ merchantUid: id }) }));
    expect(answer.status).toBe(400);
    const webhook = await handleWebhook(
      new Request('http://shop.test/api/iamport/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ imp_uid: id, merchant_uid: id, status: 'paid' }),
      }),
      { client, lookupOrder: () => ({ amount: 1000 }), onPaid: () => {}, dedupe: createMemoryDedupe() },
    );
    expect(webhook.status).toBe(400);
    expect(sent.urls).toEqual([]);
  });
});

describe('billing keys against iamport-sandbox', () => {
  it('issueBillingKey without channel_key: the client refuses before sending; the sandbox itself refuses it with a 400 naming the field', async () => {
    const { client, sent } = sandboxClient(sandbox);
    const customer_uid = uid('cust');
    const { channel_key: _, ...withoutKey } = CARD;
    const refused = await client.issueBillingKey({ customer_uid, card_number: APPROVE, ...withoutKey } as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IamportError);
    expect(refused).toMatchObject({ code: 'INVALID_PARAMS', field: 'channel_key' });
    expect(sent.calls).toEqual([]);

    // The same body sent as it is (request() checks nothing): the sandbox answers as i'mport does since 2026-05-20.
    const raw = await client
      .request({ method: 'POST', path: `/subscribe/customers/${customer_uid}`, body: { card_number: APPROVE, ...withoutKey } })
      .catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(IamportApiError);
    expect(raw).toMatchObject({ kind: 'api', httpStatus: 400, code: -1, endpoint: `POST /subscribe/customers/${customer_uid}` });
    expect((raw as Error).message).toContain('channel_key');
    expect((raw as Error).message).toContain(SANDBOX_CHANNEL_KEY); // says what to send
    expect((raw as Error).message).not.toContain(APPROVE);

    const wrongKey = await client
      .issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD, channel_key: 'channel-key-of-another-shop' })
      .catch((e: unknown) => e);
    expect(wrongKey).toMatchObject({ kind: 'api', httpStatus: 400 });
    expect((wrongKey as Error).message).toContain('channel_key');
    await expect(client.getBillingKey(customer_uid)).rejects.toMatchObject({ httpStatus: 404 });

    await expect(client.issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD, channel_key: SANDBOX_CHANNEL_KEY })).resolves.toMatchObject({
      customer_uid,
      sandbox: true,
      card_number: expect.stringMatching(/^\d{6}\*+\d{4}$/),
    });
  });

  it('getBillingKeyPayments pages what a key paid, newest first, on the key’s pg_id', async () => {
    const { client } = sandboxClient(sandbox);
    const customer_uid = uid('cust');
    const key = await client.issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD });
    await expect(client.getBillingKeyPayments(customer_uid)).resolves.toEqual({ total: 0, previous: 0, next: 0, list: [] });
    const first = await client.chargeBillingKey({ customer_uid, merchant_uid: uid('sub'), amount: 9900, name: 'January' });
    const second = await client.chargeBillingKey({ customer_uid, merchant_uid: uid('sub'), amount: 9900, name: 'February' });
    const page = await client.getBillingKeyPayments(customer_uid);
    expect(page).toMatchObject({ total: 2, previous: 0, next: 0, list: [{ imp_uid: second.imp_uid }, { imp_uid: first.imp_uid }] });
    expect(page.list.every((payment) => payment.customer_uid === customer_uid && payment.pg_id === key.pg_id && payment.channel === 'api')).toBe(true);
    await expect(client.getBillingKeyPayments(uid('nobody'))).rejects.toMatchObject({ httpStatus: 404 });
  });
});

describe('schedule reads against iamport-sandbox', () => {
  it('getSchedule, getSchedules and getCustomerSchedules: the sandbox answers pages, and the client returns them as sent', async () => {
    const { client } = sandboxClient(sandbox);
    const customer_uid = uid('cust');
    await client.issueBillingKey({ customer_uid, card_number: APPROVE, ...CARD });
    // A range of its own, far ahead, so other tests' schedules stay out of it.
    const base = inSeconds(400 * DAY + Math.floor(Math.random() * 1000) * DAY);
    const [early, late, revoked] = [uid('sched'), uid('sched'), uid('sched')];
    await client.schedulePayments({
      customer_uid,
      schedules: [
        { merchant_uid: early, schedule_at: base + 10, amount: 9900, name: 'Plan' },
        { merchant_uid: late, schedule_at: base + 20, amount: 9900, name: 'Plan' },
        { merchant_uid: revoked, schedule_at: base + 30, amount: 9900, name: 'Plan' },
      ],
    });
    await client.unschedulePayments({ customer_uid, merchant_uid: [revoked] });

    await expect(client.getSchedule(early)).resolves.toMatchObject({
      merchant_uid: early,
      customer_uid,
      schedule_at: base + 10,
      schedule_status: 'scheduled',
      currency: 'KRW',
    });
    await expect(client.getSchedule(uid('none'))).rejects.toMatchObject({ httpStatus: 404 });

    // What the sandbox sends for a range: a page, as the spec's descriptions and the official client expect.
    const raw = await client.request<Page<Schedule>>({
      method: 'GET',
      path: '/subscribe/payments/schedule',
      query: { schedule_from: String(base), schedule_to: String(base + 100) },
    });
    expect(Array.isArray(raw)).toBe(false);
    expect(raw).toMatchObject({ total: 3, previous: 0, next: 0 });
    const range = await client.getSchedules({ schedule_from: base, schedule_to: base + 100 });
    expect(range).toEqual(raw);
    expect(range.list.map((s) => s.merchant_uid)).toEqual([revoked, late, early]); // newest first
    await expect(
      client.getSchedules({ schedule_from: base, schedule_to: base + 100, sorting: 'scheduled', schedule_status: 'scheduled' }),
    ).resolves.toMatchObject({
      total: 2,
      list: [{ merchant_uid: early }, { merchant_uid: late }],
    });
    await expect(client.getSchedules({ schedule_from: base, schedule_to: base + 100, limit: 1, page: 2 })).resolves.toMatchObject({
      total: 3,
      previous: 1,
      next: 3,
      list: [{ merchant_uid: late }],
    });
    // [from, to): a schedule at `to` is out.
    await expect(client.getSchedules({ schedule_from: base, schedule_to: base + 20 })).resolves.toMatchObject({ total: 1, list: [{ merchant_uid: early }] });

    const mine = await client.getCustomerSchedules(customer_uid, { from: base, to: base + 100 });
    expect(mine).toMatchObject({ total: 3, previous: 0, next: 0 });
    expect(mine.list.map((s) => s.merchant_uid)).toEqual([revoked, late, early]);
    await expect(client.getCustomerSchedules(customer_uid, { from: base, to: base + 100, schedule_status: 'revoked' })).resolves.toMatchObject({
      total: 1,
      list: [{ merchant_uid: revoked, schedule_status: 'revoked', revoked_at: expect.any(Number) }],
    });
  });
});
