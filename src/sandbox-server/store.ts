import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SandboxPayment } from '../sandbox/engine/payment';

/** Billing key info as `GET /subscribe/customers/{customer_uid}` returns it. */
export interface BillingKeyInfo {
  customer_uid: string;
  pg_provider: 'jtnet';
  pg_id: string;
  card_name: string;
  card_code: string;
  card_number: string;
  card_type: number;
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
  merchant_uid: string;
  imp_uid: string | null;
  schedule_at: number;
  executed_at: number;
  revoked_at: number;
  amount: number;
  name: string | null;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  notice_url: string | null;
  schedule_status: 'scheduled' | 'executed' | 'revoked';
  payment_status: 'paid' | 'failed' | null;
  fail_reason: string | null;
}

interface Snapshot {
  version: 1;
  payments: SandboxPayment[];
  billingKeys: BillingKey[];
  schedules: Schedule[];
}

/** Payments, billing keys and schedules; written to `dataFile` after every change when given. */
export class Store {
  readonly payments = new Map<string, SandboxPayment>();
  readonly billingKeys = new Map<string, BillingKey>();
  schedules: Schedule[] = [];

  constructor(private readonly dataFile?: string) {
    if (!dataFile || !existsSync(dataFile)) return;
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(readFileSync(dataFile, 'utf8')) as Snapshot;
    } catch (error) {
      throw new Error(`iamport-sandbox: cannot read --data ${dataFile}: ${(error as Error).message}. Fix or delete the file.`);
    }
    for (const payment of snapshot.payments ?? []) this.payments.set(payment.imp_uid, payment);
    for (const key of snapshot.billingKeys ?? []) this.billingKeys.set(key.info.customer_uid, key);
    this.schedules = snapshot.schedules ?? [];
  }

  /** The paid (or partly cancelled) payment for a merchant_uid: reusing it is F1002. */
  paidPayment(merchantUid: string): SandboxPayment | undefined {
    for (const payment of this.payments.values()) if (payment.merchant_uid === merchantUid && payment.status === 'paid') return payment;
    return undefined;
  }

  /** The latest payment for a merchant_uid. */
  byMerchantUid(merchantUid: string): SandboxPayment | undefined {
    let found: SandboxPayment | undefined;
    for (const payment of this.payments.values()) if (payment.merchant_uid === merchantUid) found = payment;
    return found;
  }

  save(): void {
    if (!this.dataFile) return;
    const snapshot: Snapshot = { version: 1, payments: [...this.payments.values()], billingKeys: [...this.billingKeys.values()], schedules: this.schedules };
    // write-then-rename so a crash never leaves half a file behind
    const temporary = `${this.dataFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(snapshot, null, 2));
    renameSync(temporary, this.dataFile);
  }
}
