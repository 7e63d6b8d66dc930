/**
 * Framework-free core of react-iamport-jtnet: the SDK runtime and request controllers (what
 * the React hooks subscribe to), types, SDK loader, validation, card codes, outcome
 * normalisation and the mobile-redirect helpers. Nothing here touches `window` or `document`
 * at import time.
 */
export type { BillingKeyRequestParams, CardCode, CardFilterRule, Iamport, PayMethod, RequestPayCallback, RequestPayParams, RequestPayResponse } from './types';
export { IamportError, isIamportError, type IamportErrorCode, type ValidationIssue } from './errors';
export { loadIamport, clearIamport, DEFAULT_SCRIPT_URL, DEFAULT_LOAD_TIMEOUT_MS, type LoadIamportOptions } from './loader';
export { validatePaymentRequest, validateBillingKeyRequest, validateRequest } from './validation/validate';
export { PAY_METHODS } from './validation/rules';
export { EMAIL_PATTERN, isKoreanPhone, isKoreanPostcode, isAbsoluteHttpUrl } from './validation/shapes';
export { CARD_ISSUERS, getCardIssuer, type CardIssuer } from './card-issuers';
export { CARD_CODES, isCardCode } from './card-codes';
export { cardFilter, toCardDetail, enabledCardCodes, type CardFilterOption } from './card-filter';
export { createMerchantUid, MERCHANT_UID_MAX_LENGTH } from './merchant-uid';
export { requestPay } from './request-pay';
export {
  toPaymentOutcome,
  isCancellation,
  type PaymentOutcome,
  type WindowOutcome,
  type PaymentSucceeded,
  type PaymentFailed,
  type PaymentCancelled,
  type PaymentUnknown,
} from './outcome';
export {
  createIamportRuntime,
  DEFAULT_WINDOW_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type IamportRuntime,
  type IamportRuntimeOptions,
  type IamportLoadState,
} from './runtime';
export { getRequestController, type RequestController, type RequestCallbacks, type RequestState, type RequestStatus } from './request-controller';
export type { RequestKind, RequestKinds, PaymentParams, BillingKeyParams, BillingKeyOutcome } from './request-params';
export { parseRedirectResult, REDIRECT_PARAMS, type RedirectSearchParams, type RedirectSource } from './redirect';

export { rememberRequest, recallRequest, forgetRequest, type RememberedRequest } from './remembered-request';
