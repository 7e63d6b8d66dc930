import { describe, expect, it } from 'vitest';
import { createIamportClient, IamportApiError, prepareOrder, type IamportClient, type IamportMode } from '../../src/server';
import { createFakeApi, credentials, makePayment } from './fake-api';

function setup(mode?: IamportMode) {
  const api = createFakeApi();
  const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, retry: { baseDelayMs: 1 }, ...(mode && { mode }) });
  const page = { total: 1, previous: 0, next: 0, list: [makePayment()] };
  const schedule = { customer_uid: 'cust_1', merchant_uid: 'sub_1', schedule_at: 1_900_000_000, amount: 9900, schedule_status: 'scheduled' };
  api.on('GET /payments/*', () => ({ body: api.envelope(makePayment()) }));
  api.on('GET /payments/find/*', () => ({ body: api.envelope(makePayment()) }));
  api.on('GET /payments/findAll/*', () => ({ body: api.envelope(page) }));
  api.on('GET /payments/prepare/*', () => ({ body: api.envelope({ merchant_uid: 'order_1', amount: 1000, currency: null }) }));
  api.on('GET /subscribe/customers/*', (request) =>
    request.path.endsWith('/payments')
      ? { body: api.envelope(page) }
      : { body: api.envelope({ customer_uid: 'cust_1', sandbox: false, inserted: 1, updated: 1 }) },
  );
  api.on('GET /subscribe/payments/schedule', () => ({ body: api.envelope([schedule]) }));
  api.on('GET /subscribe/payments/schedule/*', (request) =>
    request.path.includes('/customers/') ? { body: api.envelope({ total: 1, previous: 0, next: 0, list: [schedule] }) } : { body: api.envelope(schedule) },
  );
  return { api, client, page, schedule };
}

/** Every lookup the client has, called once. */
const lookups = (client: IamportClient) => [
  () => client.getPayment('imp_1'),
  () => client.findPayment('order_1'),
  () => client.findAllPayments('order_1'),
  () => client.getPaymentBalance('imp_1'),
  () => client.getPreparedPayment('order_1'),
  () => client.getBillingKey('cust_1'),
  () => client.getBillingKeyPayments('cust_1'),
  () => client.getSchedule('sub_1'),
  () => client.getSchedules({ schedule_from: 1_800_000_000, schedule_to: 1_900_000_000 }),
  () => client.getCustomerSchedules('cust_1', { from: 1_800_000_000, to: 1_900_000_000 }),
  () => client.request({ method: 'GET', path: '/payments/status/paid' }),
];

describe('test and live mode', () => {
  it("test mode sends include_sandbox=true on every lookup (i'mport hides test payments otherwise)", async () => {
    const { api, client } = setup('test');
    for (const lookup of lookups(client)) await lookup();
    const reads = api.requests.filter((request) => request.method === 'GET');
    expect(reads).toHaveLength(11);
    for (const request of reads) expect(new URLSearchParams(request.search).get('include_sandbox'), request.path).toBe('true');
  });

  it('live mode (the default) never sends it', async () => {
    const { api, client } = setup();
    expect(client.mode).toBe('live');
    for (const lookup of lookups(client)) await lookup();
    expect(api.requests.some((request) => request.search.includes('include_sandbox'))).toBe(false);
  });

  it('a live-mode charge that lands on a test channel is refused: no money moved', async () => {
    const { api, client } = setup();
    api.on('POST /subscribe/payments/again', () => ({ body: api.envelope(makePayment({ sandbox: true, amount: 9900 })) }));
    const charge = { customer_uid: 'cust_1', merchant_uid: 'sub_1', amount: 9900, name: 'Plan' };
    const error = await client.chargeBillingKey(charge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ kind: 'sandbox_payment', payment: { sandbox: true } });
    expect((error as Error).message).toContain("mode: 'test'");
    const test = setup('test');
    test.api.on('POST /subscribe/payments/again', () => ({ body: test.api.envelope(makePayment({ sandbox: true, amount: 9900 })) }));
    await expect(test.client.chargeBillingKey(charge)).resolves.toMatchObject({ sandbox: true, status: 'paid' });
  });
});

