import { enabledCardCodes } from '../core/card-filter';
import { CARD_ISSUERS } from '../core/card-issuers';
import type { Iamport, RequestPayCallback, RequestPayParams, RequestPayResponse } from '../core/types';
import {
  CANCEL_CODE,
  CANCEL_MESSAGE,
  DUPLICATE_CODE,
  DUPLICATE_MESSAGE,
  NETWORK_MESSAGE,
  NOT_INITIALISED_ALERT,
  NOT_READY_CODE,
  NOT_READY_MESSAGE,
  PG_FAILURE_CODE,
  UNKNOWN_PG_CODE,
} from './engine/messages';
import { createPayment, OFFLINE_RECEIPT_BASE, type PaymentInput, type SandboxPayment } from './engine/payment';
import { createRandom } from './engine/random';
import { failureResponse, redirectUrl, toCallbackResponse } from './engine/response';
import { openPaymentWindow, type PaymentWindow, type WindowChoice } from './payment-window';

/** `auto`: redirect on a mobile viewport (≤ 768 px) or mobile user agent, else callback. */
export type SandboxMode = 'auto' | 'callback' | 'redirect';

/** What happened in the sandbox, for logs in stories and tests. */
export interface SandboxEvent {
  type: 'opened' | 'approved' | 'declined' | 'cancelled' | 'rejected' | 'redirected';
  merchant_uid: string;
  imp_uid?: string | null;
  /** Error message for declined/rejected, the URL for redirected. */
  detail?: string;
}

export interface SandboxOptions {
  /** Makes imp_uid, apply_num, pg_tid and account numbers repeatable. */
  seed?: number;
  /** Default `'auto'`. */
  mode?: SandboxMode;
  onEvent?: (event: SandboxEvent) => void;
  /** Redirect-mode navigation (default `location.assign`); tests capture the URL here. */
  navigate?: (url: string) => void;
  /** An `iamport-sandbox` URL: payments are recorded there so its REST API finds them. */
  serverUrl?: string;
  /** Configured PGs (default `['jtnet']`); none → `NOT_READY`, another provider → `F1001`. */
  pgs?: readonly string[];
  /** Where the window is attached (default `document.body`). */
  container?: HTMLElement;
  /** Clock in unix ms (default `Date.now`), for repeatable `paid_at`. */
  now?: () => number;
  /** Shown as the merchant in the window (default: the merchant code from `init`). */
  merchantName?: string;
}

/** The sandbox `IMP`: the SDK methods plus `close()` to dismiss an open window (as a cancel). */
export interface SandboxIamport extends Iamport {
  close(): void;
}

const ISSUER_CODES = CARD_ISSUERS.map((issuer) => issuer.code);
const isMobile = () =>
  (typeof matchMedia === 'function' && matchMedia('(max-width: 768px)').matches) || /Mobi|Android|iPhone|iPad/i.test(navigator.userAgent);

/**
 * An offline `IMP` that behaves like the i'mport V1 SDK with JTNet: a real modal payment
 * window, test cards, billing keys, `F1002` for a reused paid merchant_uid, `NOT_READY`
 * without a PG, and the mobile redirect. No network unless `serverUrl` is set.
 *
 * @example
 * const IMP = createSandboxIamport({ seed: 1, mode: 'callback' })
 * IMP.init('imp00000000')
 * IMP.request_pay({ pg: 'jtnet', pay_method: 'card', merchant_uid: 'order_1', amount: 1004 }, console.log)
 * // type 4242-4242-4242-4242, a future expiry, 6-digit birth date and 2 PIN digits, then Approve
 */
