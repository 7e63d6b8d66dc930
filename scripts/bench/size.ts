/**
 * Min+gzip size of an import, measured the same way for this kit and for the anchors:
 * esbuild bundle, minified, production `process.env.NODE_ENV`, React / react-dom /
 * react-hook-form left external (the app already pays for them), gzip level 9.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export const PACKAGE_NAME = 'react-iamport-jtnet';

/** The repo root, found upwards (this file also runs bundled from node_modules/.cache). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`bench: no ${PACKAGE_NAME} package.json above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);

/**
 * Budgets per page (issue 13), bytes min+gzip of everything the page's imports load, lazy
 * chunks included: 4.8 / 6.8 / 9.0 / 7.0 KB. The whole kit is reported, not guarded: no page
 * imports all of it.
 */
export const PAGE_BUDGETS = { headless: 4915, button: 6963, checkout: 9216, landing: 7168 } as const;

/** Peers an app already ships: never counted. */
export const EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', 'react/jsx-runtime', 'react-hook-form'];

export interface SizeSubject {
  id: string;
  label: string;
  /** ESM source of the entry that is bundled, e.g. `export * from 'react-iamport-jtnet'`. */
  source: string;
  note?: string;
}

export interface SizeResult extends SizeSubject {
  /** Minified bytes of the one-file bundle (lazy imports inlined). */
  minified: number;
  /** Min+gzip bytes of the one-file bundle: the figure the budgets apply to. */
  gzip: number;
  /** Min+gzip bytes loaded before any dynamic import() when code-split. */
  initialGzip: number;
  /** Chunks only reached through dynamic import(). */
  lazyChunks: number;
}

const ours = (id: string, label: string, source: string): SizeSubject => ({ id, label, source });

/** What the kit's size is compared on. Our entries come from the built package (dist/) by name. */
export const OUR_SUBJECTS: SizeSubject[] = [
  ours('hooks', 'hooks (`IamportProvider`, `usePayment`, `useBillingKey`)', `export { IamportProvider, usePayment, useBillingKey } from '${PACKAGE_NAME}';`),
  ours('client', 'full client kit (`export *` from `.`), reported, not guarded', `export * from '${PACKAGE_NAME}';`),
  ours('core', '`/core` (all)', `export * from '${PACKAGE_NAME}/core';`),
  ours('sandbox', '`/sandbox` (all)', `export * from '${PACKAGE_NAME}/sandbox';`),
];

export const ANCHOR_SUBJECTS: SizeSubject[] = [
  {
    id: 'paypal',
    label: '@paypal/react-paypal-js',
    source: `export { PayPalScriptProvider, PayPalButtons, usePayPalScriptReducer } from '@paypal/react-paypal-js';`,
    note: '`PayPalScriptProvider`, `PayPalButtons`, `usePayPalScriptReducer`',
  },
  {
    id: 'stripe',
    label: '@stripe/react-stripe-js',
    source: `export { Elements, useStripe, useElements, PaymentElement } from '@stripe/react-stripe-js';\nexport { loadStripe } from '@stripe/stripe-js';`,
    note: '`Elements`, `useStripe`, `useElements`, `PaymentElement` + `loadStripe`',
  },
];

let packageDir: string | undefined;

/**
 * A directory whose `node_modules/react-iamport-jtnet` links to this repo, so imports by the
 * package name go through package.json `exports` to dist/, as in an app.
 */
export function packageNodePath(): string {
  if (!packageDir) {
    packageDir = mkdtempSync(join(tmpdir(), 'iamport-size-'));
    mkdirSync(join(packageDir, 'node_modules'));
    symlinkSync(ROOT, join(packageDir, 'node_modules', PACKAGE_NAME), 'dir');
    process.once('exit', () => rmSync(packageDir!, { recursive: true, force: true }));
  }
  return join(packageDir, 'node_modules');
}

const OPTIONS = {
  // Ignore the repo's tsconfig.json: its `paths` map the package name to src/, and the
  // figures must come from the built package through package.json `exports`.
  tsconfigRaw: {},
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  // Vite 8's default build target (baseline widely available) is ES2022-level: what a shop built today ships.
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: EXTERNAL,
  write: false,
  logLevel: 'silent',
} as const;

