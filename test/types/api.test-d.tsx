// Type tests of the public API, imported by package name (tsconfig `paths` → src/) and checked
// by `npm run typecheck` (tsc -p tsconfig.json includes test/). Nothing here runs: valid usages
// must compile, and every `@ts-expect-error` line must really be an error (tsc fails on an
// unused one), so a loosened type breaks the typecheck.
import { expectTypeOf } from 'vitest';
import {
  BillingKeyForm,
  cardFilter,
  IamportProvider,
  PaymentButton,
  PaymentForm,
  requestPay,
  useBillingKey,
  usePayment,
  validateBillingKeyRequest,
  type BillingKeyRequestParams,
  type CardFilterRule,
  type Iamport,
  type BillingKeyOutcome,
  type PaymentOutcome,
  type PaymentUnknown,
  type RequestPayParams,
  type WindowOutcome,
} from 'react-iamport-jtnet';
import { createIamportRuntime, getRequestController, type RequestState } from 'react-iamport-jtnet/core';
import { createIamportClient, type VerificationResult } from 'react-iamport-jtnet/server';
import { createSandboxIamport } from 'react-iamport-jtnet/sandbox';

declare const IMP: Iamport;

// ── core: request_pay parameters ────────────────────────────────────────────────────────────
export const valid: RequestPayParams = {
  pg: 'jtnet',
  pay_method: 'card',
  merchant_uid: 'order_1',
  name: '원두 1kg',
  amount: 1004,
  card: { detail: cardFilter.only(['366', '041']) },
  m_redirect_url: 'https://shop.example/payments/complete',
};

// @ts-expect-error amount is a number, never the string "1004"
export const stringAmount: RequestPayParams = { pay_method: 'card', merchant_uid: 'order_1', amount: '1004' };

// @ts-expect-error pay_method is one of card | trans | vbank | phone
export const unknownMethod: RequestPayParams = { pay_method: 'bitcoin', merchant_uid: 'order_1', amount: 1004 };

// @ts-expect-error merchant_uid is required at the core level
export const noMerchantUid: RequestPayParams = { pay_method: 'card', amount: 1004 };

export const validBilling: BillingKeyRequestParams = { pay_method: 'card', merchant_uid: 'key_1', customer_uid: 'customer_1', amount: 0 };

// @ts-expect-error billing needs customer_uid
export const billingWithoutCustomer: BillingKeyRequestParams = { pay_method: 'card', merchant_uid: 'key_1', amount: 0 };

// @ts-expect-error billing keys are issued for pay_method 'card' only
export const billingByTransfer: BillingKeyRequestParams = { pay_method: 'trans', merchant_uid: 'key_1', customer_uid: 'customer_1', amount: 0 };

// The validators take `unknown` on purpose (they guard untyped input at run time).
expectTypeOf(validateBillingKeyRequest).parameter(0).toBeUnknown();

// ── core: card filters ──────────────────────────────────────────────────────────────────────
cardFilter.exclude(['370']);
// @ts-expect-error '999' is not an official card code
cardFilter.only(['999']);
// @ts-expect-error card codes are strings ('366'), not numbers
cardFilter.only([366]);
// @ts-expect-error card.detail rules use official codes or '*'
export const badRule: CardFilterRule = { card_code: '999', enabled: true };
// @ts-expect-error enabled is a boolean
export const badEnabled: CardFilterRule = { card_code: '*', enabled: 'no' };

// ── core: outcomes narrow by status ─────────────────────────────────────────────────────────
export async function outcomes(): Promise<void> {
  // requestPay has no watchdogs: it ends only with what the window reports.
  const outcome = await requestPay(IMP, valid);
  expectTypeOf(outcome).toEqualTypeOf<WindowOutcome>();
  if (outcome.status === 'succeeded') {
    expectTypeOf(outcome.impUid).toEqualTypeOf<string>();
    // @ts-expect-error a success has no error code
    void outcome.code;
  } else {
    expectTypeOf(outcome.code).toEqualTypeOf<string>();
    expectTypeOf(outcome.impUid).toEqualTypeOf<string | null>();
  }
}

