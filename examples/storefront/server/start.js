#!/usr/bin/env node
// `npm start`: builds what is needed, starts iamport-sandbox and the storefront, prints the
// shop's URL and stops both on Ctrl-C / SIGTERM. `npm start -- --help` lists the options.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureFrontend, ensureLibrary, ROOT, SHOP_DIST } from './build.js';

/** One row of the usage each: flags, what it does, the environment variable that sets it too. */
const OPTIONS = [
  ['--port <n>', 'the shop: frontend + API (default 5173; 0 = any free port)', 'SHOP_PORT'],
  ['--sandbox-port <n>', 'iamport-sandbox (default 8090; 0 = any free port)', 'IAMPORT_SANDBOX_PORT'],
  ['--host <address>', 'where both listen (default 127.0.0.1, this machine only)', 'SHOP_HOST'],
  ['--quiet', 'no request logs', ''],
  ['--no-build', 'never rebuild dist/ (still builds it when missing)', ''],
  ['-h, --help', 'this text', ''],
];
const USAGE = `Usage: npm start -- [options]   (flags win over the environment)

${OPTIONS.map(([flags, what, env]) => `  ${flags.padEnd(20)}  ${env ? `${what.padEnd(58)}  env ${env}` : what}`).join('\n')}`;

/** Thrown for bad options: printed with the usage, exit code 2 (as iamport-sandbox does). */
class UsageError extends Error {}

/** The sandbox port's variable; `SANDBOX_PORT`, its old name, still works with a note. */
function sandboxPortFromEnv(env, warn) {
  if (env.IAMPORT_SANDBOX_PORT !== undefined || env.SANDBOX_PORT === undefined) return env.IAMPORT_SANDBOX_PORT ?? '8090';
  warn('storefront: SANDBOX_PORT is deprecated; use IAMPORT_SANDBOX_PORT (the name iamport-sandbox reads too).');
  return env.SANDBOX_PORT;
}

function parseArgs(argv, env = process.env, warn = console.warn) {
  const options = {
    port: env.SHOP_PORT ?? '5173',
    sandboxPort: sandboxPortFromEnv(env, warn),
    host: env.SHOP_HOST ?? '127.0.0.1',
    quiet: false,
    build: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = argv[++i];
    else if (arg === '--sandbox-port') options.sandboxPort = argv[++i];
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new UsageError(`unknown option ${arg}.`);
  }
  for (const [key, names] of [
    ['port', 'SHOP_PORT / --port'],
    ['sandboxPort', 'IAMPORT_SANDBOX_PORT / --sandbox-port'],
  ]) {
    const value = Number(options[key]);
    if (options[key] === undefined || !/^\d+$/.test(options[key]) || value > 65535)
      throw new UsageError(`${names} must be a port number (0-65535); got ${JSON.stringify(options[key])}.`);
    options[key] = value;
  }
  return options;
}

/** Turn a failed listen into a message that says what to do. */
function explainListenError(error, what, port, envName) {
  const other = port > 0 && port < 65535 ? port + 1 : 0;
  if (error?.code === 'EADDRINUSE') {
    return new Error(
      `port ${port} is already in use, so ${what} cannot start. Stop whatever uses it, or pick another port: ${envName}=${other} npm start (0 = any free port)`,
    );
  }
  if (error?.code === 'EACCES')
    return new Error(`not allowed to listen on port ${port} (${what}). Pick a port above 1023: ${envName}=${port + 1000} npm start`);
  return error;
}

/** Fails before the builds when a fixed port is taken, so a busy port costs no waiting. */
function assertPortFree(port, host, what, envName) {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(explainListenError(error, what, port, envName)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const log = options.quiet ? () => {} : (line) => console.log(line);
  await assertPortFree(options.sandboxPort, options.host, 'iamport-sandbox', 'IAMPORT_SANDBOX_PORT');
  await assertPortFree(options.port, options.host, 'the storefront', 'SHOP_PORT');
  ensureLibrary({ rebuildStale: options.build, log });
  await ensureFrontend({ log });

  // The shop imports react-iamport-jtnet/server, which resolves to dist/: import it after the build.
  const { startShop } = await import('./shop.js');
  const { startSandboxServer } = await import(pathToFileURL(join(ROOT, 'dist/sandbox-server.js')).href);

  const sandbox = await startSandboxServer({ port: options.sandboxPort, host: options.host, quiet: options.quiet, merchantName: '온기 커피 로스터스' }).catch(
    (error) => {
      throw explainListenError(error, 'iamport-sandbox', options.sandboxPort, 'IAMPORT_SANDBOX_PORT');
    },
  );
  let shop;
  try {
    shop = await startShop({ port: options.port, host: options.host, sandboxUrl: sandbox.url, distDir: SHOP_DIST, quiet: options.quiet });
  } catch (error) {
    await sandbox.close();
    throw explainListenError(error, 'the storefront', options.port, 'SHOP_PORT');
  }

  // Tests read these two lines; keep their shape.
  console.log(`iamport-sandbox: ${sandbox.url}`);
  console.log(`storefront: ${shop.url}`);
  if (!options.quiet) {
    console.log(`
  ☕ 온기 커피 로스터스 — open ${shop.url}

  Test cards (any future expiry MM/YY, birth date 6 digits, 2 PIN digits):
    4242-4242-4242-4242  approves
    4000-0000-0000-0002  declined (insufficient funds); as a subscription card it registers, then renewals decline
    4000-0000-0000-0119  fails at the network
  On a phone (a mobile user agent, e.g. DevTools device mode) the payment returns through ${shop.url}/payments/complete
  A virtual account (가상계좌) waits for its deposit: press 입금하기 (테스트) on ${shop.url}/orders, the webhook marks it paid
  Press Ctrl-C to stop.
`);
  }

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping the storefront and iamport-sandbox…`);
    await Promise.allSettled([shop.close(), sandbox.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`storefront: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`storefront: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
