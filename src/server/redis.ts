import { IamportError } from '../core/errors';

/** An ioredis client (or Cluster): `call(command, ...args)`. */
export interface IoRedisLike {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

/** A node-redis (`redis` v4+) client: `sendCommand([command, ...args])`. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** The merchant's own Redis client, ioredis or node-redis; the kit depends on neither. */
export type RedisClientLike = IoRedisLike | NodeRedisLike;

/** Runs one raw Redis command; every argument is sent as a string. */
export type RedisCommand = (...args: (string | number)[]) => Promise<unknown>;

/** Tells the two clients apart by shape: ioredis has `call`, node-redis has `sendCommand(array)` only. */
export function redisCommand(client: RedisClientLike, what: string): RedisCommand {
  const candidate = client as Partial<IoRedisLike & NodeRedisLike> | null;
  if (candidate && typeof candidate.call === 'function') {
    const io = candidate as IoRedisLike;
    return (...args) => io.call(String(args[0]), ...args.slice(1).map(String));
  }
  if (candidate && typeof candidate.sendCommand === 'function') {
    const node = candidate as NodeRedisLike;
    return (...args) => node.sendCommand(args.map(String));
  }
  throw new IamportError(
    'INVALID_PARAMS',
    `${what}: pass your Redis client, an ioredis instance (new Redis(url)) or a connected node-redis client (await createClient({ url }).connect()).`,
    { field: 'redis' },
  );
}

/** Deletes `KEYS[1]` only while it still holds `ARGV[1]` (a lease that is still ours). */
export const DELETE_IF_EQUALS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
