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
  /** Calls not answered yet (manual mode). */
  readonly pending: PendingRequest[];
  /** Answer the oldest pending call with this response (merged over `imp_uid`/`merchant_uid`). */
  respond(response?: Partial<RequestPayResponse>): void;
  /** Answer the oldest pending call: success with a fresh `imp_uid`. */
  approve(): void;
  /** Answer the oldest pending call: declined. */
  decline(message?: string, code?: string): void;
  /** Answer the oldest pending call: the buyer closed the window. */
  cancel(): void;
}

export interface FakeIamportOptions {
  /**
   * Answer every call at once with this response (`'approve'` = success), or leave calls
   * pending until the test calls `respond()`/`approve()`/… (`'manual'`, the default).
   */
  answer?: 'manual' | 'approve' | ((params: RequestPayParams) => Partial<RequestPayResponse>);
  /** Runs synchronously inside `request_pay`, before anything is answered (to probe timing). */
  onRequestPay?(params: RequestPayParams): void;
}

/**
 * A framework-free `window.IMP` double for tests and stories: records `init`/`agency`/
 * `request_pay`, and answers on command.
 *
 * @example
 * const sdk = createFakeIamport()
 * renderWithIamport(<PayButton />, { sdk })
 * await user.click(button)
 * expect(sdk.requests).toHaveLength(1)
 * act(() => sdk.approve())
 */
export function createFakeIamport(options: FakeIamportOptions = {}): FakeIamport {
  let serial = 0;
  const answerWith = (request: PendingRequest, response: Partial<RequestPayResponse>) =>
    request.callback?.({ imp_uid: null, merchant_uid: request.params.merchant_uid, ...response });
  const fake: FakeIamport = {
    inits: [],
    requests: [],
    pending: [],
    init(code) {
      fake.inits.push(code);
    },
    agency(code, tier) {
      fake.inits.push(`${code}/${tier}`);
    },
    request_pay(params, callback) {
      if (fake.inits.length === 0) throw new Error('IMP.request_pay called before IMP.init');
      fake.requests.push(params);
      options.onRequestPay?.(params);
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
  };
  return fake;
}
