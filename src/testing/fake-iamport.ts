import type { Iamport, RequestPayCallback, RequestPayParams, RequestPayResponse } from '../core/types';
import { CANCEL_CODE, CANCEL_MESSAGE, DECLINED_MESSAGE, PG_FAILURE_CODE } from '../sandbox/engine/messages';

/**
 * How a request ends, scripted ahead with `will…()` or for every request with `answer`:
 * `'approve'`, `'decline'`, `'cancel'` (the buyer closed the window), `'no-answer'` (the window
 * opens and never answers) or `'no-window'` (nothing shows and nothing answers: the real SDK
 * after a silent init failure).
 */
export type FakeAnswer = 'approve' | 'decline' | 'cancel' | 'no-answer' | 'no-window';

/** A `request_pay` call the fake has not answered yet. */
export interface FakePendingRequest {
  params: RequestPayParams;
  callback: RequestPayCallback | undefined;
}

/** A decline: the PG's `error_code` and `error_msg` (default: the sandbox's insufficient-funds answer). */
export interface FakeDecline {
  code?: string;
  message?: string;
}

/**
 * Options of {@link createFakeIamport}.
 *
 * @example
 * const options: FakeIamportOptions = { answer: 'approve', latencyMs: 50 }
 */
export interface FakeIamportOptions {
  /**
   * How a request with nothing scripted (`will…()`) ends. `'manual'` (default): it waits until
   * the test calls `approve()`, `decline()`, `cancel()` or `respond()`. A {@link FakeAnswer}: every
   * request ends that way. A function: an answer or a response per request.
   */
  answer?: 'manual' | FakeAnswer | ((params: RequestPayParams) => FakeAnswer | Partial<RequestPayResponse>);
  /** Milliseconds between `request_pay` and a scripted answer (default 0: a task later, like the real SDK). */
  latencyMs?: number;
  /**
   * Draw what the real SDK 1.3.0 draws (default `true`), which is what the kit's
   * `windowTimeoutMs` watches: `init` adds a hidden `div.imp-dialog` with an `iframe.imp-frame`,
   * an open window shows it, an answer or `close()` hides it. `false` draws nothing (the kit then
   * cannot tell whether a window is up, and only `requestTimeoutMs` ends a silent request).
   */
  dom?: boolean;
  /**
   * The real SDK's silent init failure (`/users/pg` unreachable or failing): `init` returns
   * normally, the dialog has no iframe, and every request waits forever with no window.
   */
  faults?: { init?: 'network-error' | 'server-error' };
  /** Runs synchronously inside `request_pay`, before anything is answered (to probe timing). */
  onRequestPay?(params: RequestPayParams): void;
}

/**
 * A programmable `window.IMP` for unit tests; see {@link createFakeIamport}.
 *
 * @example
 * const sdk: FakeIamport = createFakeIamport().willDecline({ message: '한도초과' })
 */
export interface FakeIamport extends Iamport {
  /** Every `init` / `agency` call, as `'imp…'` or `'imp…/tier'`, in order. */
  readonly inits: readonly string[];
  /** Every `request_pay` call's params, in order (the kit's defaults filled in: `pg`, `merchant_uid`, …). */
  readonly requests: readonly RequestPayParams[];
  /** The last `request_pay` call's params. */
  readonly lastRequest: RequestPayParams | undefined;
  /** Calls not answered yet. `close()` leaves them here: answering one later is a late callback. */
  readonly pending: readonly FakePendingRequest[];
  /** How many times `close()` was called (the kit calls it when a request ends as `unknown`). */
  readonly closes: number;
  /** The SDK's `div.imp-dialog` as drawn now, or `null`. */
  readonly dialog: HTMLDivElement | null;

  /** The next request (scripted answers queue, first in first out) is approved; `response` is merged over the approval. */
  willApprove(response?: Partial<RequestPayResponse>): FakeIamport;
  /** The next request is declined by the PG. */
  willDecline(decline?: FakeDecline): FakeIamport;
  /** The buyer closes the next request's window (the kit's `cancelled`). */
  willCancel(): FakeIamport;
  /** The next request's window opens and never answers (the kit's `requestTimeoutMs` → `unknown` / `'timeout'`). */
  willNeverAnswer(): FakeIamport;
  /**
   * The next request shows no window and never answers, like the real SDK after a silent init
   * failure, whose DOM it draws (the dialog loses its frame until a window shows again): the
   * kit's `windowTimeoutMs` → `unknown` / `'no-window'`. A hidden dialog that keeps its frame
   * would be a frame still loading, which the kit waits for.
   */
  willShowNoWindow(): FakeIamport;

