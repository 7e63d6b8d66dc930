import { SANDBOX_PG_ID } from '../sandbox/engine/fixtures';
import type { SandboxPayment } from '../sandbox/engine/payment';
import { Journal, type JournalRecord } from './journal';

/** Billing key info as `GET /subscribe/customers/{customer_uid}` returns it. */
export interface BillingKeyInfo {
  customer_uid: string;
  pg_provider: 'jtnet';
  pg_id: string;
  /** Issued on a test channel: every sandbox key is. */
  sandbox: true;
  customer_id: string | null;
  card_name: string;
  card_code: string;
  card_number: string;
  card_type: number;
  card_issuer_code: null;
  card_issuer_name: null;
  card_publisher_code: null;
  card_publisher_name: null;
  customer_name: string | null;
  customer_tel: string | null;
  customer_email: string | null;
  customer_addr: string | null;
  customer_postcode: string | null;
  inserted: number;
  updated: number;
}

/** A stored key: the public info plus the test card it charges (never sent in responses). */
export interface BillingKey {
  info: BillingKeyInfo;
  card: string;
}

/** A scheduled payment as the schedule endpoints return it. */
export interface Schedule {
  customer_uid: string;
  customer_id: string | null;
  merchant_uid: string;
  imp_uid: string | null;
  pg_provider: 'jtnet';
  pg_id: string;
  schedule_at: number;
  executed_at: number;
  revoked_at: number;
  amount: number;
  currency: 'KRW';
  name: string | null;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  /** The card promotion the charge should apply, as sent (the sandbox has no promotions: its payments' `promotion` stays null). */
  promotion_id: string | null;
  /** Where this schedule's webhook goes (as sent; not in the spec's result, echoed for debugging). */
  notice_url: string | string[] | null;
  schedule_status: 'scheduled' | 'executed' | 'revoked';
  payment_status: 'paid' | 'failed' | null;
  fail_reason: string | null;
}

/** An amount registered with `POST /payments/prepare`. */
export interface Prepared {
  merchant_uid: string;
  amount: number;
  currency: string | null;
}

/**
 * Payments, billing keys, schedules and prepared amounts, indexed so that an insert and a
 * lookup by imp_uid, merchant_uid or customer_uid cost the same at 50,000 payments as at 10.
 * With a `dataFile`, every change is appended to a journal before the reply goes out.
 */
export class Store {
  private readonly payments = new Map<string, SandboxPayment>();
  /** Every payment in the order it was made (= `started_at` order). */
  private readonly ordered: SandboxPayment[] = [];
  private readonly byMerchant = new Map<string, SandboxPayment[]>();
  private readonly byCustomer = new Map<string, SandboxPayment[]>();
  /** Where each payment's webhooks go (`notice_url` at payment time); not part of the REST shape. */
  private readonly notices = new Map<string, string[]>();
  readonly billingKeys = new Map<string, BillingKey>();
  private readonly schedules: Schedule[] = [];
  private readonly scheduleIndex = new Map<Schedule, number>();
  private readonly scheduleByMerchant = new Map<string, Schedule>();
  private readonly schedulesByCustomer = new Map<string, Schedule[]>();
  /** Schedules still to run: the ticker looks at these only. */
  readonly pending = new Set<Schedule>();
  readonly prepared = new Map<string, Prepared>();
  private readonly journal?: Journal;

  constructor(dataFile?: string) {
    if (!dataFile) return;
    const journal = new Journal(dataFile);
    for (const record of journal.read()) this.replay(record);
    journal.rewrite(this.records());
    this.journal = journal;
  }

  private replay(record: JournalRecord): void {
    if (record.t === 'payment') {
      const payment = withSpecFields(upgradePayment(record.v as SandboxPayment));
      const existing = this.payments.get(payment.imp_uid);
      if (existing) Object.assign(existing, payment);
      else this.index(payment, record.notice ?? []);
    } else if (record.t === 'key') {
      const key = record.v as BillingKey;
      key.info = { ...KEY_DEFAULTS, ...(key.info as Partial<BillingKeyInfo>) } as BillingKeyInfo;
      this.billingKeys.set(key.info.customer_uid, key);
    } else if (record.t === 'key-deleted') {
      this.billingKeys.delete(record.v);
    } else if (record.t === 'schedule') {
      const existing = this.schedules[record.i];
      if (existing) Object.assign(existing, record.v);
      else this.indexSchedule({ ...SCHEDULE_DEFAULTS, ...(record.v as Partial<Schedule>) } as Schedule);
      this.track(this.schedules[record.i]!);
    } else if (record.t === 'prepare') {
      const prepared = record.v as Prepared;
      this.prepared.set(prepared.merchant_uid, prepared);
    }
  }

  private *records(): Generator<JournalRecord> {
    for (const payment of this.ordered) yield { t: 'payment', v: payment, notice: this.notices.get(payment.imp_uid) };
    for (const key of this.billingKeys.values()) yield { t: 'key', v: key };
    for (const [i, schedule] of this.schedules.entries()) yield { t: 'schedule', v: schedule, i };
    for (const prepared of this.prepared.values()) yield { t: 'prepare', v: prepared };
  }

  private index(payment: SandboxPayment, noticeUrls: string[]): void {
    this.payments.set(payment.imp_uid, payment);
    this.ordered.push(payment);
    push(this.byMerchant, payment.merchant_uid, payment);
    if (payment.customer_uid) push(this.byCustomer, payment.customer_uid, payment);
    if (noticeUrls.length > 0) this.notices.set(payment.imp_uid, noticeUrls);
  }

  hasPayment(impUid: string): boolean {
    return this.payments.has(impUid);
  }

