// The shop as its developer runs it: the browser app (bundled by esbuild, the kit from src/),
// its two API routes, and iamport-sandbox, each on a free port. Used by the docs' Playwright
// specs (test/e2e/testing-docs.e2e.test.ts starts it); `node dev-server.ts` is not needed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startTestSandbox } from 'react-iamport-jtnet/testing/server';
import { toRequest } from '../../../src/testing/server/node-request';
import { createOrders } from './src/server/orders';
import { createVerifyRoute } from './src/server/verify-route';

const ROOT = resolve(import.meta.dirname, '../../..');
const PRODUCT = { name: '에티오피아 예가체프 200g', amount: 15_000 };

export interface RunningShop {
  url: string;
  sandboxUrl: string;
  close(): Promise<void>;
}

export async function startShop(): Promise<RunningShop> {
  const [sandbox, bundle] = await Promise.all([
    startTestSandbox(),
    build({
      entryPoints: [join(import.meta.dirname, 'src/main.tsx')],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      target: 'es2022',
      tsconfig: join(ROOT, 'tsconfig.json'), // paths: react-iamport-jtnet → src/
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    }),
  ]);
  const script = bundle.outputFiles[0]!.text;
  const orders = createOrders();
  const verify = createVerifyRoute({ iamport: sandbox.client, orders });
  const page = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>온기 커피</title>
<script>window.SHOP_CONFIG = ${JSON.stringify({ sandboxUrl: sandbox.url })};</script><script type="module" src="/app.js"></script></head><body><main id="root"></main></body></html>`;

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    if (req.method === 'GET' && (path === '/' || path === '/payments/complete')) return send(200, 'text/html; charset=utf-8', page);
    if (req.method === 'GET' && path === '/app.js') return send(200, 'text/javascript; charset=utf-8', script);
    if (req.method === 'POST' && path === '/api/orders') return send(200, 'application/json', JSON.stringify(orders.create(PRODUCT)));
    if (req.method === 'POST' && path === '/api/payments/verify') {
      return void verify(toRequest(req)).then(async (response) => send(response.status, 'application/json', await response.text()));
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sandboxUrl: sandbox.url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await sandbox.close();
    },
  };
}
