/** Delivers `{imp_uid, merchant_uid, status}` to notice URLs, retrying failures a bounded number of times. */
export class Webhooks {
  delivered = 0;
  failed = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly retryDelaysMs: readonly number[],
    private readonly log: (line: string) => void,
  ) {}

  send(urls: readonly string[], body: { imp_uid: string; merchant_uid: string; status: string }): void {
    for (const url of urls) void this.attempt(url, JSON.stringify(body), 0);
  }

  private async attempt(url: string, payload: string, retry: number): Promise<void> {
    if (this.closed) return;
    let failure: string;
    try {
      const reply = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload, signal: AbortSignal.timeout(5_000) });
      if (reply.ok) {
        this.delivered++;
        this.log(`webhook ${url} → ${reply.status}`);
        return;
      }
      failure = `HTTP ${reply.status}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    const delay = this.retryDelaysMs[retry];
    if (delay === undefined || this.closed) {
      this.failed++;
      this.log(`webhook ${url} failed (${failure}); giving up after ${retry + 1} attempts`);
      return;
    }
    this.log(`webhook ${url} failed (${failure}); retrying in ${delay} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(url, payload, retry + 1);
    }, delay);
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** `notice_url` as given (string, array or absent) → a list of URLs. */
export function noticeUrls(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((url): url is string => typeof url === 'string' && /^https?:\/\//.test(url));
}