describe('the §5 endpoints', () => {
  it('find by merchant_uid: status as a path segment, sorting as a query', async () => {
    const { api, client } = setup();
    await client.findPayment('order/1', { status: 'paid', sorting: '-updated' });
    expect(api.requests.at(-1)).toMatchObject({ path: '/payments/find/order%2F1/paid', search: '?sorting=-updated' });
    await client.findPayment('order_1');
    expect(api.requests.at(-1)).toMatchObject({ path: '/payments/find/order_1', search: '' });
  });

  it('findAll pages; a billing key’s payments page', async () => {
    const { api, client, page } = setup();
    await expect(client.findAllPayments('order_1', { status: 'failed', page: 2, limit: 100 })).resolves.toEqual(page);
    expect(api.requests.at(-1)).toMatchObject({ path: '/payments/findAll/order_1/failed', search: '?page=2&limit=100' });
    await expect(client.getBillingKeyPayments('cust_1', { page: 3 })).resolves.toEqual(page);
    expect(api.requests.at(-1)).toMatchObject({ path: '/subscribe/customers/cust_1/payments', search: '?page=3' });
  });

  it('balance', async () => {
    const { api, client } = setup();
    const amounts = { tax_free: 0, supply: 909, vat: 91, service: 0 };
    const balance = { amount: 1000, cash_receipt: amounts, primary: amounts, secondary: amounts, discount: amounts, histories: [] };
    api.on('GET /payments/*', () => ({ body: api.envelope(balance) }));
    await expect(client.getPaymentBalance('imp_1')).resolves.toEqual(balance);
    expect(api.requests.at(-1)!.path).toBe('/payments/imp_1/balance');
  });

  it('schedule reads: by merchant_uid, by time range (a list becomes a page), by customer (schedule-status)', async () => {
    const { api, client, schedule } = setup();
    await expect(client.getSchedule('sub_1')).resolves.toEqual(schedule);
    expect(api.requests.at(-1)!.path).toBe('/subscribe/payments/schedule/sub_1');
    await expect(client.getSchedules({ schedule_from: 1_800_000_000, schedule_to: 1_900_000_000, schedule_status: 'scheduled', limit: 50 })).resolves.toEqual({
      total: 1,
      previous: 0,
      next: 0,
      list: [schedule],
    });
    expect(Object.fromEntries(new URLSearchParams(api.requests.at(-1)!.search))).toEqual({
      schedule_from: '1800000000',
      schedule_to: '1900000000',
      schedule_status: 'scheduled',
      limit: '50',
    });
    await expect(
      client.getCustomerSchedules('cust_1', { from: 1_800_000_000, to: 1_900_000_000, schedule_status: 'executed', page: 2 }),
    ).resolves.toMatchObject({ list: [schedule] });
    expect(api.requests.at(-1)!.path).toBe('/subscribe/payments/schedule/customers/cust_1');
    expect(Object.fromEntries(new URLSearchParams(api.requests.at(-1)!.search))).toEqual({
      from: '1800000000',
      to: '1900000000',
      'schedule-status': 'executed',
      page: '2',
    });
  });

  it('prepare: create, read, change', async () => {
    const { api, client } = setup();
    api.on('POST /payments/prepare', (request) => ({ body: api.envelope(request.body) }));
    api.on('PUT /payments/prepare', (request) => ({ body: api.envelope(request.body) }));
    await expect(client.preparePayment({ merchant_uid: 'order_1', amount: 1000, currency: 'KRW' })).resolves.toEqual({
      merchant_uid: 'order_1',
      amount: 1000,
      currency: 'KRW',
    });
    await expect(client.getPreparedPayment('order_1')).resolves.toMatchObject({ amount: 1000 });
    await client.updatePreparedPayment({ merchant_uid: 'order_1', amount: 1200 });
    expect(api.last('PUT /payments/prepare')!.body).toEqual({ merchant_uid: 'order_1', amount: 1200 });
  });

  it('cancel sends the virtual-account refund fields, tax fields and enable_webhook verbatim', async () => {
    const { api, client } = setup();
    api.on('POST /payments/cancel', () => ({ body: api.envelope(makePayment({ status: 'cancelled', cancel_amount: 1000 })) }));
    const params = {
      imp_uid: 'imp_1',
      amount: 1000,
      tax_free: 0,
      vat_amount: 91,
      checksum: 1000,
      reason: 'refund',
      enable_webhook: true,
      refund_holder: '홍길동',
      refund_bank: '04',
      refund_account: '12345678901234',
      refund_tel: '010-1234-5678',
    };
    await client.cancelPayment(params);
    expect(api.last('POST /payments/cancel')!.body).toEqual(params);
  });

  it('issueBillingKey sends channel_key', async () => {
    const { api, client } = setup();
    api.on('POST /subscribe/customers/*', () => ({ body: api.envelope({ customer_uid: 'cust_1', sandbox: true, inserted: 1, updated: 1 }) }));
    const key = await client.issueBillingKey({
      customer_uid: 'cust_1',
      channel_key: 'channel-key-1',
      card_number: '4242-4242-4242-4242',
      expiry: '2031-12',
      birth: '900101',
    });
    expect(key.sandbox).toBe(true);
    expect(api.last('POST /subscribe/customers/cust_1')!.body).toMatchObject({ channel_key: 'channel-key-1' });
  });
});

describe('prepareOrder', () => {
  it('registers a new order’s amount', async () => {
    const { api, client } = setup();
    api.on('POST /payments/prepare', (request) => ({ body: api.envelope(request.body) }));
    await expect(prepareOrder(client, { merchantUid: 'order_9', amount: 15_000 })).resolves.toEqual({ merchant_uid: 'order_9', amount: 15_000 });
  });

  it('an order already registered for the same amount is left alone; for another amount it is changed', async () => {
    const { api, client } = setup();
    api.on('POST /payments/prepare', () => ({ body: api.envelope(null, 1, '이미 등록된 merchant_uid 입니다.') }));
    api.on('PUT /payments/prepare', (request) => ({ body: api.envelope(request.body) }));
    await expect(prepareOrder(client, { merchantUid: 'order_1', amount: 1000 })).resolves.toMatchObject({ amount: 1000 });
    expect(api.callsTo('PUT /payments/prepare')).toBe(0);
    await expect(prepareOrder(client, { merchantUid: 'order_1', amount: 1200 })).resolves.toMatchObject({ amount: 1200 });
    expect(api.callsTo('PUT /payments/prepare')).toBe(1);
  });

  it('a refusal with nothing registered is rethrown; an outage is never read as "registered"', async () => {
    const { api, client } = setup();
    api.on('POST /payments/prepare', () => ({ body: api.envelope(null, 1, '잘못된 요청입니다.') }));
    api.on('GET /payments/prepare/*', () => ({ status: 404, body: api.envelope(null, 1, 'not found') }));
    await expect(prepareOrder(client, { merchantUid: 'order_1', amount: 1000 })).rejects.toMatchObject({
      kind: 'api',
      message: expect.stringContaining('잘못된 요청'),
    });
    api.on('POST /payments/prepare', () => 'network-error');
    await expect(prepareOrder(client, { merchantUid: 'order_1', amount: 1000 })).rejects.toMatchObject({ kind: 'network' });
  });
});
