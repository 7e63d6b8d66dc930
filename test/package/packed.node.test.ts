// The package as npm publishes it: `npm pack`, then publint and arethetypeswrong on the
// tarball, then plain-Node ESM and CJS consumers that install it and import every entry.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { ROOT } from '../../scripts/bench/size.ts';

const run = promisify(execFile);
const ENTRIES = [
  'react-iamport-jtnet',
  'react-iamport-jtnet/core',
  'react-iamport-jtnet/sandbox',
  'react-iamport-jtnet/server',
  'react-iamport-jtnet/sandbox-server',
  'react-iamport-jtnet/testing',
  'react-iamport-jtnet/testing/server',
] as const;
const PEERS = ['react', 'react-dom', 'react-hook-form', 'scheduler'];

/** Exports each entry must have, in both formats (and what must stay out). */
const EXPECTED: Record<(typeof ENTRIES)[number], { has: string[]; lacks: string[] }> = {
  'react-iamport-jtnet': {
    has: ['IamportProvider', 'usePayment', 'useBillingKey', 'PaymentForm', 'loadIamport', 'IamportError'],
    lacks: ['createIamportClient', 'createSandboxIamport'],
  },
  'react-iamport-jtnet/core': {
    has: ['loadIamport', 'validatePaymentRequest', 'cardFilter', 'IamportError', 'parseRedirectResult'],
    lacks: ['IamportProvider'],
  },
  'react-iamport-jtnet/sandbox': { has: ['createSandboxIamport', 'SANDBOX_CARDS'], lacks: ['IamportProvider'] },
  'react-iamport-jtnet/server': { has: ['createIamportClient', 'handleWebhook', 'IamportApiError'], lacks: ['IamportProvider'] },
  'react-iamport-jtnet/sandbox-server': { has: ['startSandboxServer'], lacks: ['IamportProvider', 'createIamportClient'] },
  'react-iamport-jtnet/testing': {
    has: ['createFakeIamport', 'renderWithIamport', 'sandboxWindow', 'expectRedirectLanding'],
    lacks: ['withSandboxServer', 'IamportProvider', 'createIamportClient'],
  },
  'react-iamport-jtnet/testing/server': {
    has: ['withSandboxServer', 'startTestSandbox'],
    lacks: ['createFakeIamport', 'IamportProvider', 'createIamportClient'],
  },
};

let work: string;
let tarball: string;
let app: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'iamport-packed-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);

  // A consumer app: the tarball unpacked in node_modules, peers linked from this repo.
  app = join(work, 'app');
  const installed = join(app, 'node_modules', 'react-iamport-jtnet');
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const peer of PEERS) symlinkSync(join(ROOT, 'node_modules', peer), join(app, 'node_modules', peer), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { 'react-iamport-jtnet': 'file:../pkg.tgz' } }));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed package', () => {
  it('is publint-clean (strict: warnings count as errors)', async () => {
    // The unpacked tarball holds exactly the published files, so nothing needs packing again.
    const { messages, pkg } = await publint({ pkgDir: join(app, 'node_modules', 'react-iamport-jtnet'), strict: true, level: 'suggestion', pack: false });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it('has no arethetypeswrong problems in any entry (node10, node16 CJS/ESM, bundler)', async () => {
    const attw = join(ROOT, 'node_modules/.bin/attw');
    // styles.css is a stylesheet, not a module: there are no types to resolve for it.
    const { stdout } = await run(attw, [tarball, '--format', 'json', '--exclude-entrypoints', './styles.css'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as {
      analysis: { problems: { kind: string; entrypoint?: string; resolutionKind?: string }[]; entrypoints: Record<string, unknown> };
    };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([
      '.',
      './core',
      './package.json',
      './sandbox',
      './sandbox-server',
      './server',
      './testing',
      './testing/server',
    ]);
    expect(report.analysis.problems.map((problem) => `${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`.trim())).toEqual([]);
  }, 60_000);

  it('ships production JSX: no published module imports react/jsx-dev-runtime', () => {
    // A build run with NODE_ENV≠production emits jsxDEV calls, which are undefined in a production React.
    const dist = join(app, 'node_modules', 'react-iamport-jtnet', 'dist');
    const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(c|m)?js$/.test(file));
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((file) => readFileSync(join(dist, file), 'utf8').includes('react/jsx-dev-runtime'))).toEqual([]);
  });

  it.each(['esm', 'cjs'] as const)('a plain Node %s consumer imports every entry', async (format) => {
    const file = join(app, format === 'esm' ? 'consumer.mjs' : 'consumer.cjs');
    const load = format === 'esm' ? 'await import(entry)' : 'require(entry)';
    const body = `const out = {};\nfor (const entry of ${JSON.stringify(ENTRIES)}) out[entry] = Object.keys(${load}).sort();\nconsole.log(JSON.stringify(out));`;
    writeFileSync(file, format === 'esm' ? body : `(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exit(1); });`);
    const { stdout } = await run(process.execPath, [file], { cwd: app });
    const exports = JSON.parse(stdout) as Record<string, string[]>;
    for (const entry of ENTRIES) {
      expect(exports[entry], entry).toEqual(expect.arrayContaining(EXPECTED[entry].has));
      for (const name of EXPECTED[entry].lacks) expect(exports[entry], `${entry} must not export ${name}`).not.toContain(name);
    }
  });

  it('ESM and CJS builds export the same names for every entry', async () => {
    const names = async (format: 'esm' | 'cjs') =>
      JSON.parse((await run(process.execPath, [join(app, format === 'esm' ? 'consumer.mjs' : 'consumer.cjs')], { cwd: app })).stdout) as Record<
        string,
        string[]
      >;
    const [esm, cjs] = await Promise.all([names('esm'), names('cjs')]);
    // CJS interop adds `default` only when the module has one; compare the named exports.
    const named = (list: string[] | undefined) => (list ?? []).filter((name) => name !== 'default' && name !== '__esModule');
    for (const entry of ENTRIES) expect(named(cjs[entry]), entry).toEqual(named(esm[entry]));
  });
});
