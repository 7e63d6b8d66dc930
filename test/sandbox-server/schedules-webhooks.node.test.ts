import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../src/sandbox-server';
import { inSeconds, sandboxServer, uid, webhookReceiver } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof sandboxServer>[0] = {}) {
  const sandbox = await sandboxServer({ scheduleTickMs: 50, webhookRetryDelaysMs: [20, 20, 20], ...options });
  cleanups.push(() => sandbox.server.close());
  return sandbox;
}
async function receiver(failFirst = 0) {
  const hook = await webhookReceiver(failFirst);
  cleanups.push(hook.close);
  return hook;
}

describe('schedules', () => {
  it('a scheduled payment executes when due and fires its webhook {imp_uid, merchant_uid, status}', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const token = await sandbox.token();
    await sandbox.call('POST', '/subscribe/customers/c_sched', { token, json: { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101' } });
    const merchantUid = uid('sched');
    const scheduled = await sandbox.call('POST', '/subscribe/payments/schedule', {
      token,
      json: { customer_uid: 'c_sched', schedules: [{ merchant_uid: merchantUid, schedule_at: inSeconds(1), amount: 4900, name: '월 구독', notice_url: hook.url }] },
    });
    expect(scheduled.body.code).toBe(0);
    expect(scheduled.body.response).toEqual([expect.objectContaining({ merchant_uid: merchantUid, schedule_status: 'scheduled', payment_status: null, imp_uid: null, amount: 4900 })]);

    await hook.received(1);
    const body = hook.hits[0]!.body as { imp_uid: string; merchant_uid: string; status: string };
    expect(body).toEqual({ imp_uid: expect.stringMatching(/^imp_\d{12}$/), merchant_uid: merchantUid, status: 'paid' });
    const payment = await sandbox.call('GET', `/payments/${body.imp_uid}`, { token });
    expect(payment.body.response).toMatchObject({ status: 'paid', amount: 4900, customer_uid: 'c_sched', customer_uid_usage: 'payment.scheduled', name: '월 구독' });
  });

  it('a scheduled charge on a declined card is executed as failed and still notified', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const token = await sandbox.token();
    await sandbox.call('POST', '/subscribe/customers/c_poor', { token, json: { card_number: '4000-0000-0000-0002', expiry: '2039-12', birth: '900101' } });
    const merchantUid = uid('sched');
    await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_poor', notice_url: hook.url, schedules: [{ merchant_uid: merchantUid, schedule_at: inSeconds(1), amount: 4900 }] } });
    await hook.received(1);
    expect(hook.hits[0]!.body).toMatchObject({ merchant_uid: merchantUid, status: 'failed' });
  });

  it('unschedule revokes pending schedules, which then never execute', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.call('POST', '/subscribe/customers/c_un', { token, json: { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101' } });
    const schedules = [0, 1].map((i) => ({ merchant_uid: `un_${i}_${uid()}`, schedule_at: inSeconds(1), amount: 100 }));
    await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_un', schedules } });
    const revoked = await sandbox.call('POST', '/subscribe/payments/unschedule', { token, json: { customer_uid: 'c_un', merchant_uid: [schedules[0]!.merchant_uid] } });
    expect(revoked.body.response).toEqual([expect.objectContaining({ merchant_uid: schedules[0]!.merchant_uid, schedule_status: 'revoked', revoked_at: expect.any(Number) })]);
    const rest = await sandbox.call('POST', '/subscribe/payments/unschedule', { token, form: 'customer_uid=c_un' });
    expect(rest.body.response).toHaveLength(1);
    const none = await sandbox.call('POST', '/subscribe/payments/unschedule', { token, json: { customer_uid: 'c_un' } });
    expect(none.body).toMatchObject({ code: 1, response: null });
  });

  it('refuses schedules in the past, duplicates, unknown keys and an empty list', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.call('POST', '/subscribe/customers/c_v', { token, json: { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101' } });
    const one = (extra: object) => ({ customer_uid: 'c_v', schedules: [{ merchant_uid: 'dup_1', schedule_at: inSeconds(60), amount: 100, ...extra }] });
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({ schedule_at: inSeconds(-60) }) })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({}) })).body.code).toBe(0);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({}) })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { ...one({}), customer_uid: 'ghost' } })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_v', schedules: [] } })).status).toBe(400);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({ amount: '100' }) })).status).toBe(400);
  });
});

