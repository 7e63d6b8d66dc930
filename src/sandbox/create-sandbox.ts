import { enabledCardCodes } from '../core/card-filter';
import { CARD_ISSUERS } from '../core/card-issuers';
import type { CardFilterRule, Iamport, RequestPayCallback, RequestPayParams, RequestPayResponse } from '../core/types';
import { findChannel, toChannels, type SandboxChannel } from './engine/channels';
import { deviceOf, type Device } from './engine/device';
import { checkFaults, type SandboxFaults } from './engine/faults';
import {
  CANCEL_CODE,
  CANCEL_MESSAGE,
  DUPLICATE_CODE,
  NOT_INITIALISED_ALERT,
  NOT_READY_MESSAGE,
  PARAMS_MISSING_ALERT,
  UNKNOWN_PG_MESSAGE,
} from './engine/messages';
import { failureResponse, notReadyResponse, pgRedirectUrl, sdkFailureRedirectUrl, unknownPgResponse } from './engine/response';
import { openPaymentWindow, type PaymentWindow } from './payment-window';
import { createSandboxPg } from './sandbox-pg';
import { createSdkDialog, type SdkDialog, type SdkFrame } from './sdk-dialog';
import { injectSdkStyles } from './styles';

/**
 * `auto`: a phone when the user agent says so (iPhone / iPad / Android / "Mobile"), as the real
 * SDK decides; `redirect` / `callback` force the phone / PC behaviour.
 */
export type SandboxMode = 'auto' | 'callback' | 'redirect';

/** What happened in the sandbox, for logs in stories and tests. */
export interface SandboxEvent {
  type:
    | 'opened'
    | 'approved'
    | 'declined'
    | 'cancelled'
    | 'rejected'
    | 'redirected'
    /** The request waits for the window's frame (replayed when it is ready; forever after an init fault). */
    | 'queued'
    /** The request (or the answer) goes nowhere: a busy window, a failed window page, a window that never answers. */
    | 'unanswered'
    /** `IMP.close()` hid the window (no callback). */
    | 'closed'
    /** `IMP.init` could not load the PG settings (fault `init`); nothing is thrown to the page. */
    | 'init-failed';
  /** Absent for `init-failed` (and `closed` when no request was being served). */
  merchant_uid?: string;
  imp_uid?: string | null;
  /** Error message for declined/rejected, the URL for redirected, why for the others. */
  detail?: string;
}

export interface SandboxOptions {
  /** Makes imp_uid, apply_num, pg_tid and account numbers repeatable. */
  seed?: number;
  /** Default `'auto'` (the user agent decides, like the real SDK). */
  mode?: SandboxMode;
  /** The user agent the SDK reads (default `navigator.userAgent`): test the phone behaviour in a desktop browser. */
  userAgent?: string;
  onEvent?: (event: SandboxEvent) => void;
  /** Where redirects go (default `location.assign`); tests capture the URL here. */
  navigate?: (url: string) => void;
  /** An `iamport-sandbox` URL: payments are recorded there so its REST API finds them. */
  serverUrl?: string;
  /**
   * The merchant's channels, the first is the default (default `['jtnet']`). `[]` → `NOT_READY`;
   * only `{ pg, type: 'certification' }` channels → `F1001`; a `pg` of another provider goes to
   * the default channel.
   */
  pgs?: readonly (string | SandboxChannel)[];
  /**
   * Where the SDK's `div.imp-dialog` is attached (default `document.body`). On a phone the SDK
   * hides every child of `body` but its dialog, so keep the container a child of `body`.
   */
  container?: HTMLElement;
  /** Clock in unix ms (default `Date.now`), for repeatable `paid_at`. */
  now?: () => number;
  /** Shown as the merchant in the window (default: the merchant code from `init`). */
  merchantName?: string;
  /** The real SDK's silent failures, on demand. */
  faults?: SandboxFaults;
}

/** The sandbox `IMP`: the SDK methods, `close()` and `deinit()` like the real SDK. */
export interface SandboxIamport extends Iamport {
  /** Hide an open window, like `IMP.close()`: the request's callback is never called. */
  close(): void;
  /** Remove the SDK from the page (its dialog and stylesheet), like `IMP.deinit()`; `init` again to use it. */
  deinit(): void;
}

