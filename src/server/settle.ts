import { checkPayment } from './check-payment';
import type { IamportClient } from './client';
import { createMemoryDedupe, DEFAULT_DONE_TTL_MS, DEFAULT_LEASE_MS, type WebhookDedupe } from './dedupe';
import { readPrepared } from './lookup';
import type { IamportLogger } from './log';
import type { WebhookBody } from './parse-webhook';
import type { Payment } from './types';

/** The merchant's own record of an order: at least its amount. */
export interface MerchantOrder {
  amount: number;
}

/** What happened to the payment, by its real (re-fetched) state. */
export type PaymentEvent = 'paid' | 'awaiting_deposit' | 'failed' | 'cancelled' | 'partially_refunded' | 'amount_mismatch';

/** Passed to the callbacks: the re-fetched payment (the truth), your order, and the notice when there was one. */
export interface WebhookEvent<Order extends MerchantOrder = MerchantOrder> {
  event: PaymentEvent;
  payment: Payment;
  order: Order;
  /** The webhook body; `null` when `reconcileOrder` found the payment by looking it up. */
  webhook: WebhookBody | null;
}

type Handler<Order extends MerchantOrder> = (event: WebhookEvent<Order>) => Promise<void> | void;

/** The callbacks and stores shared by `handleWebhook` and `reconcileOrder`. */
export interface SettleOptions<Order extends MerchantOrder = MerchantOrder> {
  client: Pick<IamportClient, 'mode' | 'getPayment' | 'findPayment' | 'getPreparedPayment'>;
  /**
   * Your order by merchant_uid, or null when you have none. Its `amount` is what the payment
   * must be. Throw on a temporary failure (answered 500: try again later).
   */
  lookupOrder(merchantUid: string): Promise<Order | null> | Order | null;
  /** Paid in full, nothing refunded, the order's amount: the money is yours. Runs once per payment. */
  onPaid: Handler<Order>;
  /** A virtual account was issued for the right amount; the buyer has not paid yet (ship nothing). */
  onAwaitingDeposit?: Handler<Order>;
  /** A payment failed (e.g. a scheduled charge was declined). */
  onFailed?: Handler<Order>;
  /** Refunded, in full (`event: 'cancelled'`) or in part (`event: 'partially_refunded'`, once per refunded total). */
  onCancelled?: Handler<Order>;
  /** Paid (or a virtual account issued) for another amount than the order's: forgery. Refund it and alert. */
  onAmountMismatch?: Handler<Order>;
  /** Also require the order's pre-registered amount (`prepareOrder`) to match; a function decides per order. */
  checkPrepared?: boolean | ((order: Order) => boolean);
  /** Default: one in-memory dedupe per process. With several instances use `createRedisDedupe`. */
  dedupe?: WebhookDedupe;
  /** How long a handler may run before another delivery may run it again; default 60 s. */
  leaseMs?: number;
  /** How long handled events are remembered; default 7 days. */
  doneTtlMs?: number;
  /** Receives `dedupe_error` events. */
  log?: IamportLogger;
}

/** Why there is nothing to run. */
export type IgnoredReason =
  | 'payment_not_found'
  | 'order_not_found'
  | 'merchant_uid_mismatch'
  | 'not_paid'
  | 'sandbox_payment'
  | 'not_prepared'
  | 'prepared_amount_mismatch'
  | 'no_handler';

/** What settling a payment did. */
export type SettleOutcome =
  | { result: 'handled' | 'duplicate'; event: PaymentEvent; payment: Payment }
  | { result: 'in_progress'; event: PaymentEvent; payment: Payment; retryAfterMs: number }
  | { result: 'ignored'; reason: IgnoredReason; event?: PaymentEvent; payment: Payment | null };

/** The merchant's callback threw (its lease was released). */
export class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('A webhook callback threw.');
  }
}
/** The dedupe could not be claimed (down, full): nothing ran. */
export class DedupeUnavailable extends Error {
  constructor(readonly original: unknown) {
    super('The webhook dedupe could not be claimed.');
  }
}