export function unknownOutcomes(outcome: PaymentOutcome): void {
  if (outcome.status === 'unknown') {
    expectTypeOf(outcome).toEqualTypeOf<PaymentUnknown>();
    expectTypeOf(outcome.reason).toEqualTypeOf<'cancelled' | 'timeout' | 'no-window'>();
    expectTypeOf(outcome.impUid).toEqualTypeOf<null>();
    expectTypeOf(outcome.merchantUid).toEqualTypeOf<string>();
    // @ts-expect-error unknown has no message to show as a failure
    void outcome.message;
  }
  // @ts-expect-error `code` exists only once `unknown` (and `succeeded`) are ruled out
  void outcome.code;
}

// ── core: the request controller (vanilla) ─────────────────────────────────────────────────
export async function vanilla(): Promise<void> {
  const runtime = createIamportRuntime({ merchantCode: 'imp00000000', pg: 'jtnet', windowTimeoutMs: 10_000 });
  const payments = getRequestController(runtime, 'payment');
  expectTypeOf(payments.request({ pay_method: 'card', amount: 1004 })).toBeVoid();
  expectTypeOf(payments.requestAsync({ pay_method: 'card', amount: 1004 })).resolves.toEqualTypeOf<PaymentOutcome>();
  const billing = getRequestController(runtime, 'billing');
  expectTypeOf(billing.requestAsync({ customer_uid: 'customer_1' })).resolves.toEqualTypeOf<BillingKeyOutcome>();
  // @ts-expect-error billing keys need customer_uid
  billing.request({ amount: 0 });
  const state: RequestState = payments.getSnapshot();
  if (state.status === 'pending') expectTypeOf(state.stalled).toBeBoolean();
  if (state.status === 'error') expectTypeOf(state.error.code).toBeString();
}

// ── react: hooks ────────────────────────────────────────────────────────────────────────────
export function Checkout() {
  const payment = usePayment({
    onSuccess: (done) => expectTypeOf(done.impUid).toBeString(),
    onFailure: (done) => expectTypeOf(done.message).toBeString(),
    onUnknown: (done) => expectTypeOf(done.reason).toEqualTypeOf<'cancelled' | 'timeout' | 'no-window'>(),
  });
  const { requestPayment, requestPaymentAsync, isPending, status, outcome } = payment;
  expectTypeOf(isPending).toBeBoolean();
  expectTypeOf(status).toEqualTypeOf<'idle' | 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'unknown' | 'error'>();
  expectTypeOf(outcome).toEqualTypeOf<PaymentOutcome | null>();
  // fire-and-forget vs the promise (TanStack's mutate / mutateAsync)
  expectTypeOf(requestPayment).returns.toBeVoid();
  expectTypeOf(requestPaymentAsync).returns.resolves.toEqualTypeOf<PaymentOutcome>();
  expectTypeOf(payment.cancel).returns.toBeVoid();

  // one union per status: the status narrows outcome and error
  if (payment.status === 'succeeded') expectTypeOf(payment.outcome.impUid).toBeString();
  if (payment.status === 'failed') expectTypeOf(payment.outcome.message).toBeString();
  if (payment.status === 'unknown') expectTypeOf(payment.outcome.merchantUid).toBeString();
  if (payment.status === 'error') expectTypeOf(payment.error.code).toBeString();
  if (payment.status === 'idle') expectTypeOf(payment.outcome).toBeNull();
  if (payment.status === 'pending') expectTypeOf(payment.stalled).toBeBoolean();
  // @ts-expect-error outcome may be null until the status says otherwise
  void payment.outcome.status;
  // destructured, the status still narrows (TS ≥ 4.6)
  if (status === 'cancelled') expectTypeOf(outcome.code).toBeString();

  // merchant_uid, pg and m_redirect_url are optional here: the provider fills them.
  void requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 });
  // @ts-expect-error amount: '1004' is refused at compile time too
  void requestPayment({ pay_method: 'card', name: '원두 1kg', amount: '1004' });
  // @ts-expect-error unknown pay_method
  void requestPayment({ pay_method: 'paypal', amount: 1004 });
  // @ts-expect-error customer_uid belongs to useBillingKey, not to one-time payments
  void requestPayment({ pay_method: 'card', amount: 1004, customer_uid: 'customer_1' });
  // @ts-expect-error unknown card code in card.detail
  void requestPayment({ pay_method: 'card', amount: 1004, card: { detail: [{ card_code: '999', enabled: true }] } });
  return null;
}

