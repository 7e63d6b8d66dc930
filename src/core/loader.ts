import { DEV } from '../utils/dev';
import { IamportError } from './errors';
import type { Iamport } from './types';

/** The current official SDK build (no jQuery needed). */
export const DEFAULT_SCRIPT_URL = 'https://cdn.iamport.kr/v1/iamport.js';
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000;
/** Marks tags this loader injected, so `clearIamport()` removes only those. */
const OWNED_ATTRIBUTE = 'data-react-iamport-jtnet';

export interface LoadIamportOptions {
  /** SDK URL; point it at `iamport-sandbox`'s `/v1/iamport.js` to develop offline. */
  scriptUrl?: string;
  /** CSP nonce copied onto the injected script tag. */
  nonce?: string;
  /** Give up after this many milliseconds (default 15 000). */
  timeoutMs?: number;
}

const pending = new Map<string, Promise<Iamport>>();

function absolute(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

function findScript(href: string): HTMLScriptElement | null {
  for (const script of Array.from(document.scripts)) {
    if (script.src === href) return script;
  }
  return null;
}

function inject(href: string, nonce: string | undefined): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = href;
  script.async = true;
  script.setAttribute(OWNED_ATTRIBUTE, '');
  if (nonce) script.nonce = nonce;
  (document.head ?? document.body ?? document.documentElement).appendChild(script);
  return script;
}

function waitFor(script: HTMLScriptElement, href: string, timeoutMs: number): Promise<Iamport> {
  return new Promise<Iamport>((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      settle();
    };
    const onLoad = () =>
      finish(() =>
        window.IMP
          ? resolve(window.IMP)
          : reject(new IamportError('SDK_MISSING', `${href} loaded but did not set window.IMP.${DEV ? ` Check scriptUrl points at the i'mport V1 SDK (${DEFAULT_SCRIPT_URL}).` : ''}`)),
      );
    const onError = () =>
      finish(() => reject(new IamportError('SDK_LOAD_FAILED', `Could not load the i'mport SDK from ${href}.${DEV ? ' A network error, a 404 or a Content-Security-Policy/extension block; check scriptUrl and your CSP, then retry.' : ''}`)));
    const timer = setTimeout(
      () => finish(() => reject(new IamportError('SDK_TIMEOUT', `The i'mport SDK from ${href} did not load within ${timeoutMs} ms.${DEV ? ' Check the network, or raise timeoutMs, then retry.' : ''}`))),
      timeoutMs,
    );
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
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
  if (typeof window === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  if (window.IMP) return Promise.resolve(window.IMP);
  const href = absolute(options.scriptUrl ?? DEFAULT_SCRIPT_URL);
  const inFlight = pending.get(href);
  if (inFlight) return inFlight;

  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const script = findScript(href) ?? inject(href, options.nonce);
  const loading = waitFor(script, href, timeoutMs).catch((error: unknown) => {
    // Forget the failure so a retry injects a fresh tag instead of reusing a dead one.
    if (pending.get(href) === loading) pending.delete(href);
    if (script.hasAttribute(OWNED_ATTRIBUTE)) script.remove();
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
  document.querySelectorAll(`script[${OWNED_ATTRIBUTE}]`).forEach((script) => script.remove());
  delete window.IMP;
}
