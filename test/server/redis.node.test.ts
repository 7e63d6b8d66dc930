// Shared state on a real engine: Debian's redis-server, started on a free loopback port.
// Both Redis clients merchants use (ioredis, node-redis) drive the same adapters.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIamportClient, createRedisDedupe, createRedisTokenStore, handleWebhook, type IamportLogEvent, type RedisClientLike } from '../../src/server';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { createFakeApi, credentials, makePayment, stubClient } from './fake-api';

let server: RedisServer;
let io: Redis;
let node: ReturnType<typeof createClient>;
const extra: Redis[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  io = new Redis(server.port, '127.0.0.1');
  node = createClient({ url: server.url });
  await node.connect();
});
afterAll(async () => {
  io?.disconnect();
  for (const client of extra) client.disconnect();
  await node?.quit();
  await server?.stop();
});

/** Another connection, as another server instance would have. */
const connection = () => {
  const client = new Redis(server.port, '127.0.0.1');
  extra.push(client);
  return client;
};
let unique = 0;
const id = (prefix: string) => `${prefix}_${process.pid}_${++unique}`;

const post = (payment: { imp_uid: string; merchant_uid: string }) =>
  new Request('http://shop.test/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...payment, status: 'paid' }),
  });

describe('createRedisTokenStore', () => {
  it.each([
    ['ioredis', () => io as RedisClientLike, () => connection() as RedisClientLike],
    ['node-redis', () => node as unknown as RedisClientLike, () => io as RedisClientLike],
  ])('two client instances (%s) share one token', async (_, first, second) => {
    const api = createFakeApi();
    api.on('GET /payments/*', () => ({ body: api.envelope(makePayment()) }));
    const key = id('iamport:token');
    const events: IamportLogEvent[] = [];
    const a = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, tokenStore: createRedisTokenStore(first(), { key }) });
    const b = createIamportClient({
      ...credentials,
      baseUrl: 'https://api.test',
      fetch: api.fetch,
      tokenStore: createRedisTokenStore(second(), { key }),
      log: (event) => events.push(event),
    });
    await a.getPayment('imp_1');
    await b.getPayment('imp_2');
    expect(api.tokenRequests()).toBe(1);
    expect(events).toContainEqual({ type: 'token', action: 'from_store' });
    expect(api.requests.filter((request) => request.path.startsWith('/payments')).map((request) => request.headers.authorization)).toEqual([
      'Bearer token_1_abcdefghijklmnop',
      'Bearer token_1_abcdefghijklmnop',
    ]);
    // The key lives as long as the token (30 minutes here), not forever.
    const ttl = Number(await io.pttl(key));
    expect(ttl).toBeGreaterThan(1_790_000);
    expect(ttl).toBeLessThanOrEqual(1_800_000);
  });

  it('deletes a rejected token only while it is still the stored one', async () => {
    const key = id('iamport:token');
    const store = createRedisTokenStore(io, { key });
    await store.set({ accessToken: 'token_new_abcdef', expiredAt: Math.floor(Date.now() / 1000) + 600, clockOffsetMs: 0 });
    await store.delete!('token_old_abcdef');
    expect(await store.get()).toMatchObject({ accessToken: 'token_new_abcdef' });
    await store.delete!('token_new_abcdef');
    expect(await store.get()).toBeNull();
  });

  it('refuses something that is not a Redis client, naming what to pass', () => {
    expect(() => createRedisTokenStore({} as RedisClientLike)).toThrow(/ioredis instance .* node-redis client/);
  });
});

describe('createRedisDedupe', () => {
  it('two handler instances run onPaid once for 50 concurrent identical webhooks', async () => {
    const payment = makePayment({ imp_uid: id('imp'), merchant_uid: id('order') });
    let running = 0;
    const onPaid = vi.fn(async () => {
      running++;
      // Long enough for every other delivery to arrive while it runs.
      await new Promise((resolveLater) => setTimeout(resolveLater, 50));
      running--;
    });
    const instance = (redis: RedisClientLike) => ({
      client: stubClient([payment]),
      dedupe: createRedisDedupe(redis),
      lookupOrder: () => ({ amount: 1000 }),
      onPaid,
    });
    const instances = [instance(connection()), instance(node)];
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => handleWebhook(post(payment), instances[i % 2]!)));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<Record<string, unknown>>));
    expect(onPaid).toHaveBeenCalledTimes(1);
    expect(bodies.filter((body) => body.handled === true)).toHaveLength(1);
    // Every other delivery was told "being handled, try later" (503) or "done" (200 duplicate).
    for (const [i, response] of responses.entries()) {
      if (response.status === 503) expect(bodies[i]).toEqual({ ok: false, reason: 'in_progress' });
      else expect(response.status).toBe(200);
    }
    expect(await (await handleWebhook(post(payment), instances[0]!)).json()).toMatchObject({ duplicate: true });
    expect(running).toBe(0);
  });

  it('a handler killed mid-onPaid (SIGKILL) is re-run after its lease, and onPaid completes once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-child-'));
    try {
      const outfile = join(dir, 'webhook-child.cjs');
      await build({
        entryPoints: [resolve(import.meta.dirname, 'support/webhook-child.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile,
        logLevel: 'silent',
      });
      const payment = makePayment({ imp_uid: id('imp'), merchant_uid: id('order') });
      const leaseMs = 1500;
      const child = spawn(process.execPath, [outfile, String(server.port), String(leaseMs), payment.imp_uid, payment.merchant_uid], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((done) => child.once('exit', done));
      let output = '';
      await new Promise<void>((started, failed) => {
        child.stdout.on('data', (chunk) => (output += chunk) && output.includes('onPaid started') && started());
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('exit', () => failed(new Error(`the child exited before onPaid:\n${output}`)));
      });
      child.kill('SIGKILL');
      await exited;

      const onPaid = vi.fn();
      const options = { client: stubClient([payment]), dedupe: createRedisDedupe(io), leaseMs, lookupOrder: () => ({ amount: 1000 }), onPaid };
      // Inside the dead handler's lease: "try again later", not a lost event and not a second run.
      const during = await handleWebhook(post(payment), options);
      expect(during.status).toBe(503);
      expect(onPaid).not.toHaveBeenCalled();
      // The lease expires in Redis by itself (it was never released or completed).
      const key = `iamport:webhook:${payment.imp_uid}:paid`;
      await vi.waitFor(async () => expect(await io.exists(key)).toBe(0), { timeout: leaseMs * 4, interval: 50 });
      expect(await (await handleWebhook(post(payment), options)).json()).toMatchObject({ handled: true });
      expect(await (await handleWebhook(post(payment), options)).json()).toMatchObject({ duplicate: true });
      expect(onPaid).toHaveBeenCalledTimes(1);
      expect(await io.get(key)).toBe('done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failed handler releases only its own lease', async () => {
    const dedupe = createRedisDedupe(node);
    const key = id('event');
    const first = await dedupe.claim(key, 60_000);
    expect(first).toMatchObject({ state: 'claimed' });
    expect(await dedupe.claim(key, 60_000)).toMatchObject({ state: 'busy', retryAfterMs: expect.any(Number) });
    await dedupe.release(key, 'lease:someone-else');
    expect(await dedupe.claim(key, 60_000)).toMatchObject({ state: 'busy' });
    await dedupe.release(key, (first as { lease: string }).lease);
    const second = await dedupe.claim(key, 60_000);
    expect(second).toMatchObject({ state: 'claimed' });
    await dedupe.complete(key, (second as { lease: string }).lease, 60_000);
    expect(await dedupe.claim(key, 60_000)).toEqual({ state: 'done' });
  });
});