export function Subscribe() {
  const { issueBillingKey, issueBillingKeyAsync, ...state } = useBillingKey();
  // amount defaults to 0 (key only) and pay_method to 'card'.
  expectTypeOf(issueBillingKey({ customer_uid: 'customer_1' })).toBeVoid();
  void issueBillingKeyAsync({ customer_uid: 'customer_1' }).then((done) => expectTypeOf(done.customerUid).toBeString());
  if (state.status === 'unknown') expectTypeOf(state.outcome.customerUid).toBeString();
  // @ts-expect-error customer_uid is required for a billing key
  void issueBillingKey({ amount: 0 });
  // @ts-expect-error billing keys are card only
  void issueBillingKey({ customer_uid: 'customer_1', pay_method: 'vbank' });
  // @ts-expect-error amount is a number
  void issueBillingKey({ customer_uid: 'customer_1', amount: '0' });
  return null;
}

// ── react: provider and components ──────────────────────────────────────────────────────────
export const app = (
  <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={createSandboxIamport()}>
    <PaymentButton params={{ pay_method: 'card', name: '원두 1kg', amount: 1004 }} />
    <PaymentForm
      amount={1004}
      name="원두 1kg"
      payMethods={['card', 'trans']}
      cardFilter={{ exclude: ['370'] }}
      onSuccess={(done) => void done.impUid}
      verify={async (unknown) => ({ verified: unknown.merchantUid !== '' && unknown.impUid === null })}
    />
    <BillingKeyForm customerUid="customer_1" verify={async (unknown) => unknown.customerUid === 'customer_1'} />
  </IamportProvider>
);

// @ts-expect-error merchantCode is required
export const noMerchantCode = <IamportProvider pg="jtnet" />;
// @ts-expect-error PaymentForm's amount is a number
export const formStringAmount = <PaymentForm amount="1004" name="원두 1kg" />;
// @ts-expect-error unknown pay method offered by the form
export const formUnknownMethod = <PaymentForm amount={1004} name="원두 1kg" payMethods={['card', 'crypto']} />;
// @ts-expect-error the cardFilter prop takes official codes only
export const formUnknownCard = <PaymentForm amount={1004} name="원두 1kg" cardFilter={{ only: ['999'] }} />;
// @ts-expect-error PaymentButton params need a number amount
export const buttonStringAmount = <PaymentButton params={{ pay_method: 'card', amount: '1004' }} />;

// ── server ──────────────────────────────────────────────────────────────────────────────────
export async function server(): Promise<void> {
  const iamport = createIamportClient({ apiKey: 'sandbox_key', apiSecret: 'sandbox_secret', baseUrl: 'http://127.0.0.1:8090' });
  const result = await iamport.verifyPayment({ impUid: 'imp_1', amount: 1004, merchantUid: 'order_1' });
  expectTypeOf(result).toEqualTypeOf<VerificationResult>();
  expectTypeOf(result.status).toEqualTypeOf<'paid' | 'awaiting_deposit' | 'not_verified'>();
  if (result.status === 'not_verified' && result.reason !== 'not_found') expectTypeOf(result.payment.amount).toEqualTypeOf<number>();
  // @ts-expect-error the amount to verify is a number from your database
  await iamport.verifyPayment({ impUid: 'imp_1', amount: '1004' });
  // @ts-expect-error apiSecret is required
  createIamportClient({ apiKey: 'sandbox_key' });
}
