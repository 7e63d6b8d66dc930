import type { BillingKeyRequestParams, RequestPayParams } from '../types';
import { describe, IssueList } from './issues';
import * as rules from './rules';

/**
 * @internal Every rule for a payment (`billing` false) or a billing-key request; throws
 * `IamportError('INVALID_PARAMS')`. The exported validators below are typed wrappers.
 *
 * @example
 * runRules(params, kind === 'billing')
 */
export function runRules(params: unknown, billing: boolean): void {
  const issues = new IssueList();
  const what = billing ? 'billing key request' : 'payment request';
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    issues.add('params', `params must be an object of request_pay parameters (the ${what}); got ${describe(params)}.`);
    issues.throwIfAny(what);
  }
  const record = params as Record<string, unknown>;
  // Rules that guard money and results run everywhere.
  rules.checkPayMethod(record, issues, billing ? 'card' : undefined);
  rules.checkMerchantUid(record, issues);
  rules.checkAmount(record, issues, billing);
  rules.checkCustomerUid(record, issues, billing);
  rules.checkUrls(record, issues);
  // Integration mistakes (shapes a developer fixes once) are caught in development and tests;
  // production bundles leave them out to stay small, like React's prop-types.
  if (process.env.NODE_ENV !== 'production') {
    rules.checkPg(record, issues);
    rules.checkName(record, issues);
    rules.checkCard(record, issues);
    rules.checkDisplay(record, issues);
    rules.checkBuyer(record, issues);
    rules.checkMethodExtras(record, issues);
  }
  issues.throwIfAny(what);
}

/**
 * Check one-time payment parameters against the rules of the i'mport V1 / JTNet reference.
 * Development builds (and tests) run every rule; production builds (`NODE_ENV=production`)
 * keep the ones that guard money and results: amount/tax_free/vat_amount/currency,
 * pay_method, merchant_uid, customer_uid and the redirect/notice URLs.
 * Throws `IamportError('INVALID_PARAMS')` whose message names the field and the fix, and whose
 * `issues` lists every problem; returns the params typed when they pass.
 *
 * @example
 * validatePaymentRequest({ pay_method: 'card', merchant_uid: createMerchantUid(), amount: '1004' })
 * // IamportError: Invalid payment request: amount must be a number, not the string "1004"; pass 1004 (no quotes).
 */
export function validatePaymentRequest(params: unknown): RequestPayParams {
  runRules(params, false);
  return params as RequestPayParams;
}

/**
 * Check billing-key window parameters: `customer_uid` required, `pay_method: 'card'`,
 * `amount` 0 (key only) or more (key + first charge), plus every payment rule.
 *
 * @example
 * validateBillingKeyRequest({ pay_method: 'card', merchant_uid: createMerchantUid('sub'), amount: 0, customer_uid: 'user_42' })
 */
export function validateBillingKeyRequest(params: unknown): BillingKeyRequestParams {
  runRules(params, true);
  return params as BillingKeyRequestParams;
}

/**
 * Validate with the right rule set: a request with `customer_uid` is a billing-key request.
 *
 * @example
 * validateRequest(params) // throws IamportError('INVALID_PARAMS') naming the field
 */
export function validateRequest(params: unknown): RequestPayParams {
  const billing = typeof params === 'object' && params !== null && (params as { customer_uid?: unknown }).customer_uid !== undefined;
  return billing ? validateBillingKeyRequest(params) : validatePaymentRequest(params);
}
