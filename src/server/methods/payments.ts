import { Checks } from '../check';
import { checkPayment, notFound, type VerificationResult } from '../check-payment';
import { findOrderPayment, orNull, readPrepared } from '../lookup';
import type { CancelPaymentParams, FindAllPaymentsOptions, FindPaymentOptions, PreparePaymentParams } from '../params';
import { path, type Transport } from '../transport';
import type { Payment, PaymentBalance, PaymentPage, PreparedPayment } from '../types';

const STATUSES = ['ready', 'paid', 'cancelled', 'failed'] as const;
const SORTINGS = ['-started', 'started', '-paid', 'paid', '-updated', 'updated'] as const;

export interface VerifyPaymentParams {
  /** The payment to check; without it, the order's payment is looked up by `merchantUid`. */
  impUid?: string;
  /** The order amount from your database, never from the browser. */
  amount: number;
  /** The order the payment must belong to (required without `impUid`). */
  merchantUid?: string;
  /** Also require the amount pre-registered with `preparePayment` / `prepareOrder` to be `amount`. */
  checkPrepared?: boolean;
}

/** Payment lookups, verification, refunds and amount pre-registration. */
export interface PaymentMethods {
  /** `GET /payments/{imp_uid}`; a 404 throws `IamportApiError` with `httpStatus: 404`. */
  getPayment(impUid: string): Promise<Payment>;
  /** `GET /payments/find/{merchant_uid}/{status?}`: the order's latest payment (newest window first by default). */
  findPayment(merchantUid: string, options?: FindPaymentOptions): Promise<Payment>;
  /** `GET /payments/findAll/{merchant_uid}/{status?}`: every payment of the order, a page at a time. */
  findAllPayments(merchantUid: string, options?: FindAllPaymentsOptions): Promise<PaymentPage>;
  /** `GET /payments/{imp_uid}/balance`: how the amount splits into supply, VAT, tax-free, and how refunds changed it. */
  getPaymentBalance(impUid: string): Promise<PaymentBalance>;
  /**
   * Looks the payment up (by `impUid`, or the order's by `merchantUid`) and applies the
   * verification rule: `paid`, `awaiting_deposit` or `not_verified` with a reason.
   */
  verifyPayment(params: VerifyPaymentParams): Promise<VerificationResult>;
  /** `POST /payments/cancel`; pass `checksum` (the refundable balance you expect) to never refund twice. */
  cancelPayment(params: CancelPaymentParams): Promise<Payment>;
  /** `POST /payments/prepare`: i'mport will refuse a payment of `merchant_uid` for any other amount. */
  preparePayment(params: PreparePaymentParams): Promise<PreparedPayment>;
  /** `GET /payments/prepare/{merchant_uid}`. */
  getPreparedPayment(merchantUid: string): Promise<PreparedPayment>;
  /** `PUT /payments/prepare`: changes the pre-registered amount. */
  updatePreparedPayment(params: PreparePaymentParams): Promise<PreparedPayment>;
}

function checkPrepare(method: string, params: PreparePaymentParams): void {
  const checks = new Checks(method);
  if (checks.object(params, 'params')) {
    checks.merchantUid('merchant_uid', params.merchant_uid).amount('amount', params.amount);
    if (params.currency !== undefined && (typeof params.currency !== 'string' || !/^[A-Z]{3}$/.test(params.currency))) {
      checks.add('currency', "currency must be a 3-letter code such as 'KRW'.");
    }
  }
  checks.done();
}

function checkFind(method: string, merchantUid: string, options: FindAllPaymentsOptions): void {
  const checks = new Checks(method).merchantUid('merchantUid', merchantUid);
  if (checks.object(options, 'options')) {
    checks.oneOf('status', options.status, STATUSES).oneOf('sorting', options.sorting, SORTINGS);
    checks.integer('page', options.page, { min: 1 }).integer('limit', options.limit, { min: 1, max: 1000 });
  }
  checks.done();
}

