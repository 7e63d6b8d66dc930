/**
 * Server module under load: 1,000 concurrent `verifyPayment` calls from one client against a
 * local `iamport-sandbox`, counting token requests on the sandbox side. Uses the built dist/.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type * as SandboxServerModule from '../../src/sandbox-server/index.ts';
import type * as ServerModule from '../../src/server/index.ts';
import { ROOT } from './size.ts';

export interface ServerResult {
  calls: number;
  verified: number;
  tokenRequests: number;
  /** All HTTP requests the sandbox received for the run (tokens + payments). */
  httpRequests: number;
  wallMs: number;
}

const load = <T>(file: string): Promise<T> => import(pathToFileURL(join(ROOT, 'dist', file)).href);

async function stats(url: string): Promise<{ tokenRequests: number; requests: number }> {
  const body = (await (await fetch(`${url}/__sandbox/stats`)).json()) as { response: { tokenRequests: number; requests: number } };
  return body.response;
}

export async function measureServer(calls = 1000): Promise<ServerResult> {
  const { startSandboxServer } = await load<typeof SandboxServerModule>('sandbox-server.js');
  const { createIamportClient } = await load<typeof ServerModule>('server.js');
  const sandbox = await startSandboxServer({ port: 0, quiet: true });
  try {
    const merchantUid = `bench_${Date.now()}`;
    const created = await fetch(`${sandbox.url}/__sandbox/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ merchant_uid: merchantUid, amount: 1004, name: 'bench', pay_method: 'card' }),
    });
    const { response: payment } = (await created.json()) as { response: { imp_uid: string; status: string } };
    if (payment.status !== 'paid') throw new Error(`server bench: the sandbox payment is ${payment.status}, expected paid`);

    const client = createIamportClient({ apiKey: 'sandbox_key', apiSecret: 'sandbox_secret', baseUrl: sandbox.url, mode: 'test' });
    const before = await stats(sandbox.url);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: calls }, () => client.verifyPayment({ impUid: payment.imp_uid, amount: 1004, merchantUid })));
    const wallMs = performance.now() - started;
    const after = await stats(sandbox.url);
    return {
      calls,
      verified: results.filter((result) => result.status === 'paid').length,
      tokenRequests: after.tokenRequests - before.tokenRequests,
      // minus the stats request itself
      httpRequests: after.requests - before.requests - 1,
      wallMs,
    };
  } finally {
    await sandbox.close();
  }
}

/** `node scripts/bench/run.mjs server`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureServer(), null, 2));
}
