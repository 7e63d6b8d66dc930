import { parseArgs } from 'node:util';
import { FAULT_SYNTAX, formatFaults, parseFaults } from '../sandbox/engine/faults';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_MERCHANT_CODE, SANDBOX_PORT } from '../sandbox/engine/fixtures';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';

/** One row of the usage each: flags, what it does, the environment variable that sets it too. */
const OPTIONS: readonly (readonly [flags: string, what: string, env: string])[] = [
  ['-p, --port <n>', `port to listen on (default ${SANDBOX_PORT}; 0 = any free port)`, 'IAMPORT_SANDBOX_PORT'],
  ['--host <address>', 'interface (default 127.0.0.1, this machine only)', 'IAMPORT_SANDBOX_HOST'],
  ['--data <file>', 'keep payments/keys/schedules in this file', 'IAMPORT_SANDBOX_DATA'],
  ['--imp-key <key>', `REST API key (default ${SANDBOX_IMP_KEY})`, 'IAMPORT_SANDBOX_IMP_KEY'],
  ['--imp-secret <secret>', `REST API secret (default ${SANDBOX_IMP_SECRET})`, 'IAMPORT_SANDBOX_IMP_SECRET'],
  ['--merchant-name <name>', 'shop name the payment window shows', 'IAMPORT_SANDBOX_MERCHANT_NAME'],
  ['--notice-url <url>', "the console's webhook URL (payments without notice_url)", 'IAMPORT_SANDBOX_NOTICE_URL'],
  ['--webhook-resends', 're-send after a network error or 5xx (5×, a minute apart)', 'IAMPORT_SANDBOX_WEBHOOK_RESENDS=1'],
  ['--webhook-format <f>', 'json (default) or form', 'IAMPORT_SANDBOX_WEBHOOK_FORMAT'],
  ['--webhook-time-scale <n>', 'multiplies webhook waits (0.01: a minute is 0.6 s)', 'IAMPORT_SANDBOX_WEBHOOK_TIME_SCALE'],
  ['--fault <fault>', 'a real-SDK silent failure in /v1/iamport.js (repeatable):', 'IAMPORT_SANDBOX_FAULT (comma-separated)'],
  ['', FAULT_SYNTAX, ''],
  ['-q, --quiet', 'no request log', 'IAMPORT_SANDBOX_QUIET=1'],
  ['-h, --help', 'this text', ''],
];

export const USAGE = `Usage: iamport-sandbox [options]   (flags win over the environment)

${OPTIONS.map(([flags, what, env]) => `  ${flags.padEnd(24)}  ${env ? `${what.padEnd(58)}  env ${env}` : what}`).join('\n')}`;

/**
 * Turn flags and environment into server options (flags win). Throws with the usage on bad input.
 *
 * @example
 * parseSandboxArgs(['--port', '0', '--data', 'sandbox.json'], {}) // { port: 0, dataFile: 'sandbox.json', ... }
 */
export function parseSandboxArgs(argv: readonly string[], env: Record<string, string | undefined>): SandboxServerOptions & { help: boolean } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      data: { type: 'string' },
      'imp-key': { type: 'string' },
      'imp-secret': { type: 'string' },
      'merchant-name': { type: 'string' },
      'notice-url': { type: 'string' },
      'webhook-resends': { type: 'boolean' },
      'webhook-format': { type: 'string' },
      'webhook-time-scale': { type: 'string' },
      fault: { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const portText = values.port ?? env.IAMPORT_SANDBOX_PORT ?? String(SANDBOX_PORT);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535)
    throw new Error(`--port must be a number from 0 to 65535; got ${JSON.stringify(portText)}.\n\n${USAGE}`);
  const format = values['webhook-format'] ?? env.IAMPORT_SANDBOX_WEBHOOK_FORMAT ?? 'json';
  if (format !== 'json' && format !== 'form') throw new Error(`--webhook-format must be json or form; got ${JSON.stringify(format)}.\n\n${USAGE}`);
  const scaleText = values['webhook-time-scale'] ?? env.IAMPORT_SANDBOX_WEBHOOK_TIME_SCALE ?? '1';
  const scale = Number(scaleText);
  if (!/^\d*\.?\d+$/.test(scaleText) || !(scale > 0))
    throw new Error(`--webhook-time-scale must be a number above 0 (1 = real time); got ${JSON.stringify(scaleText)}.\n\n${USAGE}`);
  const noticeUrl = values['notice-url'] ?? env.IAMPORT_SANDBOX_NOTICE_URL;
  if (noticeUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(noticeUrl))
    throw new Error(`--notice-url must be an absolute http(s) URL; got ${JSON.stringify(noticeUrl)}.\n\n${USAGE}`);
  return {
    help: values.help ?? false,
    port: Number(portText),
    host: values.host ?? env.IAMPORT_SANDBOX_HOST ?? '127.0.0.1',
    dataFile: values.data ?? env.IAMPORT_SANDBOX_DATA,
    impKey: values['imp-key'] ?? env.IAMPORT_SANDBOX_IMP_KEY ?? SANDBOX_IMP_KEY,
    impSecret: values['imp-secret'] ?? env.IAMPORT_SANDBOX_IMP_SECRET ?? SANDBOX_IMP_SECRET,
    merchantName: values['merchant-name'] ?? env.IAMPORT_SANDBOX_MERCHANT_NAME,
    faults: readFaults(values.fault ?? (env.IAMPORT_SANDBOX_FAULT ? [env.IAMPORT_SANDBOX_FAULT] : [])),
    quiet: values.quiet ?? env.IAMPORT_SANDBOX_QUIET === '1',
    noticeUrl,
    webhookResends: values['webhook-resends'] ?? env.IAMPORT_SANDBOX_WEBHOOK_RESENDS === '1',
    webhookFormat: format,
    webhookTimeScale: scale,
  };
}

