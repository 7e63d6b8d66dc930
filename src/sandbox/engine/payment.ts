import type { PayMethod } from '../../core/types';
import { DEFAULT_CARD_CODE, cardName, classifyCard, maskCardNumber } from './cards';
import { SANDBOX_PG_ID } from './fixtures';
import { DECLINED_MESSAGE, INVALID_CARD_MESSAGE, NETWORK_MESSAGE } from './messages';
import { randomDigits, type Random } from './random';

/** What a payment is made from: window choices or a REST body. */
export interface PaymentInput {
  merchant_uid: string;
  amount: number;
  name?: string;
  pay_method?: PayMethod;
  pg?: string;
  /** The MID to record (a billing key's own channel); else from `pg: 'jtnet.{MID}'`, else the sandbox channel's. */
  pg_id?: string;
  /** `'api'` for REST charges; window payments: `'pc'` or `'mobile'` (default `'pc'`). */
  channel?: PaymentChannel;
  /** The buyer's browser (window payments); REST charges have none. */
  user_agent?: string;
  card_number?: string;
  card_code?: string;
  /** Instalment months (0 = paid at once). */
  card_quota?: number;
  customer_uid?: string;
  customer_uid_usage?: 'issue' | 'payment' | 'payment.scheduled';
  vbank_due?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  /** An object is stored as its JSON string, like i'mport does. */
  custom_data?: unknown;
}

/** Where a payment was made: the window on a PC or a phone, or a REST call (`'api'`). */
export type PaymentChannel = 'pc' | 'mobile' | 'api';
export type PaymentStatus = 'ready' | 'paid' | 'failed' | 'cancelled';

/** One (partial) cancellation, as `cancel_history[]` lists it. */
export interface SandboxCancellation {
  pg_tid: string;
  amount: number;
  cancelled_at: number;
  reason: string | null;
  receipt_url: string;
  cancellation_id: string;
}

/** A payment as `GET /payments/{imp_uid}` returns it (the 2026 fields included; see reference §5). */
export interface SandboxPayment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount: number;
  currency: 'KRW';
  status: PaymentStatus;
  /** Made on a test channel: every sandbox payment is. Hidden from lookups without `include_sandbox=true`. */
  sandbox: true;
  pay_method: string;
  channel: PaymentChannel;
  pg_provider: 'jtnet';
  emb_pg_provider: null;
  pg_tid: string;
  pg_id: string;
  escrow: false;
  apply_num: string | null;
  bank_code: string | null;
  bank_name: string | null;
  card_code: string | null;
  card_name: string | null;
  card_number: string | null;
  card_quota: number;
  card_type: number | null;
  /** JTNet does not report issuer/publisher codes (only some PGs do, per the spec): always null here. */
  card_issuer_code: null;
  card_issuer_name: null;
  card_publisher_code: null;
  card_publisher_name: null;
  vbank_code: string | null;
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  vbank_date: number;
  vbank_issued_at: number;
  name: string | null;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  user_agent: string | null;
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string;
  cancel_history: SandboxCancellation[];
  /** Deprecated by i'mport in favour of `cancel_history[].receipt_url`, still sent. */
  cancel_receipt_urls: string[];
  cash_receipt_issued: boolean;
  customer_uid: string | null;
  customer_uid_usage: 'issue' | 'payment' | 'payment.scheduled' | null;
}

export interface PaymentContext {
  random: Random;
  /** Unix milliseconds. */
  nowMs: number;
  /** `receipt_url` = receiptBase + imp_uid. */
  receiptBase: string;
}

/** Sandbox receipts live on a reserved, never-resolving host unless a sandbox server serves them. */
export const OFFLINE_RECEIPT_BASE = 'https://sandbox.invalid/receipts/';
const DAY = 86_400;

/** `imp_` + 12 digits, like the real ids. */
export function createImpUid(random: Random): string {
  return `imp_${randomDigits(random, 12)}`;
}

/** `YYYYMMDD[HHmm[ss]]` in Korean time → unix seconds; `undefined` when absent or malformed. */
export function parseVbankDue(value: string | undefined): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(value ?? '');
  if (!match) return undefined;
  const [y, mo, d, h = '23', mi = '59', s = '59'] = match.slice(1);
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 9, Number(mi), Number(s)) / 1000;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Make one payment the way the sandbox PG would: cards follow the test cards (approve /
 * declined for insufficient funds / network failure), bank transfer and phone approve,
 * `vbank` issues an account (`status: 'ready'`), `amount: 0` with `customer_uid` only issues a key
 * (the insufficient-funds card gets a key too: nothing is charged; its later charges decline).
 *
 * @example
 * createPayment({ merchant_uid: 'order_1', amount: 1004, card_number: '4242-4242-4242-4242' },
 *   { random: createRandom(1), nowMs: Date.now(), receiptBase: OFFLINE_RECEIPT_BASE }).status // 'paid'
 */