  addPayment(payment: SandboxPayment, noticeUrls: string[]): void {
    withSpecFields(payment);
    this.index(payment, noticeUrls);
    this.journal?.append({ t: 'payment', v: payment, notice: noticeUrls.length > 0 ? noticeUrls : undefined });
  }

  /** Persist a payment changed in place (a cancellation, a virtual account's deposit). */
  savePayment(payment: SandboxPayment): void {
    this.journal?.append({ t: 'payment', v: payment, notice: this.notices.get(payment.imp_uid) });
  }

  payment(impUid: string): SandboxPayment | undefined {
    return this.payments.get(impUid);
  }

  /** Every payment of an order, oldest first. */
  paymentsOf(merchantUid: string): readonly SandboxPayment[] {
    return this.byMerchant.get(merchantUid) ?? [];
  }

  /** The paid (or partly cancelled) payment for a merchant_uid: reusing it is F1002. */
  paidPayment(merchantUid: string): SandboxPayment | undefined {
    return this.paymentsOf(merchantUid).find((payment) => payment.status === 'paid');
  }

  /** Payments made with a billing key (issue, charges, scheduled charges), oldest first. */
  paymentsOfCustomer(customerUid: string): readonly SandboxPayment[] {
    return this.byCustomer.get(customerUid) ?? [];
  }

  /** Every payment, oldest first. */
  allPayments(): readonly SandboxPayment[] {
    return this.ordered;
  }

  noticeUrlsOf(impUid: string): readonly string[] {
    return this.notices.get(impUid) ?? [];
  }

  saveBillingKey(key: BillingKey): void {
    this.billingKeys.set(key.info.customer_uid, key);
    this.journal?.append({ t: 'key', v: key });
  }

  deleteBillingKey(customerUid: string): void {
    this.billingKeys.delete(customerUid);
    this.journal?.append({ t: 'key-deleted', v: customerUid });
  }

  private indexSchedule(schedule: Schedule): void {
    this.scheduleIndex.set(schedule, this.schedules.length);
    this.schedules.push(schedule);
    this.scheduleByMerchant.set(schedule.merchant_uid, schedule);
    push(this.schedulesByCustomer, schedule.customer_uid, schedule);
  }

  private track(schedule: Schedule): void {
    if (schedule.schedule_status === 'scheduled') this.pending.add(schedule);
    else this.pending.delete(schedule);
  }

  addSchedules(schedules: readonly Schedule[]): void {
    for (const schedule of schedules) {
      this.indexSchedule(schedule);
      this.saveSchedule(schedule);
    }
  }

  /** Persist a schedule changed in place (executed, revoked). */
  saveSchedule(schedule: Schedule): void {
    this.track(schedule);
    this.journal?.append({ t: 'schedule', v: schedule, i: this.scheduleIndex.get(schedule)! });
  }

  /** The latest schedule made for a merchant_uid. */
  schedule(merchantUid: string): Schedule | undefined {
    return this.scheduleByMerchant.get(merchantUid);
  }

  schedulesOf(customerUid: string): readonly Schedule[] {
    return this.schedulesByCustomer.get(customerUid) ?? [];
  }

  allSchedules(): readonly Schedule[] {
    return this.schedules;
  }

  savePrepared(prepared: Prepared): void {
    this.prepared.set(prepared.merchant_uid, prepared);
    this.journal?.append({ t: 'prepare', v: prepared });
  }

  close(): void {
    this.journal?.close();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Fields added since `--data` version 1, with the values an old record gets. */
const KEY_DEFAULTS: Partial<BillingKeyInfo> = {
  sandbox: true,
  customer_id: null,
  card_issuer_code: null,
  card_issuer_name: null,
  card_publisher_code: null,
  card_publisher_name: null,
};
const SCHEDULE_DEFAULTS: Partial<Schedule> = {
  customer_id: null,
  pg_provider: 'jtnet',
  pg_id: SANDBOX_PG_ID,
  currency: 'KRW',
  notice_url: null,
  promotion_id: null,
};

/** Fields of the spec's Payment that the engine (shared with the browser sandbox, which has no REST answers) leaves out. */
interface SpecPaymentFields {
  /** Deposits into a fixed, reusable (고정식 무제한) virtual account; sandbox accounts are one-time, so always empty. */
  deposit_history: { pg_tid: string; amount: number; reason: string; depositor_name: string; deposited_at: number }[];
  /** A card promotion's id and discount; the sandbox has no promotions. */
  promotion: { id: string; discount: number } | null;
}

/** Gives a payment (new, or from a `--data` journal) the spec fields the engine does not make, in place. */
function withSpecFields(payment: SandboxPayment): SandboxPayment {
  const fields = payment as SandboxPayment & Partial<SpecPaymentFields>;
  fields.deposit_history ??= [];
  fields.promotion ??= null;
  return payment;
}

/** A payment saved by an older sandbox (`--data` version 1) gains the fields added since, with their defaults. */
function upgradePayment(payment: SandboxPayment): SandboxPayment {
  if (payment.sandbox === true) return payment;
  const defaults: Partial<SandboxPayment> = {
    sandbox: true,
    emb_pg_provider: null,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    user_agent: null,
    cancel_receipt_urls: payment.cancel_history?.map((entry) => entry.receipt_url) ?? [],
    cash_receipt_issued: false,
  };
  const history = (payment.cancel_history ?? []).map((entry, index) => ({
    ...entry,
    cancellation_id: entry.cancellation_id ?? `cancel_${payment.imp_uid}_${index}`,
  }));
  return { ...defaults, ...payment, cancel_history: history };
}
