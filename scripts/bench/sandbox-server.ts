/**
 * `iamport-sandbox` at 50,000 payments (issue 15): fill time over HTTP, whether an insert and
 * a lookup cost the same at 50k as at 1k, and GET throughput against a bare `node:http` server
 * that returns the same JSON. Every server runs in its own process (the built dist/), the load
 * comes from this one; comparisons are interleaved in the same run and reported as medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT } from './size.ts';

export interface SandboxServerBenchOptions {
  /** Payments in the large sandbox (default 50,000). */
  payments?: number;
  /** Payments in the small sandbox the lookups are compared with (default 1,000). */
  small?: number;
  /** Lookups per kind and per sandbox (default 400). */
  lookups?: number;
  /** Interleaved throughput rounds (default 7) of `requestsPerRound` GETs each (default 4,000). */
  rounds?: number;
  requestsPerRound?: number;
  /** Parallel connections for the fill and the throughput rounds (default 16). */
  concurrency?: number;
}

export interface SandboxServerBenchResult {
  fill: {
    payments: number;
    ms: number;
    /**
     * Insert cost at `payments` ÷ at `small`: the median time of a batch of inserts into the full
     * sandbox ÷ the same batch into the small one, batches interleaved (1 = flat insert cost).
     */
    growth: number;
  };
  lookup: {
    small: number;
    large: number;
    samples: number;
    /** p50 in ms, and large ÷ small. */
    impUid: { smallP50: number; largeP50: number; ratio: number };
    merchantUid: { smallP50: number; largeP50: number; ratio: number };
  };
  throughput: {
    rounds: number;
    requestsPerRound: number;
    concurrency: number;
    sandboxRps: number;
    bareRps: number;
    /** Median over rounds of sandbox ÷ bare requests per second. */
    ratio: number;
  };
}

interface Child {
  url: string;
  process: ChildProcess;
}

