import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD, sandboxServer, uid } from './helpers';

let sandbox: Awaited<ReturnType<typeof sandboxServer>>;
beforeEach(async () => {
  sandbox = await sandboxServer();
});
afterEach(() => sandbox.server.close());

const NOT_FOUND = { code: -1, message: '존재하지 않는 결제정보입니다.', response: null };

describe('include_sandbox: every sandbox payment is a test-channel payment', () => {
  it('each payment lookup is 404 without include_sandbox=true and 200 with it', async () => {
    const customerUid = uid('cust');
    const payment = await sandbox.record({ customer_uid: customerUid, amount: 0 });
    expect(payment.sandbox).toBe(true);
    const token = await sandbox.token();
    const lookups = [
      `/payments/${payment.imp_uid}`,
      `/payments/${payment.imp_uid}/balance`,
      `/payments/find/${payment.merchant_uid}`,
      `/payments/find/${payment.merchant_uid}/paid`,
      `/payments/findAll/${payment.merchant_uid}`,
      `/payments?imp_uid[]=${payment.imp_uid}`,
    ];
    for (const path of lookups) {
      expect(await sandbox.call('GET', path, { token }), path).toEqual({ status: 404, body: NOT_FOUND });
      expect(await sandbox.call('GET', `${path}${path.includes('?') ? '&' : '?'}include_sandbox=false`, { token }), path).toMatchObject({ status: 404 });
      expect((await sandbox.lookup(path, token)).status, path).toBe(200);
    }
    // lists leave test payments out instead of failing
    expect((await sandbox.call('GET', '/payments/status/paid', { token })).body.response).toEqual({ total: 0, previous: 0, next: 0, list: [] });
    expect((await sandbox.lookup('/payments/status/paid', token)).body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([payment.imp_uid]);
    expect((await sandbox.call('GET', `/subscribe/customers/${customerUid}/payments`, { token })).body.response.total).toBe(0);
    expect((await sandbox.lookup(`/subscribe/customers/${customerUid}/payments`, token)).body.response.total).toBe(1);
  });

  it('include_sandbox must be true or false', async () => {
    const answer = await sandbox.call('GET', '/payments/imp_1?include_sandbox=yes', { token: await sandbox.token() });
    expect(answer).toMatchObject({ status: 400, body: { code: -1, response: null, message: expect.stringContaining('include_sandbox') } });
  });
});

describe('lookups by merchant_uid', () => {
  it('find returns the latest payment of an order, filtered by status, ordered by `sorting`', async () => {
    const merchantUid = uid();
    const failed = await sandbox.record({ merchant_uid: merchantUid, card_number: '4000-0000-0000-0002' });
    const paid = await sandbox.record({ merchant_uid: merchantUid });
    const token = await sandbox.token();
    expect((await sandbox.lookup(`/payments/find/${merchantUid}`, token)).body.response.imp_uid).toBe(paid.imp_uid);
    expect((await sandbox.lookup(`/payments/find/${merchantUid}/failed`, token)).body.response.imp_uid).toBe(failed.imp_uid);
    expect((await sandbox.lookup(`/payments/find/${merchantUid}/all`, token)).body.response.imp_uid).toBe(paid.imp_uid);
    expect((await sandbox.lookup(`/payments/find/${merchantUid}?sorting=started`, token)).body.response.imp_uid).toBe(failed.imp_uid);
    expect(await sandbox.lookup(`/payments/find/${merchantUid}/cancelled`, token)).toEqual({ status: 404, body: NOT_FOUND });
    expect((await sandbox.lookup(`/payments/find/${merchantUid}/refunded`, token)).status).toBe(400);
    expect((await sandbox.lookup(`/payments/find/${merchantUid}?sorting=newest`, token)).status).toBe(400);
  });

  it('findAll pages every payment of an order: {total, previous, next, list}', async () => {
    const merchantUid = uid();
    for (let i = 0; i < 3; i++) await sandbox.record({ merchant_uid: merchantUid, card_number: '4000-0000-0000-0002' });
    const token = await sandbox.token();
    const first = (await sandbox.lookup(`/payments/findAll/${merchantUid}?limit=2`, token)).body.response;
    expect(first).toMatchObject({ total: 3, previous: 0, next: 2 });
    expect(first.list).toHaveLength(2);
    const second = (await sandbox.lookup(`/payments/findAll/${merchantUid}/failed?limit=2&page=2`, token)).body.response;
    expect(second).toMatchObject({ total: 3, previous: 1, next: 0 });
    expect(second.list).toHaveLength(1);
    expect((await sandbox.lookup(`/payments/findAll/${merchantUid}?limit=2&page=3`, token)).status).toBe(400);
    expect((await sandbox.lookup(`/payments/findAll/${merchantUid}?limit=1001`, token)).status).toBe(400);
    expect((await sandbox.lookup(`/payments/findAll/${uid()}`, token)).status).toBe(404);
  });

  it('GET /payments takes several imp_uid[] and merchant_uid[]: 200 all found, 207 some, 404 none', async () => {
    const a = await sandbox.record();
    const b = await sandbox.record();
    const token = await sandbox.token();
    const all = await sandbox.lookup(`/payments?imp_uid[]=${a.imp_uid}&merchant_uid[]=${b.merchant_uid}`, token);
    expect(all.status).toBe(200);
    expect(all.body.response.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([a.imp_uid, b.imp_uid]);
    const some = await sandbox.lookup(`/payments?imp_uid[]=${a.imp_uid}&imp_uid[]=imp_000000000000`, token);
    expect(some.status).toBe(207);
    expect(some.body.response).toHaveLength(1);
    expect((await sandbox.lookup('/payments?imp_uid[]=imp_000000000000', token)).status).toBe(404);
    expect((await sandbox.lookup('/payments', token)).status).toBe(400);
  });
});

describe('GET /payments/status/{payment_status}', () => {
  it('lists by status within from..to (by the time the status was reached), newest first', async () => {
    const paid = await sandbox.record();
    const vbank = await sandbox.record({ pay_method: 'vbank' });
    const token = await sandbox.token();
    const ids = async (path: string) => (await sandbox.lookup(path, token)).body.response.list.map((p: { imp_uid: string }) => p.imp_uid);
    expect(await ids('/payments/status/ready')).toEqual([vbank.imp_uid]);
    expect(await ids('/payments/status/all')).toEqual([vbank.imp_uid, paid.imp_uid]);
    expect(await ids('/payments/status/all?sorting=started')).toEqual([paid.imp_uid, vbank.imp_uid]);
    expect(await ids(`/payments/status/paid?to=${paid.paid_at - 1}`)).toEqual([]);
    expect((await sandbox.lookup('/payments/status/lost', token)).status).toBe(400);
    expect((await sandbox.lookup('/payments/status/paid?from=yesterday', token)).status).toBe(400);
  });
});

describe('GET /payments/{imp_uid}/balance', () => {
  it('splits the amount into supply and VAT and records every refund as a negative history entry', async () => {
    const payment = await sandbox.record({ amount: 11_000 });
    const token = await sandbox.token();
    await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid, amount: 1_100 } });
    const balance = (await sandbox.lookup(`/payments/${payment.imp_uid}/balance`, token)).body.response;
    expect(balance).toMatchObject({ amount: 11_000, primary: { tax_free: 0, supply: 9_000, vat: 900, service: 0 }, secondary: { supply: 0 } });
    expect(balance.histories.map((h: { primary: { supply: number; vat: number } }) => h.primary.supply + h.primary.vat)).toEqual([11_000, -1_100]);
  });
});