  /** Answer the oldest pending request now with this response (merged over its `imp_uid` / `merchant_uid`). */
  respond(response?: Partial<RequestPayResponse>): void;
  /** Approve the oldest pending request now. */
  approve(response?: Partial<RequestPayResponse>): void;
  /** Decline the oldest pending request now. */
  decline(decline?: FakeDecline): void;
  /** The buyer cancels the oldest pending request now. */
  cancel(): void;
  /** Like the real SDK: hides the window and never calls back. */
  close(): void;
  /** Remove what it drew from the page (drawn again by the next request). */
  destroy(): void;
}

/** What one request will do: a {@link FakeAnswer}, or `respond` with exactly this response. */
type Plan =
  | { answer: 'cancel' }
  | { answer: 'no-answer' }
  | { answer: 'no-window' }
  | { answer: 'approve'; response?: Partial<RequestPayResponse> }
  | { answer: 'decline'; decline?: FakeDecline }
  | { answer: 'respond'; response: Partial<RequestPayResponse> };

const FAKE = Symbol.for('react-iamport-jtnet.fake-iamport');

/**
 * Whether a value is a {@link FakeIamport}.
 *
 * @example
 * if (isFakeIamport(sdk)) sdk.destroy()
 */
export const isFakeIamport = (value: unknown): value is FakeIamport => typeof value === 'object' && value !== null && FAKE in value;

/**
 * A programmable `window.IMP` for unit tests, with no network and no window of its own: pass it
 * to `<IamportProvider sdk>` (or {@link renderWithIamport}). Script how the next request ends
 * (`willApprove()`, `willDecline()`, `willCancel()`, `willNeverAnswer()`, `willShowNoWindow()`)
 * and the answer comes a task after `request_pay`, like the real SDK's; or leave requests
 * pending and answer them yourself (`approve()`, `decline()`, `cancel()`). It records every
 * `init` and `request_pay`, and draws the real SDK's `div.imp-dialog`, so the kit's
 * `windowTimeoutMs` sees a window that never appeared exactly as in production.
 *
 * @example
 * const sdk = createFakeIamport().willDecline({ code: 'F400', message: '한도초과' })
 * render(<IamportProvider merchantCode="imp00000000" sdk={sdk}><Checkout /></IamportProvider>)
 * await user.click(screen.getByRole('button', { name: '결제하기' }))
 * expect(await screen.findByRole('alert')).toHaveTextContent('한도초과')
 * expect(sdk.lastRequest).toMatchObject({ amount: 15000, pay_method: 'card' })
 */
