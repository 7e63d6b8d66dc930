import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../src/sandbox-server';

export interface Answer<T = any> {
  status: number;
  body: { code: number; message: string | null; response: T };
}

/** A started sandbox plus small request helpers. */
export async function sandboxServer(options: SandboxServerOptions = {}) {
  const server: SandboxServer = await startSandboxServer({ port: 0, quiet: true, ...options });
  const call = async <T = any>(method: string, path: string, init: { json?: unknown; form?: string; raw?: string; token?: string | null } = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.json !== undefined) (headers['Content-Type'] = 'application/json'), (body = JSON.stringify(init.json));
    if (init.form !== undefined) (headers['Content-Type'] = 'application/x-www-form-urlencoded'), (body = init.form);
    if (init.raw !== undefined) (headers['Content-Type'] = 'application/json'), (body = init.raw);
    const reply = await fetch(server.url + path, { method, headers, body });
    return { status: reply.status, body: (await reply.json()) as Answer<T>['body'] };
  };
  const token = async () => (await call('POST', '/users/getToken', { json: { imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' } })).body.response.access_token as string;
  return { server, call, token };
}

/** A local webhook receiver; `failFirst` answers 500 that many times before 200. */
export async function webhookReceiver(failFirst = 0) {
  const hits: { body: any; at: number }[] = [];
  const waiters: (() => void)[] = [];
  let failures = failFirst;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      hits.push({ body: JSON.parse(text), at: Date.now() });
      res.statusCode = failures-- > 0 ? 500 : 200;
      res.end();
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  /** Resolves once `count` deliveries arrived. */
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (hits.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { url, hits, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
export const uid = (prefix = 'order') => `${prefix}_${Math.random().toString(36).slice(2, 12)}`;
