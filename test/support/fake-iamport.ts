import type { Iamport, RequestPayCallback, RequestPayParams, RequestPayResponse } from '../../src/core/types';

/** One `request_pay` call the fake received and has not answered yet. */
export interface PendingRequest {
  params: RequestPayParams;
  callback: RequestPayCallback | undefined;
}

/** A recording `Iamport` double whose answers the test controls. */
export interface FakeIamport extends Iamport {
  /** Every `init` / `agency` call, as `'imp…'` or `'imp…/tier'`, in order. */
  readonly inits: string[];
  /** Every `request_pay` call's params, in order. */
  readonly requests: RequestPayParams[];
  /** Calls not answered yet (manual mode). `close()` leaves them here: a later answer is a late callback. */
  readonly pending: PendingRequest[];
  /** How many times `close()` was called. */
  readonly closes: number;
  /** Answer the oldest pending call with this response (merged over `imp_uid`/`merchant_uid`). */
  respond(response?: Partial<RequestPayResponse>): void;
  /** Answer the oldest pending call: success with a fresh `imp_uid`. */
  approve(): void;
  /** Answer the oldest pending call: declined. */
  decline(message?: string, code?: string): void;
  /** Answer the oldest pending call: the buyer closed the window. */
  cancel(): void;
  /** Like the real SDK: hides the window and never calls back. */
  close(): void;
  /** The `div.imp-dialog` it draws (`dom` or `faults`), or `null`. */
  readonly dialog: HTMLDivElement | null;
  /** Remove what it drew from the page. */
  destroy(): void;
}

export interface FakeIamportOptions {
  /**
   * Answer every call at once with this response (`'approve'` = success), or leave calls
   * pending until the test calls `respond()`/`approve()`/… (`'manual'`, the default).
   */
  answer?: 'manual' | 'approve' | ((params: RequestPayParams) => Partial<RequestPayResponse>);
  /** Runs synchronously inside `request_pay`, before anything is answered (to probe timing). */
  onRequestPay?(params: RequestPayParams): void;
  /**
   * Draw what the real SDK 1.3.0 draws (reference §4): `init` adds one hidden `div.imp-dialog`
   * holding `iframe.imp-frame`; an open request shows it (`display: block`, class
   * `payment-jtnet pc`); an answer or `close()` hides it. Off by default: a plain double draws
   * nothing, so the kit cannot see its windows (only `requestTimeoutMs` ends a silent request).
   */
  dom?: boolean;
  /**
   * The real SDK's silent failures (implies `dom`). `init: 'network-error'`: `init` returns
   * normally, the dialog has no iframe, and every `request_pay` is queued forever (no window,
   * no callback, no error).
   */
  faults?: { init?: 'network-error' };
}

/**
 * A framework-free `window.IMP` double for tests and stories: records `init`/`agency`/
 * `request_pay`, answers on command, and can draw and fail like the real SDK.
 *
 * @example
 * const sdk = createFakeIamport({ dom: true })
 * renderWithIamport(<PayButton />, { sdk })
 * await user.click(button)
 * expect(sdk.requests).toHaveLength(1)
 * act(() => sdk.approve())
 */
export function createFakeIamport(options: FakeIamportOptions = {}): FakeIamport {
  let serial = 0;
  let closes = 0;
  let dialog: HTMLDivElement | null = null;
  const initFailed = options.faults?.init !== undefined;
  const draws = options.dom || initFailed;
  const show = (open: boolean) => {
    if (!dialog) return;
    dialog.style.display = open ? 'block' : 'none';
    dialog.className = open ? 'imp-dialog payment-jtnet pc' : 'imp-dialog';
  };
  const draw = () => {
    if (!draws || dialog) return;
    dialog = document.createElement('div');
    dialog.className = 'imp-dialog';
    dialog.style.cssText = 'display: none; position: fixed; inset: 0; z-index: 99999';
    if (!initFailed) {
      const frame = document.createElement('iframe');
      frame.className = 'imp-frame imp-frame-pc';
      frame.title = 'fake payment window';
      dialog.append(frame);
    }
    document.body.append(dialog);
  };
  const answerWith = (request: PendingRequest, response: Partial<RequestPayResponse>) => {
    show(false);
    request.callback?.({ imp_uid: null, merchant_uid: request.params.merchant_uid, ...response });
  };
  const fake: FakeIamport = {
    inits: [],
    requests: [],
    pending: [],
    get closes() {
      return closes;
    },
    get dialog() {
      return dialog;
    },
    init(code) {
      fake.inits.push(code);
      draw();
    },
    agency(code, tier) {
      fake.inits.push(`${code}/${tier}`);
      draw();
    },
    request_pay(params, callback) {
      if (fake.inits.length === 0) throw new Error('IMP.request_pay called before IMP.init');
      fake.requests.push(params);
      options.onRequestPay?.(params);
      // The real SDK after a failed init: queued forever, nothing shown, nothing answered.
      if (initFailed) return;
      show(true);
      const request = { params, callback };
      const { answer = 'manual' } = options;
      if (answer === 'manual') fake.pending.push(request);
      else answerWith(request, answer === 'approve' ? { success: true, imp_uid: `imp_${String(++serial).padStart(12, '0')}` } : answer(params));
    },
    respond(response = {}) {
      const request = fake.pending.shift();
      if (!request) throw new Error('FakeIamport: no pending request_pay to answer');
      answerWith(request, response);
    },
    approve() {
      fake.respond({ success: true, imp_uid: `imp_${String(++serial).padStart(12, '0')}` });
    },
    decline(message = '[F1001] 잔액이 부족합니다 (insufficient funds)', code = 'F1001') {
      fake.respond({ success: false, error_code: code, error_msg: message });
    },
    cancel() {
      fake.respond({ success: false, error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' });
    },
    close() {
      closes++;
      show(false);
    },
    destroy() {
      dialog?.remove();
      dialog = null;
    },
  };
  return fake;
}
