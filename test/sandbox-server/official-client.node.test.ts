// The official Node client (iamport-rest-client-nodejs 0.9.12, axios underneath) pointed at the
// sandbox: every call a merchant makes for one-time and subscription payments must succeed.
import { Enum, Iamport, Request } from 'iamport-rest-client-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CHANNEL_KEY } from '../../src/sandbox-server';
import { CARD, inSeconds, sandboxServer, uid } from './helpers';

const { Authenticate, Customers, Payments, Prepare, Subscribe } = Request;
const { StatusEnum, SortingEnum, ScheduledStatusEnum } = Enum;

let sandbox: Awaited<ReturnType<typeof sandboxServer>>;
let iamport: Iamport;

/**
 * The client predates 2026: it never sends `include_sandbox=true`, so a test-mode merchant adds
 * it to every request through the client's own axios instance (`getApiInstance()`).
 */
function withSandboxPayments(client: Iamport): Iamport {
  client
    .getApiInstance()
    .interceptors.request.use((config: { params?: Record<string, unknown> }) => ({ ...config, params: { ...config.params, include_sandbox: true } }));
  return client;
}

/** The client resolves with the axios response (`data` = the parsed envelope) and rejects with `{ response: { data } }`. */
const run = async <T = any>(request: { request(client: Iamport): Promise<any> }, client = iamport): Promise<T> => {
  const { data } = await request.request(client);
  expect(data.code).toBe(0);
  return data.response as T;
};
const failure = async (request: { request(client: Iamport): Promise<any> }, client = iamport) =>
  (await request.request(client).catch((error: any) => error)).response;

beforeAll(async () => {
  sandbox = await sandboxServer();
  iamport = withSandboxPayments(new Iamport({ apiKey: 'sandbox_key', apiSecret: 'sandbox_secret', baseUrl: sandbox.server.url }));
});
afterAll(() => sandbox.server.close());