/** What-if edits for the breakdown: dist/esm file (e.g. `core/validation/validate.js`) → rewrite of its text. */
export type DistEdits = Record<string, (text: string) => string>;

/** Applies `edits` to dist/esm files as they are bundled; an edit that changes nothing is an error (the source moved on). */
function editDist(edits: DistEdits): Plugin {
  return {
    name: 'edit-dist',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/]esm[\\/].*\.js$/ }, ({ path }) => {
        const file = path.split(/[\\/]dist[\\/]esm[\\/]/)[1]!.replace(/\\/g, '/');
        const edit = edits[file];
        if (!edit) return undefined;
        const text = readFileSync(path, 'utf8');
        const edited = edit(text);
        if (edited === text) throw new Error(`bench: the what-if edit of dist/esm/${file} changed nothing; update scripts/bench/breakdown.ts`);
        return { contents: edited, loader: 'js' };
      });
    },
  };
}

const gzipBytes = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

/**
 * Bundle `source` (resolved from the repo root) into ONE file, lazily imported code included,
 * and return its minified and min+gzip bytes: everything the import costs a page.
 */
export async function measureSource(
  source: string,
  edits: DistEdits = {},
  /** Peers counted this time (e.g. `['react-hook-form']` for an app that does not use it yet). */
  bundled: readonly string[] = [],
): Promise<{ minified: number; gzip: number; text: string; inputs: string[] }> {
  const plugins = Object.keys(edits).length ? [editDist(edits)] : [];
  const result = await build({
    ...OPTIONS,
    external: EXTERNAL.filter((name) => !bundled.includes(name)),
    stdin: { contents: source, resolveDir: ROOT, loader: 'js', sourcefile: 'entry.js' },
    nodePaths: [packageNodePath()],
    metafile: true,
    plugins,
  });
  const output = result.outputFiles[0]!;
  // Input files relative to the repo root, e.g. dist/react/usePayment.js.
  const inputs = Object.keys(result.metafile.inputs).map((path) => relative(ROOT, join(process.cwd(), path)));
  return { minified: output.contents.byteLength, gzip: gzipBytes(output.contents), text: output.text, inputs };
}

/**
 * The same entry code-split (esbuild `splitting`): min+gzip of the entry chunk and the chunks
 * it imports statically, i.e. what loads before any dynamic `import()` is followed.
 */
export async function measureInitialChunk(source: string): Promise<{ gzip: number; lazyChunks: number }> {
  const dir = mkdtempSync(join(packageNodePath(), '..', 'entry-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, source);
  const outdir = join(dir, 'out');
  const result = await build({
    ...OPTIONS,
    entryPoints: [entry],
    outdir,
    splitting: true,
    metafile: true,
    nodePaths: [packageNodePath(), join(ROOT, 'node_modules')],
  });
  const outputs = result.metafile.outputs;
  const bytes = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const next of outputs[path]!.imports) if (!next.external && next.kind === 'import-statement') visit(next.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path]!.entryPoint)!);
  const gzip = [...initial].reduce((sum, path) => sum + gzipBytes(bytes.get(path)!), 0);
  return { gzip, lazyChunks: Object.keys(outputs).filter((path) => path.endsWith('.js') && !initial.has(path)).length };
}

export async function measureSubject(subject: SizeSubject): Promise<SizeResult> {
  const [whole, initial] = await Promise.all([measureSource(subject.source), measureInitialChunk(subject.source)]);
  return { ...subject, minified: whole.minified, gzip: whole.gzip, initialGzip: initial.gzip, lazyChunks: initial.lazyChunks };
}

/** Every subject, ours first then the anchors. */
export async function measureSizes(): Promise<{ ours: SizeResult[]; anchors: SizeResult[] }> {
  return {
    ours: await Promise.all(OUR_SUBJECTS.map(measureSubject)),
    anchors: await Promise.all(ANCHOR_SUBJECTS.map(measureSubject)),
  };
}

/** `node scripts/bench/run.mjs size`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureSizes(), null, 2));
}