interface Held {
  params: RequestPayParams;
  callback: RequestPayCallback | undefined;
}

const ISSUER_CODES = CARD_ISSUERS.map((issuer) => issuer.code);
const issuersFor = (detail: readonly CardFilterRule[] | undefined) =>
  enabledCardCodes(detail, ISSUER_CODES).map((code) => {
    const issuer = CARD_ISSUERS.find((i) => i.code === code)!;
    return { code, name: issuer.overseas ? issuer.en : `${issuer.ko} (${issuer.en})` };
  });

/**
 * An offline `IMP` that behaves like the real i'mport V1 SDK 1.3.0 with JTNet (reference §4):
 * the same page-side DOM (`div.imp-dialog`, `iframe.imp-frame`), a phone by user agent only,
 * callbacks keyed by request, `close()` without a callback, the real refusals and redirects,
 * and the SDK's silent failures on demand (`faults`). The window itself is an accessible modal
 * `<dialog>` in the SDK's dialog: test cards, billing keys, `F1002` for a reused paid
 * merchant_uid. No network unless `serverUrl` is set.
 *
 * @example
 * const IMP = createSandboxIamport({ seed: 1 })
 * IMP.init('imp00000000')
 * IMP.request_pay({ pg: 'jtnet', pay_method: 'card', merchant_uid: 'order_1', amount: 1004 }, console.log)
 * // type 4242 4242 4242 4242, a future expiry, 6-digit birth date and 2 PIN digits, then Approve
 */