describe('POST/GET/PUT /payments/prepare', () => {
  it('registers, reads and changes an amount; twice or unknown are refused', async () => {
    const token = await sandbox.token();
    const merchantUid = uid();
    expect((await sandbox.call('POST', '/payments/prepare', { token, json: { merchant_uid: merchantUid, amount: 1000 } })).body).toEqual({
      code: 0,
      message: null,
      response: { merchant_uid: merchantUid, amount: 1000, currency: null },
    });
    expect((await sandbox.call('POST', '/payments/prepare', { token, form: `merchant_uid=${merchantUid}&amount=1000` })).body).toMatchObject({
      code: 1,
      response: null,
    });
    expect((await sandbox.call('GET', `/payments/prepare/${merchantUid}`, { token })).body.response).toEqual({
      merchant_uid: merchantUid,
      amount: 1000,
      currency: null,
    });
    expect(
      (await sandbox.call('PUT', '/payments/prepare', { token, json: { merchant_uid: merchantUid, amount: 2000, currency: 'KRW' } })).body.response,
    ).toEqual({ merchant_uid: merchantUid, amount: 2000, currency: 'KRW' });
    expect(await sandbox.call('PUT', '/payments/prepare', { token, json: { merchant_uid: uid(), amount: 1 } })).toMatchObject({
      status: 404,
      body: { code: -1, response: null },
    });
    expect((await sandbox.call('GET', `/payments/prepare/${uid()}`, { token })).body).toMatchObject({ code: 1, response: null });
    expect((await sandbox.call('POST', '/payments/prepare', { token, json: { merchant_uid: uid(), amount: '1000' } })).status).toBe(400);
    expect((await sandbox.call('POST', '/payments/prepare', { json: { merchant_uid: uid(), amount: 1 } })).status).toBe(401);
  });

  it('a window or REST payment of a prepared merchant_uid with another amount is refused; the prepared amount pays', async () => {
    const token = await sandbox.token();
    const prepare = async (amount: number) => {
      const merchantUid = uid();
      await sandbox.call('POST', '/payments/prepare', { token, json: { merchant_uid: merchantUid, amount } });
      return merchantUid;
    };
    const refused = { code: 1, response: null, message: expect.stringContaining('사전등록된 결제금액(1000)') };
    const window = await prepare(1000);
    expect((await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: window, amount: 100 } })).body).toMatchObject(refused);
    expect((await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: window, amount: 1000 } })).body.response.status).toBe('paid');

    const onetime = await prepare(1000);
    expect((await sandbox.call('POST', '/subscribe/payments/onetime', { token, json: { ...CARD, merchant_uid: onetime, amount: 999 } })).body).toMatchObject(
      refused,
    );

    await sandbox.issueKey('c_prepared');
    const again = await prepare(1000);
    expect(
      (await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: 'c_prepared', merchant_uid: again, amount: 5000, name: 'n' } }))
        .body,
    ).toMatchObject(refused);
    expect((await sandbox.lookup(`/payments/findAll/${again}`, token)).status).toBe(404); // nothing was charged
    expect(
      (await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: 'c_prepared', merchant_uid: again, amount: 1000, name: 'n' } }))
        .body.response.status,
    ).toBe('paid');
  });
});

