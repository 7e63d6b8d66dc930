import type { RequestPayParams, RequestPayResponse } from '../core/types';
import { DUPLICATE_CODE, DUPLICATE_MESSAGE, NETWORK_MESSAGE, PG_FAILURE_CODE } from './engine/messages';
import { createPayment, OFFLINE_RECEIPT_BASE, type PaymentInput, type SandboxPayment } from './engine/payment';
import { createRandom } from './engine/random';
import { failureResponse, toCallbackResponse } from './engine/response';
import type { WindowChoice } from './payment-window';

/** The stand-in for what lies behind the window: i'mport's server and the PG. */
export interface SandboxPg {
  /** What i'mport refuses before the PG window shows (an amount that is not a whole number; here, without a server, a paid merchant_uid). */
  refusal(data: RequestPayParams): RequestPayResponse | null;
  /** Make the payment the buyer approved on `channelPg`, in the page or on `iamport-sandbox`. */
  pay(data: RequestPayParams, channelPg: string, choice: WindowChoice): Promise<RequestPayResponse>;
}

export interface SandboxPgOptions {
  seed?: number;
  now?: () => number;
  serverUrl?: string;
}

/**
 * The payments side of the sandbox. With `serverUrl` the `iamport-sandbox` server records
 * the payment (and refuses a paid merchant_uid with F1002, as i'mport's server does); without
 * it the in-page engine plays the server.
 *
 * @example
 * const pg = createSandboxPg({ seed: 1 })
 * await pg.pay({ merchant_uid: 'o1', amount: 1004 }, 'jtnet', { pay_method: 'trans' }) // { success: true, … }
 */
export function createSandboxPg(options: SandboxPgOptions): SandboxPg {
  const random = createRandom(options.seed);
  const now = options.now ?? Date.now;
  const paid = new Set<string>();

  /** The recorded payment, or i'mport's refusal as a callback response. */
  async function recordOnServer(serverUrl: string, input: PaymentInput & { notice_url?: unknown }): Promise<SandboxPayment | { refused: RequestPayResponse }> {
    try {
      const reply = await fetch(`${serverUrl.replace(/\/$/, '')}/__sandbox/payments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const envelope = (await reply.json()) as { code: number; message: string | null; response: SandboxPayment | null };
      if (envelope.code === 0 && envelope.response) return envelope.response;
      const message = envelope.message ?? NETWORK_MESSAGE;
      return { refused: failureResponse(input.merchant_uid, message === DUPLICATE_MESSAGE ? DUPLICATE_CODE : PG_FAILURE_CODE, message) };
    } catch {
      return { refused: failureResponse(input.merchant_uid, PG_FAILURE_CODE, NETWORK_MESSAGE) };
    }
  }

  return {
    refusal(data) {
      const { amount, merchant_uid: uid } = data;
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < (data.customer_uid ? 0 : 1)) {
        return failureResponse(uid, PG_FAILURE_CODE, `[파라미터 오류] amount는 1 이상의 정수(number)여야 합니다. 받은 값: ${JSON.stringify(amount)}`);
      }
      return !options.serverUrl && paid.has(uid) ? failureResponse(uid, DUPLICATE_CODE, DUPLICATE_MESSAGE) : null;
    },
    async pay(data, channelPg, choice) {
      const { card, display, m_redirect_url, notice_url, digital, popup, tax_free, vat_amount, currency, language, channelKey, ...rest } = data;
      // Expiry, birth date and PIN digits stay in the window: only the card number is recorded.
      const { expiry, birth, pwd_2digit, ...picked } = choice;
      const input: PaymentInput & { notice_url?: unknown } = { ...rest, ...picked, pg: channelPg, notice_url };
      const payment = options.serverUrl
        ? await recordOnServer(options.serverUrl, input)
        : createPayment(input, { random, nowMs: now(), receiptBase: OFFLINE_RECEIPT_BASE });
      if ('refused' in payment) return payment.refused;
      if (payment.status === 'paid') paid.add(payment.merchant_uid);
      return toCallbackResponse(payment);
    },
  };
}