describe('webhooks', () => {
  it('a paid payment with notice_url is delivered; failures are retried until the receiver answers 200', async () => {
    const sandbox = await started();
    const hook = await receiver(2);
    const recorded = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, notice_url: hook.url } })).body.response;
    await hook.received(3);
    expect(hook.hits.map((hit) => hit.body)).toEqual(Array(3).fill({ imp_uid: recorded.imp_uid, merchant_uid: recorded.merchant_uid, status: 'paid' }));
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksDelivered).toBe(1);
  });

  it('retries are bounded: a receiver that always fails gets 4 attempts, then the sandbox gives up', async () => {
    const sandbox = await started();
    const hook = await receiver(Number.POSITIVE_INFINITY);
    await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, pay_method: 'vbank', notice_url: [hook.url] } });
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksFailed).toBe(1);
    expect(hook.hits).toHaveLength(4);
    expect(hook.hits[0]!.body.status).toBe('ready');
  });

  it('an ordinary failure sends no webhook', async () => {
    const sandbox = await started();
    const hook = await receiver();
    await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, card_number: '4000-0000-0000-0002', notice_url: hook.url } });
    const paid = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, notice_url: hook.url } })).body.response;
    await hook.received(1);
    expect(hook.hits.map((hit) => hit.body.imp_uid)).toEqual([paid.imp_uid]);
  });
});

describe('--data persistence', () => {
  it('a restart with the same data file keeps payments and billing keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-sandbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataFile = join(dir, 'state.json');

    const first = await sandboxServer({ dataFile });
    const paid = (await first.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 12345 } })).body.response;
    const token = await first.token();
    await first.call('POST', '/subscribe/customers/c_keep', { token, json: { card_number: '4242-4242-4242-4242', expiry: '2039-12', birth: '900101' } });
    await first.server.close();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).payments).toHaveLength(1);
    expect(readFileSync(dataFile, 'utf8')).not.toContain('900101'); // birth dates are never stored

    const second = await sandboxServer({ dataFile });
    cleanups.push(() => second.server.close());
    const fresh = await second.token();
    expect(await second.call('GET', `/payments/${paid.imp_uid}`, { token })).toMatchObject({ status: 401 });
    const found = await second.call('GET', `/payments/${paid.imp_uid}`, { token: fresh });
    expect(found.body.response).toEqual(paid);
    expect((await second.call('GET', '/subscribe/customers/c_keep', { token: fresh })).body.code).toBe(0);
    const reused = await second.call('POST', '/__sandbox/payments', { json: { merchant_uid: paid.merchant_uid, amount: 12345 } });
    expect(reused.body.code).toBe(1);
  });

  it('without --data nothing survives a restart', async () => {
    const first = await sandboxServer();
    const paid = (await first.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1 } })).body.response;
    await first.server.close();
    const second = await started();
    expect((await second.call('GET', `/payments/${paid.imp_uid}`, { token: await second.token() })).status).toBe(404);
  });
});

describe('command-line options', () => {
  it('flags win over the environment; defaults are the fixtures', () => {
    expect(parseSandboxArgs([], {})).toMatchObject({ port: 8090, host: '127.0.0.1', impKey: 'sandbox_key', impSecret: 'sandbox_secret', quiet: false, dataFile: undefined });
    const env = { IAMPORT_SANDBOX_PORT: '9000', IAMPORT_SANDBOX_DATA: 'env.json', IAMPORT_SANDBOX_IMP_KEY: 'ek', IAMPORT_SANDBOX_QUIET: '1' };
    expect(parseSandboxArgs([], env)).toMatchObject({ port: 9000, dataFile: 'env.json', impKey: 'ek', quiet: true });
    expect(parseSandboxArgs(['--port', '0', '--data', 'flag.json', '--imp-secret', 'fs', '--host', '::1'], env)).toMatchObject({ port: 0, dataFile: 'flag.json', impSecret: 'fs', host: '::1' });
    expect(parseSandboxArgs([], { IAMPORT_SANDBOX_MERCHANT_NAME: '온기 커피' }).merchantName).toBe('온기 커피');
    expect(parseSandboxArgs(['--merchant-name', 'Flag Shop'], { IAMPORT_SANDBOX_MERCHANT_NAME: '온기 커피' }).merchantName).toBe('Flag Shop');
  });

  it('bad flags throw with the usage', () => {
    expect(() => parseSandboxArgs(['--port', 'abc'], {})).toThrow(/--port must be a number/);
    expect(() => parseSandboxArgs(['--bogus'], {})).toThrow();
  });
});
