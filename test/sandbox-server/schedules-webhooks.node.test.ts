import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../src/sandbox-server';
import { inSeconds, sandboxServer, stoppedAfterEach, uid } from './helpers';

const { cleanups, started, receiver } = stoppedAfterEach({ scheduleTickMs: 50, webhookTimeScale: 0.001 });

describe('schedules', () => {
  it('a scheduled payment executes when due and fires its webhook {imp_uid, merchant_uid, status}', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const token = await sandbox.token();
    await sandbox.issueKey('c_sched');
    const merchantUid = uid('sched');
    const scheduled = await sandbox.call('POST', '/subscribe/payments/schedule', {
      token,
      json: {
        customer_uid: 'c_sched',
        schedules: [{ merchant_uid: merchantUid, schedule_at: inSeconds(1), amount: 4900, name: '월 구독', notice_url: hook.url }],
      },
    });
    expect(scheduled.body.code).toBe(0);
    expect(scheduled.body.response).toEqual([
      expect.objectContaining({ merchant_uid: merchantUid, schedule_status: 'scheduled', payment_status: null, imp_uid: null, amount: 4900 }),
    ]);

    await hook.received(1);
    const body = hook.hits[0]!.body as { imp_uid: string; merchant_uid: string; status: string };
    expect(body).toEqual({ imp_uid: expect.stringMatching(/^imp_\d{12}$/), merchant_uid: merchantUid, status: 'paid' });
    const payment = await sandbox.lookup(`/payments/${body.imp_uid}`, token);
    expect(payment.body.response).toMatchObject({
      status: 'paid',
      amount: 4900,
      customer_uid: 'c_sched',
      customer_uid_usage: 'payment.scheduled',
      name: '월 구독',
      channel: 'api',
    });
    await expect
      .poll(async () => (await sandbox.call('GET', `/subscribe/payments/schedule/${merchantUid}`, { token })).body.response)
      .toMatchObject({
        schedule_status: 'executed',
        payment_status: 'paid',
        imp_uid: body.imp_uid,
        executed_at: expect.any(Number),
        currency: 'KRW',
        pg_provider: 'jtnet',
        pg_id: payment.body.response.pg_id,
      });
  });

  it('a schedule keeps its promotion_id (null when none); payments carry promotion: null and deposit_history: [] (no promotions, one-time accounts)', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.issueKey('c_promo');
    const entries = [
      { merchant_uid: uid('promo'), schedule_at: inSeconds(3600), amount: 4900, name: 'n', promotion_id: 'promotion-id-66025395-5b2c-4dcc-bc11-c883398a28fb' },
      { merchant_uid: uid('plain'), schedule_at: inSeconds(3600), amount: 4900, name: 'n' },
    ];
    const scheduled = await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_promo', schedules: entries } });
    expect(scheduled.body.response.map((entry: { promotion_id: unknown }) => entry.promotion_id)).toEqual([entries[0]!.promotion_id, null]);
    expect((await sandbox.call('GET', `/subscribe/payments/schedule/${entries[0]!.merchant_uid}`, { token })).body.response.promotion_id).toBe(
      entries[0]!.promotion_id,
    );
    const paid = await sandbox.record();
    const account = await sandbox.record({ pay_method: 'vbank' });
    await sandbox.call('POST', `/__sandbox/payments/${account.imp_uid}/deposit`);
    for (const payment of [paid, (await sandbox.lookup(`/payments/${account.imp_uid}`)).body.response])
      expect(payment).toMatchObject({ promotion: null, deposit_history: [] });
  });

  it('a scheduled charge on a declined card is executed as failed and still notified', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const token = await sandbox.token();
    await sandbox.issueKey('c_poor', { card_number: '4000-0000-0000-0002' });
    const merchantUid = uid('sched');
    await sandbox.call('POST', '/subscribe/payments/schedule', {
      token,
      json: { customer_uid: 'c_poor', notice_url: hook.url, schedules: [{ merchant_uid: merchantUid, schedule_at: inSeconds(1), amount: 4900 }] },
    });
    await hook.received(1);
    expect(hook.hits[0]!.body).toMatchObject({ merchant_uid: merchantUid, status: 'failed' });
  });

  it('unschedule revokes pending schedules, which then never execute', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.issueKey('c_un');
    const schedules = [0, 1].map((i) => ({ merchant_uid: `un_${i}_${uid()}`, schedule_at: inSeconds(1), amount: 100 }));
    await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_un', schedules } });
    const revoked = await sandbox.call('POST', '/subscribe/payments/unschedule', {
      token,
      json: { customer_uid: 'c_un', merchant_uid: [schedules[0]!.merchant_uid] },
    });
    expect(revoked.body.response).toEqual([
      expect.objectContaining({ merchant_uid: schedules[0]!.merchant_uid, schedule_status: 'revoked', revoked_at: expect.any(Number) }),
    ]);
    const rest = await sandbox.call('POST', '/subscribe/payments/unschedule', { token, form: 'customer_uid=c_un' });
    expect(rest.body.response).toHaveLength(1);
    const none = await sandbox.call('POST', '/subscribe/payments/unschedule', { token, json: { customer_uid: 'c_un' } });
    expect(none.body).toMatchObject({ code: 1, response: null });
  });

  it('refuses schedules in the past, duplicates, unknown keys and an empty list', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.issueKey('c_v');
    const one = (extra: object) => ({ customer_uid: 'c_v', schedules: [{ merchant_uid: 'dup_1', schedule_at: inSeconds(60), amount: 100, ...extra }] });
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({ schedule_at: inSeconds(-60) }) })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({}) })).body.code).toBe(0);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({}) })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { ...one({}), customer_uid: 'ghost' } })).body.code).toBe(1);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: { customer_uid: 'c_v', schedules: [] } })).status).toBe(400);
    expect((await sandbox.call('POST', '/subscribe/payments/schedule', { token, json: one({ amount: '100' }) })).status).toBe(400);
  });
});

