// Starts the storefront exactly as `npm start` does (sandbox + shop backend + built frontend),
// on free ports, as a child process: Node resolves react-iamport-jtnet/server to dist/ itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const START = resolve(root, 'examples/storefront/server/start.js');

export interface Stack {
  shopUrl: string;
  sandboxUrl: string;
  /** Everything the processes printed (for failure messages). */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * `node examples/storefront/server/start.js --port 0 --sandbox-port 0 --quiet --no-build`:
 * resolves once both URLs are printed. `--no-build` never rebuilds dist/ (other suites may be
 * reading it); the frontend is (re)built by the launcher when its sources changed.
 */
export async function startStack(): Promise<Stack> {
  const launched = await startLauncher(START, ['--port', '0', '--sandbox-port', '0', '--quiet', '--no-build'], 'storefront');
  return { shopUrl: launched.appUrl, sandboxUrl: launched.sandboxUrl, output: launched.output, stop: launched.stop };
}

/** A launcher (sandbox + app) running as a child process, once it printed both URLs. */
export interface Launched {
  appUrl: string;
  sandboxUrl: string;
  output(): string;
  /** SIGTERM, then the exit code (0 when both servers shut down cleanly). */
  stop(): Promise<number | null>;
}

/**
 * Run a launcher script (`npm start`'s, `npm run example:next`'s) with Node and resolve once it
 * printed `iamport-sandbox: URL` and `{appLabel}: URL`; reject if it exits before.
 *
 * @example
 * const next = await startLauncher('examples/nextjs/scripts/start.mjs', ['--port', '0', '--sandbox-port', '0', '--quiet'], 'nextjs');
 */
export function startLauncher(script: string, args: string[], appLabel: string, env: NodeJS.ProcessEnv = process.env): Promise<Launched> {
  const child: ChildProcess = spawn(process.execPath, [resolve(root, script), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const appLine = new RegExp(`^${appLabel}: (http://\\S+)`, 'm');
  return new Promise<Launched>((resolveLaunch, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const sandbox = /^iamport-sandbox: (http:\/\/\S+)/m.exec(output);
      const app = appLine.exec(output);
      if (!sandbox || !app) return;
      resolveLaunch({
        appUrl: app[1]!,
        sandboxUrl: sandbox[1]!,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${script} exited (${code}) before printing its URLs:\n${output}`)));
  });
}

/** Record a payment straight on the sandbox (what a tampered or scripted browser could produce). */
export async function recordSandboxPayment(sandboxUrl: string, body: Record<string, unknown>): Promise<{ imp_uid: string; status: string; amount: number }> {
  const reply = await fetch(`${sandboxUrl}/__sandbox/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const envelope = (await reply.json()) as { code: number; message: string | null; response: { imp_uid: string; status: string; amount: number } };
  if (envelope.code !== 0) throw new Error(`sandbox refused the payment: ${envelope.message}`);
  return envelope.response;
}

/** A payment as the sandbox's REST API returns it (GET /payments/{imp_uid}). */
export async function sandboxPayment(sandboxUrl: string, impUid: string): Promise<{ status: string; amount: number; cancel_amount: number }> {
  const token = await fetch(`${sandboxUrl}/users/getToken`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' }),
  }).then((reply) => reply.json() as Promise<{ response: { access_token: string } }>);
  // include_sandbox: every sandbox payment is a test-channel payment, hidden from lookups without it
  const reply = await fetch(`${sandboxUrl}/payments/${impUid}?include_sandbox=true`, { headers: { Authorization: `Bearer ${token.response.access_token}` } });
  return ((await reply.json()) as { response: { status: string; amount: number; cancel_amount: number } }).response;
}

/** The sandbox's counters (`GET /__sandbox/stats`): webhooks sent, answered 2xx, failed. */
export async function sandboxStats(sandboxUrl: string): Promise<{ webhooksDelivered: number; webhooksFailed: number; webhookAttempts: number }> {
  const reply = await fetch(`${sandboxUrl}/__sandbox/stats`);
  return ((await reply.json()) as { response: { webhooksDelivered: number; webhooksFailed: number; webhookAttempts: number } }).response;
}
