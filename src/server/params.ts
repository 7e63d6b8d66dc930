/** What the client's REST methods send, with the API's own (snake_case) field names. */
import type { PaymentStatus, ScheduleStatus } from './types';

/** Optional buyer fields shared by the charge endpoints. */
export interface BuyerFields {
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
}

/** Tax and charge options shared by `again`, `onetime` and schedules. */
export interface ChargeOptions extends BuyerFields {
  /** The tax-free part of `amount` (default 0: all taxable, VAT = amount / 11). */
  tax_free?: number;
  /** The VAT of `amount`, where the PG supports setting it. */
  vat_amount?: number;
  /** Installment months (2+, for 50,000 won and more); default 0 = at once. */
  card_quota?: number;
  interest_free_by_merchant?: boolean;
  use_card_point?: boolean;
  custom_data?: string | Record<string, unknown>;
  /** Where i'mport posts the webhook for this payment (default: the console's URL). */
  notice_url?: string;
  browser_ip?: string;
  product_type?: 'real' | 'digital';
  product_count?: number;
  cash_receipt_type?: 'person' | 'company' | 'anonymous';
  /** PG-specific parameters as a JSON string, passed through as is. */
  bypass?: string;
  promotion_id?: string;
}

/** `POST /subscribe/payments/again`. */
export interface ChargeBillingKeyParams extends ChargeOptions {
  customer_uid: string;
  merchant_uid: string;
  /** Integer KRW, at least 1. */
  amount: number;
  name: string;
  currency?: string;
  /** Picks the channel of a super billing key. */
  channel_key?: string;
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
  /** `{pg}` or `{pg}.{mid}` when several REST channels are set up. */
  pg?: string;
}

/** `POST /subscribe/payments/onetime`. */
export interface PayOnetimeParams extends CardFields, ChargeOptions {
  merchant_uid: string;
  amount: number;
  /** With a customer_uid the card is also saved as that billing key. */
  customer_uid?: string;
  name?: string;
  currency?: string;
}

/** `POST /subscribe/customers/{customer_uid}`. */
export interface IssueBillingKeyParams extends CardFields {
  customer_uid: string;
  /**
   * The channel to issue the key on (required by the API since 2026-05-20): the i'mport console,
   * [연동관리] → [연동 정보]. A test channel's key issues test (`sandbox: true`) payments.
   */
  channel_key: string;
  customer_id?: string;
  customer_name?: string;
  customer_tel?: string;
  customer_email?: string;
  customer_addr?: string;
  customer_postcode?: string;
  /** Issue on every active channel of this smart-routing group. */
  channel_group_id?: string;
}

export interface ScheduleEntry extends BuyerFields {
  merchant_uid: string;
  /** When to charge, unix seconds in the future. */
  schedule_at: number;
  amount: number;
  name: string;
  currency?: string;
  tax_free?: number;
  vat_amount?: number;
  card_quota?: number;
  custom_data?: string | Record<string, unknown>;
  notice_url?: string;
  product_type?: 'real' | 'digital';
  promotion_id?: string;
}

/** `POST /subscribe/payments/schedule`. */
export interface SchedulePaymentsParams {
  customer_uid: string;
  schedules: ScheduleEntry[];
  channel_key?: string;
  /** An amount charged and refunded at once to check the card (0 = no check). */
  checking_amount?: number;
}

/** `POST /subscribe/payments/unschedule`; without merchant_uid every schedule of the key is revoked. */
export interface UnschedulePaymentsParams {
  customer_uid: string;
  merchant_uid?: string[];
}

/**
 * `POST /payments/cancel`: `imp_uid` or `merchant_uid`. A REST cancel sends no webhook unless
 * `enable_webhook: true`.
 */
export interface CancelPaymentParams {
  imp_uid?: string;
  merchant_uid?: string;
  /**
   * Won to refund, 1 or more; absent = the full remaining balance. 0 is refused before any
   * request: the API would read it as "everything".
   */
  amount?: number;
  reason?: string;
  /** The refundable balance you expect; the API refuses the cancel when it differs (no double refund). */
  checksum?: number;
  /** The tax-free part of the refund. */
  tax_free?: number;
  /** The VAT of the refund (required when the payment set its VAT). */
  vat_amount?: number;
  /** Send the cancel webhook to your notice URL (default false for REST cancels). */
  enable_webhook?: boolean;
  /**
   * Refunding a deposited virtual account (`pay_method: 'vbank'`): the money goes back by bank
   * transfer, so the API requires the buyer's account holder, bank code (e.g. `'004'`) and
   * account number, and refuses the cancel without them. `refund_tel`: the holder's phone.
   */
  refund_holder?: string;
  refund_bank?: string;
  refund_account?: string;
  refund_tel?: string;
  retain_promotion?: boolean;
}

/** `POST /payments/prepare` and `PUT /payments/prepare`. */
export interface PreparePaymentParams {
  merchant_uid: string;
  /** The only amount i'mport will accept for this merchant_uid. */
  amount: number;
  /** Also check the currency (e.g. `KRW`); absent = not checked. */
  currency?: string;
}

/** Order of lookups by merchant_uid: `-started` (default, newest window first), `paid`, `updated`… */
export type PaymentSorting = '-started' | 'started' | '-paid' | 'paid' | '-updated' | 'updated';

/** `GET /payments/find/{merchant_uid}/{payment_status}`. */
export interface FindPaymentOptions {
  /** Only a payment in this status. */
  status?: PaymentStatus;
  sorting?: PaymentSorting;
}

/** `GET /payments/findAll/{merchant_uid}/{payment_status}`. */
export interface FindAllPaymentsOptions extends FindPaymentOptions {
  /** From 1. */
  page?: number;
  /** Up to 1000; default 20. */
  limit?: number;
}

/** `GET /subscribe/payments/schedule`: schedules whose `schedule_at` is in [schedule_from, schedule_to). */
export interface ScheduleRangeParams {
  schedule_from: number;
  schedule_to: number;
  schedule_status?: ScheduleStatus;
  page?: number;
  /** Up to 1000; default 20. */
  limit?: number;
  /** `scheduled` = oldest first; default newest first. */
  sorting?: 'scheduled';
}

/** `GET /subscribe/payments/schedule/customers/{customer_uid}`: [from, to) in unix seconds. */
export interface CustomerSchedulesParams {
  from: number;
  to: number;
  /** Sent as the API's `schedule-status` query parameter. */
  schedule_status?: ScheduleStatus;
  page?: number;
}
