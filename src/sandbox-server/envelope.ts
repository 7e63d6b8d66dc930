/** The i'mport REST envelope. */
export interface Envelope<T = unknown> {
  code: number;
  message: string | null;
  response: T | null;
}

/** A reply: status + envelope, or raw text (scripts, receipts). */
export interface Reply {
  status: number;
  body: Envelope | string;
  contentType?: string;
}

/** Thrown by handlers for a request the real API would refuse: becomes `{code, message, response: null}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const ok = <T>(response: T): Reply => ({ status: 200, body: { code: 0, message: null, response } });
export const refuse = (status: number, code: number, message: string): Reply => ({ status, body: { code, message, response: null } });
