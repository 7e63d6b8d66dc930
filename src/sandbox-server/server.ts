import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatFaults, type SandboxFaults } from '../sandbox/engine/faults';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_PORT } from '../sandbox/engine/fixtures';
import { createRandom } from '../sandbox/engine/random';
import { optionalString } from './fields';
import { ApiError, ok, readBody, refuse, send, sendPreflight, type Reply } from './http';
import * as rest from './rest';
import { receipt, recordPayment, sdkScript } from './sandbox-routes';
import { Store } from './store';
import { Tokens } from './tokens';
import { Webhooks } from './webhooks';
import { nowSeconds, type World } from './world';

export interface SandboxServerOptions {
  /** Default 8090; 0 = any free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Persist state as JSON (a restart keeps payments); memory only when absent. */
  dataFile?: string;
  /** Default 'sandbox_key'. */
  impKey?: string;
  /** Default 'sandbox_secret'. */
  impSecret?: string;
  /** The shop name the payment window of `/v1/iamport.js` shows (default: the merchant code passed to `IMP.init`). */
  merchantName?: string;
  /** The real SDK's silent failures, reproduced by the `/v1/iamport.js` it serves (`iamport-sandbox --fault`). */
  faults?: SandboxFaults;
  /** Default 1800 (30 min, like the real API). */
  tokenTtlSeconds?: number;
  /** No request logging. */
  quiet?: boolean;
  /** How often due schedules are checked (default 1000 ms). */
  scheduleTickMs?: number;
  /** Waits between webhook attempts (default [500, 2000, 5000]: 4 attempts in all). */
  webhookRetryDelaysMs?: readonly number[];
}

export interface SandboxServer {
  /** e.g. `http://127.0.0.1:54321` */
  url: string;
  port: number;
  close(): Promise<void>;
}

type Handler = (world: World, match: string[], request: rest.RestRequest & { auth: string | undefined }) => Reply;
interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: Handler;
}

const route = (method: string, pattern: RegExp, auth: boolean, handle: Handler): Route => ({ method, pattern, auth, handle });
const UNAUTHORIZED = 'Unauthorized';

const ROUTES: Route[] = [
  route('POST', /^\/users\/getToken$/, false, (world, _match, { body }) => {
    world.stats.tokenRequests++;
    const key = optionalString(body, 'imp_key');
    const secret = optionalString(body, 'imp_secret');
    if (!key || !secret) throw new ApiError(400, -1, 'imp_key, imp_secret 파라미터가 누락되었습니다. (send {"imp_key": "sandbox_key", "imp_secret": "sandbox_secret"})');
    if (key !== world.impKey || secret !== world.impSecret) throw new ApiError(401, -1, '입력된 imp_key, imp_secret 정보가 올바르지 않습니다. (unknown REST API key or secret)');
    return ok(world.tokens.issue(nowSeconds()));
  }),
  route('GET', /^\/payments\/find\/([^/]+)$/, true, (world, [uid]) => rest.findPayment(world, uid!)),
  route('GET', /^\/payments\/([^/]+)$/, true, (world, [uid]) => rest.getPayment(world, uid!)),
  route('POST', /^\/payments\/cancel$/, true, (world, _m, request) => rest.cancel(world, request)),
  route('POST', /^\/subscribe\/payments\/again$/, true, (world, _m, request) => rest.again(world, request)),
  route('POST', /^\/subscribe\/payments\/onetime$/, true, (world, _m, request) => rest.onetime(world, request)),
  route('POST', /^\/subscribe\/payments\/schedule$/, true, (world, _m, request) => rest.schedule(world, request)),
  route('POST', /^\/subscribe\/payments\/unschedule$/, true, (world, _m, request) => rest.unschedule(world, request)),
  route('POST', /^\/subscribe\/customers\/([^/]+)$/, true, (world, [uid], request) => rest.issueKey(world, uid!, request)),
  route('GET', /^\/subscribe\/customers\/([^/]+)$/, true, (world, [uid]) => rest.readKey(world, uid!)),
  route('DELETE', /^\/subscribe\/customers\/([^/]+)$/, true, (world, [uid]) => rest.deleteKey(world, uid!)),
  route('GET', /^\/v1\/iamport\.js$/, false, (world) => sdkScript(world.merchantName, world.faults)),
  route('POST', /^\/__sandbox\/payments$/, false, (world, _m, request) => recordPayment(world, request)),
  route('POST', /^\/__sandbox\/expire-tokens$/, false, (world) => ok({ expired: world.tokens.expireAll() })),
  route('GET', /^\/__sandbox\/stats$/, false, (world) =>
    ok({ ...world.stats, webhooksDelivered: world.webhooks.delivered, webhooksFailed: world.webhooks.failed }),
  ),
  route('GET', /^\/__sandbox\/receipts\/([^/]+)$/, false, (world, [uid]) => receipt(world, uid!)),
  route('GET', /^\/$/, false, (world) =>
    ok({ name: 'iamport-sandbox', script: `${world.url}/v1/iamport.js`, merchant_code: 'imp00000000', docs: 'docs/sandbox.md' }),
  ),
];

