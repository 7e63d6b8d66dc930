/**
 * Shared pieces of the Chromium benchmarks: bundle a page from scripts/bench/pages with the
 * BUILT package (resolved by name through package.json `exports`), serve it from 127.0.0.1
 * while counting requests, and drive Debian's Chromium through playwright-core.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { packageNodePath, ROOT } from './size.ts';

/** Bundle `scripts/bench/pages/<name>.tsx` (and React) into one classic script. */
export async function bundlePage(name: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench/pages', `${name}.tsx`)],
    nodePaths: [packageNodePath()],
    // Not the repo's tsconfig.json: its `paths` point the package name at src/.
    tsconfigRaw: {},
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    charset: 'utf8',
    // Production React: what a shop ships. Profiler callbacks come from react-dom/profiling.
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface Route {
  type: string;
  body: string;
}

export interface LocalServer {
  url: string;
  /** Requests received per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Serve fixed routes from 127.0.0.1 on a free port, uncached, counting every request. */
export async function serve(routes: Record<string, Route>): Promise<LocalServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    res.writeHead(route ? 200 : 404, {
      'content-type': route?.type ?? 'text/plain',
      'cache-control': 'no-store',
      // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs resolution.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An HTML shell that runs `/page.js` (after `head`, e.g. a DevTools hook stub; `body` adds elements next to `#root`). */
export function html(head = '', body = ''): Route {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body><div id="root"></div>${body}<script src="/page.js"></script></body></html>`,
  };
}

export const script = (body: string): Route => ({ type: 'text/javascript; charset=utf-8', body });

/** Launch Chromium, give `run` a fresh page (and the browser, e.g. for tracing), always close the browser. */
export async function withPage<T>(run: (page: Page, browser: Browser) => Promise<T>): Promise<T> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    // An exception in the page fails the measurement at once (not after a wait times out).
    let fail: (error: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => (fail = reject));
    crashed.catch(() => {});
    page.on('pageerror', (error) => fail(new Error(`bench page threw: ${error.message}`)));
    return await Promise.race([run(page, browser), crashed]);
  } finally {
    await browser.close();
  }
}

/** Let React flush: two animation frames. */
export const settle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
