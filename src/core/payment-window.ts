/**
 * @internal Whether the i'mport SDK shows a payment window, read from the page the way the
 * real SDK 1.3.0 draws it (reference §4; the sandbox draws the same): one `div.imp-dialog`,
 * `display: none` until a window opens, visible while it is open.
 *
 * - `2`: a `div.imp-dialog` is visible (a window is open);
 * - `1`: the SDK's dialog is in the page but hidden (no window, or it was closed);
 * - `0`: no `div.imp-dialog` at all (an SDK that draws none, e.g. a plain test double):
 *   nothing can be concluded from the page.
 *
 * @example
 * if (paymentWindowShown() === 1) console.log('the SDK shows no window')
 */
export function paymentWindowShown(): 0 | 1 | 2 {
  // A request can outlive its page's DOM (a test environment torn down, a worker): nothing to read.
  if (typeof document === 'undefined') return 0;
  let shown: 0 | 1 = 0;
  for (const dialog of document.querySelectorAll('div.imp-dialog')) {
    if (getComputedStyle(dialog).display !== 'none') return 2;
    shown = 1;
  }
  return shown;
}