describe('iamport-rest-client-nodejs against iamport-sandbox', () => {
  it('Authenticate.getToken', async () => {
    const token = await run(Authenticate.getToken({ imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' }));
    expect(token).toMatchObject({ access_token: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it('billing keys: postBillingKey (with channel_key), getBillingKey, getBillingKeys, again, getPayments, deleteBillingKey', async () => {
    const customerUid = uid('official');
    // channel_key is not in the client's types (it predates 2026-05-20) but it forwards it
    const issue = {
      customer_uid: customerUid,
      ...CARD,
      customer_name: '홍길동',
      customer_tel: '010-1234-5678',
      customer_email: 'buyer@example.com',
      customer_addr: '서울',
      customer_postcode: '04524',
      channel_key: SANDBOX_CHANNEL_KEY,
    };
    expect(await run(Customers.postBillingKey(issue))).toMatchObject({ customer_uid: customerUid, card_number: '424242******4242' });
    expect(await run(Customers.getBillingKey({ customer_uid: customerUid }))).toMatchObject({ customer_uid: customerUid, inserted: expect.any(Date) });
    expect(await run(Customers.getBillingKeys({ customer_uid: [customerUid] }))).toEqual([expect.objectContaining({ customer_uid: customerUid })]);

    const merchantUid = uid('again');
    const paid = await run(Subscribe.again({ customer_uid: customerUid, merchant_uid: merchantUid, amount: 9900, name: '정기구독' }));
    expect(paid).toMatchObject({ status: 'paid', amount: 9900, merchant_uid: merchantUid, customer_uid: customerUid });
    const payments = await run(Customers.getPayments({ customer_uid: customerUid, page: 1 }));
    expect(payments).toMatchObject({ total: 1, next: 0 });
    expect(payments.list[0]).toMatchObject({ imp_uid: paid.imp_uid });

    expect(await run(Customers.deleteBillingKey({ customer_uid: customerUid }))).toMatchObject({ customer_uid: customerUid });
    expect((await failure(Customers.getBillingKey({ customer_uid: customerUid }))).status).toBe(404);
  });

  it('lookups: getByImpUid, getByImpUids, getByMerchantUid, getByMerchantUids, getByStatus, getAmountByImpUid', async () => {
    const payment = await run(Subscribe.onetime({ merchant_uid: uid('onetime'), amount: 5000, ...CARD, name: '원두' }));
    expect(payment).toMatchObject({ status: 'paid', amount: 5000, paid_at: expect.any(Date) });
    const { imp_uid: impUid, merchant_uid: merchantUid } = payment;
    expect(await run(Payments.getByImpUid({ imp_uid: impUid }))).toMatchObject({ imp_uid: impUid, merchant_uid: merchantUid });
    expect(await run(Payments.getByImpUids({ imp_uid: [impUid] }))).toEqual([expect.objectContaining({ imp_uid: impUid })]);
    expect(await run(Payments.getByMerchantUid({ merchant_uid: merchantUid, status: StatusEnum.PAID, sorting: SortingEnum.STARTED_DESC }))).toMatchObject({
      imp_uid: impUid,
    });
    const all = await run(Payments.getByMerchantUids({ merchant_uid: merchantUid, status: StatusEnum.ALL, sorting: SortingEnum.STARTED_DESC, page: 1 }));
    expect(all).toMatchObject({ total: 1, previous: 0, next: 0 });
    const byStatus = await run(
      Payments.getByStatus({ status: StatusEnum.PAID, page: 1, limit: 20, from: inSeconds(-60), to: inSeconds(60), sorting: SortingEnum.PAID_DESC }),
    );
    expect(byStatus.list.map((p: { imp_uid: string }) => p.imp_uid)).toContain(impUid);
    expect(await run(Payments.getAmountByImpUid({ imp_uid: impUid }))).toMatchObject({ amount: 5000, primary: { supply: 4545, vat: 455 } });
  });

  it('without include_sandbox (the client as published) a test payment is 404, as the real API answers', async () => {
    const bare = new Iamport({ apiKey: 'sandbox_key', apiSecret: 'sandbox_secret', baseUrl: sandbox.server.url });
    const payment = await run(Subscribe.onetime({ merchant_uid: uid('bare'), amount: 1000, ...CARD, name: 'n' }), bare);
    expect(await failure(Payments.getByImpUid({ imp_uid: payment.imp_uid }), bare)).toMatchObject({
      status: 404,
      data: { code: -1, message: '존재하지 않는 결제정보입니다.' },
    });
  });

  it('prepare: postAmount, getAmount', async () => {
    const merchantUid = uid('prepare');
    expect(await run(Prepare.postAmount({ merchant_uid: merchantUid, amount: 3000 }))).toEqual({ merchant_uid: merchantUid, amount: 3000 });
    expect(await run(Prepare.getAmount({ merchant_uid: merchantUid }))).toEqual({ merchant_uid: merchantUid, amount: 3000 });
  });

  it('schedules: schedule, getScheduled, Subscribe.getScheduleds, Customers.getScheduleds, unschedule', async () => {
    const customerUid = uid('sched');
    await run(Customers.postBillingKey({ customer_uid: customerUid, ...CARD, channel_key: SANDBOX_CHANNEL_KEY } as never));
    const at = inSeconds(86_400);
    const merchantUid = uid('monthly');
    const scheduled = await run<any[]>(
      Subscribe.schedule({ customer_uid: customerUid, schedules: [{ merchant_uid: merchantUid, schedule_at: at, amount: 9900, name: '다음 달' }] }),
    );
    expect(scheduled).toEqual([expect.objectContaining({ merchant_uid: merchantUid, schedule_status: 'scheduled', amount: 9900 })]);
    expect(await run(Subscribe.getScheduled({ merchant_uid: merchantUid }))).toMatchObject({ merchant_uid: merchantUid, schedule_at: new Date(at * 1000) });
    const range = { customer_uid: customerUid, page: 1, from: at - 60, to: at + 60, 'schedule-status': ScheduledStatusEnum.SCHEDULED };
    expect((await run(Subscribe.getScheduleds(range))).list).toEqual([expect.objectContaining({ merchant_uid: merchantUid })]);
    expect((await run(Customers.getScheduleds(range))).list).toEqual([expect.objectContaining({ merchant_uid: merchantUid })]);
    expect(await run(Subscribe.unschedule({ customer_uid: customerUid, merchant_uid: merchantUid }))).toEqual([
      expect.objectContaining({ merchant_uid: merchantUid, schedule_status: 'revoked' }),
    ]);
  });

  it('cancel: partial with checksum, then the rest', async () => {
    const payment = await run(Subscribe.onetime({ merchant_uid: uid('refund'), amount: 10_000, ...CARD, name: 'n' }));
    const partial = await run(
      Payments.cancel({
        imp_uid: payment.imp_uid,
        merchant_uid: payment.merchant_uid,
        amount: 3000,
        tax_free: 0,
        checksum: 10_000,
        reason: '부분 환불',
        refund_holder: '',
        refund_bank: '',
        refund_account: '',
      }),
    );
    expect(partial).toMatchObject({ status: 'paid', cancel_amount: 3000 });
    const rest = await run(
      Payments.cancel({
        imp_uid: payment.imp_uid,
        merchant_uid: payment.merchant_uid,
        amount: 0,
        tax_free: 0,
        checksum: 7000,
        reason: '전액',
        refund_holder: '',
        refund_bank: '',
        refund_account: '',
      }),
    );
    expect(rest).toMatchObject({ status: 'cancelled', cancel_amount: 10_000 });
  });
});
