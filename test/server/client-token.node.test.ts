import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIamportClient, createMemoryTokenStore, IamportApiError, type StoredToken, type TokenStore } from '../../src/server';
import { createFakeApi, credentials, makePayment } from './fake-api';

function setup(options: Partial<Parameters<typeof createIamportClient>[0]> = {}) {
  const api = createFakeApi();
  api.on('GET /payments/*', (request) => ({ body: api.envelope(makePayment({ imp_uid: request.path.split('/')[2] })) }));
  const client = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, retry: { baseDelayMs: 1 }, ...options });
  return { api, client };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('access tokens', () => {
  it('1,000 concurrent calls share one getToken request', async () => {
    const { api, client } = setup();
    const payments = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.getPayment(`imp_${i}`)));
    expect(payments).toHaveLength(1000);
    expect(payments[999]!.imp_uid).toBe('imp_999');
    expect(api.tokenRequests()).toBe(1);
    expect(api.callsTo('POST /users/getToken')).toBe(1);
  });

  it('sends imp_key/imp_secret to getToken and the token as a Bearer header', async () => {
    const { api, client } = setup();
    await client.getPayment('imp_1');
    const [tokenRequest, paymentRequest] = api.requests;
    expect(tokenRequest!.body).toEqual({ imp_key: credentials.apiKey, imp_secret: credentials.apiSecret });
    expect(paymentRequest!.headers.authorization).toBe('Bearer token_1_abcdefghijklmnop');
  });

  it('reuses the token until its last minute, judged on the server clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    const { api, client } = setup();
    // The server clock is an hour behind ours: by our clock alone the token would look long expired.
    api.setServerSkew(-3600);
    await client.getPayment('imp_1');
    vi.setSystemTime(start + (1800 - 61) * 1000);
    await client.getPayment('imp_2');
    expect(api.tokenRequests()).toBe(1);
    vi.setSystemTime(start + (1800 - 59) * 1000);
    await client.getPayment('imp_3');
    expect(api.tokenRequests()).toBe(2);
  });

  it('refreshes on the server clock when the local clock is behind (local-only math would say 10 minutes are left)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    const { api, client } = setup();
    api.setServerSkew(+600); // server 10 minutes ahead
    await client.getPayment('imp_1');
    // 29m30s later: 30 s before expired_at on the server clock; 10m30s before it on ours.
    vi.setSystemTime(start + (1800 - 30) * 1000);
    await client.getPayment('imp_2');
    expect(api.tokenRequests()).toBe(2);
  });

  it('50 sequential calls in the token’s last minute → 1 token request (the API extends the same token by 5 minutes)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    const { api, client } = setup();
    await client.getPayment('imp_0');
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i++) {
      vi.setSystemTime(start + (1800 - 50 + i) * 1000); // 50 s … 1 s left
      await client.getPayment(`imp_${i}`);
      tokens.add(api.requests.at(-1)!.headers.authorization!);
    }
    expect(api.tokenRequests()).toBe(2); // the first token + one refresh
    expect(tokens).toEqual(new Set(['Bearer token_1_abcdefghijklmnop'])); // the same token, extended
  });

  it('an API that hands the token back unchanged is asked once in the last minute, then after expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    const { api, client } = setup();
    api.neverExtend();
    await client.getPayment('imp_0');
    for (let i = 0; i < 50; i++) {
      vi.setSystemTime(start + (1800 - 55 + i) * 1000);
      await client.getPayment(`imp_${i}`);
    }
    expect(api.tokenRequests()).toBe(2);
    vi.setSystemTime(start + 1801 * 1000);
    await client.getPayment('imp_after');
    expect(api.tokenRequests()).toBe(3);
    expect(api.requests.at(-1)!.headers.authorization).toBe('Bearer token_2_abcdefghijklmnop');
  });

  it('a 401 renews the token once for all concurrent callers and repeats each call once', async () => {
    const { api, client } = setup();
    await client.getPayment('imp_0');
    api.expireTokens();
    const payments = await Promise.all(Array.from({ length: 50 }, (_, i) => client.getPayment(`imp_${i}`)));
    expect(payments).toHaveLength(50);
    expect(api.tokenRequests()).toBe(2);
    expect(api.callsTo('GET /payments/imp_7')).toBe(2);
  });

  it('a second 401 after renewal is an IamportApiError, not a loop', async () => {
    const { api, client } = setup();
    api.on('GET /payments/*', () => ({ status: 401, body: api.envelope(null, -1, 'Unauthorized') }));
    const error = await client.getPayment('imp_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ httpStatus: 401, code: -1, endpoint: 'GET /payments/imp_1' });
    expect(api.tokenRequests()).toBe(2);
    expect(api.callsTo('GET /payments/imp_1')).toBe(2);
  });

  it('instances sharing a token store share one token', async () => {
    const tokenStore = createMemoryTokenStore();
    const { api, client } = setup({ tokenStore });
    const other = createIamportClient({ ...credentials, baseUrl: 'https://api.test', fetch: api.fetch, tokenStore });
    await client.getPayment('imp_1');
    await other.getPayment('imp_2');
    expect(api.tokenRequests()).toBe(1);
  });

  it('an async store is read and written, and a rejected token is deleted from it', async () => {
    let saved: StoredToken | null = null;
    const store: TokenStore = {
      get: vi.fn(async () => saved),
      set: vi.fn(async (token: StoredToken) => {
        saved = token;
      }),
      delete: vi.fn(async () => {
        saved = null;
      }),
    };
    const { api, client } = setup({ tokenStore: store });
    await client.getPayment('imp_1');
    expect(saved).toMatchObject({ accessToken: 'token_1_abcdefghijklmnop', expiredAt: expect.any(Number), clockOffsetMs: expect.any(Number) });
    api.expireTokens();
    await client.getPayment('imp_2');
    expect(store.delete).toHaveBeenCalledWith('token_1_abcdefghijklmnop');
    expect(saved).toMatchObject({ accessToken: 'token_2_abcdefghijklmnop' });
  });

  it('a hung store → a typed token_store error within timeoutMs (tokenStoreFallback: false)', async () => {
    const hung: TokenStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined) };
    const { api, client } = setup({ tokenStore: hung, tokenStoreFallback: false, timeoutMs: 100 });
    const started = performance.now();
    const error = await client.getPayment('imp_1').catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ kind: 'token_store', httpStatus: null, endpoint: 'token store get' });
    expect((error as Error).message).toContain('within 100 ms');
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1000);
    expect(api.tokenRequests()).toBe(0);
  });

  it('a hung store with the default fallback → a token from the API, get() cut at timeoutMs', async () => {
    const hung: TokenStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined) };
    const log = vi.fn();
    const { api, client } = setup({ tokenStore: hung, timeoutMs: 100, log });
    const started = performance.now();
    await expect(client.getPayment('imp_1')).resolves.toMatchObject({ imp_uid: 'imp_1' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(api.tokenRequests()).toBe(1);
    expect(log).toHaveBeenCalledWith({ type: 'token_store_error', operation: 'get', error: 'timeout' });
  });

  it('a hung store with the default fallback: the first call waits for get() once, not for set() too', async () => {
    const hung: TokenStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined) };
    const events: unknown[] = [];
    let setReported!: () => void;
    const reported = new Promise<void>((resolve) => (setReported = resolve));
    const log = (event: { type: string; operation?: string }) => {
      events.push(event);
      if (event.type === 'token_store_error' && event.operation === 'set') setReported();
    };
    const { client } = setup({ tokenStore: hung, timeoutMs: 300, log });
    const started = performance.now();
    await expect(client.getPayment('imp_1')).resolves.toMatchObject({ imp_uid: 'imp_1' });
    expect(performance.now() - started).toBeLessThan(600); // 1 × timeoutMs + the fetch; it was 2 × timeoutMs
    expect(events).not.toContainEqual(expect.objectContaining({ operation: 'set' })); // answered while set() still hangs
    await reported; // then its failure is reported through log
    expect(events).toContainEqual({ type: 'token_store_error', operation: 'set', error: 'timeout' });
  });

  it('keeps working when the shared store is down', async () => {
    const broken: TokenStore = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
    };
    const log = vi.fn();
    const { api, client } = setup({ tokenStore: broken, log });
    await client.getPayment('imp_1');
    await client.getPayment('imp_2');
    expect(api.tokenRequests()).toBe(1);
    expect(log).toHaveBeenCalledWith({ type: 'token_store_error', operation: 'get', error: 'Error' });
  });
});
