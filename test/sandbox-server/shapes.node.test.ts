// Every endpoint answers with the shape of the official V1 spec (portone-v1.openapi.json, read
// by hand): each field below must be present with its type. `?` = may be null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, inSeconds, sandboxServer, uid } from './helpers';

type Type = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'true';
type FieldType = `${Type}${'' | '?'}`;
interface Shape {
  [field: string]: FieldType | Shape;
}

/** JTNet reports no issuer/publisher codes (null), but the fields are there, on payments and keys alike. */
const CARD_ISSUER: Shape = { card_issuer_code: 'string?', card_issuer_name: 'string?', card_publisher_code: 'string?', card_publisher_name: 'string?' };
const TOKEN: Shape = { access_token: 'string', now: 'integer', expired_at: 'integer' };
// PaymentAnnotation: required imp_uid, merchant_uid, amount, cancel_amount, currency, status, sandbox; the rest as served for JTNet
const PAYMENT: Shape = {
  imp_uid: 'string',
  merchant_uid: 'string',
  amount: 'number',
  cancel_amount: 'number',
  currency: 'string',
  status: 'string',
  sandbox: 'true',
  pay_method: 'string',
  channel: 'string',
  pg_provider: 'string',
  emb_pg_provider: 'string?',
  pg_tid: 'string',
  pg_id: 'string',
  escrow: 'boolean',
  apply_num: 'string?',
  bank_code: 'string?',
  bank_name: 'string?',
  card_code: 'string?',
  card_name: 'string?',
  ...CARD_ISSUER,
  card_quota: 'integer',
  card_number: 'string?',
  card_type: 'integer?',
  vbank_code: 'string?',
  vbank_name: 'string?',
  vbank_num: 'string?',
  vbank_holder: 'string?',
  vbank_date: 'integer',
  vbank_issued_at: 'integer',
  name: 'string?',
  buyer_name: 'string?',
  buyer_email: 'string?',
  buyer_tel: 'string?',
  buyer_addr: 'string?',
  buyer_postcode: 'string?',
  custom_data: 'string?',
  user_agent: 'string?',
  started_at: 'integer',
  paid_at: 'integer',
  failed_at: 'integer',
  cancelled_at: 'integer',
  fail_reason: 'string?',
  cancel_reason: 'string?',
  receipt_url: 'string',
  cancel_history: 'array',
  cancel_receipt_urls: 'array',
  cash_receipt_issued: 'boolean',
  customer_uid: 'string?',
  customer_uid_usage: 'string?',
  // VbankDepositAnnotation[]: deposits into a fixed (고정식 무제한) account; sandbox accounts are one-time, so []
  deposit_history: 'array',
  // { id, discount } of a card promotion; the sandbox has none
  promotion: 'object?',
};
const CANCELLATION: Shape = {
  pg_tid: 'string',
  amount: 'number',
  cancelled_at: 'integer',
  reason: 'string?',
  cancellation_id: 'string',
  receipt_url: 'string',
};
const PAGE: Shape = { total: 'integer', previous: 'integer', next: 'integer', list: 'array' };
const BALANCE_LINE: Shape = { tax_free: 'number', supply: 'number', vat: 'number', service: 'number' };
const BALANCE_PARTS: Shape = { cash_receipt: BALANCE_LINE, primary: BALANCE_LINE, secondary: BALANCE_LINE, discount: BALANCE_LINE };
const BALANCE: Shape = { amount: 'number', ...BALANCE_PARTS, histories: 'array' };
const BALANCE_HISTORY: Shape = { ...BALANCE_PARTS, created: 'integer' };
const PREPARE: Shape = { merchant_uid: 'string', amount: 'number', currency: 'string?' };
// CustomerAnnotation: required customer_uid, pg_provider, pg_id, card_name, inserted, updated, sandbox
const CUSTOMER: Shape = {
  customer_uid: 'string',
  pg_provider: 'string',
  pg_id: 'string',
  sandbox: 'true',
  customer_id: 'string?',
  card_name: 'string',
  card_code: 'string?',
  ...CARD_ISSUER,
  card_number: 'string?',
  card_type: 'integer?',
  customer_name: 'string?',
  customer_tel: 'string?',
  customer_email: 'string?',
  customer_addr: 'string?',
  customer_postcode: 'string?',
  inserted: 'integer',
  updated: 'integer',
};
// ScheduleResultAnnotation
const SCHEDULE: Shape = {
  customer_uid: 'string',
  merchant_uid: 'string',
  imp_uid: 'string?',
  pg_provider: 'string?',
  pg_id: 'string?',
  customer_id: 'string?',
  schedule_at: 'integer',
  executed_at: 'integer',
  revoked_at: 'integer',
  amount: 'number',
  currency: 'string',
  name: 'string?',
  buyer_name: 'string?',
  buyer_email: 'string?',
  buyer_tel: 'string?',
  buyer_addr: 'string?',
  buyer_postcode: 'string?',
  custom_data: 'string?',
  promotion_id: 'string?',
  schedule_status: 'string',
  payment_status: 'string?',
  fail_reason: 'string?',
};

