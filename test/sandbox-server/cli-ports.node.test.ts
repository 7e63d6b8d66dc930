// The two commands that start iamport-sandbox — its bin and `npm start` — on a port that is taken:
// both say what to do, with the same environment variable. The bin runs from dist/ (`npm run build`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const BIN = resolve(root, 'bin/iamport-sandbox.js');
const START = resolve(root, 'examples/storefront/server/start.js');

/** Run a Node script to its end; environment variables of the parent that name ports are left out. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { IAMPORT_SANDBOX_PORT: _a, SANDBOX_PORT: _b, SHOP_PORT: _c, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...parentEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

describe('a sandbox port that is taken', () => {
  let occupied: Server;
  let port: number;

  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((done) => occupied.listen(0, '127.0.0.1', done));
    port = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => occupied.close(() => done())));

  it('iamport-sandbox --port N exits with 1 and says to pick another port, --port 0 or IAMPORT_SANDBOX_PORT', async () => {
    if (!existsSync(resolve(root, 'dist/sandbox-server.js'))) throw new Error('dist/ is not built: run `npm run build` before this test.');
    const { code, stdout, stderr } = await run(BIN, ['--port', String(port), '--quiet']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('listening');
    expect(stderr).toContain(`iamport-sandbox: port ${port} on 127.0.0.1 is already in use`);
    expect(stderr).toContain(`iamport-sandbox --port ${port + 1} (or IAMPORT_SANDBOX_PORT=${port + 1}), or --port 0 for any free port`);
    expect(stderr).not.toContain('EADDRINUSE');
  });

  it('iamport-sandbox reads the same port from IAMPORT_SANDBOX_PORT', async () => {
    const { code, stderr } = await run(BIN, ['--quiet'], { IAMPORT_SANDBOX_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('npm start with IAMPORT_SANDBOX_PORT=N stops before building, naming the variable to change', async () => {
    const { code, stderr } = await run(START, ['--quiet', '--no-build'], { IAMPORT_SANDBOX_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`storefront: port ${port} is already in use, so iamport-sandbox cannot start.`);
    expect(stderr).toContain(`IAMPORT_SANDBOX_PORT=${port + 1} npm start (0 = any free port)`);
  });

  it('npm start still reads the old SANDBOX_PORT, with a note to use IAMPORT_SANDBOX_PORT', async () => {
    const { code, stderr } = await run(START, ['--quiet', '--no-build'], { SANDBOX_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain('SANDBOX_PORT is deprecated; use IAMPORT_SANDBOX_PORT');
    expect(stderr).toContain(`port ${port} is already in use, so iamport-sandbox cannot start.`);
  });

  it('npm start -- --port N on a taken shop port names SHOP_PORT', async () => {
    const { code, stderr } = await run(START, ['--port', String(port), '--sandbox-port', '0', '--quiet', '--no-build']);
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} is already in use, so the storefront cannot start.`);
    expect(stderr).toContain(`SHOP_PORT=${port + 1} npm start`);
  });
});

describe('--help of both commands', () => {
  it('lists every option with its environment variable, the sandbox port as IAMPORT_SANDBOX_PORT in both', async () => {
    const bin = await run(BIN, ['--help']);
    const start = await run(START, ['--help']);
    expect([bin.code, start.code]).toEqual([0, 0]);
    expect(bin.stdout).toMatch(/^ {2}-p, --port <n> +port to listen on \(default 8090; 0 = any free port\) +env IAMPORT_SANDBOX_PORT$/m);
    expect(start.stdout).toMatch(/^ {2}--sandbox-port <n> +iamport-sandbox \(default 8090; 0 = any free port\) +env IAMPORT_SANDBOX_PORT$/m);
    expect(start.stdout).toMatch(/^ {2}--port <n> .+env SHOP_PORT$/m);
    for (const usage of [bin.stdout, start.stdout]) {
      expect(usage).toMatch(/^ {2}-h, --help +this text$/m);
      expect(usage, 'the old name SANDBOX_PORT is not offered').not.toMatch(/\bSANDBOX_PORT\b/);
    }
  });

  it('npm start with an unknown option exits with 2 and the usage, as iamport-sandbox does', async () => {
    const start = await run(START, ['--sandbox']);
    const bin = await run(BIN, ['--sandbox']);
    expect([start.code, bin.code]).toEqual([2, 2]);
    expect(start.stderr).toContain('storefront: unknown option --sandbox.');
    expect(start.stderr).toContain('Usage: npm start -- [options]');
    expect(bin.stderr).toContain('Usage: iamport-sandbox [options]');
  });
});
