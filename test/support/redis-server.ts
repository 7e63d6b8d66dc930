// A throwaway Debian `redis-server` for tests: no persistence, loopback only, a free port.
// Redis cannot take port 0 (it means "no TCP"), so a free port is found first and the start is
// retried on the rare clash with another engineer's test.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves when the server answers PING with +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

async function startOnce(port: number): Promise<RedisServer | null> {
  const child: ChildProcess = spawn('redis-server', ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  for (let attempt = 0; attempt < 100; attempt++) {
    const failed = await Promise.race([spawnError, exited.then(() => 'exited' as const), ping(port).then((up) => (up ? ('up' as const) : null))]);
    if (failed instanceof Error)
      throw new Error(`redis-server could not be started (${failed.message}). Install Debian's package: apt-get install redis-server`);
    if (failed === 'exited') return /Address already in use/i.test(output) ? null : Promise.reject(new Error(`redis-server exited:\n${output}`));
    if (failed === 'up') {
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port}:\n${output}`);
}

/**
 * Start `redis-server --save '' --port N --bind 127.0.0.1` on a free port; `stop()` kills it.
 *
 * @example
 * const redis = await startRedisServer()
 * const client = new Redis(redis.port, '127.0.0.1')
 * await redis.stop()
 */
export async function startRedisServer(): Promise<RedisServer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const server = await startOnce(await freePort());
    if (server) return server;
  }
  throw new Error('redis-server: no free port after 5 attempts.');
}
