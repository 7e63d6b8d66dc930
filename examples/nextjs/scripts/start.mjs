#!/usr/bin/env node
// `npm run example:next`: builds the package's dist/ if missing and this Next.js app (next build),
// starts iamport-sandbox and `next start`, prints the shop's URL and stops both on Ctrl-C / SIGTERM.
//
//   flags: --bundler turbopack|webpack (default turbopack; each builds into its own .next-<bundler>)
//          --port N (SHOP_PORT, default 3000; 0 = any free port), --sandbox-port N (SANDBOX_PORT,
//          default 8090; 0 = any), --no-build (never build), --build-only (build, then exit),
//          --checks (also build the test-only pages, *.check.tsx, into .next-<bundler>-checks), --quiet
// Nothing is downloaded: telemetry is off and the app uses system fonts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const APP = resolve(import.meta.dirname, '..');
const ROOT = resolve(APP, '../..');
const NEXT_BIN = join(ROOT, 'node_modules/next/dist/bin/next');
const BUNDLERS = ['turbopack', 'webpack'];
const NEXT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['dom', 'dom.iterable', 'esnext'],
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    plugins: [{ name: 'next' }],
  },
  include: ['**/*.ts', '**/*.tsx'],
  exclude: ['node_modules'],
};

function parseArgs(argv) {
  const options = {
    bundler: 'turbopack',
    port: process.env.SHOP_PORT ?? '3000',
    sandboxPort: process.env.SANDBOX_PORT ?? '8090',
    build: true,
    buildOnly: false,
    checks: false,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--bundler') options.bundler = argv[++i];
    else if (arg === '--port') options.port = argv[++i];
    else if (arg === '--sandbox-port') options.sandboxPort = argv[++i];
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--build-only') options.buildOnly = true;
    else if (arg === '--checks') options.checks = true;
    else if (arg === '--quiet') options.quiet = true;
    else
      throw new Error(
        `unknown option ${arg}. Usage: npm run example:next -- [--bundler turbopack|webpack] [--port 3000] [--sandbox-port 8090] [--no-build] [--build-only] [--checks] [--quiet]`,
      );
  }
  if (!BUNDLERS.includes(options.bundler)) throw new Error(`--bundler must be one of ${BUNDLERS.join(', ')}; got ${JSON.stringify(options.bundler)}.`);
  for (const key of ['port', 'sandboxPort']) {
    const value = Number(options[key]);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
      throw new Error(
        `${key === 'port' ? 'SHOP_PORT/--port' : 'SANDBOX_PORT/--sandbox-port'} must be a port number (0-65535); got ${JSON.stringify(options[key])}.`,
      );
    options[key] = value;
  }
  return options;
}

/** The environment `next build` and `next start` share: the build directory, no telemetry, test pages or not. */
function nextEnv({ bundler, checks }, extra = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: `.next-${bundler}${checks ? '-checks' : ''}`, ...extra };
  if (checks) env.NEXT_CHECK_PAGES = '1';
  else delete env.NEXT_CHECK_PAGES;
  return env;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status}).`);
}

/** dist/ (npm run build) when missing, then `next build` (always: Next keeps its own cache for what did not change). */
function build(options, log) {
  if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(join(ROOT, 'dist/sandbox-sdk.js'))) {
    log('dist/ is missing: running `npm run build`…');
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT });
  }
  const env = nextEnv(options);
  log(`next build (${options.bundler}) into examples/nextjs/${env.NEXT_DIST_DIR}…`);
  // Next reads (and adds its build directories to) a git-ignored tsconfig of its own; unlike
  // tsconfig.json it has no `paths` to the sources: the app builds against dist/, by package name.
  writeFileSync(join(APP, 'tsconfig.next.json'), `${JSON.stringify(NEXT_TSCONFIG, null, 2)}\n`);
  run(process.execPath, [NEXT_BIN, 'build', ...(options.bundler === 'webpack' ? ['--webpack'] : [])], { cwd: APP, env });
}

/** `next start`, resolved with its URL once it prints it. */
function startNext(options, sandboxUrl) {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(options.port), '--hostname', '127.0.0.1'], {
    cwd: APP,
    env: nextEnv(options, { IAMPORT_API_URL: sandboxUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolveStart, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
      const local = /Local:\s+(http:\/\/\S+)/.exec(output);
      if (local) resolveStart({ child, url: local[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
      process.stderr.write(chunk); // errors always show (a test reads them too)
    });
    child.once('exit', (code) => reject(new Error(`next start exited (${code}) before printing its URL:\n${output}`)));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = options.quiet ? () => {} : (line) => console.log(line);
  if (options.build) build(options, log);
  if (options.buildOnly) return;

  const { startSandboxServer } = await import(pathToFileURL(join(ROOT, 'dist/sandbox-server.js')).href);
  const sandbox = await startSandboxServer({ port: options.sandboxPort, host: '127.0.0.1', quiet: options.quiet, merchantName: '온기 커피 로스터스' });
  let next;
  try {
    next = await startNext(options, sandbox.url);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  // Tests read these two lines; keep their shape.
  console.log(`iamport-sandbox: ${sandbox.url}`);
  console.log(`nextjs: ${next.url}`);
  log(
    `\n  ☕ Next.js shop (${options.bundler}) — open ${next.url}\n  Pay with 4242-4242-4242-4242, any future expiry, birth date 6 digits, 2 PIN digits. Ctrl-C stops.\n`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const exited = new Promise((done) => next.child.once('exit', done));
    if (next.child.exitCode === null) next.child.kill('SIGTERM');
    await Promise.all([exited, sandbox.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`next start exited (${code}).`);
    void sandbox.close().finally(() => process.exit(1));
  });
}

main().catch((error) => {
  console.error(`example:next: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