describe('schedule reads', () => {
  it('by merchant_uid, by customer (two paths, from/to/schedule-status), by time range (schedule_from/schedule_to/sorting)', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    await sandbox.issueKey('c_reads');
    const [soon, later] = [inSeconds(3600), inSeconds(7200)];
    const uids = [uid('r'), uid('r')];
    await sandbox.call('POST', '/subscribe/payments/schedule', {
      token,
      json: {
        customer_uid: 'c_reads',
        schedules: [
          { merchant_uid: uids[0], schedule_at: soon, amount: 100, name: 'a' },
          { merchant_uid: uids[1], schedule_at: later, amount: 200, name: 'b' },
        ],
      },
    });
    await sandbox.call('POST', '/subscribe/payments/unschedule', { token, json: { customer_uid: 'c_reads', merchant_uid: [uids[1]] } });
    expect((await sandbox.call('GET', `/subscribe/payments/schedule/${uids[0]}`, { token })).body.response).toMatchObject({
      merchant_uid: uids[0],
      schedule_status: 'scheduled',
      amount: 100,
    });
    expect((await sandbox.call('GET', `/subscribe/payments/schedule/${uid()}`, { token })).status).toBe(404);
    const range = `from=${soon - 1}&to=${later + 1}`;
    const merchantUids = (answer: { body: { response: { list: { merchant_uid: string }[] } } }) => answer.body.response.list.map((s) => s.merchant_uid);
    const byCustomer = await sandbox.call('GET', `/subscribe/payments/schedule/customers/c_reads?${range}`, { token });
    expect(byCustomer.body.response).toMatchObject({ total: 2, previous: 0, next: 0 });
    expect(merchantUids(byCustomer)).toEqual([uids[1], uids[0]]); // newest schedule_at first
    expect(merchantUids(await sandbox.call('GET', `/subscribe/customers/c_reads/schedules?${range}&schedule-status=revoked`, { token }))).toEqual([uids[1]]);
    expect(
      merchantUids(await sandbox.call('GET', `/subscribe/payments/schedule?schedule_from=${soon - 1}&schedule_to=${later + 1}&sorting=scheduled`, { token })),
    ).toEqual([uids[0], uids[1]]);
    expect(merchantUids(await sandbox.call('GET', `/subscribe/payments/schedule?schedule_from=${soon}&schedule_to=${later}`, { token }))).toEqual([uids[0]]); // to is exclusive
    const noRange = await sandbox.call('GET', '/subscribe/payments/schedule/customers/c_reads', { token });
    expect(noRange).toMatchObject({ status: 400, body: { code: -1, message: expect.stringContaining('from') } });
    expect((await sandbox.call('GET', `/subscribe/customers/c_reads/schedules?${range}&schedule-status=done`, { token })).status).toBe(400);
  });
});

