import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CHANNEL_KEY } from '../../src/sandbox-server';
import { sandboxServer, uid } from './helpers';

let sandbox: Awaited<ReturnType<typeof sandboxServer>>;
beforeEach(async () => {
  sandbox = await sandboxServer();
});
afterEach(() => sandbox.server.close());

const NOT_FOUND = { code: -1, message: '존재하지 않는 결제정보입니다.', response: null };
const UNAUTHORIZED = { code: -1, message: 'Unauthorized', response: null };

const issueKey = (customerUid: string, card = '4242-4242-4242-4242') => sandbox.issueKey(customerUid, { card_number: card });

describe('POST /users/getToken', () => {
  it('issues {access_token, now, expired_at} for the fixture credentials and returns the same token until it expires', async () => {
    const first = await sandbox.call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } });
    expect(first.status).toBe(200);
    expect(first.body.code).toBe(0);
    const { access_token, now, expired_at } = first.body.response;
    expect(access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(expired_at - now).toBe(1800);
    const again = await sandbox.call('POST', '/users/getToken', { form: 'imp_key=sandbox_key&imp_secret=sandbox_secret' });
    expect(again.body.response.access_token).toBe(access_token);
    const stats = await sandbox.call('GET', '/__sandbox/stats');
    expect(stats.body.response.tokenRequests).toBe(2);
    expect(stats.body.response.requests).toBe(3);
  });

  it('wrong credentials → 401 envelope; missing ones → 400 envelope', async () => {
    const wrong = await sandbox.call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: -1, response: null });
    const missing = await sandbox.call('POST', '/users/getToken', { json: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('imp_key');
  });

  it('custom credentials replace the fixture ones and tokens expire after tokenTtlSeconds', async () => {
    const custom = await sandboxServer({ impKey: 'k', impSecret: 's', tokenTtlSeconds: 1 });
    try {
      expect((await custom.call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } })).status).toBe(401);
      const { body } = await custom.call('POST', '/users/getToken', { json: { imp_key: 'k', imp_secret: 's' } });
      expect(body.response.expired_at - body.response.now).toBe(1);
    } finally {
      await custom.server.close();
    }
  });
});

describe('token rules (2026)', () => {
  it('asked in its last minute, the same token comes back extended by 5 minutes; asked earlier, unchanged', async () => {
    const short = await sandboxServer({ tokenTtlSeconds: 30 });
    try {
      const ask = async () => (await short.call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } })).body.response;
      const first = await ask();
      expect(first.expired_at - first.now).toBe(30);
      const extended = await ask();
      expect(extended.access_token).toBe(first.access_token);
      expect(extended.expired_at).toBe(first.expired_at + 300);
      const later = await ask();
      expect(later).toMatchObject({ access_token: first.access_token, expired_at: extended.expired_at });
      // the old token was never revoked: it is the same one and still works
      expect((await short.call('GET', '/payments/imp_000000000000', { token: first.access_token })).status).toBe(404);
    } finally {
      await short.server.close();
    }
  });
});

describe('authentication', () => {
  it('no token, a bad token or an expired one → 401 envelope; Bearer and raw tokens work', async () => {
    expect(await sandbox.call('GET', '/payments/imp_000000000000')).toEqual({ status: 401, body: UNAUTHORIZED });
    expect(await sandbox.call('GET', '/payments/imp_000000000000', { token: 'bad' })).toEqual({ status: 401, body: UNAUTHORIZED });
    const token = await sandbox.token();
    const raw = await fetch(`${sandbox.server.url}/payments/imp_000000000000`, { headers: { Authorization: token } });
    expect(raw.status).toBe(404);

    const expired = await sandbox.call('POST', '/__sandbox/expire-tokens');
    expect(expired.body.code).toBe(0);
    expect(await sandbox.call('GET', '/payments/imp_000000000000', { token })).toEqual({ status: 401, body: UNAUTHORIZED });
    const fresh = await sandbox.token();
    expect(fresh).not.toBe(token);
    expect((await sandbox.call('GET', '/payments/imp_000000000000', { token: fresh })).status).toBe(404);
  });
});

