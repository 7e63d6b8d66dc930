/**
 * What the i'mport V1 REST API answers, with the API's own (snake_case) field names, written
 * from the official V1 OpenAPI spec. Fields the spec marks required are required here.
 */

/** The envelope every REST answer comes in. */
export interface Envelope<T> {
  code: number;
  message: string | null;
  response: T | null;
}

export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

/** Where the payment started: the PC or mobile window, or a REST call (`api`: billing keys, key-in). */
export type PaymentChannel = 'pc' | 'mobile' | 'api';

/** One full or partial refund of a payment. */
export interface CancelHistory {
  /** The PG's cancel transaction id. */
  pg_tid: string;
  amount: number;
  /** Unix seconds. */
  cancelled_at: number;
  reason: string;
  /** Also sent as `cancellation_id` in the cancel webhook. */
  cancellation_id: string;
  receipt_url?: string | null;
}

/** A deposit into a fixed (reusable) virtual account. */
export interface VbankDeposit {
  pg_tid: string;
  amount: number;
  depositor_name: string;
  /** Unix seconds. */
  deposited_at: number;
  reason?: string | null;
}

/** The buyer as a payment or a schedule records it. */
export interface BuyerInfo {
  buyer_name?: string | null;
  buyer_email?: string | null;
  buyer_tel?: string | null;
  buyer_addr?: string | null;
  buyer_postcode?: string | null;
}

/** `GET /payments/{imp_uid}` and every charge/cancel answer. Times are unix seconds, `0` when not applicable. */
export interface Payment extends BuyerInfo {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  /** The refunded part of `amount`; a partially refunded payment stays `status: 'paid'`. */
  cancel_amount: number;
  currency: string;
  status: PaymentStatus;
  /** Made on a test channel: no money moved. Live mode never counts it as paid. */
  sandbox: boolean;
  pay_method?: string;
  channel?: PaymentChannel | (string & {});
  pg_provider?: string;
  emb_pg_provider?: string | null;
  pg_tid?: string | null;
  pg_id?: string | null;
  escrow?: boolean;
  apply_num?: string | null;
  bank_code?: string | null;
  bank_name?: string | null;
  card_code?: string | null;
  card_name?: string | null;
  card_issuer_code?: string | null;
  card_issuer_name?: string | null;
  card_publisher_code?: string | null;
  card_publisher_name?: string | null;
  /** Installment months, 0 = paid at once. */
  card_quota?: number;
  /** Masked by the API, e.g. `424242*********2`. */
  card_number?: string | null;
  /** 0 credit, 1 check (debit), 2 gift; null when the PG does not say. */
  card_type?: number | null;
  vbank_code?: string | null;
  vbank_name?: string | null;
  vbank_num?: string | null;
  vbank_holder?: string | null;
  /** Deposit deadline. */
  vbank_date?: number;
  vbank_issued_at?: number;
  name?: string | null;
  custom_data?: string | null;
  user_agent?: string | null;
  started_at?: number;
  paid_at?: number;
  failed_at?: number;
  cancelled_at?: number;
  fail_reason?: string | null;
  cancel_reason?: string | null;
  receipt_url?: string | null;
  cancel_history?: CancelHistory[];
  deposit_history?: VbankDeposit[];
  /** @deprecated by the API: read `cancel_history[].receipt_url`. */
  cancel_receipt_urls?: string[];
  cash_receipt_issued?: boolean;
  customer_uid?: string | null;
  customer_uid_usage?: 'issue' | 'payment' | 'payment.scheduled' | null;
  promotion?: { id: string; discount: number } | null;
}

/** A page of a list answer. `previous`/`next` are page numbers, 0 when there is none. */
export interface Page<T> {
  total: number;
  previous: number;
  next: number;
  list: T[];
}

/** A page of payments (`findAll`, a billing key's payments). */
export type PaymentPage = Page<Payment>;

/** One part of a payment's balance; negative after refunds. */
export interface BalanceAmounts {
  tax_free: number;
  supply: number;
  vat: number;
  service: number;
}

/** `GET /payments/{imp_uid}/balance`: how the amount splits, and how it changed. */
export interface PaymentBalance {
  amount: number;
  cash_receipt: BalanceAmounts;
  primary: BalanceAmounts;
  secondary: BalanceAmounts;
  discount: BalanceAmounts;
  histories?: Array<{ cash_receipt: BalanceAmounts; primary: BalanceAmounts; secondary: BalanceAmounts; discount: BalanceAmounts; created?: number }>;
}

/** `/payments/prepare`: the amount i'mport will accept for a merchant_uid. */
export interface PreparedPayment {
  merchant_uid: string;
  amount: number;
  /** `null` = the currency is not checked. */
  currency?: string | null;
}

/** A billing key as `/subscribe/customers/{customer_uid}` describes it (never the key itself). */
export interface BillingKey {
  customer_uid: string;
  pg_provider: string;
  pg_id: string;
  card_name: string | null;
  inserted: number;
  updated: number;
  /** Issued on a test channel: its charges move no money. */
  sandbox: boolean;
  customer_id?: string | null;
  card_code?: string | null;
  card_issuer_code?: string | null;
  card_issuer_name?: string | null;
  card_publisher_code?: string | null;
  card_publisher_name?: string | null;
  /** Masked by the API. */
  card_number?: string | null;
  card_type?: number | null;
  customer_name?: string | null;
  customer_tel?: string | null;
  customer_email?: string | null;
  customer_addr?: string | null;
  customer_postcode?: string | null;
}

export type ScheduleStatus = 'scheduled' | 'executed' | 'revoked';

/** A scheduled billing-key charge. `imp_uid` is null until it runs. */
export interface Schedule extends BuyerInfo {
  customer_uid: string;
  merchant_uid: string;
  imp_uid?: string | null;
  pg_provider?: string | null;
  pg_id?: string | null;
  customer_id?: string | null;
  schedule_at: number;
  executed_at?: number;
  revoked_at?: number;
  amount: number;
  currency?: string;
  name?: string | null;
  custom_data?: string | null;
  schedule_status: ScheduleStatus | (string & {});
  /** The charge's status once run (`paid`, `failed`…), null before. */
  payment_status?: PaymentStatus | null;
  fail_reason?: string | null;
  promotion_id?: string | null;
}

/** A page of schedules. */
export type SchedulePage = Page<Schedule>;