export function paymentMethods(transport: Transport): PaymentMethods {
  const { lookup, authed } = transport;
  const findPath = (endpoint: 'find' | 'findAll', merchantUid: string, status?: string) =>
    status ? path('payments', endpoint, merchantUid, status) : path('payments', endpoint, merchantUid);

  const methods: PaymentMethods = {
    async getPayment(impUid) {
      new Checks('getPayment').id('impUid', impUid).done();
      return lookup<Payment>(path('payments', impUid));
    },

    async findPayment(merchantUid, options = {}) {
      checkFind('findPayment', merchantUid, options);
      return lookup<Payment>(findPath('find', merchantUid, options.status), { sorting: options.sorting });
    },

    async findAllPayments(merchantUid, options = {}) {
      checkFind('findAllPayments', merchantUid, options);
      const { status, ...query } = options;
      return lookup<PaymentPage>(findPath('findAll', merchantUid, status), query);
    },

    async getPaymentBalance(impUid) {
      new Checks('getPaymentBalance').id('impUid', impUid).done();
      return lookup<PaymentBalance>(path('payments', impUid, 'balance'));
    },

    async verifyPayment(params) {
      const checks = new Checks('verifyPayment');
      if (checks.object(params, 'params')) {
        checks
          .id('impUid', params.impUid, true)
          .amount('amount', params.amount, { min: 0 })
          .merchantUid('merchantUid', params.merchantUid, params.impUid !== undefined);
        checks.boolean('checkPrepared', params.checkPrepared);
      }
      checks.done();
      const { impUid, merchantUid, amount } = params;
      const payment = impUid ? await orNull(methods.getPayment(impUid)) : await findOrderPayment(methods, merchantUid!);
      if (!payment) return notFound(impUid ? `imp_uid ${impUid}` : `order ${merchantUid}`);
      const prepared = params.checkPrepared ? await readPrepared(methods, payment.merchant_uid) : undefined;
      return checkPayment(payment, { amount, merchantUid, mode: transport.mode, prepared });
    },

    async cancelPayment(params) {
      const checks = new Checks('cancelPayment');
      if (checks.object(params, 'params')) {
        if (params.imp_uid === undefined && params.merchant_uid === undefined) checks.add('imp_uid', 'cancelPayment needs imp_uid or merchant_uid.');
        checks.id('imp_uid', params.imp_uid, true).merchantUid('merchant_uid', params.merchant_uid, true).text('reason', params.reason);
        if (params.amount === 0) {
          // The API reads a missing or 0 amount as "everything": a computed 0 must not become a full refund.
          checks.add(
            'amount',
            "amount 0 would refund the whole payment (i'mport treats a missing or 0 amount as a full refund). Omit amount for a full refund, or pass the won to refund (1 or more).",
          );
        } else checks.amount('amount', params.amount, { optional: true });
        checks.amount('checksum', params.checksum, { min: 0, optional: true });
        checks.amount('tax_free', params.tax_free, { min: 0, optional: true }).amount('vat_amount', params.vat_amount, { min: 0, optional: true });
        checks.boolean('enable_webhook', params.enable_webhook).boolean('retain_promotion', params.retain_promotion);
        const refund = [params.refund_holder, params.refund_bank, params.refund_account];
        if (refund.some((field) => field !== undefined)) {
          // A virtual-account refund goes to the buyer's own account: the API needs all three.
          checks
            .text('refund_holder', params.refund_holder, false)
            .text('refund_bank', params.refund_bank, false)
            .text('refund_account', params.refund_account, false);
        }
        checks.text('refund_tel', params.refund_tel);
      }
      checks.done();
      return (await authed<Payment>({ method: 'POST', path: '/payments/cancel', body: params, retrySafe: false })).response;
    },

    async preparePayment(params) {
      checkPrepare('preparePayment', params);
      // Registering the same amount twice changes nothing: safe to retry.
      return (await authed<PreparedPayment>({ method: 'POST', path: '/payments/prepare', body: params, retrySafe: true })).response;
    },

    async getPreparedPayment(merchantUid) {
      new Checks('getPreparedPayment').merchantUid('merchantUid', merchantUid).done();
      return lookup<PreparedPayment>(path('payments', 'prepare', merchantUid));
    },

    async updatePreparedPayment(params) {
      checkPrepare('updatePreparedPayment', params);
      return (await authed<PreparedPayment>({ method: 'PUT', path: '/payments/prepare', body: params, retrySafe: true })).response;
    },
  };
  return methods;
}
