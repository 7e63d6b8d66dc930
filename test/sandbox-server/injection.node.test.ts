import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sandboxServer, uid, webhookReceiver } from './helpers';

let sandbox: Awaited<ReturnType<typeof sandboxServer>>;
let errors: ReturnType<typeof vi.spyOn>;
let stderr: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  sandbox = await sandboxServer();
  errors = vi.spyOn(console, 'error');
  stderr = vi.spyOn(process.stderr, 'write');
});
afterEach(async () => {
  // nothing a client sends may put a stack trace (or anything) on stderr
  expect(errors).not.toHaveBeenCalled();
  expect(stderr).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  await sandbox.server.close();
});

/** One request written byte for byte (what fetch would refuse or normalise), answered with the connection closed. */
function raw(request: string): Promise<{ status: number; body: any }> {
  const { port } = new URL(sandbox.server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const chunked = /transfer-encoding: chunked/i.test(head);
      const body = chunked ? rest.join('\r\n\r\n').split('\r\n')[1]! : rest.join('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}
const get = (target: string, headers = '') => raw(`GET ${target} HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n${headers}\r\n`);

const envelope = { code: expect.any(Number), message: expect.any(String), response: null };

describe('prototype pollution is refused (400 naming the field) and changes nothing', () => {
  it('`__proto__[notice_url]` in an unauthenticated form POST to /users/getToken never redirects later webhooks', async () => {
    const attacker = await webhookReceiver();
    const shop = await webhookReceiver();
    try {
      const attack = await sandbox.call('POST', '/users/getToken', {
        form: `imp_key=sandbox_key&imp_secret=sandbox_secret&__proto__[notice_url]=${attacker.url}`,
      });
      expect(attack).toEqual({ status: 400, body: { code: -1, response: null, message: expect.stringContaining('__proto__[notice_url]') } });
      expect(({} as { notice_url?: unknown }).notice_url).toBeUndefined();
      const json = await sandbox.call('POST', '/users/getToken', {
        raw: `{"imp_key":"sandbox_key","imp_secret":"sandbox_secret","__proto__":{"notice_url":"${attacker.url}"}}`,
      });
      expect(json).toMatchObject({ status: 400, body: { message: expect.stringContaining('__proto__') } });

      await sandbox.record(); // no notice_url: must not go anywhere
      const paid = await sandbox.record({ notice_url: shop.url });
      await shop.received(1);
      expect(shop.hits.map((hit) => hit.body.imp_uid)).toEqual([paid.imp_uid]);
      expect(attacker.hits).toEqual([]);
    } finally {
      await attacker.close();
      await shop.close();
    }
  });

  it('`__proto__[customer_uid]` never attaches a billing key to later payments', async () => {
    const attack = await sandbox.call('POST', '/__sandbox/payments', { form: `merchant_uid=${uid()}&amount=100&__proto__[customer_uid]=c_evil` });
    expect(attack).toEqual({ status: 400, body: { code: -1, response: null, message: expect.stringContaining('__proto__[customer_uid]') } });
    const later = await sandbox.record();
    expect(later).toMatchObject({ customer_uid: null, customer_uid_usage: null });
    expect((await sandbox.call('GET', '/subscribe/customers/c_evil', { token: await sandbox.token() })).status).toBe(404);
  });

  it.each([
    ['form constructor[prototype]', { form: 'constructor[prototype][amount]=1' }],
    ['form prototype key', { form: 'merchant_uid=x&amount=1&prototype=1' }],
    ['JSON constructor', { raw: '{"merchant_uid":"x","amount":1,"constructor":{"prototype":{"amount":2}}}' }],
    ['JSON nested __proto__', { raw: '{"merchant_uid":"x","amount":1,"custom_data":{"a":{"__proto__":{"polluted":true}}}}' }],
  ])('%s → 400 naming the key', async (_, init) => {
    const answer = await sandbox.call('POST', '/__sandbox/payments', init);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: -1, response: null, message: expect.stringMatching(/__proto__|constructor|prototype/) });
    expect(({} as { polluted?: unknown; amount?: unknown }).polluted).toBeUndefined();
  });

  it('a query key is checked the same way', async () => {
    const answer = await sandbox.call('GET', '/payments/status/paid?__proto__[include_sandbox]=true', { token: await sandbox.token() });
    expect(answer).toMatchObject({ status: 400, body: { message: expect.stringContaining('__proto__[include_sandbox]') } });
  });
});

describe('30 malformed requests: each a 4xx with the envelope, never a 500, nothing on stderr', () => {
  const big = 'x'.repeat(1_100_000);
  const cases: [string, () => Promise<{ status: number; body: any }>][] = [
    ['bad escape in imp_uid', async () => sandbox.call('GET', '/payments/%E0%A4%A', { token: await sandbox.token() })],
    ['lone % in imp_uid', async () => sandbox.call('GET', '/payments/%', { token: await sandbox.token() })],
    ['bad escape in merchant_uid', async () => sandbox.call('GET', '/payments/find/%ZZorder', { token: await sandbox.token() })],
    ['bad escape in customer_uid (DELETE)', async () => sandbox.call('DELETE', '/subscribe/customers/%E0', { token: await sandbox.token() })],
    ['bad escape without a token', () => sandbox.call('GET', '/__sandbox/receipts/%')],
    ['malformed absolute URL target', () => get('http://[::1/payments/x')],
    ['absolute URL with a bad port', () => get('http://sandbox:99999/payments/x')],
    ['non-http absolute target', () => get('ftp://sandbox/payments/x')],
    ['asterisk target', () => get('*')],
    ['headers too large', () => get('/payments/x', `X-Big: ${'a'.repeat(20_000)}\r\n`)],
    ['truncated JSON', () => sandbox.call('POST', '/users/getToken', { raw: '{"imp_key":' })],
    ['JSON array body', () => sandbox.call('POST', '/users/getToken', { raw: '[1,2]' })],
    ['JSON string body', () => sandbox.call('POST', '/users/getToken', { raw: '"sandbox_key"' })],
    ['JSON with a BOM', () => sandbox.call('POST', '/users/getToken', { raw: '\uFEFF{}' })],
    ['imp_key as a number', () => sandbox.call('POST', '/users/getToken', { json: { imp_key: 1, imp_secret: 'x' } })],
    ['amount as a string', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: '1004' } })],
    ['amount with a fraction', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 10.5 } })],
    ['negative amount in a form', () => sandbox.call('POST', '/__sandbox/payments', { form: `merchant_uid=${uid()}&amount=-1` })],
    ['merchant_uid as a list', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: ['a'], amount: 1 } })],
    ['notice_url not a URL', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1, notice_url: 'shop/webhook' } })],
    [
      'notice_url a malformed absolute URL',
      () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1, notice_url: 'http://[' } }),
    ],
    ['buyer_name as an object', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1, buyer_name: { a: 1 } } })],
    [
      'schedules as a string',
      async () => sandbox.call('POST', '/subscribe/payments/schedule', { token: await sandbox.token(), json: { customer_uid: 'c', schedules: 'x' } }),
    ],
    [
      'schedules of numbers',
      async () => sandbox.call('POST', '/subscribe/payments/schedule', { token: await sandbox.token(), json: { customer_uid: 'c', schedules: [1] } }),
    ],
    [
      'form list index too large',
      async () => sandbox.call('POST', '/subscribe/payments/schedule', { token: await sandbox.token(), form: 'customer_uid=c&schedules[99999][amount]=1' }),
    ],
    ['form key both value and object', () => sandbox.call('POST', '/__sandbox/payments', { form: 'merchant_uid=a&merchant_uid[x]=b&amount=1' })],
    [
      'JSON nested 100 deep',
      () => sandbox.call('POST', '/__sandbox/payments', { raw: `{"merchant_uid":"x","amount":1,"custom_data":${'['.repeat(100)}${']'.repeat(100)}}` }),
    ],
    [
      'enable_webhook not a boolean',
      async () => sandbox.call('POST', '/payments/cancel', { token: await sandbox.token(), json: { imp_uid: 'imp_1', enable_webhook: 'yes' } }),
    ],
    ['page 0', async () => sandbox.call('GET', '/payments/status/paid?page=0', { token: await sandbox.token() })],
    ['limit not a number', async () => sandbox.call('GET', '/payments/findAll/x?limit=abc', { token: await sandbox.token() })],
    [
      'schedule_from not a number',
      async () => sandbox.call('GET', '/subscribe/payments/schedule?schedule_from=abc&schedule_to=1', { token: await sandbox.token() }),
    ],
    [
      'prepare amount a boolean',
      async () => sandbox.call('POST', '/payments/prepare', { token: await sandbox.token(), json: { merchant_uid: uid(), amount: true } }),
    ],
    ['body over 1 MB', () => sandbox.call('POST', '/__sandbox/payments', { raw: `{"merchant_uid":"${big}"}` })],
  ];

  it(`${cases.length} cases`, () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', async (_, send) => {
    const answer = await send();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toEqual(envelope);
    expect(answer.body.code).not.toBe(0);
    // the server is still fine
    expect((await sandbox.call('GET', '/__sandbox/stats')).status).toBe(200);
  });
});
