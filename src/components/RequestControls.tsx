import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PaymentOutcome } from '../core/outcome';
import type { RequestState } from '../core/request-controller';
import { useIamportContext, useSdkState } from '../react/context';
import { cx } from '../utils/cx';
import type { BillingMessages, RequestMessages } from './messages';
import type { LandingVerification } from './RedirectLanding';
import type { VerifyUnknown } from './verify-unknown';

/**
 * @internal The pay button and, under it, what happened; shared by the forms and the buttons.
 *
 * - Disabled with a spinner while the SDK loads, a request is pending or your server checks an
 *   `unknown` one (one click, one request); `busy` tells the form to ignore Enter meanwhile.
 * - The notice: SDK load failure (retry), no window in sight (cancel), a kit error, a failed or
 *   cancelled payment, your server's answer for an `unknown` request (never "failed" before
 *   it answered). Text from the SDK or URL is rendered as text.
 * - When a request ends badly focus returns to the button, or to the notice while the button
 *   stays disabled, instead of falling to `<body>`.
 *
 * @example
 * const { busy, controls } = useRequestControls({ state: payment, label: '결제하기', messages })
 */
export function useRequestControls({
  state,
  verify,
  label,
  messages: m,
  billing,
  className,
  disabled,
  onClick,
}: {
  /** What `usePayment` / `useBillingKey` returned. */
  state: RequestState<PaymentOutcome> & { cancel(): void };
  verify?: VerifyUnknown<never>;
  label: ReactNode;
  /** With the billing strings for a billing-key request. */
  messages: RequestMessages & Partial<BillingMessages>;
  billing?: boolean;
  className?: string;
  disabled?: boolean;
  /** A plain button (`type="button"`); without it, the form's submit button. */
  onClick?: () => void;
}): { busy: boolean; controls: ReactNode } {
  const { runtime } = useIamportContext('useIamport');
  const sdk = useSdkState(runtime);
  const button = useRef<HTMLButtonElement>(null);
  // What the effect remembers between renders: the last status, the outcome it last checked,
  // and this render's `verify` (read when it runs: a new function each render is no new request).
  const memory = useRef<{ status: string; asked?: object | null; verify?: VerifyUnknown<never> }>({ status: state.status });
  memory.current.verify = verify;
  const failed = sdk.status === 'error';
  const loading = !sdk.sdk && !failed;

  const unknown = state.status === 'unknown' && verify ? state.outcome : null;
  const [checked, setChecked] = useState<[object, LandingVerification | null]>();
  useEffect(() => {
    // A request that ended badly: focus comes back from the window (or the disabled button) to
    // the button, or to the notice while the button stays disabled; never taken from elsewhere.
    const ended = memory.current.status === 'pending' && state.status !== 'succeeded';
    memory.current.status = state.status;
    const focused = document.activeElement;
    // (the notice, when shown, is the button's next sibling)
    if (ended && (!focused || focused === document.body))
      ((button.current?.disabled ? button.current.nextElementSibling : button.current) as HTMLElement | null)?.focus();
    // An `unknown` outcome is checked with your server once (StrictMode included); `retry` asks again.
    if (!unknown || memory.current.asked === unknown) return;
    memory.current.asked = unknown;
    Promise.resolve(unknown)
      .then(memory.current.verify as VerifyUnknown)
      .then(
        (reply) => setChecked([unknown, typeof reply === 'boolean' ? { verified: reply } : reply]),
        () => setChecked([unknown, null]),
      );
  }, [state.status, unknown, checked]);
  const verification = checked?.[0] === unknown ? checked[1] : undefined;
  const checking = !!unknown && verification === undefined;
  const retry = () => ((memory.current.asked = null), setChecked(undefined));
  const busy = state.isPending || checking;

  const link = (text: string, act: () => void) => (
    <button type="button" className="iamport-link" onClick={act}>
      {text}
    </button>
  );
  const paid = verification?.status;
  const reason = state.status === 'unknown' && state.outcome.reason;
  const [text, tone, action]: [ReactNode?, string?, ReactNode?] = failed
    ? [m.sdkFailed, 'error', link(m.retry, runtime.retry)]
    : state.status === 'pending'
      ? state.stalled
        ? [m.noWindow, 'info', link(m.cancelPayment, state.cancel)]
        : []
      : state.status === 'error'
        ? [state.error.message, 'error']
        : state.status === 'failed'
          ? [`${m.failed} ${state.outcome.message}`, 'error']
          : state.status === 'cancelled'
            ? [m.cancelled, 'info']
            : state.status !== 'unknown'
              ? []
              : checking
                ? [m.verifying, 'info']
                : // What createVerifyHandler answers: paid; awaiting_deposit (a virtual account was issued);
                  // not_verified (with the payment's own status when one exists); unknown (could not decide).
                  paid === 'awaiting_deposit' || paid === 'ready'
                  ? [m.vbankIssued, 'success']
                  : verification?.verified
                    ? [billing ? m.billingKeyIssued! : m.paid, 'success']
                    : // Your server found no money for this order: now, and only now, it did not happen,
                      // said the way it ended (the buyer's own cancel is no failure).
                      verification && paid !== 'unknown' && verification.paymentStatus !== 'paid'
                      ? reason === 'cancelled'
                        ? [m.notCompleted, 'info']
                        : [reason === 'no-window' ? m.windowFailed : m.failed, 'error']
                      : // No window ever opened (init failed): nothing can have been paid, even unchecked.
                        !verify && reason === 'no-window'
                        ? [m.windowFailed, 'error']
                        : [m.notVerified, 'error', verify && link(m.retry, retry)];

  const spin = busy || loading;
  return {
    busy,
    controls: (
      <>
        <button
          ref={button}
          type={onClick ? 'button' : 'submit'}
          className={cx('iamport-button', className)}
          disabled={disabled || spin || failed}
          aria-busy={spin || undefined}
          onClick={onClick}
        >
          {spin ? (
            <>
              <span className="iamport-spinner" aria-hidden="true" />
              {state.isPending ? m.processing : loading ? m.loadingSdk : m.verifying}
            </>
          ) : (
            label
          )}
        </button>
        {text && (
          <div tabIndex={-1} className={`iamport-notice iamport-notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
            {text} {action}
          </div>
        )}
      </>
    ),
  };
}
