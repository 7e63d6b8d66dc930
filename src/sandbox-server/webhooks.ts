/** What a webhook carries (i'mport V1): `cancellation_id` only for a cancellation. */
export interface WebhookBody {
  imp_uid: string;
  merchant_uid: string;
  status: string;
  cancellation_id?: string;
}

export interface WebhookOptions {
  /** The real default is one attempt; `true` turns on the re-send rule support can enable. */
  resends: boolean;
  /** JSON or form-encoded, as picked in the i'mport console. */
  format: 'json' | 'form';
  /** Multiplies every webhook wait and timeout (1 = real time; 0.001 turns the minute between re-sends into 60 ms). */
  timeScale: number;
  log: (line: string) => void;
}

/** Re-sends (only with `resends`): up to 5, one minute apart, only after a network error or a 5xx. */
export const MAX_RESENDS = 5;
const RESEND_INTERVAL_MS = 60_000;
/** The first send waits up to 30 s for an answer, a re-send 15 s in all (reference §5). */
const FIRST_TIMEOUT_MS = 30_000;
const RESEND_TIMEOUT_MS = 15_000;
const MIN_TIMEOUT_MS = 1_000;

/** Delivers webhooks to notice URLs: once by default, bounded re-sends when enabled; stops on `close()`. */
export class Webhooks {
  /** Deliveries answered 2xx. */
  delivered = 0;
  /** Deliveries that ended without a 2xx (after any re-sends). */
  failed = 0;
  /** HTTP attempts made, re-sends included. */
  attempts = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new AbortController();
  private closed = false;

  constructor(private readonly options: WebhookOptions) {}

  send(urls: readonly string[], body: WebhookBody): void {
    if (urls.length === 0) return;
    const { format } = this.options;
    const payload = format === 'form' ? new URLSearchParams(Object.entries(body).filter(([, value]) => value !== undefined)).toString() : JSON.stringify(body);
    const type = format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
    for (const url of urls) void this.attempt(url, payload, type, 0);
  }

  private async attempt(url: string, payload: string, type: string, resend: number): Promise<void> {
    if (this.closed) return;
    this.attempts++;
    // Scaled like the re-send interval, but never under a second: a loopback request on a loaded
    // machine can take tens of ms, and a timed-out webhook would count as failed though it arrived.
    const timeout = Math.max(MIN_TIMEOUT_MS, (resend === 0 ? FIRST_TIMEOUT_MS : RESEND_TIMEOUT_MS) * this.options.timeScale);
    let failure: string;
    let retriable: boolean;
    try {
      const signal = AbortSignal.any([this.inFlight.signal, AbortSignal.timeout(timeout)]);
      const reply = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body: payload, signal });
      await reply.body?.cancel();
      if (reply.ok) {
        this.delivered++;
        this.options.log(`webhook ${url} → ${reply.status}`);
        return;
      }
      failure = `HTTP ${reply.status}`;
      retriable = reply.status >= 500;
    } catch (error) {
      failure = (error as Error).message;
      retriable = true;
    }
    if (this.closed) return;
    if (!this.options.resends || !retriable || resend >= MAX_RESENDS) {
      this.failed++;
      const why = !this.options.resends
        ? 're-sends are off (--webhook-resends)'
        : !retriable
          ? 'not re-sent: only network errors and 5xx are'
          : `${resend} re-sends`;
      this.options.log(`webhook ${url} failed (${failure}); gave up: ${why}`);
      return;
    }
    const delay = RESEND_INTERVAL_MS * this.options.timeScale;
    this.options.log(`webhook ${url} failed (${failure}); re-sending in ${delay} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(url, payload, type, resend + 1);
    }, delay);
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    this.inFlight.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
