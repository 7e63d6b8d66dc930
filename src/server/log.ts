/**
 * What the client reports to `log` (optional). Events carry no secrets: no imp_secret, no
 * token, no card number, no request body.
 */
export type IamportLogEvent =
  | {
      type: 'request';
      /** e.g. `GET /payments/imp_123` */
      endpoint: string;
      /** 1 for the first try, 2+ for safe retries. */
      attempt: number;
      httpStatus: number | null;
      code: number | null;
      durationMs: number;
      /** The error message (redacted) when the attempt failed. */
      error?: string;
    }
  | { type: 'token'; action: 'issued' | 'extended' | 'from_store' | 'rejected' }
  /** `error` is `'timeout'` or the error's name, never its message. */
  | { type: 'token_store_error'; operation: 'get' | 'set' | 'delete'; error: string }
  /** The webhook dedupe failed after a handler ran (the event may run again after the lease). */
  | { type: 'dedupe_error'; operation: 'claim' | 'complete' | 'release'; key: string; error: string };

export type IamportLogger = (event: IamportLogEvent) => void;