/** Every mismatch between `value` and `shape`, as `path: expected … got …`. */
function problems(value: unknown, shape: Shape, path = 'response'): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: expected an object, got ${JSON.stringify(value)}`];
  return Object.entries(shape).flatMap(([field, expected]) => {
    const actual = (value as Record<string, unknown>)[field];
    const where = `${path}.${field}`;
    if (typeof expected === 'object') return problems(actual, expected, where);
    if (!(field in value)) return [`${where}: missing`];
    const nullable = expected.endsWith('?');
    if (actual === null) return nullable ? [] : [`${where}: expected ${expected}, got null`];
    const type = expected.replace('?', '') as Type;
    const fits =
      type === 'integer'
        ? Number.isInteger(actual)
        : type === 'array'
          ? Array.isArray(actual)
          : type === 'true'
            ? actual === true
            : type === 'object'
              ? typeof actual === 'object'
              : typeof actual === type;
    return fits ? [] : [`${where}: expected ${expected}, got ${JSON.stringify(actual)}`];
  });
}

let sandbox: Awaited<ReturnType<typeof sandboxServer>>;
let token: string;
let payment: any;
let customerUid: string;
let scheduledUid: string;
let preparedUid: string;
const at = inSeconds(86_400);

beforeAll(async () => {
  sandbox = await sandboxServer();
  token = await sandbox.token();
  customerUid = uid('shape');
  await sandbox.issueKey(customerUid);
  payment = (
    await sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: customerUid, merchant_uid: uid(), amount: 5000, name: 'shape' } })
  ).body.response;
  await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid, amount: 1000 } });
  scheduledUid = uid('sched');
  await sandbox.call('POST', '/subscribe/payments/schedule', {
    token,
    json: { customer_uid: customerUid, schedules: [{ merchant_uid: scheduledUid, schedule_at: at, amount: 100, name: 'n' }] },
  });
  preparedUid = uid('prep');
  await sandbox.call('POST', '/payments/prepare', { token, json: { merchant_uid: preparedUid, amount: 100 } });
});
afterAll(() => sandbox.server.close());

const one = (shape: Shape) => ({ kind: 'one' as const, shape });
const list = (shape: Shape) => ({ kind: 'list' as const, shape });
const page = (shape: Shape) => ({ kind: 'page' as const, shape });

const ENDPOINTS: [string, () => Promise<any>, ReturnType<typeof one | typeof list | typeof page>][] = [
  ['POST /users/getToken', () => sandbox.call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } }), one(TOKEN)],
  ['GET /payments/{imp_uid}', () => sandbox.lookup(`/payments/${payment.imp_uid}`, token), one(PAYMENT)],
  ['GET /payments?imp_uid[]', () => sandbox.lookup(`/payments?imp_uid[]=${payment.imp_uid}`, token), list(PAYMENT)],
  ['GET /payments/find/{merchant_uid}/{payment_status}', () => sandbox.lookup(`/payments/find/${payment.merchant_uid}/paid`, token), one(PAYMENT)],
  ['GET /payments/findAll/{merchant_uid}', () => sandbox.lookup(`/payments/findAll/${payment.merchant_uid}`, token), page(PAYMENT)],
  ['GET /payments/status/{payment_status}', () => sandbox.lookup('/payments/status/all', token), page(PAYMENT)],
  ['GET /payments/{imp_uid}/balance', () => sandbox.lookup(`/payments/${payment.imp_uid}/balance`, token), one(BALANCE)],
  ['POST /payments/cancel', () => sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: payment.imp_uid, amount: 1 } }), one(PAYMENT)],
  ['POST /payments/prepare', () => sandbox.call('POST', '/payments/prepare', { token, json: { merchant_uid: uid(), amount: 1 } }), one(PREPARE)],
  ['PUT /payments/prepare', () => sandbox.call('PUT', '/payments/prepare', { token, json: { merchant_uid: preparedUid, amount: 200 } }), one(PREPARE)],
  ['GET /payments/prepare/{merchant_uid}', () => sandbox.call('GET', `/payments/prepare/${preparedUid}`, { token }), one(PREPARE)],
  [
    'POST /subscribe/payments/again',
    () => sandbox.call('POST', '/subscribe/payments/again', { token, json: { customer_uid: customerUid, merchant_uid: uid(), amount: 100, name: 'n' } }),
    one(PAYMENT),
  ],
  [
    'POST /subscribe/payments/onetime',
    () => sandbox.call('POST', '/subscribe/payments/onetime', { token, json: { ...CARD, merchant_uid: uid(), amount: 100 } }),
    one(PAYMENT),
  ],
  [
    'POST /subscribe/payments/schedule',
    () =>
      sandbox.call('POST', '/subscribe/payments/schedule', {
        token,
        json: { customer_uid: customerUid, schedules: [{ merchant_uid: uid(), schedule_at: at, amount: 1 }] },
      }),
    list(SCHEDULE),
  ],
  [
    'GET /subscribe/payments/schedule',
    () => sandbox.call('GET', `/subscribe/payments/schedule?schedule_from=${at - 1}&schedule_to=${at + 1}`, { token }),
    page(SCHEDULE),
  ],
  ['GET /subscribe/payments/schedule/{merchant_uid}', () => sandbox.call('GET', `/subscribe/payments/schedule/${scheduledUid}`, { token }), one(SCHEDULE)],
  [
    'GET /subscribe/payments/schedule/customers/{customer_uid}',
    () => sandbox.call('GET', `/subscribe/payments/schedule/customers/${customerUid}?from=${at - 1}&to=${at + 1}`, { token }),
    page(SCHEDULE),
  ],
  [
    'GET /subscribe/customers/{customer_uid}/schedules',
    () => sandbox.call('GET', `/subscribe/customers/${customerUid}/schedules?from=${at - 1}&to=${at + 1}`, { token }),
    page(SCHEDULE),
  ],
  [
    'POST /subscribe/payments/unschedule',
    async () => {
      const merchantUid = uid();
      await sandbox.call('POST', '/subscribe/payments/schedule', {
        token,
        json: { customer_uid: customerUid, schedules: [{ merchant_uid: merchantUid, schedule_at: at, amount: 1 }] },
      });
      return sandbox.call('POST', '/subscribe/payments/unschedule', { token, json: { customer_uid: customerUid, merchant_uid: [merchantUid] } });
    },
    list(SCHEDULE),
  ],
  ['POST /subscribe/customers/{customer_uid}', () => sandbox.issueKey(uid('c')), one(CUSTOMER)],
  ['GET /subscribe/customers/{customer_uid}', () => sandbox.call('GET', `/subscribe/customers/${customerUid}`, { token }), one(CUSTOMER)],
  ['GET /subscribe/customers?customer_uid[]', () => sandbox.call('GET', `/subscribe/customers?customer_uid[]=${customerUid}`, { token }), list(CUSTOMER)],
  ['GET /subscribe/customers/{customer_uid}/payments', () => sandbox.lookup(`/subscribe/customers/${customerUid}/payments`, token), page(PAYMENT)],
  [
    'DELETE /subscribe/customers/{customer_uid}',
    async () => {
      const other = uid('c');
      await sandbox.issueKey(other);
      return sandbox.call('DELETE', `/subscribe/customers/${other}?reason=done`, { token });
    },
    one(CUSTOMER),
  ],
  ['POST /__sandbox/payments', () => sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 100 } }), one(PAYMENT)],
  [
    'POST /__sandbox/payments/{imp_uid}/deposit',
    async () => sandbox.call('POST', `/__sandbox/payments/${(await sandbox.record({ pay_method: 'vbank' })).imp_uid}/deposit`),
    one(PAYMENT),
  ],
];

describe('spec-shaped bodies: required fields and types per endpoint', () => {
  it.each(ENDPOINTS)('%s', async (_, call, expected) => {
    const answer = await call();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: 0, message: null });
    const { response } = answer.body;
    const items = expected.kind === 'one' ? [response] : expected.kind === 'list' ? response : response.list;
    if (expected.kind === 'page') expect(problems(response, PAGE)).toEqual([]);
    expect(Array.isArray(items) && items.length > 0, 'at least one item to check').toBe(true);
    for (const item of items) expect(problems(item, expected.shape)).toEqual([]);
  });

  it('cancel_history entries and balance histories have their own shapes', async () => {
    const found = (await sandbox.lookup(`/payments/${payment.imp_uid}`, token)).body.response;
    expect(found.cancel_history.length).toBeGreaterThan(0);
    for (const entry of found.cancel_history) expect(problems(entry, CANCELLATION, 'cancel_history[]')).toEqual([]);
    const balance = (await sandbox.lookup(`/payments/${payment.imp_uid}/balance`, token)).body.response;
    for (const entry of balance.histories) expect(problems(entry, BALANCE_HISTORY, 'histories[]')).toEqual([]);
  });

  it('the checker itself catches a missing field, a wrong type and an unexpected null', () => {
    expect(problems({ a: 1, b: null }, { a: 'string', b: 'integer', c: 'boolean?' })).toEqual([
      'response.a: expected string, got 1',
      'response.b: expected integer, got null',
      'response.c: missing',
    ]);
  });
});