export function createSandboxIamport(options: SandboxOptions = {}): SandboxIamport {
  const channels = toChannels(options.pgs ?? ['jtnet']);
  const faults = checkFaults(options.faults);
  const pg = createSandboxPg(options);
  const now = options.now ?? Date.now;
  const emit = (event: SandboxEvent) => options.onEvent?.(event);
  const navigate = (url: string) => (options.navigate ?? ((target: string) => location.assign(target)))(url);
  const device = (): Device => {
    const agent = deviceOf(options.userAgent ?? navigator.userAgent);
    return options.mode === 'redirect' ? { ...agent, mobile: true } : options.mode === 'callback' ? { mobile: false, ios: false, android: false } : agent;
  };

  let merchant: string | null = null;
  let merchantLabel = '';
  let dialog: SdkDialog | null = null;
  let removeStyles: (() => void) | undefined;
  /** `pending` until the PG settings load (forever after an init fault); `empty`: no channel at all. */
  let settings: 'pending' | 'empty' | 'loaded' = 'pending';
  /** The SDK keeps one request made before the frame is ready: the last one. */
  let held: Held | null = null;
  /** Callbacks waiting for the window's answer, keyed by request id (the SDK's queue). */
  const sent: { requestId: string; callback: RequestPayCallback }[] = [];
  /** The request the window is serving; a frame showing a PG page does not hear new requests. */
  let serving: { merchantUid: string; window: PaymentWindow | null } | null = null;
  /** Bumps whenever the frames are rebuilt: answers from a discarded window go nowhere. */
  let generation = 0;
  /** Bumps on `deinit`: work scheduled before it is dropped. */
  let life = 0;
  let requestCount = 0;

  /** The real SDK runs every call once the DOM is ready, in a later task. */
  const later = (task: () => void) => {
    const at = life;
    const run = () => at === life && task();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
    else setTimeout(run, 0);
  };

  const sdkDialog = (): SdkDialog => {
    const container = options.container ?? document.body;
    if (!dialog) dialog = createSdkDialog(container);
    else if (!dialog.element.isConnected) container.append(dialog.element);
    return dialog;
  };
  const frameFor = (pgName: string | undefined): SdkFrame | undefined => {
    const channel = findChannel(channels, pgName);
    return dialog?.frames.find((frame) => frame.channel === channel);
  };

  /** What `init` does: rebuild the frames from the merchant's channels (the real `/users/pg`). */
  function load() {
    const target = sdkDialog();
    target.clear();
    serving = null;
    const at = ++generation;
    if (faults.init) {
      settings = 'pending';
      emit({
        type: 'init-failed',
        detail: `Loading the PG settings failed (fault init: ${faults.init}); like the real SDK, nothing is thrown and every request_pay waits forever.`,
      });
      return;
    }
    if (channels.length === 0) {
      settings = 'empty';
      if (held) replay(held);
      return;
    }
    settings = 'loaded';
    const current = device();
    for (const channel of channels) {
      target.addFrame(channel, current, faults.window === 'load-error' ? 'load-error' : 'ready', faults.slowInitMs ?? 0, (frame) => {
        if (at === generation && held && frameFor(held.params.pg) === frame) replay(held);
      });
    }
  }
  const replay = ({ params, callback }: Held) => later(() => handle(params, callback));
  const reload = () => later(() => merchant !== null && load());

  /** Hide the dialog and drop the window (the SDK's `close()`); no callback. */
  function closeDialog(current: Device) {
    dialog?.close(current);
    serving?.window?.remove();
    serving = null;
  }

  /** The window answered in the page: the newest callback with that request id, then close and reload. */
  function answer(requestId: string, response: RequestPayResponse, current: Device) {
    for (let index = sent.length - 1; index >= 0; index--) {
      if (sent[index]!.requestId !== requestId) continue;
      const [{ callback }] = sent.splice(index, 1) as [(typeof sent)[number]];
      try {
        callback.call({}, response);
      } catch (error) {
        console.log(error); // what the real SDK does with an error thrown by the callback
      }
      break;
    }
    closeDialog(current);
    reload();
  }

  /** The window ended: on a phone with `m_redirect_url` the PG sends the whole page there; else it answers in the page. */
  function reply(requestId: string, data: RequestPayParams, response: RequestPayResponse, current: Device, fromPg: boolean) {
    const uid = data.merchant_uid;
    if (faults.window === 'no-answer') return emit({ type: 'unanswered', merchant_uid: uid, detail: 'The window never answers (fault window: no-answer).' });
    if (!fromPg || !current.mobile || !data.m_redirect_url) return answer(requestId, response, current);
    const url = pgRedirectUrl(new URL(data.m_redirect_url, document.baseURI).href, response);
    emit({ type: 'redirected', merchant_uid: uid, imp_uid: response.imp_uid, detail: url });
    navigate(url);
    // The page is leaving; kept usable for tests that capture `navigate`.
    closeDialog(current);
    reload();
  }

  /** The frame's page receives a request: i'mport's checks, then the PG window. */
  function serve(frame: SdkFrame, data: RequestPayParams, requestId: string, current: Device) {
    const uid = data.merchant_uid;
    if (faults.window === 'load-error')
      return emit({ type: 'unanswered', merchant_uid: uid, detail: "The window's page failed to load (fault window: load-error)." });
    // The frame already shows a PG page: the SDK posts to i'mport's page, which is not there any more.
    if (serving)
      return emit({ type: 'unanswered', merchant_uid: uid, detail: `A window is already open (for ${serving.merchantUid}): this request is never answered.` });
    const at = generation;
    const task = { merchantUid: uid, window: null as PaymentWindow | null };
    serving = task;
    const refusal = pg.refusal(data);
    if (refusal) {
      emit({ type: 'rejected', merchant_uid: uid, imp_uid: null, detail: refusal.error_msg });
      return void Promise.resolve().then(() => at === generation && reply(requestId, data, refusal, current, false));
    }
    const billing = data.customer_uid !== undefined;
    const view = {
      merchant: options.merchantName ?? merchantLabel,
      orderName: data.name ?? '',
      amount: data.amount,
      method: billing ? 'card' : data.pay_method,
      billing,
      issuers: issuersFor(data.card?.detail),
      nowMs: now(),
    };
    task.window = openPaymentWindow(view, sdkDialog().element);
    emit({ type: 'opened', merchant_uid: uid });
    void task.window.result.then(async (choice) => {
      const response = choice ? await pg.pay(data, frame.channel.pg, choice) : failureResponse(uid, CANCEL_CODE, CANCEL_MESSAGE);
      emit({
        type: !choice ? 'cancelled' : response.success ? 'approved' : 'declined',
        merchant_uid: uid,
        imp_uid: response.imp_uid,
        detail: response.error_msg,
      });
      // i'mport's server refusing a paid merchant_uid answers in the page, not through the PG.
      if (at === generation) reply(requestId, data, response, current, response.error_code !== DUPLICATE_CODE);
    });
  }

  /** `request_pay`, once the DOM is ready: the real SDK's checks in its order. */
  function handle(params: RequestPayParams, given: RequestPayCallback | undefined) {
    const target = sdkDialog();
    const uid = params.merchant_uid;
    if (merchant === null) {
      emit({ type: 'rejected', merchant_uid: uid, detail: NOT_INITIALISED_ALERT });
      return window.alert(NOT_INITIALISED_ALERT); // no window, no callback
    }
    const current = device();
    // On a phone without a callback the SDK redirects by itself on failure.
    const callback = typeof given === 'function' ? given : current.mobile ? redirectOnFailure(params) : undefined;
    const refuse = (response: RequestPayResponse, alertText: string) => {
      emit({ type: 'rejected', merchant_uid: uid, imp_uid: null, detail: alertText });
      return callback ? callback.call({}, response) : window.alert(alertText);
    };
    const hold = () => {
      held = { params, callback };
      const detail = faults.init
        ? `The PG settings never loaded (fault init: ${faults.init}): this request waits forever.`
        : 'The window is still loading: the request is replayed when it is ready.';
      emit({ type: 'queued', merchant_uid: uid, detail });
    };
    if (settings === 'pending' || (settings === 'loaded' && target.frames.length === 0)) return hold();
    if (settings === 'empty') return refuse(notReadyResponse(uid), NOT_READY_MESSAGE);
    const frame = frameFor(params.pg)!;
    if (frame.channel.type !== 'payment') {
      held = null;
      closeDialog(current);
      reload();
      return refuse(unknownPgResponse(uid), UNKNOWN_PG_MESSAGE);
    }
    if (!frame.loaded) return hold();
    held = null;
    target.focus(frame);
    const data: RequestPayParams = { ...params, merchant_uid: uid || `nobody_${Date.now()}`, pay_method: params.pay_method || 'card' };
    const requestId = `req_${Date.now()}_${++requestCount}`;
    if (callback) sent.push({ requestId, callback });
    // The SDK posts the request into the frame and shows its dialog; the frame's page then reacts.
    target.open(frame, current);
    serve(frame, data, requestId, current);
  }

  const redirectOnFailure = (params: RequestPayParams) => (response: RequestPayResponse) => {
    if (response.success) return;
    const base = params.m_redirect_url ? new URL(params.m_redirect_url, document.baseURI).href : undefined;
    const url = sdkFailureRedirectUrl(base, response);
    emit({ type: 'redirected', merchant_uid: response.merchant_uid, imp_uid: response.imp_uid, detail: url });
    navigate(url);
  };

  const start = (code: string, label: string) =>
    later(() => {
      removeStyles ??= injectSdkStyles(document);
      merchant = code;
      merchantLabel = label;
      load();
    });

  return {
    init(userCode) {
      start(userCode, userCode);
    },
    agency(userCode, tierCode) {
      start(userCode, `${userCode} (${tierCode})`);
    },
    request_pay(params, callback) {
      if (params === undefined) return window.alert(PARAMS_MISSING_ALERT);
      later(() => handle(params, callback));
    },
    close() {
      later(() => {
        if (!dialog?.frames.some((frame) => frame.iframe.style.display !== 'none')) return;
        if (dialog.element.style.display === 'block') {
          emit({ type: 'closed', merchant_uid: serving?.merchantUid, detail: 'IMP.close(): the window is hidden and its callback is never called.' });
        }
        closeDialog(device());
        reload();
      });
    },
    deinit() {
      life++;
      generation++;
      serving?.window?.remove();
      serving = null;
      dialog?.remove();
      dialog = null;
      removeStyles?.();
      removeStyles = undefined;
      merchant = null;
      held = null;
      settings = 'pending';
    },
  };
}
