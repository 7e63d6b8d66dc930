/**
 * @internal What the page shows of the i'mport SDK, read the way the real SDK 1.3.0 draws it
 * (reference §4; the sandbox and the fake draw the same): one `div.imp-dialog`, `display: none`
 * until a window opens, holding the hidden `iframe.imp-frame` once `init` succeeded and none
 * when `init` failed. Numbers, so the bundle stays small; compare them by these names.
 */
export type PaymentWindowState = typeof NO_DIALOG | typeof INIT_FAILED | typeof WINDOW_HIDDEN | typeof WINDOW_OPEN;
/** @internal No `div.imp-dialog` at all (an SDK that draws none, e.g. a plain test double): nothing can be told. */
export const NO_DIALOG = 0;
/** @internal Hidden, with no frame: `init` failed, and a request waits forever with no window. */
export const INIT_FAILED = 1;
/** @internal Hidden, with the SDK's frame: no window now, but one can still open (a frame still loading replays a request made meanwhile). */
export const WINDOW_HIDDEN = 2;
/** @internal Visible: a window is up (loaded, loading, or an error page). */
export const WINDOW_OPEN = 3;

/**
 * @internal Whether the SDK shows a payment window, and if not whether one can still come.
 *
 * @example
 * if (paymentWindowState() === INIT_FAILED) console.log('init failed: no window will ever show')
 */
export function paymentWindowState(): PaymentWindowState {
  // A request can outlive its page's DOM (a test environment torn down, a worker): nothing to read.
  if (typeof document === 'undefined') return NO_DIALOG;
  let state: PaymentWindowState = NO_DIALOG;
  // Any visible dialog is a window up. Otherwise the last one tells: the SDK draws one, and when
  // an SDK object was replaced (a script switched, a test page) the newest one is appended last.
  for (const dialog of document.querySelectorAll('div.imp-dialog')) {
    if (getComputedStyle(dialog).display !== 'none') return WINDOW_OPEN;
    state = dialog.querySelector('iframe.imp-frame') ? WINDOW_HIDDEN : INIT_FAILED;
  }
  return state;
}