/** Start `code` (an ES module body that prints `READY <url>`) in its own Node process. */
function startChild(code: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve({ url: ready[1]!, process: child });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready:\n${output}`)));
  });
}

const sandboxCode = (module: string) => `
const { startSandboxServer } = await import(${JSON.stringify(module)});
const server = await startSandboxServer({ port: 0, quiet: true });
console.log('READY ' + server.url);`;

/** The baseline: node:http, one route, the same JSON re-serialised per request like any handler would. */
const BARE_CODE = `
import { createServer } from 'node:http';
const envelope = JSON.parse(process.env.BENCH_BODY);
const server = createServer((req, res) => {
  const body = JSON.stringify(envelope);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('READY http://127.0.0.1:' + server.address().port));`;

function stop(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
  });
}

/** One HTTP request on a keep-alive agent; resolves with status and body text. */
function send(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname,
        port,
        method,
        path,
        headers: body ? { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `total` jobs on `concurrency` parallel loops. */
async function parallel(total: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await job(next++);
    }),
  );
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Inserts per interleaved batch of the insert-cost comparison. */
const INSERT_BATCH = 500;
const INSERT_WARMUP_ROUNDS = 2;

interface Filled {
  ms: number;
  payments: { imp_uid: string; merchant_uid: string }[];
}

/** POST /__sandbox/payments `count` times on `concurrency` connections. */
async function fill(agent: Agent, base: string, count: number, concurrency: number, prefix: string): Promise<Filled> {
  const payments = new Array<{ imp_uid: string; merchant_uid: string }>(count);
  const started = performance.now();
  await parallel(count, concurrency, async (index) => {
    const merchantUid = `${prefix}_${index}`;
    const { status, text } = await send(
      agent,
      base,
      'POST',
      '/__sandbox/payments',
      {},
      JSON.stringify({ merchant_uid: merchantUid, amount: 1000 + (index % 50), name: 'bench', buyer_email: 'bench@example.com' }),
    );
    if (status !== 200) throw new Error(`bench fill: POST /__sandbox/payments → ${status}: ${text.slice(0, 200)}`);
    payments[index] = { imp_uid: (JSON.parse(text) as { response: { imp_uid: string } }).response.imp_uid, merchant_uid: merchantUid };
  });
  return { ms: performance.now() - started, payments };
}

async function token(agent: Agent, base: string): Promise<string> {
  const { text } = await send(agent, base, 'POST', '/users/getToken', {}, JSON.stringify({ imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' }));
  return (JSON.parse(text) as { response: { access_token: string } }).response.access_token;
}

/** Requests per second for `count` GETs of `path` on `concurrency` connections. */
async function rps(agent: Agent, base: string, path: string, headers: Record<string, string>, count: number, concurrency: number): Promise<number> {
  const started = performance.now();
  await parallel(count, concurrency, async () => {
    const { status } = await send(agent, base, 'GET', path, headers);
    if (status !== 200) throw new Error(`bench throughput: GET ${path} → ${status}`);
  });
  return count / ((performance.now() - started) / 1000);
}

export async function measureSandboxServer(options: SandboxServerBenchOptions = {}): Promise<SandboxServerBenchResult> {
  const { payments = 50_000, small: smallCount = 1_000, lookups = 400, rounds = 7, requestsPerRound = 4_000, concurrency = 16 } = options;
  const module = pathToFileURL(join(ROOT, 'dist/sandbox-server.js')).href;
  const children: Child[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const [large, small] = await Promise.all([startChild(sandboxCode(module)), startChild(sandboxCode(module))]);
    children.push(large, small);
    const smallFill = await fill(agent, small.url, smallCount, concurrency, 'small');
    const largeFill = await fill(agent, large.url, payments, concurrency, 'large');
    // Insert cost at 50k vs 1k: batches into each sandbox, alternating (and which goes first), so a
    // busy machine slows both alike; comparing tenths of one fill would measure the load over time.
    const batchMs = { small: [] as number[], large: [] as number[] };
    // The first rounds only warm the small sandbox's insert path (it has seen 1k inserts, the large 50k).
    for (let round = -INSERT_WARMUP_ROUNDS; round < rounds; round++) {
      const batch = async (which: 'small' | 'large') => {
        const target = which === 'small' ? small : large;
        const { ms } = await fill(agent, target.url, INSERT_BATCH, concurrency, `${which}_extra_${round}`);
        if (round >= 0) batchMs[which].push(ms);
      };
      if ((round & 1) === 0) await batch('small').then(() => batch('large'));
      else await batch('large').then(() => batch('small'));
    }
    const growth = median(batchMs.large) / median(batchMs.small);

    // Lookups one at a time, alternating the sandboxes (and which goes first) so load hits both alike.
    const auth = { small: { Authorization: `Bearer ${await token(agent, small.url)}` }, large: { Authorization: `Bearer ${await token(agent, large.url)}` } };
    const samples = { impUid: { small: [] as number[], large: [] as number[] }, merchantUid: { small: [] as number[], large: [] as number[] } };
    const pickFrom = (list: Filled['payments'], i: number) => list[(i * 7919) % list.length]!;
    for (let i = 0; i < lookups; i++) {
      const order = i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
      for (const which of order) {
        const base = which === 'small' ? small.url : large.url;
        const payment = pickFrom(which === 'small' ? smallFill.payments : largeFill.payments, i);
        for (const kind of ['impUid', 'merchantUid'] as const) {
          const path = kind === 'impUid' ? `/payments/${payment.imp_uid}?include_sandbox=true` : `/payments/find/${payment.merchant_uid}?include_sandbox=true`;
          const started = performance.now();
          const { status } = await send(agent, base, 'GET', path, auth[which]);
          samples[kind][which].push(performance.now() - started);
          if (status !== 200) throw new Error(`bench lookup: GET ${path} → ${status}`);
        }
      }
    }
    const p50 = (kind: 'impUid' | 'merchantUid') => {
      const smallP50 = median(samples[kind].small);
      const largeP50 = median(samples[kind].large);
      return { smallP50, largeP50, ratio: largeP50 / smallP50 };
    };

    // Throughput: the same payment JSON from the 50k sandbox and from a bare server, interleaved.
    const path = `/payments/${largeFill.payments[0]!.imp_uid}?include_sandbox=true`;
    const { text: body } = await send(agent, large.url, 'GET', path, auth.large);
    const bare = await startChild(BARE_CODE, { BENCH_BODY: body });
    children.push(bare);
    const sandboxRates: number[] = [];
    const bareRates: number[] = [];
    await rps(agent, large.url, path, auth.large, Math.min(1000, requestsPerRound), concurrency); // warm both up
    // the same request (Authorization included) to both: only the server differs
    await rps(agent, bare.url, path, auth.large, Math.min(1000, requestsPerRound), concurrency);
    for (let round = 0; round < rounds; round++) {
      const runSandbox = async () => sandboxRates.push(await rps(agent, large.url, path, auth.large, requestsPerRound, concurrency));
      const runBare = async () => bareRates.push(await rps(agent, bare.url, path, auth.large, requestsPerRound, concurrency));
      if (round % 2 === 0) await runSandbox().then(runBare);
      else await runBare().then(runSandbox);
    }
    return {
      fill: { payments, ms: largeFill.ms, growth },
      lookup: { small: smallCount, large: payments, samples: lookups, impUid: p50('impUid'), merchantUid: p50('merchantUid') },
      throughput: {
        rounds,
        requestsPerRound,
        concurrency,
        sandboxRps: median(sandboxRates),
        bareRps: median(bareRates),
        ratio: median(sandboxRates.map((rate, i) => rate / bareRates[i]!)),
      },
    };
  } finally {
    agent.destroy();
    await Promise.all(children.map(stop));
  }
}

/** The issue-15 budgets: fill ≤ 5 s, lookups at 50k within 1.5× of 1k, GET throughput ≥ 0.8× bare. */
export const SANDBOX_SERVER_BUDGETS = { fillMs: 5_000, lookupRatio: 1.5, throughputRatio: 0.8 } as const;

/** `node scripts/bench/run.mjs sandbox-server`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureSandboxServer(), null, 2));
}