describe('webhooks', () => {
  it('are sent once by default: no re-send after a 500 or a 404', async () => {
    const sandbox = await started();
    for (const status of [500, 404]) {
      const hook = await receiver(Number.POSITIVE_INFINITY, status);
      const paid = await sandbox.record({ notice_url: hook.url });
      await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksFailed).toBe(status === 500 ? 1 : 2);
      expect(hook.hits.map((hit) => hit.body)).toEqual([{ imp_uid: paid.imp_uid, merchant_uid: paid.merchant_uid, status: 'paid' }]);
    }
    expect((await sandbox.call('GET', '/__sandbox/stats')).body.response.webhookAttempts).toBe(2);
  });

  it('with re-sends on: a 5xx is re-sent up to 5 times a (scaled) minute apart; a 404 never', async () => {
    const sandbox = await started({ webhookResends: true });
    const failing = await receiver(Number.POSITIVE_INFINITY, 503);
    await sandbox.record({ notice_url: failing.url });
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksFailed, { timeout: 10_000 }).toBe(1);
    expect(failing.hits).toHaveLength(6); // the first send + 5 re-sends
    const gaps = failing.hits.slice(1).map((hit, i) => hit.at - failing.hits[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(55); // 60 s × 0.001 (timers may fire a little early)

    const missing = await receiver(Number.POSITIVE_INFINITY, 404);
    await sandbox.record({ notice_url: missing.url });
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksFailed).toBe(2);
    expect(missing.hits).toHaveLength(1);

    const flaky = await receiver(2, 500);
    await sandbox.record({ notice_url: flaky.url });
    await flaky.received(3);
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksDelivered).toBe(1);
  });

  it('with re-sends on, a network error is re-sent too, and the attempts stop by themselves', async () => {
    const sandbox = await started({ webhookResends: true });
    const closed = await receiver();
    await closed.close(); // nothing listens there any more
    await sandbox.record({ notice_url: closed.url });
    await expect.poll(async () => (await sandbox.call('GET', '/__sandbox/stats')).body.response.webhooksFailed).toBe(1);
    expect((await sandbox.call('GET', '/__sandbox/stats')).body.response.webhookAttempts).toBe(6);
  });

  it('form format sends imp_uid, merchant_uid and status form-encoded; the console URL takes payments without notice_url', async () => {
    const hook = await receiver();
    const sandbox = await started({ webhookFormat: 'form', noticeUrl: hook.url });
    const paid = await sandbox.record();
    await hook.received(1);
    expect(hook.hits[0]).toMatchObject({
      type: 'application/x-www-form-urlencoded',
      body: { imp_uid: paid.imp_uid, merchant_uid: paid.merchant_uid, status: 'paid' },
    });
  });

  it('a REST cancel sends a webhook with cancellation_id only with enable_webhook: true', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const paid = await sandbox.record({ amount: 3000, notice_url: hook.url });
    await hook.received(1);
    const token = await sandbox.token();
    await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: paid.imp_uid, amount: 1000 } });
    const full = (await sandbox.call('POST', '/payments/cancel', { token, form: `imp_uid=${paid.imp_uid}&enable_webhook=true&reason=refund` })).body.response;
    await hook.received(2);
    const [first, second] = full.cancel_history;
    expect(first.cancellation_id).not.toBe(second.cancellation_id);
    expect(full.cancel_receipt_urls).toEqual([first.receipt_url, second.receipt_url]);
    expect(hook.hits.map((hit) => hit.body)).toEqual([
      { imp_uid: paid.imp_uid, merchant_uid: paid.merchant_uid, status: 'paid' },
      { imp_uid: paid.imp_uid, merchant_uid: paid.merchant_uid, status: 'cancelled', cancellation_id: second.cancellation_id },
    ]);
  });

  it('an ordinary failure sends no webhook', async () => {
    const sandbox = await started();
    const hook = await receiver();
    await sandbox.call('POST', '/__sandbox/payments', {
      json: { merchant_uid: uid(), amount: 1000, card_number: '4000-0000-0000-0002', notice_url: hook.url },
    });
    const paid = (await sandbox.call('POST', '/__sandbox/payments', { json: { merchant_uid: uid(), amount: 1000, notice_url: [hook.url] } })).body.response;
    await hook.received(1);
    expect(hook.hits.map((hit) => hit.body.imp_uid)).toEqual([paid.imp_uid]);
  });
});

