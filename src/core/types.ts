/**
 * Types for the i'mport (PortOne V1) browser SDK surface this kit uses with the JTNet PG.
 * Field names follow the SDK verbatim (snake_case) so the official docs apply as written.
 */

/** Pay methods JTNet offers through the window: card, real-time bank transfer, virtual account, phone. */
export type PayMethod = 'card' | 'trans' | 'vbank' | 'phone';

/**
 * A card issuer code from the official i'mport table (`'*'` is only valid inside a
 * {@link CardFilterRule} and means "every card").
 *
 * @example
 * const shinhan: CardCode = '366';
 */
export type CardCode =
  | '361'
  | '364'
  | '381'
  | '366'
  | '367'
  | '002'
  | '365'
  | '369'
  | '368'
  | '048'
  | '371'
  | '370'
  | '041'
  | '071'
  | '374'
  | '089'
  | '045'
  | '372'
  | '373'
  | '090'
  | '10001'
  | '10002'
  | '10003'
  | '10004'
  | '10005'
  | '10006';

/**
 * One entry of `card.detail`. Rules apply in order; `'*'` addresses every card.
 *
 * @example
 * // only Shinhan: switch everything off, then one issuer on
 * const rules: CardFilterRule[] = [
 *   { card_code: '*', enabled: false },
 *   { card_code: '366', enabled: true },
 * ];
 */
export interface CardFilterRule {
  card_code: CardCode | '*';
  enabled: boolean;
}

/** Parameters of `IMP.request_pay` (the fields JTNet uses plus the common ones). */
export interface RequestPayParams {
  /** `'jtnet'`, or `'jtnet.{MID}'` when the merchant has several JTNet MIDs. */
  pg?: string;
  /** Newer replacement for `pg` in current SDK builds. */
  channelKey?: string;
  pay_method: PayMethod;
  /** Order id: unique per request, at most 40 characters. */
  merchant_uid: string;
  /** Order name, at most 40 characters. */
  name?: string;
  /** Integer KRW. Must be a number, never a string. `0` only with `customer_uid`. */
  amount: number;
  tax_free?: number;
  vat_amount?: number;
  currency?: 'KRW';
  language?: 'ko' | 'en';
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  /** Absolute URL the mobile window returns to. */
  m_redirect_url?: string;
  /** Per-payment webhook URL(s); overrides the console's. */
  notice_url?: string | string[];
  /** Echoed back as a JSON string. */
  custom_data?: Record<string, unknown>;
  /** Presence makes this a billing-key window (card only). */
  customer_uid?: string;
  card?: {
    /** Which card issuers the window offers. */
    detail?: CardFilterRule[];
  };
  display?: {
    /** Instalment months offered; `[]` = lump sum only. Instalments only from ₩50,000. */
    card_quota?: number[];
  };
  /** Virtual-account due date, `YYYYMMDD`, `YYYYMMDDHHmm` or `YYYYMMDDHHmmss`. */
  vbank_due?: string;
  /** Required for `phone` payments: `true` for digital goods. */
  digital?: boolean;
  popup?: boolean;
}

/** Parameters for a billing-key window: `customer_uid` required, card only, amount may be 0. */
export interface BillingKeyRequestParams extends Omit<RequestPayParams, 'customer_uid' | 'pay_method'> {
  customer_uid: string;
  pay_method: 'card';
}

/** What `IMP.request_pay` hands to its callback (and, partly, the redirect query). */
export interface RequestPayResponse {
  /** Some PGs send `success`, others `imp_success`; both only mean the window finished. */
  success?: boolean;
  imp_success?: boolean;
  /** `null` when the request failed before reaching the PG. */
  imp_uid: string | null;
  merchant_uid: string;
  error_code?: string;
  error_msg?: string;
  /** One of {@link PayMethod} or a PG's own (`string & {}` keeps the editor suggesting the known ones). */
  pay_method?: PayMethod | (string & {});
  paid_amount?: number;
  status?: 'ready' | 'paid' | 'failed';
  name?: string;
  pg_provider?: string;
  pg_tid?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  custom_data?: string | null;
  /** Unix seconds. */
  paid_at?: number;
  receipt_url?: string;
  apply_num?: string;
  card_name?: string;
  card_number?: string;
  card_quota?: number;
  vbank_num?: string;
  vbank_name?: string;
  vbank_holder?: string;
  vbank_date?: number;
  customer_uid?: string;
  [extra: string]: unknown;
}

/** Callback of `IMP.request_pay`. */
export type RequestPayCallback = (response: RequestPayResponse) => void;

/** The `window.IMP` object (the real SDK, the sandbox, or a test double). */
export interface Iamport {
  init(userCode: string): void;
  agency(userCode: string, tierCode: string): void;
  request_pay(params: RequestPayParams, callback?: RequestPayCallback): void;
  /** Hides the open window (real SDK 1.3.0 and the sandbox). It never calls the request's callback. */
  close?(): void;
}

declare global {
  interface Window {
    IMP?: Iamport;
  }
}