/** `--fault` values → faults (undefined when none); a bad one throws with the usage. */
function readFaults(values: readonly string[]) {
  try {
    const faults = parseFaults(values);
    return Object.keys(faults).length > 0 ? faults : undefined;
  } catch (error) {
    throw new Error(`--fault: ${(error as Error).message}\n\n${USAGE}`);
  }
}

/**
 * A failed `listen` as what to do about it: a busy port (another iamport-sandbox, `npm start`),
 * a privileged one, or a `--host` this machine does not have. Other errors pass through.
 *
 * @example
 * explainListenError(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }), 8090, '127.0.0.1').message
 * // 'port 8090 on 127.0.0.1 is already in use (another iamport-sandbox or `npm start`?). Stop it, or start on another port: …'
 */
export function explainListenError(error: unknown, port: number, host: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const other = port > 0 && port < 65535 ? port + 1 : SANDBOX_PORT + 1;
  const elsewhere = `iamport-sandbox --port ${other} (or IAMPORT_SANDBOX_PORT=${other}), or --port 0 for any free port (the URL is printed)`;
  switch (code) {
    case 'EADDRINUSE':
      return new Error(
        `port ${port} on ${host} is already in use (another iamport-sandbox or \`npm start\`?). ` + `Stop it, or start on another port: ${elsewhere}.`,
      );
    case 'EACCES':
      return new Error(`not allowed to listen on port ${port} (ports below 1024 need privileges). Start on a port above 1023: ${elsewhere}.`);
    case 'EADDRNOTAVAIL':
      return new Error(`--host ${host} is not an address of this machine. Use 127.0.0.1 (the default) or 0.0.0.0 (every interface).`);
    case 'ENOTFOUND':
      return new Error(`--host ${host} is not a host name this machine can resolve. Use 127.0.0.1 (the default) or 0.0.0.0 (every interface).`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The `iamport-sandbox` command: start, print the URL, stop cleanly on SIGINT/SIGTERM. A port
 * that is taken (or not allowed) prints what to do and exits with code 1; bad flags exit with 2.
 *
 * @example
 * // bin/iamport-sandbox.js
 * runSandboxCli(process.argv.slice(2))
 */
export async function runSandboxCli(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): Promise<SandboxServer | null> {
  let options: ReturnType<typeof parseSandboxArgs>;
  try {
    options = parseSandboxArgs(argv, env);
  } catch (error) {
    console.error(`iamport-sandbox: ${(error as Error).message}${(error as Error).message.includes('Usage') ? '' : `\n\n${USAGE}`}`);
    process.exitCode = 2;
    return null;
  }
  if (options.help) {
    console.log(USAGE);
    return null;
  }
  let server: SandboxServer;
  try {
    server = await startSandboxServer(options);
  } catch (error) {
    console.error(`iamport-sandbox: ${explainListenError(error, options.port ?? SANDBOX_PORT, options.host ?? '127.0.0.1').message}`);
    process.exitCode = 1;
    return null;
  }
  console.log(`iamport-sandbox listening on ${server.url}`);
  console.log(`  script:   ${server.url}/v1/iamport.js   (merchant code ${SANDBOX_MERCHANT_CODE})`);
  console.log(`  REST API: ${server.url}   (imp_key ${options.impKey})`);
  if (options.dataFile) console.log(`  data:     ${options.dataFile}`);
  if (options.faults) console.log(`  faults:   ${formatFaults(options.faults)}   (the script fails like the real SDK does)`);
  const stop = (signal: string) => {
    console.log(`iamport-sandbox: ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return server;
}