describe('--data persistence', () => {
  function dataDir() {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-sandbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return join(dir, 'state.jsonl');
  }

  it('a restart with the same data file keeps payments, cancellations, keys, schedules and prepared amounts', async () => {
    const dataFile = dataDir();
    const first = await sandboxServer({ dataFile });
    const paid = await first.record({ amount: 12345 });
    const token = await first.token();
    await first.issueKey('c_keep');
    const cancelled = (await first.call('POST', '/payments/cancel', { token, json: { imp_uid: paid.imp_uid, amount: 345 } })).body.response;
    const scheduled = uid('keep');
    await first.call('POST', '/subscribe/payments/schedule', {
      token,
      json: { customer_uid: 'c_keep', schedules: [{ merchant_uid: scheduled, schedule_at: inSeconds(3600), amount: 100 }] },
    });
    const prepared = uid('prep');
    await first.call('POST', '/payments/prepare', { token, json: { merchant_uid: prepared, amount: 500 } });
    await first.server.close();
    const journal = readFileSync(dataFile, 'utf8');
    expect(journal).not.toContain('900101'); // birth dates are never stored
    expect(journal).not.toContain('"expiry"'); // nor expiries: only what a key needs to charge

    const second = await sandboxServer({ dataFile });
    cleanups.push(() => second.server.close());
    const fresh = await second.token();
    expect(await second.lookup(`/payments/${paid.imp_uid}`, token)).toMatchObject({ status: 401 });
    expect((await second.lookup(`/payments/${paid.imp_uid}`, fresh)).body.response).toEqual(cancelled);
    expect((await second.call('GET', '/subscribe/customers/c_keep', { token: fresh })).body.code).toBe(0);
    expect((await second.call('GET', `/subscribe/payments/schedule/${scheduled}`, { token: fresh })).body.response).toMatchObject({
      schedule_status: 'scheduled',
      amount: 100,
    });
    expect((await second.call('GET', `/payments/prepare/${prepared}`, { token: fresh })).body.response.amount).toBe(500);
    expect(await second.record({ merchant_uid: paid.merchant_uid, amount: 12345 })).toBeNull(); // F1002: still paid
  });

  it('an insert appends one line: the file grows by one record per payment, not by the whole state', async () => {
    const dataFile = dataDir();
    const sandbox = await started({ dataFile });
    await sandbox.record();
    const before = readFileSync(dataFile, 'utf8').split('\n').length;
    for (let i = 0; i < 5; i++) await sandbox.record();
    expect(readFileSync(dataFile, 'utf8').split('\n').length).toBe(before + 5);
  });

  it('reads a version 1 snapshot (one JSON object) and rewrites it as a journal', async () => {
    const dataFile = dataDir();
    const old = await sandboxServer();
    const paid = await old.record({ amount: 777 });
    await old.server.close();
    const { sandbox: _, cancel_receipt_urls: __, deposit_history: ___, promotion: ____, ...v1Payment } = paid;
    writeFileSync(dataFile, JSON.stringify({ version: 1, payments: [v1Payment], billingKeys: [], schedules: [] }));
    const sandbox = await started({ dataFile });
    expect((await sandbox.lookup(`/payments/${paid.imp_uid}`)).body.response).toMatchObject({
      imp_uid: paid.imp_uid,
      amount: 777,
      sandbox: true,
      cancel_receipt_urls: [],
      deposit_history: [],
      promotion: null,
    });
    expect(readFileSync(dataFile, 'utf8')).toMatch(/^{"iamport_sandbox_journal":2}\n/);
  });

  it('a torn last line (a crash mid-write) is dropped; corruption elsewhere is refused with a clear error', async () => {
    const dataFile = dataDir();
    const first = await sandboxServer({ dataFile });
    const paid = await first.record();
    await first.server.close();
    writeFileSync(dataFile, `${readFileSync(dataFile, 'utf8')}{"t":"payment","v":{"imp_`);
    const second = await started({ dataFile });
    expect((await second.lookup(`/payments/${paid.imp_uid}`)).status).toBe(200);
    await second.server.close();
    writeFileSync(dataFile, `{"iamport_sandbox_journal":2}\n{broken\n${readFileSync(dataFile, 'utf8').split('\n').slice(1).join('\n')}`);
    await expect(sandboxServer({ dataFile })).rejects.toThrow(/corrupt at line 2/);
  });

  it('without --data nothing survives a restart', async () => {
    const first = await sandboxServer();
    const paid = await first.record({ amount: 1 });
    await first.server.close();
    const second = await started();
    expect((await second.lookup(`/payments/${paid.imp_uid}`)).status).toBe(404);
  });
});

