/**
 * react-iamport-jtnet/server: the i'mport V1 REST client, payment verification, billing-key
 * charges and webhooks, for server code only (Node 18+, edge runtimes, anything with `fetch`).
 */

// First statement of the module: this code handles imp_secret and must never reach a browser.
if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  throw new Error(
    'react-iamport-jtnet/server must not run in a browser: it holds your imp_secret. ' + 'Import it only in server code (API routes, route handlers).',
  );
}

export { createIamportClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type IamportClient, type IamportClientOptions, type IamportRequest } from './client';
export type { IamportMode } from './transport';
export type { PaymentMethods, VerifyPaymentParams } from './methods/payments';
export type { BillingMethods } from './methods/billing';
export type { ScheduleMethods } from './methods/schedules';
export { checkPayment, type ExpectedPayment, type VerificationFailure, type VerificationResult } from './check-payment';
export { IamportApiError, IamportPaymentDeclinedError, IamportWebhookError, type IamportApiErrorKind } from './errors';
export type { RetryOptions } from './http';
export type { IamportLogEvent, IamportLogger } from './log';
export { createMemoryTokenStore, type StoredToken, type TokenStore } from './token-store';
export { TOKEN_REFRESH_WINDOW_MS } from './token-manager';
export { parseWebhook, type WebhookBody } from './parse-webhook';
export { handleWebhook, type HandleWebhookOptions } from './handle-webhook';
export { reconcileOrder } from './reconcile';
export type { IgnoredReason, MerchantOrder, PaymentEvent, SettleOptions, SettleOutcome, WebhookEvent } from './settle';
export { createMemoryDedupe, DedupeFullError, DEFAULT_DONE_TTL_MS, DEFAULT_LEASE_MS, type DedupeClaim, type WebhookDedupe } from './dedupe';
export { createRedisDedupe, createRedisTokenStore } from './redis-stores';
export type { IoRedisLike, NodeRedisLike, RedisClientLike } from './redis';
export { createVerifyHandler, type VerifyHandlerOptions, type VerifyResponse } from './verify-handler';
export { createPrepareHandler, prepareOrder, type PrepareHandlerOptions, type PrepareOrderParams, type PrepareResponse } from './prepare';
export { summarizePayment, type PaymentSummary } from './summary';
export { IamportError, isIamportError } from '../core/errors';
export type * from './types';
export type * from './params';
