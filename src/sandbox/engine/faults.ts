/**
 * The real SDK's silent failures, reproduced on demand (reference §4). DOM-free: parsed by the
 * browser sandbox, the classic script and `iamport-sandbox --fault`.
 */
export interface SandboxFaults {
  /**
   * Loading the merchant's PG settings (`/users/pg`) fails by a network error or an HTTP 500:
   * `init` returns normally and every later `request_pay` waits forever (no window, no callback).
   */
  init?: 'network-error' | 'server-error';
  /**
   * `load-error`: the window's page fails to load; a full-screen frame shows an error and never
   * calls back. `no-answer`: the window opens and never answers.
   */
  window?: 'load-error' | 'no-answer';
  /** The window becomes usable only after this many ms; a request made before waits and is replayed. */
  slowInitMs?: number;
}

/**
 * The string literal in the classic script (`/v1/iamport.js`) that `iamport-sandbox --fault`
 * replaces, JSON-escaped, with the fault list when it serves the script.
 */
export const FAULTS_SLOT = '%IAMPORT_SANDBOX_FAULTS%';

const INIT_FAULTS: readonly string[] = ['network-error', 'server-error'];
const WINDOW_FAULTS: readonly string[] = ['load-error', 'no-answer'];
export const FAULT_SYNTAX = 'init:network-error, init:server-error, window:load-error, window:no-answer, slow-init:<ms>';

/**
 * Read a fault list as the CLI, the script tag and the script URL write it:
 * comma-separated `init:network-error`, `init:server-error`, `window:load-error`,
 * `window:no-answer`, `slow-init:<ms>`. Throws, naming the bad entry, on anything else.
 *
 * @example
 * parseFaults('init:network-error, slow-init:500') // { init: 'network-error', slowInitMs: 500 }
 */
export function parseFaults(text: string | readonly string[]): SandboxFaults {
  const faults: SandboxFaults = {};
  const entries = (typeof text === 'string' ? [text] : text).flatMap((part) => part.split(',')).map((entry) => entry.trim());
  for (const entry of entries.filter(Boolean)) {
    const [kind, value = ''] = entry.split(':').map((piece) => piece.trim());
    if (kind === 'init' && INIT_FAULTS.includes(value)) faults.init = value as SandboxFaults['init'];
    else if (kind === 'window' && WINDOW_FAULTS.includes(value)) faults.window = value as SandboxFaults['window'];
    else if (kind === 'slow-init' && /^\d+$/.test(value)) faults.slowInitMs = Number(value);
    else throw new Error(`Unknown sandbox fault ${JSON.stringify(entry)}: use a comma-separated list of ${FAULT_SYNTAX}.`);
  }
  return faults;
}

/**
 * The fault list back as text (what `parseFaults` reads).
 *
 * @example
 * formatFaults({ window: 'no-answer', slowInitMs: 500 }) // 'window:no-answer,slow-init:500'
 */
export function formatFaults(faults: SandboxFaults): string {
  return [faults.init && `init:${faults.init}`, faults.window && `window:${faults.window}`, faults.slowInitMs !== undefined && `slow-init:${faults.slowInitMs}`]
    .filter(Boolean)
    .join(',');
}

/**
 * The same check for a `faults` object written in code: throws a TypeError naming the field.
 *
 * @example
 * checkFaults({ window: 'no-answer' }) // returns it unchanged
 */
export function checkFaults(faults: SandboxFaults = {}): SandboxFaults {
  const { init, window, slowInitMs } = faults;
  if (init !== undefined && !INIT_FAULTS.includes(init))
    throw new TypeError(`faults.init must be 'network-error' or 'server-error'; got ${JSON.stringify(init)}.`);
  if (window !== undefined && !WINDOW_FAULTS.includes(window))
    throw new TypeError(`faults.window must be 'load-error' or 'no-answer'; got ${JSON.stringify(window)}.`);
  if (slowInitMs !== undefined && !(Number.isInteger(slowInitMs) && slowInitMs >= 0)) {
    throw new TypeError(`faults.slowInitMs must be a whole number of milliseconds (0 or more); got ${JSON.stringify(slowInitMs)}.`);
  }
  return faults;
}
