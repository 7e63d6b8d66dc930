#!/usr/bin/env node
// `npm start`: builds what is needed, starts iamport-sandbox and the storefront, prints the
// shop's URL and stops both on Ctrl-C / SIGTERM.
//
//   SHOP_PORT (default 5173), SANDBOX_PORT (default 8090), SHOP_HOST (default 127.0.0.1)
//   flags: --port N, --sandbox-port N (0 = any free port), --quiet, --no-build (never rebuild dist/)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureFrontend, ensureLibrary, ROOT, SHOP_DIST } from './build.js';

function parseArgs(argv) {
  const options = {
    port: process.env.SHOP_PORT ?? '5173',
    sandboxPort: process.env.SANDBOX_PORT ?? '8090',
    host: process.env.SHOP_HOST ?? '127.0.0.1',
    quiet: false,
    build: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = argv[++i];
    else if (arg === '--sandbox-port') options.sandboxPort = argv[++i];
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--no-build') options.build = false;
    else throw new Error(`unknown option ${arg}. Usage: npm start -- [--port 5173] [--sandbox-port 8090] [--host 127.0.0.1] [--quiet] [--no-build]`);
  }
  for (const key of ['port', 'sandboxPort']) {
    const value = Number(options[key]);
    if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${key === 'port' ? 'SHOP_PORT/--port' : 'SANDBOX_PORT/--sandbox-port'} must be a port number (0-65535); got ${JSON.stringify(options[key])}.`);
    options[key] = value;
  }
  return options;
}

/** Turn EADDRINUSE into a message that says what to do. */
function explainListenError(error, what, port, envName) {
  if (error?.code === 'EADDRINUSE') return new Error(`port ${port} is already in use, so ${what} cannot start. Stop whatever uses it, or pick another port: ${envName}=${port + 1} npm start`);
  if (error?.code === 'EACCES') return new Error(`not allowed to listen on port ${port} (${what}). Pick a port above 1023: ${envName}=${port + 1000} npm start`);
  return error;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = options.quiet ? () => {} : (line) => console.log(line);
  ensureLibrary({ rebuildStale: options.build, log });
  await ensureFrontend({ log });

  // The shop imports react-iamport-jtnet/server, which resolves to dist/: import it after the build.
  const { startShop } = await import('./shop.js');
  const { startSandboxServer } = await import(pathToFileURL(join(ROOT, 'dist/sandbox-server.js')).href);

  const sandbox = await startSandboxServer({ port: options.sandboxPort, host: options.host, quiet: options.quiet, merchantName: '온기 커피 로스터스' }).catch((error) => {
    throw explainListenError(error, 'iamport-sandbox', options.sandboxPort, 'SANDBOX_PORT');
  });
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
  Phone-sized window (≤ 768 px) → the payment returns through ${shop.url}/payments/complete
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
  console.error(`storefront: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
