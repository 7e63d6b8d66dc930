import { DEV } from '../utils/dev';
import { IamportError, type IamportErrorCode } from './errors';
import type { Iamport } from './types';

/** The current official SDK build (no jQuery needed). */
export const DEFAULT_SCRIPT_URL = 'https://cdn.iamport.kr/v1/iamport.js';
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000;
/** Marks tags this loader injected, so `clearIamport()` removes only those. */
const OWNED = 'data-react-iamport-jtnet';

export interface LoadIamportOptions {
  /** SDK URL; point it at `iamport-sandbox`'s `/v1/iamport.js` to develop offline. */
  scriptUrl?: string;
  /** CSP nonce copied onto the injected script tag. */
  nonce?: string;
  /** Give up after this many milliseconds (default 15 000). */
  timeoutMs?: number;
}

const pending = new Map<string, Promise<Iamport>>();

function waitFor(script: HTMLScriptElement, href: string, timeoutMs: number): Promise<Iamport> {
  return new Promise<Iamport>((resolve, reject) => {
    const fail = (code: IamportErrorCode, what: string, hint: string | false) =>
      reject(new IamportError(code, `i'mport SDK ${href} ${what}.${hint ? ` ${hint}` : ''}`));
    // load, error and the timeout are exclusive in effect: once settled, the promise ignores later calls.
    const settle = (event?: Event) => {
      clearTimeout(timer);
      if (!event) fail('SDK_TIMEOUT', `did not load within ${timeoutMs} ms`, DEV && 'Check the network, or raise timeoutMs, then retry.');
      else if (event.type === 'error')
        fail(
          'SDK_LOAD_FAILED',
          'failed to load',
          DEV && 'A network error, a 404 or a Content-Security-Policy/extension block; check scriptUrl and your CSP, then retry.',
        );
      else if (window.IMP) resolve(window.IMP);
      else fail('SDK_MISSING', 'loaded but did not set window.IMP', DEV && `Check scriptUrl points at the i'mport V1 SDK (${DEFAULT_SCRIPT_URL}).`);
    };
    const timer = setTimeout(settle, timeoutMs);
    script.addEventListener('load', settle);
    script.addEventListener('error', settle);
  });
}

/**
 * Load the i'mport V1 SDK once and resolve with `window.IMP`.
 *
 * - One script per URL however many callers (StrictMode, several providers, an existing tag).
 * - Resolves `null` on the server (no `window`), so it is safe to call during SSR.
 * - Rejects with `IamportError` `SDK_LOAD_FAILED`, `SDK_TIMEOUT` or `SDK_MISSING`; a failed
 *   load is forgotten (and its tag removed) so calling again retries.
 *
 * @example
 * const IMP = await loadIamport({ scriptUrl: 'http://127.0.0.1:8090/v1/iamport.js' })
 * IMP?.init('imp00000000')
 */
export function loadIamport(options: LoadIamportOptions = {}): Promise<Iamport | null> {
  if (typeof document === 'undefined') return Promise.resolve(null);
  if (window.IMP) return Promise.resolve(window.IMP);
  const href = new URL(options.scriptUrl ?? DEFAULT_SCRIPT_URL, document.baseURI).href;
  let loading = pending.get(href);
  if (loading) return loading;
  let script = [...document.scripts].find((tag) => tag.src === href);
  if (!script) {
    script = document.createElement('script');
    script.src = href;
    script.setAttribute(OWNED, '');
    if (options.nonce) script.nonce = options.nonce;
    document.head.append(script);
  }
  const tag = script;
  loading = waitFor(tag, href, options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS).catch((error: unknown) => {
    // Forget the failure so a retry injects a fresh tag instead of reusing a dead one.
    pending.delete(href);
    if (tag.hasAttribute(OWNED)) tag.remove();
    throw error;
  });
  pending.set(href, loading);
  return loading;
}

/**
 * Forget loaded and loading SDKs, remove the script tags this loader added and `window.IMP`.
 * For tests and for switching scripts at runtime.
 *
 * @example
 * afterEach(() => clearIamport())
 */
export function clearIamport(): void {
  pending.clear();
  if (typeof document === 'undefined') return;
  document.querySelectorAll(`script[${OWNED}]`).forEach((script) => script.remove());
  delete window.IMP;
}
