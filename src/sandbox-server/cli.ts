import { parseArgs } from 'node:util';
import { FAULT_SYNTAX, formatFaults, parseFaults } from '../sandbox/engine/faults';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, SANDBOX_MERCHANT_CODE, SANDBOX_PORT } from '../sandbox/engine/fixtures';
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';

export const USAGE = `Usage: iamport-sandbox [--port 8090] [--host 127.0.0.1] [--data state.json] [--imp-key K] [--imp-secret S] [--merchant-name NAME]
                      [--notice-url URL] [--webhook-resends] [--webhook-format json|form] [--webhook-time-scale 1] [--fault F]... [--quiet]

  --port        port to listen on (0 = any free port)        env IAMPORT_SANDBOX_PORT
  --host        interface (default 127.0.0.1, loopback)      env IAMPORT_SANDBOX_HOST
  --data        keep payments/keys/schedules in this file    env IAMPORT_SANDBOX_DATA
  --imp-key     REST API key (default ${SANDBOX_IMP_KEY})        env IAMPORT_SANDBOX_IMP_KEY
  --imp-secret  REST API secret (default ${SANDBOX_IMP_SECRET})  env IAMPORT_SANDBOX_IMP_SECRET
  --merchant-name  shop name the payment window shows        env IAMPORT_SANDBOX_MERCHANT_NAME
  --notice-url  the console's webhook URL (payments without notice_url)  env IAMPORT_SANDBOX_NOTICE_URL
  --webhook-resends  re-send after a network error or 5xx (up to 5, a minute apart); default: one attempt
                                                             env IAMPORT_SANDBOX_WEBHOOK_RESENDS=1
  --webhook-format  json (default) or form                   env IAMPORT_SANDBOX_WEBHOOK_FORMAT
  --webhook-time-scale  multiplies webhook waits (0.01: a minute is 0.6 s)  env IAMPORT_SANDBOX_WEBHOOK_TIME_SCALE
  --fault       a real-SDK silent failure in /v1/iamport.js   env IAMPORT_SANDBOX_FAULT (comma-separated)
                ${FAULT_SYNTAX}
  --quiet       no request log                               env IAMPORT_SANDBOX_QUIET=1`;

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
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new Error(`--port must be a number from 0 to 65535; got ${JSON.stringify(portText)}.\n\n${USAGE}`);
  const format = values['webhook-format'] ?? env.IAMPORT_SANDBOX_WEBHOOK_FORMAT ?? 'json';
  if (format !== 'json' && format !== 'form') throw new Error(`--webhook-format must be json or form; got ${JSON.stringify(format)}.\n\n${USAGE}`);
  const scaleText = values['webhook-time-scale'] ?? env.IAMPORT_SANDBOX_WEBHOOK_TIME_SCALE ?? '1';
  const scale = Number(scaleText);
  if (!/^\d*\.?\d+$/.test(scaleText) || !(scale > 0)) throw new Error(`--webhook-time-scale must be a number above 0 (1 = real time); got ${JSON.stringify(scaleText)}.\n\n${USAGE}`);
  const noticeUrl = values['notice-url'] ?? env.IAMPORT_SANDBOX_NOTICE_URL;
  if (noticeUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(noticeUrl)) throw new Error(`--notice-url must be an absolute http(s) URL; got ${JSON.stringify(noticeUrl)}.\n\n${USAGE}`);
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
 * The `iamport-sandbox` command: start, print the URL, stop cleanly on SIGINT/SIGTERM.
 *
 * @example
 * // bin/iamport-sandbox.js
 * runSandboxCli(process.argv.slice(2))
 */
export async function runSandboxCli(argv: readonly string[] = process.argv.slice(2), env: Record<string, string | undefined> = process.env): Promise<SandboxServer | null> {
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
  const server = await startSandboxServer(options);
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
