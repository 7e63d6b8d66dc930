import { DEV } from '../utils/dev';
import { IamportError } from './errors';
import { toPaymentOutcome, type WindowOutcome } from './outcome';
import type { Iamport, RequestPayCallback, RequestPayParams } from './types';
import { validateRequest } from './validation/validate';

/**
 * @internal `IMP.request_pay(params, callback)`, turning a throw into `IamportError('SDK_ERROR')`.
 * Validates nothing (callers validate once).
 *
 * @example
 * callRequestPay(window.IMP!, params, (response) => console.log(response))
 */
export function callRequestPay(imp: Iamport, params: RequestPayParams, callback: RequestPayCallback): void {
  try {
    imp.request_pay(params, callback);
  } catch (cause) {
    throw new IamportError(
      'SDK_ERROR',
      `IMP.request_pay threw: ${cause instanceof Error ? cause.message : String(cause)}.${DEV ? ' A browser extension may be interfering with the SDK.' : ''}`,
      { cause },
    );
  }
}

/**
 * Open the payment window and resolve with what it reported (no watchdogs: for requests that
 * must end even when the SDK stays silent, use {@link createRequestController}).
 *
 * `IMP.request_pay` is called synchronously, inside this call (no `await` before it), so a
 * click handler that calls `requestPay` keeps its user activation and popups are not blocked.
 * Parameters are validated first; invalid ones reject with `IamportError('INVALID_PARAMS')`
 * and the SDK is never touched. On mobile the page navigates to `m_redirect_url` and the
 * promise never settles: handle the result on the landing page.
 *
 * @example
 * button.onclick = async () => {
 *   const outcome = await requestPay(window.IMP!, { pg: 'jtnet', pay_method: 'card', merchant_uid: createMerchantUid(), amount: 1004 })
 *   if (outcome.status === 'succeeded') await fetch('/verify', { method: 'POST', body: outcome.impUid })
 * }
 */
export function requestPay(imp: Iamport, params: RequestPayParams): Promise<WindowOutcome> {
  return new Promise<WindowOutcome>((resolve) => {
    // Throwing inside the executor rejects the promise; the SDK is untouched on invalid params.
    validateRequest(params);
    if (typeof imp?.request_pay !== 'function') {
      throw new IamportError(
        'SDK_NOT_READY',
        `requestPay(imp, params): imp is not an i'mport SDK object.${DEV ? ' Pass window.IMP after loadIamport() and IMP.init().' : ''}`,
      );
    }
    callRequestPay(imp, params, (response) => resolve(toPaymentOutcome(response, params.merchant_uid)));
  });
}