describe('billing keys: channel_key, pg_id and their payments', () => {
  it('POST /subscribe/customers/{uid} requires the channel key; the key and its payments share one pg_id', async () => {
    const token = await sandbox.token();
    const noKey = await sandbox.call('POST', '/subscribe/customers/c_chan', { token, json: CARD });
    expect(noKey).toMatchObject({ status: 400, body: { code: -1, response: null, message: expect.stringContaining('channel_key') } });
    expect((await sandbox.issueKey('c_chan', { channel_key: 'channel-key-wrong' })).status).toBe(400);
    const issued = (await sandbox.issueKey('c_chan', { customer_id: 'user_7' })).body.response;
    expect(issued).toMatchObject({ customer_uid: 'c_chan', sandbox: true, customer_id: 'user_7', pg_provider: 'jtnet', pg_id: 'tpaytest0m' });
    const charged = (
      await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: 'c_chan', merchant_uid: uid(), amount: 100, name: 'n' } })
    ).body.response;
    expect(charged).toMatchObject({ channel: 'api', pg_id: issued.pg_id, user_agent: null, sandbox: true });
    const other = (await sandbox.issueKey('c_mid', { pg: 'jtnet.tpaytest1m' })).body.response;
    expect(other.pg_id).toBe('tpaytest1m');
    const chargedOther = (
      await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: 'c_mid', merchant_uid: uid(), amount: 100, name: 'n' } })
    ).body.response;
    expect(chargedOther.pg_id).toBe('tpaytest1m');
    expect((await sandbox.issueKey('c_x', { pg: 'kcp' })).status).toBe(400);
  });

  it('GET /subscribe/customers/{uid}/payments pages what a key paid; GET /subscribe/customers takes several', async () => {
    const window = await sandbox.record({ customer_uid: 'c_pays', amount: 0 });
    const token = await sandbox.token();
    const charge = (
      await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: 'c_pays', merchant_uid: uid(), amount: 100, name: 'n' } })
    ).body.response;
    const page = (await sandbox.lookup('/subscribe/customers/c_pays/payments', token)).body.response;
    expect(page).toMatchObject({ total: 2, previous: 0, next: 0 });
    expect(page.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([charge.imp_uid, window.imp_uid]);
    expect((await sandbox.lookup('/subscribe/customers/nobody/payments', token)).status).toBe(404);
    expect((await sandbox.call('GET', '/subscribe/customers?customer_uid[]=c_pays', { token })).body.response).toEqual([
      expect.objectContaining({ customer_uid: 'c_pays' }),
    ]);
    expect((await sandbox.call('GET', '/subscribe/customers?customer_uid[]=c_pays&customer_uid[]=nobody', { token })).status).toBe(207);
  });

  it('window payments record the buyer’s browser: channel pc or mobile, user_agent', async () => {
    const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
    const pc = (
      await sandbox.call('POST', '/__sandbox/payments', {
        json: { merchant_uid: uid(), amount: 100 },
        headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
      })
    ).body.response;
    const mobile = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 100 }, headers: { 'User-Agent': phone } })).body
      .response;
    expect(pc).toMatchObject({ channel: 'pc', user_agent: 'Mozilla/5.0 (X11; Linux x86_64)' });
    expect(mobile).toMatchObject({ channel: 'mobile', user_agent: phone });
  });
});