const defaultDedupe = createMemoryDedupe();

/** Which event the payment's real state is, and the dedupe key that makes it run once. */
function classify(payment: Payment, order: MerchantOrder, mode: IamportClient['mode'], prepared: Parameters<typeof checkPayment>[1]['prepared']) {
  const id = payment.imp_uid;
  switch (payment.status) {
    case 'failed':
      return { event: 'failed', key: `${id}:failed` } as const;
    case 'cancelled':
      return { event: 'cancelled', key: `${id}:cancelled` } as const;
    case 'paid':
    case 'ready': {
      const verdict = checkPayment(payment, { amount: order.amount, mode, prepared });
      if (verdict.status === 'paid') return { event: 'paid', key: `${id}:paid` } as const;
      if (verdict.status === 'awaiting_deposit') return { event: 'awaiting_deposit', key: `${id}:ready` } as const;
      if (verdict.reason === 'amount_mismatch') return { event: 'amount_mismatch', key: `${id}:amount_mismatch` } as const;
      // Each further refund raises cancel_amount: one event per refunded total.
      if (verdict.reason === 'partially_refunded') return { event: 'partially_refunded', key: `${id}:refunded:${payment.cancel_amount}` } as const;
      return { ignored: verdict.reason as IgnoredReason };
    }
    default:
      return { ignored: 'not_paid' } as const;
  }
}

/**
 * Runs the callback for a payment's real state at most once per event, with the two-phase
 * dedupe: claim a lease → callback → mark done (or release the lease if the callback threw).
 */
export async function settlePayment<Order extends MerchantOrder>(
  payment: Payment,
  order: Order,
  webhook: WebhookBody | null,
  options: SettleOptions<Order>,
): Promise<SettleOutcome> {
  const mode = options.client.mode ?? 'live';
  if (mode === 'live' && payment.sandbox === true) return { result: 'ignored', reason: 'sandbox_payment', payment };
  const wantsPrepared = typeof options.checkPrepared === 'function' ? options.checkPrepared(order) : options.checkPrepared === true;
  const prepared =
    wantsPrepared && (payment.status === 'paid' || payment.status === 'ready') ? await readPrepared(options.client, payment.merchant_uid) : undefined;
  const kind = classify(payment, order, mode, prepared);
  if ('ignored' in kind) return { result: 'ignored', reason: kind.ignored!, payment };
  const { event, key } = kind;
  const handler = {
    paid: options.onPaid,
    awaiting_deposit: options.onAwaitingDeposit,
    failed: options.onFailed,
    cancelled: options.onCancelled,
    partially_refunded: options.onCancelled,
    amount_mismatch: options.onAmountMismatch,
  }[event];
  if (!handler) return { result: 'ignored', reason: 'no_handler', event, payment };

  const dedupe = options.dedupe ?? defaultDedupe;
  const report = (operation: 'claim' | 'complete' | 'release', error: unknown) =>
    options.log?.({ type: 'dedupe_error', operation, key, error: error instanceof Error ? error.name : 'error' });
  let claim;
  try {
    claim = await dedupe.claim(key, options.leaseMs ?? DEFAULT_LEASE_MS);
  } catch (error) {
    report('claim', error);
    throw new DedupeUnavailable(error);
  }
  if (claim.state === 'done') return { result: 'duplicate', event, payment };
  if (claim.state === 'busy') return { result: 'in_progress', event, payment, retryAfterMs: claim.retryAfterMs };

  try {
    await handler({ event, payment, order, webhook });
  } catch (error) {
    await Promise.resolve()
      .then(() => dedupe.release(key, claim.lease))
      .catch((releaseError: unknown) => report('release', releaseError)); // the lease then expires by itself
    throw new HandlerFailure(error);
  }
  try {
    await dedupe.complete(key, claim.lease, options.doneTtlMs ?? DEFAULT_DONE_TTL_MS);
  } catch (error) {
    // It ran: say so. The lease expires and a later delivery may run it again (handlers stay idempotent).
    report('complete', error);
  }
  return { result: 'handled', event, payment };
}