describe('command-line options', () => {
  it('flags win over the environment; defaults are the fixtures', () => {
    expect(parseSandboxArgs([], {})).toMatchObject({
      port: 8090,
      host: '127.0.0.1',
      impKey: 'sandbox_key',
      impSecret: 'sandbox_secret',
      quiet: false,
      dataFile: undefined,
    });
    const env = { IAMPORT_SANDBOX_PORT: '9000', IAMPORT_SANDBOX_DATA: 'env.json', IAMPORT_SANDBOX_IMP_KEY: 'ek', IAMPORT_SANDBOX_QUIET: '1' };
    expect(parseSandboxArgs([], env)).toMatchObject({ port: 9000, dataFile: 'env.json', impKey: 'ek', quiet: true });
    expect(parseSandboxArgs(['--port', '0', '--data', 'flag.json', '--imp-secret', 'fs', '--host', '::1'], env)).toMatchObject({
      port: 0,
      dataFile: 'flag.json',
      impSecret: 'fs',
      host: '::1',
    });
    expect(parseSandboxArgs([], { IAMPORT_SANDBOX_MERCHANT_NAME: '온기 커피' }).merchantName).toBe('온기 커피');
    expect(parseSandboxArgs(['--merchant-name', 'Flag Shop'], { IAMPORT_SANDBOX_MERCHANT_NAME: '온기 커피' }).merchantName).toBe('Flag Shop');
  });

  it('bad flags throw with the usage', () => {
    expect(() => parseSandboxArgs(['--port', 'abc'], {})).toThrow(/--port must be a number/);
    expect(() => parseSandboxArgs(['--bogus'], {})).toThrow();
    expect(() => parseSandboxArgs(['--webhook-format', 'xml'], {})).toThrow(/--webhook-format must be json or form/);
    expect(() => parseSandboxArgs(['--webhook-time-scale', '0'], {})).toThrow(/--webhook-time-scale/);
    expect(() => parseSandboxArgs(['--notice-url', 'shop/hook'], {})).toThrow(/--notice-url/);
  });

  it('webhook options: one attempt and JSON by default; flags and environment turn on re-sends, form bodies, a time scale and the console URL', () => {
    expect(parseSandboxArgs([], {})).toMatchObject({ webhookResends: false, webhookFormat: 'json', webhookTimeScale: 1, noticeUrl: undefined });
    expect(
      parseSandboxArgs(['--webhook-resends', '--webhook-format', 'form', '--webhook-time-scale', '0.01', '--notice-url', 'http://127.0.0.1:3000/hook'], {}),
    ).toMatchObject({
      webhookResends: true,
      webhookFormat: 'form',
      webhookTimeScale: 0.01,
      noticeUrl: 'http://127.0.0.1:3000/hook',
    });
    const env = {
      IAMPORT_SANDBOX_WEBHOOK_RESENDS: '1',
      IAMPORT_SANDBOX_WEBHOOK_FORMAT: 'form',
      IAMPORT_SANDBOX_WEBHOOK_TIME_SCALE: '0.5',
      IAMPORT_SANDBOX_NOTICE_URL: 'https://shop.example/hook',
    };
    expect(parseSandboxArgs([], env)).toMatchObject({
      webhookResends: true,
      webhookFormat: 'form',
      webhookTimeScale: 0.5,
      noticeUrl: 'https://shop.example/hook',
    });
  });
});