async function handle(world: World, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const matching = ROUTES.filter((candidate) => candidate.pattern.test(path));
  const found = matching.find((candidate) => candidate.method === method);
  if (!found) return matching.length > 0 ? refuse(405, -1, `Method ${method} is not allowed on ${path}.`) : refuse(404, -1, `No such endpoint: ${method} ${path}`);
  const auth = (req.headers.authorization ?? req.headers['x-imptokenheader']) as string | undefined;
  if (found.auth && !world.tokens.check(auth, nowSeconds())) return refuse(401, -1, UNAUTHORIZED);
  const { body, form } = method === 'GET' ? { body: {}, form: false } : await readBody(req);
  if (method === 'DELETE') Object.assign(body, Object.fromEntries(url.searchParams));
  const match = (found.pattern.exec(path) ?? []).slice(1).map((part) => decodeURIComponent(part));
  return found.handle(world, match, { body, form, query: url.searchParams, auth });
}

/**
 * Start the local i'mport stand-in: REST API, webhooks, schedules and the browser sandbox at
 * `/v1/iamport.js`.
 *
 * @example
 * const sandbox = await startSandboxServer({ port: 0, quiet: true })
 * // loadIamport({ scriptUrl: `${sandbox.url}/v1/iamport.js` }) in the browser,
 * // createIamportClient({ apiKey: 'sandbox_key', apiSecret: 'sandbox_secret', baseUrl: sandbox.url }) on the server
 * await sandbox.close()
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const log = options.quiet ? () => {} : (line: string) => console.log(`[iamport-sandbox] ${line}`);
  const world: World = {
    store: new Store(options.dataFile),
    tokens: new Tokens(options.tokenTtlSeconds ?? 1800),
    webhooks: new Webhooks(options.webhookRetryDelaysMs ?? [500, 2000, 5000], log),
    random: createRandom(),
    impKey: options.impKey ?? SANDBOX_IMP_KEY,
    impSecret: options.impSecret ?? SANDBOX_IMP_SECRET,
    merchantName: options.merchantName,
    faults: options.faults && formatFaults(options.faults),
    url: '',
    stats: { tokenRequests: 0, requests: 0 },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    world.stats.requests++;
    const started = Date.now();
    if (req.method === 'OPTIONS') return sendPreflight(res);
    handle(world, req)
      .catch((error: unknown) =>
        error instanceof ApiError ? refuse(error.status, error.code, error.message) : (console.error('[iamport-sandbox]', error), refuse(500, -1, 'Internal sandbox error')),
      )
      .then((reply) => {
        // the path only: bodies may carry card numbers
        log(`${req.method} ${(req.url ?? '').split('?')[0]} → ${reply.status} (${Date.now() - started} ms)`);
        send(res, reply);
      });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? SANDBOX_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  world.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const ticker = setInterval(() => rest.runDueSchedules(world), options.scheduleTickMs ?? 1000);
  ticker.unref();

  let closing: Promise<void> | undefined;
  return {
    url: world.url,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        world.webhooks.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
