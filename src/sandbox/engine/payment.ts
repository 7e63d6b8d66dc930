import type { PayMethod } from '../../core/types';
import { DEFAULT_CARD_CODE, cardName, classifyCard, maskCardNumber } from './cards';
import { DECLINED_MESSAGE, INVALID_CARD_MESSAGE, NETWORK_MESSAGE } from './messages';
import { randomDigits, type Random } from './random';

/** What a payment is made from: window choices or a REST body. */
export interface PaymentInput {
  merchant_uid: string;
  amount: number;
  name?: string;
  pay_method?: PayMethod;
  pg?: string;
  card_number?: string;
  card_code?: string;
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

/** A payment as `GET /payments/{imp_uid}` returns it. */
export interface SandboxPayment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount: number;
  currency: 'KRW';
  status: 'ready' | 'paid' | 'failed' | 'cancelled';
  pay_method: string;
  channel: 'pc';
  pg_provider: 'jtnet';
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
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string;
  cancel_history: { pg_tid: string; amount: number; cancelled_at: number; reason: string | null; receipt_url: string }[];
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
  return {
    imp_uid: impUid,
    merchant_uid: input.merchant_uid,
    amount: input.amount,
    cancel_amount: 0,
    currency: 'KRW',
    status,
    pay_method: method,
    channel: 'pc',
    pg_provider: 'jtnet',
    pg_tid: `tpaytest0m${randomDigits(random, 16)}`,
    pg_id: input.pg?.split('.')[1] ?? 'tpaytest0m',
    escrow: false,
    apply_num: isCard && !failReason ? randomDigits(random, 8) : null,
    bank_code: method === 'trans' ? '088' : null,
    bank_name: method === 'trans' ? '신한은행' : null,
    card_code: cardCode,
    card_name: isCard ? cardName(cardCode ?? undefined) : null,
    card_number: isCard ? maskCardNumber(input.card_number) : null,
    card_quota: 0,
    card_type: isCard ? 0 : null,
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
    started_at: now,
    paid_at: status === 'paid' ? now : 0,
    failed_at: failReason ? now : 0,
    cancelled_at: 0,
    fail_reason: failReason,
    cancel_reason: null,
    receipt_url: context.receiptBase + impUid,
    cancel_history: [],
    customer_uid: text(input.customer_uid),
    customer_uid_usage: input.customer_uid_usage ?? (input.customer_uid ? 'issue' : null),
  };
}
