// POST /__sandbox/payments/{imp_uid}/deposit: the buyer's transfer into an issued virtual
// account arrives; the payment becomes paid, is journaled, indexed, and notified once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { sandboxServer, stoppedAfterEach } from './helpers';

const { cleanups, started, receiver } = stoppedAfterEach({ webhookTimeScale: 0.001 });
const deposit = (sandbox: Awaited<ReturnType<typeof sandboxServer>>, impUid: string, json?: unknown) =>
  sandbox.call('POST', `/__sandbox/payments/${impUid}/deposit`, json === undefined ? {} : { json });
/** A buyer's refund account (bank code 004 = KB국민은행). */
const REFUND_ACCOUNT = { refund_holder: '홍길동', refund_bank: '004', refund_account: '12345678901234' };
const stats = async (sandbox: Awaited<ReturnType<typeof sandboxServer>>) => (await sandbox.call('GET', '/__sandbox/stats')).body.response;

describe('POST /__sandbox/payments/{imp_uid}/deposit', () => {
  it('turns a ready virtual account paid (paid_at now, account fields and receipt kept) and sends the paid webhook once', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const issued = await sandbox.record({ amount: 30_000, pay_method: 'vbank', notice_url: hook.url });
    await hook.received(1);
    expect(issued).toMatchObject({ status: 'ready', paid_at: 0, vbank_num: expect.any(String) });

    const before = Math.floor(Date.now() / 1000);
    const answer = await deposit(sandbox, issued.imp_uid, { amount: 30_000 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: 0, message: null });
    const paid = answer.body.response;
    expect(paid.paid_at).toBeGreaterThanOrEqual(before);
    expect(paid.paid_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(paid).toEqual({ ...issued, status: 'paid', paid_at: paid.paid_at });

    await hook.received(2);
    expect(hook.hits.map((hit) => hit.body)).toEqual([
      { imp_uid: issued.imp_uid, merchant_uid: issued.merchant_uid, status: 'ready' },
      { imp_uid: issued.imp_uid, merchant_uid: issued.merchant_uid, status: 'paid' },
    ]);
    await expect.poll(async () => (await stats(sandbox)).webhooksDelivered).toBe(2);
    expect((await stats(sandbox)).webhookAttempts).toBe(2);
  });

  it('keeps the lookups right: find by status, the status list, the balance; the paid account can then be refunded', async () => {
    const sandbox = await started();
    const issued = await sandbox.record({ amount: 5000, pay_method: 'vbank' });
    expect((await sandbox.lookup(`/payments/find/${issued.merchant_uid}/paid`)).status).toBe(404);
    await deposit(sandbox, issued.imp_uid);

    expect((await sandbox.lookup(`/payments/${issued.imp_uid}`)).body.response.status).toBe('paid');
    expect((await sandbox.lookup(`/payments/find/${issued.merchant_uid}/paid`)).body.response.imp_uid).toBe(issued.imp_uid);
    expect((await sandbox.lookup(`/payments/find/${issued.merchant_uid}/ready`)).status).toBe(404);
    expect((await sandbox.lookup(`/payments/findAll/${issued.merchant_uid}/paid`)).body.response.total).toBe(1);
    const paidList = (await sandbox.lookup('/payments/status/paid?limit=1000')).body.response.list.map((p: { imp_uid: string }) => p.imp_uid);
    const readyList = (await sandbox.lookup('/payments/status/ready?limit=1000')).body.response.list.map((p: { imp_uid: string }) => p.imp_uid);
    expect(paidList).toContain(issued.imp_uid);
    expect(readyList).not.toContain(issued.imp_uid);
    expect((await sandbox.lookup(`/payments/${issued.imp_uid}/balance`)).body.response.histories).toHaveLength(1);
    // A paid merchant_uid is F1002 for a new payment, as after any payment.
    expect(await sandbox.record({ merchant_uid: issued.merchant_uid, amount: 5000 })).toBeNull();

    const refund = await sandbox.call('POST', '/payments/cancel', { token: await sandbox.token(), json: { imp_uid: issued.imp_uid, ...REFUND_ACCOUNT } });
    expect(refund.body.response).toMatchObject({ status: 'cancelled', cancel_amount: 5000 });
  });

  it('refunds a deposited account only to a refund account: without refund_holder, refund_bank, refund_account 400 naming the missing ones, nothing refunded', async () => {
    const sandbox = await started();
    const token = await sandbox.token();
    const issued = await sandbox.record({ amount: 5000, pay_method: 'vbank' });
    await deposit(sandbox, issued.imp_uid);
    const attempts = [
      [{}, 'refund_holder, refund_bank, refund_account 누락'],
      [{ refund_holder: '홍길동', refund_bank: ' ' }, 'refund_bank, refund_account 누락'],
      [{ ...REFUND_ACCOUNT, refund_account: '' }, 'refund_account 누락'],
    ] as const;
    for (const [fields, missing] of attempts) {
      const answer = await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: issued.imp_uid, amount: 1000, ...fields } });
      expect(answer).toEqual({ status: 400, body: { code: -1, message: expect.stringContaining(missing), response: null } });
      expect(answer.body.message).toContain("send refund_holder (account holder), refund_bank (bank code, e.g. '004') and refund_account");
    }
    expect((await sandbox.lookup(`/payments/${issued.imp_uid}`)).body.response).toMatchObject({ status: 'paid', cancel_amount: 0 });
    const partial = await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: issued.imp_uid, amount: 1000, ...REFUND_ACCOUNT } });
    expect(partial.body.response).toMatchObject({ status: 'paid', cancel_amount: 1000 });
    // An account not yet paid has nothing to refund: refused for its status, as before.
    const ready = await sandbox.record({ amount: 5000, pay_method: 'vbank' });
    const unpaid = await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: ready.imp_uid } });
    expect(unpaid).toEqual({ status: 200, body: { code: 1, message: expect.stringContaining('status is ready'), response: null } });
  });

  it('refuses an unknown imp_uid (404), a card payment, a failed one, a second deposit and a refunded account (400 naming the status); nothing changes, nothing is sent', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const token = await sandbox.token();
    const card = await sandbox.record({ notice_url: hook.url });
    const failed = await sandbox.record({ card_number: '4000-0000-0000-0002' });
    const twice = await sandbox.record({ pay_method: 'vbank', notice_url: hook.url });
    const refunded = await sandbox.record({ pay_method: 'vbank', notice_url: hook.url });
    await deposit(sandbox, twice.imp_uid);
    await deposit(sandbox, refunded.imp_uid);
    await sandbox.call('POST', '/payments/cancel', { token, json: { imp_uid: refunded.imp_uid, ...REFUND_ACCOUNT } });
    await hook.received(5);
    const attempts = (await stats(sandbox)).webhookAttempts;
    const unchanged = JSON.stringify((await sandbox.lookup(`/payments?imp_uid[]=${twice.imp_uid}&imp_uid[]=${refunded.imp_uid}`)).body.response);

    expect(await deposit(sandbox, 'imp_000000000000')).toEqual({
      status: 404,
      body: { code: -1, message: expect.stringMatching(/^존재하지 않는 결제정보입니다\. .*imp_000000000000.*pay_method: 'vbank'/), response: null },
    });
    const refusals = [
      [card, /가상계좌 결제 건이 아닙니다\. .*pay_method: card, status: paid.*only pay_method 'vbank' takes a deposit/],
      [failed, /pay_method: card, status: failed/],
      [twice, /입금대기 상태\(ready\)가 아닙니다\. .*status: paid.*issue a new one/],
      [refunded, /status: cancelled/],
    ] as const;
    for (const [payment, message] of refusals) {
      expect(await deposit(sandbox, payment.imp_uid)).toEqual({ status: 400, body: { code: -1, message: expect.stringMatching(message), response: null } });
    }
    expect((await stats(sandbox)).webhookAttempts).toBe(attempts);
    expect(JSON.stringify((await sandbox.lookup(`/payments?imp_uid[]=${twice.imp_uid}&imp_uid[]=${refunded.imp_uid}`)).body.response)).toBe(unchanged);
  });

  it('takes exactly the issued amount: a partial or larger deposit is refused naming both amounts; the account stays ready', async () => {
    const sandbox = await started();
    const hook = await receiver();
    const issued = await sandbox.record({ amount: 30_000, pay_method: 'vbank', notice_url: hook.url });
    await hook.received(1);
    for (const amount of [10_000, 30_001]) {
      expect(await deposit(sandbox, issued.imp_uid, { amount })).toEqual({
        status: 400,
        body: {
          code: -1,
          message: expect.stringMatching(
            new RegExp(`입금 금액\\(${amount}\\)이 가상계좌 발급 금액\\(30000\\)과 일치하지 않습니다.*send amount 30000 or leave amount out`),
          ),
          response: null,
        },
      });
    }
    const wrongType = await deposit(sandbox, issued.imp_uid, { amount: '30000' });
    expect(wrongType).toMatchObject({ status: 400, body: { code: -1, message: expect.stringContaining('amount must be a number') } });
    const form = await sandbox.call('POST', `/__sandbox/payments/${issued.imp_uid}/deposit`, { form: 'amount=30000' });
    expect(form.body.response).toMatchObject({ status: 'paid', amount: 30_000 });
    await hook.received(2);
    expect(hook.hits).toHaveLength(2);
  });

  it('refuses a vbank_due that is not a date or is already past (400 naming vbank_due and the format); nothing is issued', async () => {
    const sandbox = await started();
    const merchantUid = 'order_due_1';
    for (const [due, message] of [
      ['nonsense', /^vbank_due must be a date in Korean time as 'YYYYMMDD' .*'YYYYMMDDhhmm' or 'YYYYMMDDhhmmss'.*; got "nonsense"\.$/],
      ['20261341', /^vbank_due must be a date .*; got "20261341"\.$/],
      ['2026123124', /^vbank_due must be a date .*; got "2026123124"\.$/],
      [
        '20200101',
        /^vbank_due 20200101 \(2020-01-01 23:59:59 KST\) is in the past: the account would be issued already expired\. .*leave vbank_due out for 3 days\.$/,
      ],
    ] as const) {
      const answer = await sandbox.call('POST', '/__sandbox/payments', {
        json: { merchant_uid: merchantUid, amount: 1000, pay_method: 'vbank', vbank_due: due },
      });
      expect(answer).toEqual({ status: 400, body: { code: -1, message: expect.stringMatching(message), response: null } });
    }
    expect((await sandbox.lookup(`/payments/findAll/${merchantUid}`)).status).toBe(404);
    const later = await sandbox.record({ merchant_uid: merchantUid, pay_method: 'vbank', vbank_due: '209912311800' });
    expect(later).toMatchObject({ status: 'ready', vbank_date: Date.UTC(2099, 11, 31, 9, 0, 59) / 1000 });
  });

  it('refuses an account past its due date, a malformed imp_uid escape and other methods', async () => {
    const sandbox = await started();
    const late = await sandbox.record({ pay_method: 'vbank' });
    // Five days later (the default account is open for 3): only the sandbox's clock moves.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 86_400_000 });
    onTestFinished(() => void vi.useRealTimers());
    expect(await deposit(sandbox, late.imp_uid)).toMatchObject({
      status: 400,
      body: { code: -1, message: expect.stringMatching(/입금기한이 지났습니다\. .*vbank_date \d+ has passed.*later vbank_due/), response: null },
    });
    expect((await sandbox.lookup(`/payments/${late.imp_uid}`)).body.response.status).toBe('ready');
    expect(await sandbox.call('POST', '/__sandbox/payments/imp_%E0%A4%A/deposit')).toMatchObject({
      status: 400,
      body: { code: -1, message: expect.stringContaining('imp_uid: malformed percent-encoding') },
    });
    expect((await sandbox.call('GET', `/__sandbox/payments/${late.imp_uid}/deposit`)).status).toBe(405);
  });

  it('follows the webhook rules: one attempt by default; with re-sends, a 5xx is re-sent; no notice_url → the console URL', async () => {
    const oneShot = await started();
    const failing = await receiver(Number.POSITIVE_INFINITY, 500);
    const once = await oneShot.record({ pay_method: 'vbank', notice_url: failing.url });
    await failing.received(1);
    await deposit(oneShot, once.imp_uid);
    await expect.poll(async () => (await stats(oneShot)).webhooksFailed).toBe(2);
    expect(failing.hits.map((hit) => hit.body.status)).toEqual(['ready', 'paid']);

    const consoleHook = await receiver(1, 503);
    const resending = await started({ webhookResends: true, noticeUrl: consoleHook.url });
    const account = await resending.record({ pay_method: 'vbank' });
    await consoleHook.received(2); // the issue webhook: 503, then re-sent
    await deposit(resending, account.imp_uid);
    await consoleHook.received(3);
    expect(consoleHook.hits.map((hit) => hit.body.status)).toEqual(['ready', 'ready', 'paid']);
    await expect.poll(async () => (await stats(resending)).webhooksDelivered).toBe(2);
  });
});

describe('a deposit under --data', () => {
  it('is journaled (one line) and survives a restart: still paid at the same time, findable by status, not depositable again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-sandbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataFile = join(dir, 'state.jsonl');
    const first = await sandboxServer({ dataFile });
    cleanups.push(() => first.server.close());
    const issued = await first.record({ amount: 12_000, pay_method: 'vbank', notice_url: 'http://127.0.0.1:9/webhook' });
    const lines = readFileSync(dataFile, 'utf8').split('\n').length;
    const paid = (await deposit(first, issued.imp_uid)).body.response;
    expect(readFileSync(dataFile, 'utf8').split('\n').length).toBe(lines + 1);
    await first.server.close();

    const second = await started({ dataFile });
    expect((await second.lookup(`/payments/${issued.imp_uid}`)).body.response).toEqual(paid);
    expect((await second.lookup(`/payments/find/${issued.merchant_uid}/paid`)).body.response.imp_uid).toBe(issued.imp_uid);
    expect((await deposit(second, issued.imp_uid)).body.message).toMatch(/status: paid/);
    expect(readFileSync(dataFile, 'utf8')).toContain('"notice":["http://127.0.0.1:9/webhook"]');
  });
});