export function createSandboxIamport(options: SandboxOptions = {}): SandboxIamport {
  const random = createRandom(options.seed);
  const now = options.now ?? Date.now;
  const emit = (event: SandboxEvent) => options.onEvent?.(event);
  const pgs = options.pgs ?? ['jtnet'];
  const paid = new Set<string>();
  let merchant: string | null = null;
  let open: PaymentWindow | null = null;

  const redirecting = (params: RequestPayParams) =>
    !!params.m_redirect_url && (options.mode === 'redirect' || ((options.mode ?? 'auto') === 'auto' && isMobile()));

  const deliver = (params: RequestPayParams, callback: RequestPayCallback | undefined, response: RequestPayResponse) => {
    if (redirecting(params)) {
      const url = redirectUrl(params.m_redirect_url!, response);
      emit({ type: 'redirected', merchant_uid: params.merchant_uid, imp_uid: response.imp_uid, detail: url });
      (options.navigate ?? ((target: string) => location.assign(target)))(url);
    } else {
      callback?.(response);
    }
  };

  async function record(params: RequestPayParams, choice: WindowChoice): Promise<RequestPayResponse> {
    const { card, display, m_redirect_url, notice_url, digital, popup, tax_free, vat_amount, currency, language, channelKey, ...rest } = params;
    // Expiry, birth date and PIN digits stay in the window: only the card number is recorded.
    const { expiry, birth, pwd_2digit, ...picked } = choice;
    const input: PaymentInput & { notice_url?: unknown } = { ...rest, ...picked, notice_url };
    let payment: SandboxPayment;
    if (options.serverUrl) {
      try {
        const reply = await fetch(`${options.serverUrl.replace(/\/$/, '')}/__sandbox/payments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        const envelope = (await reply.json()) as { code: number; message: string | null; response: SandboxPayment | null };
        if (envelope.code !== 0 || !envelope.response) {
          const message = envelope.message ?? NETWORK_MESSAGE;
          return failureResponse(params.merchant_uid, message === DUPLICATE_MESSAGE ? DUPLICATE_CODE : PG_FAILURE_CODE, message);
        }
        payment = envelope.response;
      } catch {
        return failureResponse(params.merchant_uid, PG_FAILURE_CODE, NETWORK_MESSAGE);
      }
    } else {
      payment = createPayment(input, { random, nowMs: now(), receiptBase: OFFLINE_RECEIPT_BASE });
    }
    if (payment.status === 'paid') paid.add(payment.merchant_uid);
    return toCallbackResponse(payment);
  }

  function requestPay(params: RequestPayParams, callback?: RequestPayCallback): void {
    const uid = params.merchant_uid;
    if (merchant === null) {
      emit({ type: 'rejected', merchant_uid: uid, detail: NOT_INITIALISED_ALERT });
      window.alert(NOT_INITIALISED_ALERT); // what the real SDK does; no window, no callback
      return;
    }
    const reject = (response: RequestPayResponse) => {
      emit({ type: 'rejected', merchant_uid: uid, imp_uid: null, detail: response.error_msg });
      queueMicrotask(() => deliver(params, callback, response));
    };
    const provider = (params.pg ?? pgs[0] ?? '').split('.')[0];
    if (pgs.length === 0) return reject(failureResponse(uid, NOT_READY_CODE, NOT_READY_MESSAGE));
    if (!pgs.some((pg) => pg.split('.')[0] === provider)) {
      // The real SDK misspells the key here (`error_coe`); core's toPaymentOutcome reads both.
      const { error_code, ...response } = failureResponse(uid, UNKNOWN_PG_CODE, `등록되지 않은 PG사입니다: ${params.pg}`);
      return reject({ ...response, error_coe: error_code });
    }
    if (typeof params.amount !== 'number' || !Number.isInteger(params.amount) || params.amount < (params.customer_uid ? 0 : 1)) {
      return reject(failureResponse(uid, PG_FAILURE_CODE, `[파라미터 오류] amount는 1 이상의 정수(number)여야 합니다. 받은 값: ${JSON.stringify(params.amount)}`));
    }
    if (paid.has(uid)) return reject(failureResponse(uid, DUPLICATE_CODE, DUPLICATE_MESSAGE));
    if (open) {
      emit({ type: 'rejected', merchant_uid: uid, detail: 'A payment window is already open.' });
      return; // a double click must never open (or charge) twice
    }
    const billing = params.customer_uid !== undefined;
    open = openPaymentWindow(
      {
        merchant: options.merchantName ?? merchant,
        orderName: params.name ?? '',
        amount: params.amount,
        method: billing ? 'card' : params.pay_method,
        billing,
        issuers: enabledCardCodes(params.card?.detail, ISSUER_CODES).map((code) => {
          const issuer = CARD_ISSUERS.find((i) => i.code === code)!;
          return { code, name: issuer.overseas ? issuer.en : `${issuer.ko} (${issuer.en})` };
        }),
        nowMs: now(),
      },
      options.container ?? document.body,
    );
    emit({ type: 'opened', merchant_uid: uid });
    void open.result.then(async (choice) => {
      open = null;
      if (!choice) {
        emit({ type: 'cancelled', merchant_uid: uid, imp_uid: null });
        return deliver(params, callback, failureResponse(uid, CANCEL_CODE, CANCEL_MESSAGE));
      }
      const response = await record(params, choice);
      emit({ type: response.success ? 'approved' : 'declined', merchant_uid: uid, imp_uid: response.imp_uid, detail: response.error_msg });
      deliver(params, callback, response);
    });
  }

  return {
    init(userCode) {
      merchant = userCode;
    },
    agency(userCode, tierCode) {
      merchant = `${userCode} (${tierCode})`;
    },
    request_pay: requestPay,
    close() {
      open?.close();
    },
  };
}
