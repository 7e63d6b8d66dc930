/** Types of the i'mport V1 REST API, with the API's own (snake_case) field names. */

/** The envelope every REST answer comes in. */
export interface Envelope<T> {
  code: number;
  message: string | null;
  response: T | null;
}

export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

/** `GET /payments/{imp_uid}` and every charge/cancel answer. */
export interface Payment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount: number;
  currency: string;
  status: PaymentStatus;
  pay_method: string;
  pg_provider?: string;
  pg_tid?: string | null;
  name: string | null;
  buyer_name?: string | null;
  buyer_email?: string | null;
  buyer_tel?: string | null;
  buyer_addr?: string | null;
  buyer_postcode?: string | null;
  card_code?: string | null;
  card_name?: string | null;
  /** Masked by the API, e.g. `424242*********2`. */
  card_number?: string | null;
  card_quota?: number;
  apply_num?: string | null;
  vbank_code?: string | null;
  vbank_name?: string | null;
  vbank_num?: string | null;
  vbank_holder?: string | null;
  vbank_date?: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason?: string | null;
  receipt_url?: string | null;
  customer_uid?: string | null;
  customer_uid_usage?: 'issue' | 'payment' | 'payment.scheduled' | null;
  custom_data?: string | null;
  [field: string]: unknown;
}

/** A billing key as `/subscribe/customers/{customer_uid}` describes it (never the key itself). */
export interface BillingKey {
  customer_uid: string;
  pg_provider?: string;
  pg_id?: string;
  card_name?: string | null;
  card_code?: string | null;
  /** Masked by the API. */
  card_number?: string | null;
  customer_name?: string | null;
  customer_tel?: string | null;
  customer_email?: string | null;
  inserted: number;
  updated: number;
  [field: string]: unknown;
}

export interface Schedule {
  customer_uid: string;
  merchant_uid: string;
  imp_uid?: string | null;
  schedule_at: number;
  amount: number;
  name?: string | null;
  schedule_status: 'scheduled' | 'executed' | 'revoked' | (string & {});
  payment_status?: string | null;
  [field: string]: unknown;
}

/** Optional buyer fields shared by the charge endpoints. */
export interface BuyerFields {
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
}

/** `POST /subscribe/payments/again`. */
export interface ChargeBillingKeyParams extends BuyerFields {
  customer_uid: string;
  merchant_uid: string;
  /** Integer KRW, at least 1. */
  amount: number;
  name: string;
  tax_free?: number;
  card_quota?: number;
  custom_data?: string | Record<string, unknown>;
  notice_url?: string;
}

/** The card fields of the key-in endpoints. */
export interface CardFields {
  /** `dddd-dddd-dddd-dddd`. */
  card_number: string;
  /** `YYYY-MM`. */
  expiry: string;
  /** `YYMMDD`, or a 10-digit business registration number for corporate cards. */
  birth: string;
  /** First two digits of the card password. */
  pwd_2digit?: string;
  pg?: string;
}

/** `POST /subscribe/payments/onetime`. */
export interface PayOnetimeParams extends CardFields, BuyerFields {
  merchant_uid: string;
  amount: number;
  /** With a customer_uid the card is also saved as that billing key. */
  customer_uid?: string;
  name?: string;
  tax_free?: number;
  card_quota?: number;
  custom_data?: string | Record<string, unknown>;
  notice_url?: string;
}

/** `POST /subscribe/customers/{customer_uid}`. */
export interface IssueBillingKeyParams extends CardFields {
  customer_uid: string;
  customer_name?: string;
  customer_tel?: string;
  customer_email?: string;
  customer_addr?: string;
  customer_postcode?: string;
}

export interface ScheduleEntry extends BuyerFields {
  merchant_uid: string;
  /** When to charge, unix seconds in the future. */
  schedule_at: number;
  amount: number;
  name: string;
  currency?: string;
  custom_data?: string | Record<string, unknown>;
  notice_url?: string;
}

/** `POST /subscribe/payments/schedule`. */
export interface SchedulePaymentsParams {
  customer_uid: string;
  schedules: ScheduleEntry[];
}

/** `POST /subscribe/payments/unschedule`; without merchant_uid every schedule of the key is revoked. */
export interface UnschedulePaymentsParams {
  customer_uid: string;
  merchant_uid?: string[];
}

/** `POST /payments/cancel`: `imp_uid` or `merchant_uid`. */
export interface CancelPaymentParams {
  imp_uid?: string;
  merchant_uid?: string;
  /** Amount to refund; absent or 0 = the full remaining balance. */
  amount?: number;
  reason?: string;
  /** The cancellable balance you expect; the API refuses the cancel when it differs (no double refund). */
  checksum?: number;
  tax_free?: number;
}
