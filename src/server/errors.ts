import type { Payment } from './types';

/** What went wrong in a REST call; see {@link IamportApiError}. */
export type IamportApiErrorKind =
  /** The API answered with an envelope whose `code` is not 0 (also on 4xx/5xx). */
  | 'api'
  /** The API answered with something that is not an envelope (proxy error page, empty body). */
  | 'invalid_response'
  /** No answer: DNS, connection reset, TLS… (`httpStatus` is `null`). */
  | 'network'
  /** No answer within `timeoutMs` (`httpStatus` is `null`). */
  | 'timeout'
  /** A charge went through the API (`code: 0`) but the card was declined: see {@link IamportPaymentDeclinedError}. */
  | 'declined'
  /** A charge answered `code: 0` but not `status: 'paid'` for the requested amount. Look the payment up before charging again. */
  | 'unconfirmed'
  /** A live-mode charge was made on a test channel (`sandbox: true`): no money moved. Issue the billing key on a live channel. */
  | 'sandbox_payment'
  /** The token store failed or did not answer within `timeoutMs` (with `tokenStoreFallback: false`). */
  | 'token_store';

/**
 * A failed i'mport REST call. Messages and fields (also `payment`) never contain `imp_secret`,
 * `imp_key`, access tokens or card numbers, even when the API echoes them; `endpoint` is the
 * path without query string.
 *
 * @example
 * try { await iamport.getPayment('imp_123') } catch (error) {
 *   if (error instanceof IamportApiError && error.httpStatus === 404) return notFound()
 *   throw error
 * }
 */
export class IamportApiError extends Error {
  readonly kind: IamportApiErrorKind;
  /** HTTP status of the answer, `null` when there was none (network error, timeout). */
  readonly httpStatus: number | null;
  /** The envelope's `code` (`1` business error, `-1` PG/card failure), `null` without an envelope. */
  readonly code: number | null;
  /** Method and path called, e.g. `GET /payments/imp_123` (never a query string or a secret). */
  readonly endpoint: string;
  /** The payment the API returned (redacted), for `declined`, `unconfirmed` and `sandbox_payment` charges and failed calls that carried one. */
  readonly payment?: Payment;

  constructor(
    kind: IamportApiErrorKind,
    message: string,
    details: { httpStatus: number | null; code: number | null; endpoint: string; cause?: unknown; payment?: Payment },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'IamportApiError';
    this.kind = kind;
    this.httpStatus = details.httpStatus;
    this.code = details.code;
    this.endpoint = details.endpoint;
    if (details.payment) this.payment = details.payment;
  }
}

/**
 * A charge (`chargeBillingKey`, `payOnetime`) the card issuer or PG declined. The API reports
 * these as success (`code: 0`) with `response.status: 'failed'`; the kit turns them into this
 * error so a decline can never be mistaken for a payment. `payment` is the recorded failed
 * payment; `failReason` is the issuer's reason (e.g. insufficient funds), safe to show the buyer.
 *
 * @example
 * try { await iamport.chargeBillingKey({ customer_uid, merchant_uid, amount: 9900, name: 'Plan' }) }
 * catch (error) {
 *   if (error instanceof IamportPaymentDeclinedError) await notifyBuyer(error.failReason)
 *   else throw error
 * }
 */
export class IamportPaymentDeclinedError extends IamportApiError {
  declare readonly kind: 'declined';
  declare readonly payment: Payment;
  readonly failReason: string;

  constructor(payment: Payment, failReason: string, endpoint: string, httpStatus: number) {
    super('declined', `The charge ${payment.merchant_uid} was declined: ${failReason}`, { httpStatus, code: 0, endpoint, payment });
    this.name = 'IamportPaymentDeclinedError';
    this.failReason = failReason;
  }
}

/**
 * A webhook body that is not `{ imp_uid, merchant_uid, status }` as JSON or a form.
 * `handleWebhook` answers it with 400.
 *
 * @example
 * try { parseWebhook(body, contentType) } catch (error) {
 *   if (error instanceof IamportWebhookError) return new Response(error.message, { status: 400 })
 * }
 */
export class IamportWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IamportWebhookError';
  }
}
