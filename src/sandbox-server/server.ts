import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { formatFaults, type SandboxFaults } from '../sandbox/engine/faults';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_PORT } from '../sandbox/engine/fixtures';
import { createRandom } from '../sandbox/engine/random';
import { ApiError, refuse, type Reply } from './envelope';
import { readBody, send, sendPreflight } from './http';
import { emptyFields, parseForm, parseTarget } from './parse';
import { runDueSchedules } from './rest';
import { findRoute, pathParams, unauthorized } from './routes';
import { Store } from './store';
import { Tokens } from './tokens';
import { Webhooks } from './webhooks';
import { nowSeconds, type World } from './world';

export interface SandboxServerOptions {
  /** Default 8090; 0 = any free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Persist state in this file (an append-only journal): a restart, even after a crash, keeps every acknowledged change. */
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
  /** The console's webhook URL: where payments made without `notice_url` send their webhooks. */
  noticeUrl?: string | readonly string[];
  /**
   * Re-send failed webhooks (network error or 5xx only; up to 5, a minute apart). Default false:
   * one attempt, as i'mport does unless support enables re-sends.
   */
  webhookResends?: boolean;
  /** Webhook body: `'json'` (default) or `'form'` (form-encoded), as picked in the console. */
  webhookFormat?: 'json' | 'form';
  /** Multiplies webhook waits and timeouts (default 1; tests use e.g. 0.001 so a minute is 60 ms). */
  webhookTimeScale?: number;
}

export interface SandboxServer {
  /** e.g. `http://127.0.0.1:54321` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Route, authenticate and parse one request. GETs stay synchronous (the hot path); a body is
 * read only for POST, PUT and DELETE.
 */
function dispatch(world: World, req: IncomingMessage): Reply | Promise<Reply> {
  const method = req.method ?? 'GET';
  const { path, query: queryText } = parseTarget(req.url);
  const found = findRoute(method, path);
  const header = req.headers.authorization ?? req.headers['x-imptokenheader'];
  if (found.auth && !world.tokens.check(typeof header === 'string' ? header : undefined, nowSeconds())) throw unauthorized();
  const params = pathParams(found, path);
  const query = queryText === '' ? emptyFields() : parseForm(queryText);
  if (method === 'GET' || method === 'HEAD') return found.handle(world, params, { body: emptyFields(), form: false, query, headers: req.headers });
  return readBody(req).then(({ body, form }) => found.handle(world, params, { body, form, query, headers: req.headers }));
}

/** An ApiError is the client's fault: its envelope. Anything else is a bug: one log line (no stack), 500. */
function failure(error: unknown, req: IncomingMessage): Reply {
  if (error instanceof ApiError) return refuse(error.status, error.code, error.message);
  console.error(
    `[iamport-sandbox] internal error on ${req.method} ${(req.url ?? '').split('?')[0]!.slice(0, 200)}: ${(error as Error)?.message ?? String(error)}`,
  );
  return refuse(500, -1, 'Internal sandbox error');
}

/** What Node's HTTP parser refuses (bad request line, headers too large) still gets the envelope. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({ code: -1, message: `Malformed HTTP request (${error.code ?? 'parse error'}).`, response: null });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
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
    webhooks: new Webhooks({
      resends: options.webhookResends ?? false,
      format: options.webhookFormat ?? 'json',
      timeScale: options.webhookTimeScale ?? 1,
      log,
    }),
    random: createRandom(),
    impKey: options.impKey ?? SANDBOX_IMP_KEY,
    impSecret: options.impSecret ?? SANDBOX_IMP_SECRET,
    merchantName: options.merchantName,
    defaultNoticeUrls: options.noticeUrl === undefined ? [] : typeof options.noticeUrl === 'string' ? [options.noticeUrl] : [...options.noticeUrl],
    faults: options.faults && formatFaults(options.faults),
    url: '',
    stats: { tokenRequests: 0, requests: 0 },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    world.stats.requests++;
    if (req.method === 'OPTIONS') return sendPreflight(res);
    const started = options.quiet ? 0 : Date.now();
    const finish = (reply: Reply) => {
      // the path only: bodies and queries may carry card numbers
      if (!options.quiet) log(`${req.method} ${(req.url ?? '').split('?')[0]} → ${reply.status} (${Date.now() - started} ms)`);
      send(res, reply);
    };
    let reply: Reply | Promise<Reply>;
    try {
      reply = dispatch(world, req);
    } catch (error) {
      reply = failure(error, req);
    }
    if (reply instanceof Promise) void reply.catch((error: unknown) => failure(error, req)).then(finish);
    else finish(reply);
  });
  server.on('clientError', answerClientError);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      world.store.close(); // the --data file stays consistent; nothing else was opened
      reject(error);
    });
    server.listen(options.port ?? SANDBOX_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  world.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const ticker = setInterval(() => runDueSchedules(world), options.scheduleTickMs ?? 1000);
  ticker.unref();

  let closing: Promise<void> | undefined;
  return {
    url: world.url,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        world.webhooks.close();
        server.close((error) => {
          world.store.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      })),
  };
}
