import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../envelope';
import { optionalBoolean } from '../fields';
import type { Fields } from '../parse';

/** What a handler gets: the parsed body and query (null-prototype, forbidden keys already refused). */
export interface RestRequest {
  body: Fields;
  /** The body was form-encoded: digit strings count as numbers. */
  form: boolean;
  query: Fields;
  headers: IncomingHttpHeaders;
}

export const NOT_FOUND_PAYMENT = '존재하지 않는 결제정보입니다.';
export const notFound = (message = NOT_FOUND_PAYMENT) => new ApiError(404, -1, message);

/**
 * `?include_sandbox=true`: since 2026-01-26 payment lookups leave out test-channel payments
 * (every sandbox payment is one) unless the request asks for them.
 */
export function includeSandbox(query: Fields): boolean {
  return optionalBoolean(query, 'include_sandbox') ?? false;
}

/** Whether a lookup may show this payment or key. */
export const visible = (record: { sandbox: boolean }, withSandbox: boolean) => withSandbox || !record.sandbox;