export function createFakeIamport(options: FakeIamportOptions = {}): FakeIamport {
  const { answer = 'manual', latencyMs = 0, faults = {}, onRequestPay } = options;
  const initFailed = faults.init !== undefined;
  const draws = options.dom !== false || initFailed;
  const scripted: Plan[] = [];
  const inits: string[] = [];
  const requests: RequestPayParams[] = [];
  const pending: FakePendingRequest[] = [];
  let serial = 0;
  let closes = 0;
  let dialog: HTMLDivElement | null = null;

  const show = (open: boolean) => {
    if (!dialog) return;
    if (open && !initFailed && !dialog.querySelector('iframe')) dialog.append(frame());
    dialog.style.display = open ? 'block' : 'none';
    dialog.className = open ? 'imp-dialog customizable payment-jtnet pc' : 'imp-dialog';
  };
  const frame = () => {
    const iframe = document.createElement('iframe');
    iframe.className = 'imp-frame imp-frame-pc imp-frame-default imp-frame-jtnet';
    iframe.title = 'fake i’mport payment window';
    return iframe;
  };
  // What the real SDK's init builds (docs/sandbox.md, "What the page shows"); after a failed init, no iframe.
  const draw = () => {
    if (!draws || dialog?.isConnected || inits.length === 0) return;
    dialog = document.createElement('div');
    dialog.className = 'imp-dialog';
    dialog.style.cssText = 'display: none; position: fixed; inset: 0; z-index: 99999';
    if (!initFailed) dialog.append(frame());
    document.body.append(dialog);
  };
  const approval = (params: RequestPayParams): Partial<RequestPayResponse> => {
    const vbank = params.pay_method === 'vbank';
    return {
      success: true,
      imp_success: true,
      imp_uid: `imp_${String(++serial).padStart(12, '0')}`,
      pay_method: params.pay_method ?? 'card',
      paid_amount: params.amount,
      status: vbank ? 'ready' : 'paid',
      name: params.name,
      pg_provider: 'jtnet',
      ...(vbank && {
        vbank_num: '56211234567890',
        vbank_name: 'KB국민은행',
        vbank_holder: '(주)아임포트',
        vbank_date: Math.floor(Date.now() / 1000) + 3 * 86_400,
      }),
    };
  };
  const decline = ({ code = PG_FAILURE_CODE, message = DECLINED_MESSAGE }: FakeDecline = {}): Partial<RequestPayResponse> => ({
    success: false,
    imp_success: false,
    status: 'failed',
    error_code: code,
    error_msg: message,
  });
  const cancellation = (): Partial<RequestPayResponse> => ({ success: false, imp_success: false, error_code: CANCEL_CODE, error_msg: CANCEL_MESSAGE });
  const deliver = (request: FakePendingRequest, response: Partial<RequestPayResponse>) => {
    const index = pending.indexOf(request);
    if (index !== -1) pending.splice(index, 1);
    show(false);
    request.callback?.({ imp_uid: null, merchant_uid: request.params.merchant_uid, ...response });
  };
  const planFor = (params: RequestPayParams): Plan | undefined => {
    if (answer === 'manual') return undefined;
    const chosen = typeof answer === 'function' ? answer(params) : answer;
    return typeof chosen === 'string' ? { answer: chosen } : { answer: 'respond', response: chosen };
  };
  const oldest = (): FakePendingRequest => {
    const request = pending[0];
    if (!request)
      throw new Error(
        'FakeIamport: there is no pending request_pay to answer. Answer after the request was made (e.g. after the click), or script it ahead with willApprove() / willDecline() / willCancel().',
      );
    return request;
  };

  const fake: FakeIamport & { [FAKE]: true } = {
    [FAKE]: true,
    inits,
    requests,
    pending,
    get lastRequest() {
      return requests.at(-1);
    },
    get closes() {
      return closes;
    },
    get dialog() {
      return dialog;
    },
    init(code) {
      inits.push(code);
      draw();
    },
    agency(code, tier) {
      inits.push(`${code}/${tier}`);
      draw();
    },
    request_pay(params, callback) {
      if (inits.length === 0)
        throw new Error(
          'FakeIamport: request_pay was called before IMP.init. Render inside <IamportProvider sdk={fake}> (renderWithIamport does), or call fake.init("imp00000000") first.',
        );
      requests.push(params);
      onRequestPay?.(params);
      draw();
      const request: FakePendingRequest = { params, callback };
      pending.push(request);
      const plan = scripted.shift() ?? planFor(params);
      // The real SDK after a failed init, or a scripted "no window": queued forever, nothing shown
      // (a scripted one draws the failed init's DOM too: the dialog without its frame).
      if (plan?.answer === 'no-window') dialog?.querySelector('iframe')?.remove();
      if (initFailed || plan?.answer === 'no-window') return;
      show(true);
      if (!plan || plan.answer === 'no-answer') return;
      const response =
        plan.answer === 'approve'
          ? { ...approval(params), ...plan.response }
          : plan.answer === 'decline'
            ? decline(plan.decline)
            : plan.answer === 'cancel'
              ? cancellation()
              : plan.response;
      setTimeout(() => {
        if (pending.includes(request)) deliver(request, response);
      }, latencyMs);
    },
    willApprove(response) {
      scripted.push({ answer: 'approve', response });
      return fake;
    },
    willDecline(declined) {
      scripted.push({ answer: 'decline', decline: declined });
      return fake;
    },
    willCancel() {
      scripted.push({ answer: 'cancel' });
      return fake;
    },
    willNeverAnswer() {
      scripted.push({ answer: 'no-answer' });
      return fake;
    },
    willShowNoWindow() {
      scripted.push({ answer: 'no-window' });
      return fake;
    },
    respond(response = {}) {
      deliver(oldest(), response);
    },
    approve(response) {
      const request = oldest();
      deliver(request, { ...approval(request.params), ...response });
    },
    decline(declined) {
      deliver(oldest(), decline(declined));
    },
    cancel() {
      deliver(oldest(), cancellation());
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
