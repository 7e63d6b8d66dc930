// Only because this shop runs on iamport-sandbox: the buyer's bank transfer into a virtual
// account, on demand, so a person trying the demo sees what makes virtual accounts different —
// the order becomes paid later, by i'mport's webhook alone. A real shop has no such route: the
// bank causes the deposit, and the same webhook route records it.
import { once } from 'node:events';
import { HttpError } from './http.js';

/** @typedef {import('./store.js').Order} Order */

/** How long the deposit route waits for the shop's own settling of the order (its webhook). */
export const SETTLE_WAIT_MS = 8_000;
/** How long the sandbox may take to answer the deposit itself. */
const SANDBOX_TIMEOUT_MS = 5_000;

/**
 * The test deposits of one shop. `settled` is the shop's signal that an order's payment was
 * settled: it emits the order's merchant_uid with how (`'webhook'`, or `'lookup'` when the sweep
 * found it first), after `onPaid` ran.
 * @param {{ sandboxUrl: string, settled: import('node:events').EventEmitter, log?: (line: string) => void, waitMs?: number }} options
 */
export function createTestDeposits({ sandboxUrl, settled, log = () => {}, waitMs = SETTLE_WAIT_MS }) {
  /** Deposits running now, by merchant_uid: a second click joins the first. @type {Map<string, Promise<{ via: string | null }>>} */
  const running = new Map();

  /** Ask the sandbox for the deposit (what the buyer's bank does for real). */
  async function depositIntoSandbox(/** @type {string} */ impUid, /** @type {number} */ amount) {
    let envelope;
    try {
      const reply = await fetch(`${sandboxUrl}/__sandbox/payments/${encodeURIComponent(impUid)}/deposit`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ amount }),
        signal: AbortSignal.timeout(SANDBOX_TIMEOUT_MS),
      });
      envelope = /** @type {{ code: number, message: string | null }} */ (await reply.json());
    } catch (error) {
      log(`test deposit ${impUid}: ${error instanceof Error ? error.message : error}`);
      throw new HttpError(502, '테스트 결제 서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.');
    }
    if (envelope.code !== 0) {
      log(`test deposit ${impUid} refused: ${envelope.message}`);
      throw new HttpError(409, '이 가상계좌에는 입금할 수 없습니다. 주문 내역을 새로고침해 주세요.');
    }
  }

  /** Deposit into `order`'s account, then wait (bounded) until the shop's webhook route settled it. */
  async function deposit(/** @type {Order} */ order) {
    if (order.status !== 'ready' || order.pay_method !== 'vbank' || !order.imp_uid)
      throw new HttpError(409, '입금 대기 중인 가상계좌 주문만 입금할 수 있습니다.');
    if (order.vbank?.due && order.vbank.due * 1000 < Date.now()) throw new HttpError(409, '입금 기한이 지난 가상계좌입니다. 새로 주문해 주세요.');
    // Listen before the deposit: the sandbox sends the webhook while it answers.
    const stop = new AbortController();
    const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(waitMs)]);
    const settling = once(settled, order.merchant_uid, { signal }).then(
      ([via]) => /** @type {string} */ (via),
      () => null,
    );
    try {
      await depositIntoSandbox(order.imp_uid, order.amount);
    } catch (error) {
      stop.abort();
      throw error;
    }
    return { via: await settling };
  }

  return {
    /**
     * The route's answer: the order as the shop recorded it, how it was settled, or `waiting`
     * (the deposit was made, its webhook not handled in time: the sweep settles it later).
     * @param {Order} order @param {(order: Order) => unknown} view
     */
    async answer(order, view) {
      const uid = order.merchant_uid;
      if (!running.has(uid))
        running.set(
          uid,
          deposit(order).finally(() => running.delete(uid)),
        );
      const { via } = await /** @type {Promise<{ via: string | null }>} */ (running.get(uid));
      if (via) return { order: view(order), via };
      return {
        order: view(order),
        waiting:
          '입금은 처리되었지만 상점 서버가 아직 입금 알림(웹훅)을 받지 못했습니다. 알림이 오지 않아도 상점 서버가 곧 직접 확인하니, 잠시 후 새로고침해 주세요.',
      };
    },
  };
}
