// Server code can never reach a browser bundle silently. `react-iamport-jtnet/server` resolves,
// through package.json `exports`, to a stub that throws on load under the `browser` condition
// (and to the real module under react-server / node / edge-light / workerd / default); a bundler
// that ignores `browser` still keeps the module's own browser guard (`sideEffects`).
// Runs on the built package (dist/), imported by name as an app does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, type Rolldown } from 'vite';
import { packageNodePath } from '../../scripts/bench/size.ts';

const STUB_MESSAGE = 'react-iamport-jtnet/server was bundled for a browser, where it must never run';
const GUARD_MESSAGE = /react-iamport-jtnet\/server must not run in a browser/;
/** What only the real REST client contains. */
const SERVER_CODE = ['getToken', 'imp_secret'];
const APP_CODE = `import { createIamportClient } from 'react-iamport-jtnet/server';\nexport const client = createIamportClient({ apiKey: 'k', apiSecret: 's' });\n`;

/** An app folder whose node_modules/react-iamport-jtnet is this repository (its package.json `exports`). */
function app(): string {
  const dir = mkdtempSync(join(packageNodePath(), '..', 'server-in-browser-'));
  writeFileSync(join(dir, 'main.js'), APP_CODE);
  return dir;
}

/** A Vite (Rolldown) client build of the app as one classic script; `conditions` replaces Vite's defaults (which include `browser`). */
async function viteClientBuild(resolve?: { conditions: string[] }): Promise<string> {
  const root = app();
  const output = (await viteBuild({
    root,
    configFile: false,
    logLevel: 'silent',
    ...(resolve && { resolve }),
    build: { write: false, minify: false, lib: { entry: join(root, 'main.js'), formats: ['iife'], name: 'App', fileName: 'app' } },
  })) as Rolldown.RolldownOutput[];
  return output
    .flatMap((result) => result.output)
    .map((chunk) => ('code' in chunk ? chunk.code : ''))
    .join('\n');
}

/** Run a classic-script bundle as a page would, with `window` and `document`; the error it throws, if any. */
function loadInPage(code: string): unknown {
  const window: Record<string, unknown> = { document: {} };
  window.window = window;
  try {
    runInNewContext(code, { window, document: window.document, globalThis: window, console });
    return null;
  } catch (error) {
    return error;
  }
}

describe('react-iamport-jtnet/server in a browser bundle', () => {
  it('a Vite client build gets the stub: no REST client in the output, and it throws the message on load', async () => {
    const code = await viteClientBuild();
    for (const marker of SERVER_CODE) expect(code, marker).not.toContain(marker);
    expect(code).toContain(STUB_MESSAGE);
    expect(loadInPage(code)).toMatchObject({ message: expect.stringContaining(STUB_MESSAGE) });
  }, 60_000);

  it('a bundler configured without the browser condition keeps the module guard (sideEffects): the bundle refuses to load in a page', async () => {
    const code = await viteClientBuild({ conditions: ['module'] });
    expect(code).toContain('users/getToken'); // the real module: the guard is what stands between it and the page
    expect(loadInPage(code)).toMatchObject({ message: expect.stringMatching(GUARD_MESSAGE) });
  }, 60_000);

  // The condition sets real resolvers use: a runtime that also lists `browser` (edge, workers)
  // must still get the real module, so its own condition comes first in the map.
  it.each([
    { runtime: 'Next.js edge runtime', conditions: ['edge-light', 'worker', 'browser'], real: true },
    { runtime: 'Cloudflare workerd', conditions: ['workerd', 'worker', 'browser'], real: true },
    { runtime: 'React Server Components', conditions: ['react-server'], real: true },
    { runtime: 'Node', conditions: ['node'], real: true },
    { runtime: 'no condition (default)', conditions: [], real: true },
    { runtime: 'a browser', conditions: ['browser'], real: false },
  ])('$runtime ($conditions): the real module? $real', async ({ conditions, real }) => {
    const { outputFiles } = await esbuild({
      entryPoints: [join(app(), 'main.js')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: [],
      conditions,
      tsconfigRaw: {},
      logLevel: 'silent',
    });
    const code = outputFiles[0]!.text;
    expect(code.includes('users/getToken')).toBe(real);
    expect(code.includes(STUB_MESSAGE)).toBe(!real);
  });
});
