import { IamportApiError } from './errors';
import type { IamportLogger } from './log';
import { redact, redactDeep } from './redact';
import { TimeoutError, withTimeout } from './timeout';
import type { Envelope, Payment } from './types';

/** How reads (GET) and token requests are retried on network errors, timeouts and 5xx. */
export interface RetryOptions {
  /** Extra attempts after the first; default 2. */
  retries?: number;
  /** First backoff delay in ms, doubled each time; default 300. */
  baseDelayMs?: number;
  /** Longest backoff delay in ms; default 3000. */
  maxDelayMs?: number;
}

export interface HttpSettings {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  secrets: () => Iterable<string | undefined>;
  log?: IamportLogger;
}

export interface CallSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Already URL-encoded path, e.g. `/payments/imp_123`. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  token?: string;
  /** Only idempotent calls may be repeated after an answer we did not see. */
  retrySafe: boolean;
  /** Values of this call that its errors must not echo either (the card number sent, even one that fails Luhn). */
  redactAlso?: string[];
}

export interface CallResult<T> {
  response: T;
  httpStatus: number;
}

/** `fetch failed (connect ECONNREFUSED 127.0.0.1:443)`: undici hides the useful part in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${inner}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

function looksLikePayment(value: unknown): value is Payment {
  return typeof value === 'object' && value !== null && typeof (value as { imp_uid?: unknown }).imp_uid === 'string';
}

async function fetchText(settings: HttpSettings, url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  const controller = new AbortController();
  // The timeout also ends a call through an injected fetch stub that ignores the abort signal.
  return withTimeout(
    settings.timeoutMs,
    async () => {
      const res = await settings.fetch(url, { ...init, signal: controller.signal });
      return { status: res.status, text: await res.text() };
    },
    () => controller.abort(),
  );
}

/**
 * One REST call: sends JSON, parses the envelope whatever the HTTP status, throws
 * {@link IamportApiError} for anything but `code: 0`, and retries only `retrySafe` calls.
 */
export async function call<T>(settings: HttpSettings, spec: CallSpec): Promise<CallResult<T>> {
  const endpoint = `${spec.method} ${spec.path}`;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(spec.query ?? {})) if (value !== undefined) query.set(key, value);
  const url = `${settings.baseUrl}${spec.path}${query.toString() ? `?${query}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  if (spec.token) headers.Authorization = `Bearer ${spec.token}`;
  const init: RequestInit = { method: spec.method, headers, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) };
  const secrets = () => [...settings.secrets(), ...(spec.redactAlso ?? [])];
  const clean = (text: string) => redact(text, secrets());
  const attempts = spec.retrySafe ? settings.retry.retries + 1 : 1;

  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    let failure: IamportApiError;
    let retryable = false;
    try {
      const { status, text } = await fetchText(settings, url, init);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (!isEnvelope(body)) {
        failure = new IamportApiError('invalid_response', `i'mport ${endpoint} answered HTTP ${status} without a JSON envelope.`, {
          httpStatus: status,
          code: null,
          endpoint,
        });
      } else if (body.code !== 0 || status < 200 || status > 299) {
        const message = clean(body.message || `HTTP ${status}`);
        failure = new IamportApiError('api', `i'mport ${endpoint} failed (HTTP ${status}, code ${body.code}): ${message}`, {
          httpStatus: status,
          code: body.code,
          endpoint,
          payment: looksLikePayment(body.response) ? redactDeep(body.response, secrets()) : undefined,
        });
      } else {
        settings.log?.({ type: 'request', endpoint, attempt, httpStatus: status, code: 0, durationMs: Date.now() - started });
        return { response: body.response as T, httpStatus: status };
      }
      retryable = status >= 500;
    } catch (cause) {
      failure =
        cause instanceof TimeoutError
          ? new IamportApiError('timeout', `i'mport ${endpoint} did not answer within ${settings.timeoutMs} ms.`, { httpStatus: null, code: null, endpoint })
          : // The original error is not attached: its message may quote what was sent.
            new IamportApiError('network', `i'mport ${endpoint} could not be reached: ${clean(describeNetworkError(cause))}`, {
              httpStatus: null,
              code: null,
              endpoint,
            });
      retryable = true;
    }
    const { httpStatus, code, message } = failure;
    settings.log?.({ type: 'request', endpoint, attempt, httpStatus, code, durationMs: Date.now() - started, error: message });
    if (!retryable || attempt >= attempts) throw failure;
    const { baseDelayMs, maxDelayMs } = settings.retry;
    await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
  }
}