export function createPayment(input: PaymentInput, context: PaymentContext): SandboxPayment {
  const { random, nowMs } = context;
  const now = Math.floor(nowMs / 1000);
  const method = input.pay_method ?? 'card';
  const isCard = method === 'card';
  const cardVerdict = isCard ? classifyCard(input.card_number) : 'approve';
  // Registering a card charges nothing, so "insufficient funds" cannot stop a key-only
  // issuance: the key is issued and its first real charge declines (test dunning with it).
  const keyOnly = Boolean(input.customer_uid) && input.amount === 0 && (input.customer_uid_usage ?? 'issue') === 'issue';
  const verdict = keyOnly && cardVerdict === 'decline' ? 'approve' : cardVerdict;
  const failReason = verdict === 'approve' ? null : verdict === 'decline' ? DECLINED_MESSAGE : verdict === 'network' ? NETWORK_MESSAGE : INVALID_CARD_MESSAGE;
  const isVbank = method === 'vbank';
  const status = failReason ? 'failed' : isVbank ? 'ready' : 'paid';
  const impUid = createImpUid(random);
  const cardCode = isCard ? (input.card_code ?? DEFAULT_CARD_CODE) : null;
  const custom = input.custom_data;
  const pgId = input.pg_id ?? (input.pg?.split('.')[1] || SANDBOX_PG_ID);
  return {
    imp_uid: impUid,
    merchant_uid: input.merchant_uid,
    amount: input.amount,
    cancel_amount: 0,
    currency: 'KRW',
    status,
    sandbox: true,
    pay_method: method,
    channel: input.channel ?? 'pc',
    pg_provider: 'jtnet',
    emb_pg_provider: null,
    pg_tid: `${pgId}${randomDigits(random, 16)}`,
    pg_id: pgId,
    escrow: false,
    apply_num: isCard && !failReason ? randomDigits(random, 8) : null,
    bank_code: method === 'trans' ? '088' : null,
    bank_name: method === 'trans' ? '신한은행' : null,
    card_code: cardCode,
    card_name: isCard ? cardName(cardCode ?? undefined) : null,
    card_number: isCard ? maskCardNumber(input.card_number) : null,
    card_quota: isCard ? (input.card_quota ?? 0) : 0,
    card_type: isCard ? 0 : null,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    vbank_code: isVbank ? '004' : null,
    vbank_name: isVbank ? 'KB국민은행' : null,
    vbank_num: isVbank ? randomDigits(random, 14) : null,
    vbank_holder: isVbank ? '(주)샌드박스상점' : null,
    vbank_date: isVbank ? (parseVbankDue(input.vbank_due) ?? now + 3 * DAY) : 0,
    vbank_issued_at: isVbank ? now : 0,
    name: text(input.name),
    buyer_name: text(input.buyer_name),
    buyer_email: text(input.buyer_email),
    buyer_tel: text(input.buyer_tel),
    buyer_addr: text(input.buyer_addr),
    buyer_postcode: text(input.buyer_postcode),
    custom_data: custom === undefined || custom === null ? null : typeof custom === 'string' ? custom : JSON.stringify(custom),
    user_agent: text(input.user_agent),
    started_at: now,
    paid_at: status === 'paid' ? now : 0,
    failed_at: failReason ? now : 0,
    cancelled_at: 0,
    fail_reason: failReason,
    cancel_reason: null,
    receipt_url: context.receiptBase + impUid,
    cancel_history: [],
    cancel_receipt_urls: [],
    cash_receipt_issued: false,
    customer_uid: text(input.customer_uid),
    customer_uid_usage: input.customer_uid_usage ?? (input.customer_uid ? 'issue' : null),
  };
}

/**
 * Refund `amount` (already checked against the cancellable balance) and record it in
 * `cancel_history` with a fresh `cancellation_id`; the payment is `cancelled` once nothing is
 * left, else it stays `paid` with `cancel_amount > 0`, as i'mport reports partial refunds.
 *
 * @example
 * cancelPayment(payment, { amount: 1000, reason: 'partial refund', nowMs: Date.now(), random: createRandom() })
 * payment.cancel_history.at(-1)?.cancellation_id // 'cancel_…'
 */
export function cancelPayment(
  payment: SandboxPayment,
  { amount, reason, nowMs, random }: { amount: number; reason: string | null; nowMs: number; random: Random },
): SandboxCancellation {
  const now = Math.floor(nowMs / 1000);
  const cancellationId = `cancel_${randomDigits(random, 16)}`;
  const entry: SandboxCancellation = {
    pg_tid: payment.pg_tid,
    amount,
    cancelled_at: now,
    reason,
    receipt_url: `${payment.receipt_url}?cancellation_id=${cancellationId}`,
    cancellation_id: cancellationId,
  };
  payment.cancel_amount += amount;
  payment.cancel_history.push(entry);
  payment.cancel_receipt_urls.push(entry.receipt_url);
  payment.cancel_reason = reason;
  payment.cancelled_at = now;
  if (payment.cancel_amount >= payment.amount) payment.status = 'cancelled';
  return entry;
}
