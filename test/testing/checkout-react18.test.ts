// The docs' checkout test (shop/src/Checkout.test.tsx) again, on React 18.3: the same file
// bundled with every `react` / `react-dom` import (the test's, Testing Library's, the kit's)
// pointed at test/react18/node_modules, then imported here so its tests run in this file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const REACT_18 = resolve(ROOT, 'test/react18/node_modules');
// Inside the repository, so the bundle's bare `vitest` import resolves to this very runner.
const OUT = join(ROOT, 'node_modules/.cache/react-iamport-jtnet-testing', 'checkout-react18.mjs');

mkdirSync(join(OUT, '..'), { recursive: true });
// esbuild's CLI in a child process: its JavaScript API refuses to run inside jsdom's globals.
execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [
  resolve(import.meta.dirname, 'shop/src/Checkout.test.tsx'),
  `--outfile=${OUT}`,
  '--bundle',
  '--format=esm',
  '--platform=browser',
  '--jsx=automatic',
  '--external:vitest',
  `--tsconfig=${join(ROOT, 'tsconfig.json')}`, // paths: react-iamport-jtnet → src/
  `--alias:react=${REACT_18}/react`,
  `--alias:react-dom=${REACT_18}/react-dom`,
  '--define:process.env.NODE_ENV="test"',
  '--log-level=error',
]);

it('the bundle runs React 18.3 only (its react, react-dom and scheduler)', () => {
  const code = readFileSync(OUT, 'utf8');
  expect(code).toMatch(/["']18\.3\.1["']/);
  expect(code).not.toMatch(/["']19\.\d+\.\d+["']/);
});

await import(/* @vite-ignore */ pathToFileURL(OUT).href);