describe('GET /payments/{imp_uid} and the recording endpoint', () => {
  it('a payment recorded through /__sandbox/payments is returned with the REST shape', async () => {
    const merchantUid = uid();
    const recorded = await sandbox.call('POST', '/__sandbox/payments', {
      json: { merchant_uid: merchantUid, amount: 1004, name: '원두', custom_data: { a: 1 } },
    });
    expect(recorded.body.code).toBe(0);
    const payment = recorded.body.response;
    expect(payment).toMatchObject({
      merchant_uid: merchantUid,
      amount: 1004,
      status: 'paid',
      pay_method: 'card',
      pg_provider: 'jtnet',
      cancel_amount: 0,
      card_number: '424242******4242',
      custom_data: '{"a":1}',
      currency: 'KRW',
    });
    expect(payment.imp_uid).toMatch(/^imp_\d{12}$/);
    expect(payment.receipt_url).toBe(`${sandbox.server.url}/__sandbox/receipts/${payment.imp_uid}`);

    const token = await sandbox.token();
    const found = await sandbox.lookup(`/payments/${payment.imp_uid}`, token);
    expect(found).toEqual({ status: 200, body: { code: 0, message: null, response: payment } });
    const byMerchant = await sandbox.lookup(`/payments/find/${merchantUid}`, token);
    expect(byMerchant.body.response.imp_uid).toBe(payment.imp_uid);

    const receipt = await fetch(payment.receipt_url);
    expect(receipt.headers.get('content-type')).toContain('text/html');
    expect(await receipt.text()).toContain(payment.imp_uid);
  });

  it('an unknown imp_uid → 404 with the real envelope', async () => {
    const token = await sandbox.token();
    expect(await sandbox.lookup('/payments/imp_123456789012', token)).toEqual({ status: 404, body: NOT_FOUND });
  });

  it('the test cards and pay methods decide the status: declined/network → failed, vbank → ready', async () => {
    const record = async (json: Record<string, unknown>) =>
      (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 5000, ...json } })).body.response;
    expect(await record({ card_number: '4000-0000-0000-0002' })).toMatchObject({ status: 'failed', fail_reason: expect.stringMatching(/잔액이 부족합니다/) });
    expect(await record({ card_number: '4000000000000119' })).toMatchObject({ status: 'failed', fail_reason: expect.stringMatching(/통신 오류/) });
    expect(await record({ pay_method: 'vbank' })).toMatchObject({ status: 'ready', vbank_num: expect.stringMatching(/^\d{14}$/), paid_at: 0 });
    expect(await record({ pay_method: 'trans' })).toMatchObject({ status: 'paid', bank_name: '신한은행' });
    expect(await record({ pay_method: 'phone' })).toMatchObject({ status: 'paid', card_number: null });
  });

  it('a reused paid merchant_uid → code 1 with the F1002 message; a failed one may be retried', async () => {
    const merchantUid = uid();
    expect(
      (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: merchantUid, amount: 100, card_number: '4000-0000-0000-0002' } })).body
        .response.status,
    ).toBe('failed');
    expect((await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: merchantUid, amount: 100 } })).body.response.status).toBe('paid');
    const reused = await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: merchantUid, amount: 100 } });
    expect(reused.status).toBe(200);
    expect(reused.body).toEqual({ code: 1, message: '이미 결제가 이루어진 거래건입니다.', response: null });
  });

  it('a billing-key payment records the key: amount 0 issues only, the key then charges', async () => {
    const customerUid = uid('customer');
    const issued = await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 0, customer_uid: customerUid, card_code: '366' } });
    expect(issued.body.response).toMatchObject({ status: 'paid', amount: 0, customer_uid: customerUid, customer_uid_usage: 'issue' });
    const token = await sandbox.token();
    const key = await sandbox.call('GET', `/subscribe/customers/${customerUid}`, { token });
    expect(key.body.response).toMatchObject({ customer_uid: customerUid, card_name: '신한카드', card_number: '424242******4242' });
  });

  it('bad bodies are refused with an envelope naming the field', async () => {
    const stringAmount = await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: '1004' } });
    expect(stringAmount.status).toBe(400);
    expect(stringAmount.body).toMatchObject({ code: -1, response: null, message: expect.stringContaining('amount must be a number, not the string "1004"') });
    const wordAmount = await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 'abc' } });
    expect(wordAmount.body.message).toBe('amount must be a number such as 1000; got the string "abc".');
    const noUid = await sandbox.call('POST', '/__sandbox/payments', { json: { amount: 1 } });
    expect(noUid.status).toBe(400);
    expect(noUid.body.message).toContain('merchant_uid');
    const method = await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1, pay_method: 'cash' } });
    expect(method.status).toBe(400);
  });

  it('a number that is not digits in a query or a form body: the message asks for digits (there are no quotes to drop)', async () => {
    const token = await sandbox.token();
    const query = await sandbox.call('GET', '/payments/findAll/x?limit=abc', { token });
    const form = await sandbox.call('POST', '/__sandbox/payments', { form: `merchant_uid=${uid()}&amount=1%2C000` });
    expect(query).toEqual({
      status: 400,
      body: { code: -1, message: 'limit must be a whole number in digits only, e.g. limit=1000; got "abc".', response: null },
    });
    expect(form).toEqual({
      status: 400,
      body: { code: -1, message: 'amount must be a whole number in digits only, e.g. amount=1000; got "1,000".', response: null },
    });
  });
});

