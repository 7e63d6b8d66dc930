import type { DedupeClaim, WebhookDedupe } from './dedupe';
import { DELETE_IF_EQUALS, redisCommand, type RedisClientLike } from './redis';
import type { StoredToken, TokenStore } from './token-store';

const DONE = 'done';

/**
 * A {@link TokenStore} on Redis, so every server instance uses one access token. Takes your
 * ioredis or node-redis client (no dependency of the kit on either). The key expires with the
 * token; a rejected token is deleted only while it is still the stored one.
 *
 * @example
 * import { Redis } from 'ioredis'
 * import { createIamportClient, createRedisTokenStore } from 'react-iamport-jtnet/server'
 *
 * const redis = new Redis(process.env.REDIS_URL!)
 * export const iamport = createIamportClient({
 *   apiKey: process.env.IMP_KEY!,
 *   apiSecret: process.env.IMP_SECRET!,
 *   tokenStore: createRedisTokenStore(redis),
 * })
 */
export function createRedisTokenStore(redis: RedisClientLike, { key = 'iamport:access-token' } = {}): TokenStore {
  const command = redisCommand(redis, 'createRedisTokenStore');
  return {
    async get() {
      const raw = await command('GET', key);
      if (typeof raw !== 'string') return null;
      try {
        const token = JSON.parse(raw) as StoredToken;
        return typeof token?.accessToken === 'string' && typeof token.expiredAt === 'number'
          ? { ...token, clockOffsetMs: Number(token.clockOffsetMs) || 0 }
          : null;
      } catch {
        return null;
      }
    },
    async set(token) {
      // Expire with the token, measured on the API's clock.
      const ttlMs = Math.floor(token.expiredAt * 1000 - (Date.now() + token.clockOffsetMs));
      if (ttlMs > 0) await command('SET', key, JSON.stringify(token), 'PX', ttlMs);
    },
    async delete(rejected) {
      const raw = await command('GET', key);
      if (typeof raw === 'string' && raw.includes(JSON.stringify(rejected))) await command('EVAL', DELETE_IF_EQUALS, 1, key, raw);
    },
  };
}

/**
 * The two-phase {@link WebhookDedupe} on Redis, shared by every instance: a claim is
 * `SET key <lease> NX PX leaseMs`; completing sets `done` for `doneTtlMs`; releasing deletes
 * the key only while it still holds our lease (a Lua compare-and-delete). Takes your ioredis
 * or node-redis client.
 *
 * @example
 * import { createClient } from 'redis'
 * import { createRedisDedupe } from 'react-iamport-jtnet/server'
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * export const dedupe = createRedisDedupe(redis) // handleWebhook(request, { ...options, dedupe })
 */
export function createRedisDedupe(redis: RedisClientLike, { prefix = 'iamport:webhook:' } = {}): WebhookDedupe {
  const command = redisCommand(redis, 'createRedisDedupe');
  return {
    async claim(key, leaseMs): Promise<DedupeClaim> {
      const lease = `lease:${globalThis.crypto.randomUUID()}`;
      if ((await command('SET', prefix + key, lease, 'PX', leaseMs, 'NX')) === 'OK') return { state: 'claimed', lease };
      const [value, ttl] = await Promise.all([command('GET', prefix + key), command('PTTL', prefix + key)]);
      // The record expired between SET and GET: report busy; the next delivery claims it.
      return value === DONE ? { state: 'done' } : { state: 'busy', retryAfterMs: Math.max(0, Number(ttl) || 0) };
    },
    async complete(key, _lease, doneTtlMs) {
      await command('SET', prefix + key, DONE, 'PX', doneTtlMs);
    },
    async release(key, lease) {
      await command('EVAL', DELETE_IF_EQUALS, 1, prefix + key, lease);
    },
  };
}