describe('robustness', () => {
  it('malformed JSON → 400 envelope and the server keeps answering', async () => {
    const token = await sandbox.token();
    for (const raw of ['{"customer_uid":', 'null', '[1,2]', '\u0000\u0001']) {
      const answer = await sandbox.call('POST', '/subscribe/payments/again', { token, raw });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: -1, response: null });
    }
    const bad = await sandbox.call('POST', '/users/getToken', { raw: '{nope' });
    expect(bad.body.message).toMatch(/JSON/);
    expect((await sandbox.call('GET', '/__sandbox/stats')).status).toBe(200);
  });

  it('unknown endpoints → 404 envelope, wrong methods → 405, CORS preflight → 204', async () => {
    expect((await sandbox.call('GET', '/nope')).body).toMatchObject({ code: -1, response: null });
    expect((await sandbox.call('GET', '/nope')).status).toBe(404);
    expect((await sandbox.call('GET', '/subscribe/payments/again')).status).toBe(405);
    const preflight = await fetch(`${sandbox.server.url}/payments/imp_1`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://shop.test', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('billing keys: /subscribe/customers/{customer_uid}', () => {
  it('POST issues (masked card), GET reads, DELETE removes, then GET → 404', async () => {
    const customerUid = uid('customer');
    const issued = await issueKey(customerUid);
    expect(issued.body.code).toBe(0);
    expect(issued.body.response).toMatchObject({ customer_uid: customerUid, pg_provider: 'jtnet', card_number: '424242******4242', card_name: '신한카드' });
    expect(JSON.stringify(issued.body)).not.toContain('4242-4242-4242-4242');
    const token = await sandbox.token();
    expect((await sandbox.call('GET', `/subscribe/customers/${customerUid}`, { token })).body.response.customer_uid).toBe(customerUid);
    const deleted = await sandbox.call('DELETE', `/subscribe/customers/${customerUid}?reason=test`, { token });
    expect(deleted.body).toMatchObject({ code: 0, response: { customer_uid: customerUid } });
    const gone = await sandbox.call('GET', `/subscribe/customers/${customerUid}`, { token });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: -1, response: null });
  });

  it('accepts form bodies; refuses the network card (code -1) and malformed card fields (400)', async () => {
    const token = await sandbox.token();
    const form = await sandbox.call('POST', '/subscribe/customers/c_form', {
      token,
      form: `card_number=4242424242424242&expiry=2039-12&birth=900101&channel_key=${SANDBOX_CHANNEL_KEY}`,
    });
    expect(form.body.code).toBe(0);
    const network = await issueKey('c_net', '4000-0000-0000-0119');
    expect(network.status).toBe(200);
    expect(network.body).toMatchObject({ code: -1, message: expect.stringMatching(/통신 오류/), response: null });
    const expired = await sandbox.call('POST', '/subscribe/customers/c_bad', {
      token,
      json: { card_number: '4242-4242-4242-4242', expiry: '2001-01', birth: '9001', channel_key: SANDBOX_CHANNEL_KEY },
    });
    expect(expired.status).toBe(400);
    expect(expired.body.message).toMatch(/expiry/);
    expect(expired.body.message).toMatch(/birth/);
    const missing = await sandbox.call('POST', '/subscribe/customers/c_bad', {
      token,
      json: { expiry: '2039-12', birth: '900101', channel_key: SANDBOX_CHANNEL_KEY },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('card_number');
  });
});

describe('POST /subscribe/payments/again', () => {
  it('charges a key: code 0 + status paid + the same amount', async () => {
    await issueKey('c_again');
    const token = await sandbox.token();
    const merchantUid = uid();
    const charged = await sandbox.call('POST', '/subscribe/payments/again', {
      token,
      json: { customer_uid: 'c_again', merchant_uid: merchantUid, amount: 9900, name: '정기구독' },
    });
    expect(charged.body).toMatchObject({
      code: 0,
      response: { status: 'paid', amount: 9900, merchant_uid: merchantUid, customer_uid: 'c_again', customer_uid_usage: 'payment' },
    });
    const reused = await sandbox.call('POST', '/subscribe/payments/again', {
      token,
      json: { customer_uid: 'c_again', merchant_uid: merchantUid, amount: 9900, name: '정기구독' },
    });
    expect(reused.body).toMatchObject({ code: 1, message: '이미 결제가 이루어진 거래건입니다.' });
  });

  it('a declined card comes back as code 0 with status failed and fail_reason', async () => {
    await issueKey('c_poor', '4000-0000-0000-0002');
    const token = await sandbox.token();
    const declined = await sandbox.call('POST', '/subscribe/payments/again', { token, form: `customer_uid=c_poor&merchant_uid=${uid()}&amount=9900&name=sub` });
    expect(declined.status).toBe(200);
    expect(declined.body.code).toBe(0);
    expect(declined.body.response).toMatchObject({ status: 'failed', amount: 9900, fail_reason: expect.stringMatching(/잔액이 부족합니다/) });
  });

  it('a key registered in the window with the insufficient-funds card is issued, and its charges decline', async () => {
    const window = await sandbox.call('POST', '/__sandbox/payments', {
      json: { merchant_uid: uid(), amount: 0, customer_uid: 'c_dunning', card_number: '4000-0000-0000-0002' },
    });
    expect(window.body.response).toMatchObject({ status: 'paid', amount: 0, customer_uid: 'c_dunning' });
    const token = await sandbox.token();
    expect((await sandbox.call('GET', '/subscribe/customers/c_dunning', { token })).body.response).toMatchObject({
      customer_uid: 'c_dunning',
      card_number: '400000******0002',
    });
    const declined = await sandbox.call('POST', '/subscribe/payments/again', {
      token,
      json: { customer_uid: 'c_dunning', merchant_uid: uid(), amount: 9900, name: 'renewal' },
    });
    expect(declined.body).toMatchObject({ code: 0, response: { status: 'failed', amount: 9900, fail_reason: expect.stringMatching(/잔액이 부족합니다/) } });
  });

  it('refuses a string amount, missing fields and unknown keys', async () => {
    await issueKey('c_x');
    const token = await sandbox.token();
    const base = { customer_uid: 'c_x', merchant_uid: uid(), amount: 100, name: 'n' };
    expect((await sandbox.call('POST', '/subscribe/payments/again', { token, json: { ...base, amount: '100' } })).status).toBe(400);
    const noName = await sandbox.call('POST', '/subscribe/payments/again', { token, json: { ...base, name: undefined } });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toContain('name');
    const unknown = await sandbox.call('POST', '/subscribe/payments/again', { token, json: { ...base, customer_uid: 'nobody' } });
    expect(unknown.body).toMatchObject({ code: 1, response: null });
  });
});

describe('POST /subscribe/payments/onetime', () => {
  it('charges a typed card; with customer_uid the card is saved as a key; declines are code 0 + failed', async () => {
    const token = await sandbox.token();
    const card = { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101', pwd_2digit: '12' };
    const paid = await sandbox.call('POST', '/subscribe/payments/onetime', {
      token,
      json: { ...card, merchant_uid: uid(), amount: 3000, customer_uid: 'c_one' },
    });
    expect(paid.body).toMatchObject({ code: 0, response: { status: 'paid', amount: 3000, card_number: '424242******4242' } });
    expect((await sandbox.call('GET', '/subscribe/customers/c_one', { token })).body.code).toBe(0);
    const declined = await sandbox.call('POST', '/subscribe/payments/onetime', {
      token,
      json: { ...card, card_number: '4000-0000-0000-0002', merchant_uid: uid(), amount: 3000 },
    });
    expect(declined.body).toMatchObject({ code: 0, response: { status: 'failed' } });
    const noCard = await sandbox.call('POST', '/subscribe/payments/onetime', { token, json: { merchant_uid: uid(), amount: 3000 } });
    expect(noCard.status).toBe(400);
  });
});

describe('POST /payments/cancel', () => {
  it('partial cancel with checksum, a checksum mismatch is refused, then a full cancel', async () => {
    const payment = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 10000 } })).body.response;
    const token = await sandbox.token();
    const wrong = await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid, amount: 3000, checksum: 9999 } });
    expect(wrong.body).toMatchObject({ code: 1, response: null, message: expect.stringContaining('checksum') });
    const partial = await sandbox.call('POST', '/payments/cancel', {
      token,
      json: { imp_uid: payment.imp_uid, amount: 3000, checksum: 10000, reason: '부분 환불' },
    });
    expect(partial.body.response).toMatchObject({ status: 'paid', cancel_amount: 3000, cancel_reason: '부분 환불' });
    const rest = await sandbox.call('POST', '/payments/cancel', { token, json: { merchant_uid: payment.merchant_uid, checksum: 7000 } });
    expect(rest.body.response).toMatchObject({ status: 'cancelled', cancel_amount: 10000 });
    expect(rest.body.response.cancel_history).toHaveLength(2);
    const twice = await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid } });
    expect(twice.body).toMatchObject({ code: 1, message: '이미 전액취소된 주문입니다.' });
    expect((await sandbox.lookup(`/payments/${payment.imp_uid}`, token)).body.response.status).toBe('cancelled');
  });

  it('unknown payments → code 1; neither imp_uid nor merchant_uid → 400; over-cancel → code 1', async () => {
    const token = await sandbox.token();
    expect((await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: 'imp_999999999999' } })).body).toMatchObject({
      code: 1,
      message: '취소할 결제건이 존재하지 않습니다.',
    });
    expect((await sandbox.call('POST', '/payments/cancel', { token, json: {} })).status).toBe(400);
    const payment = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 100 } })).body.response;
    expect((await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid, amount: 101 } })).body.code).toBe(1);
  });
});
