import type { IamportError } from '../core/errors';
import type { PaymentOutcome } from '../core/outcome';
import { useIamport } from '../react/useIamport';
import type { IamportMessages } from './messages';

/**
 * Announces what went wrong (SDK load failure with a retry button, a kit error, a failed or
 * cancelled payment). Messages from the SDK or URL are rendered as text, never as HTML.
 */
export function PaymentNotice({ outcome, error, messages }: { outcome: PaymentOutcome | null; error: IamportError | null; messages: IamportMessages }) {
  const sdk = useIamport();
  if (sdk.status === 'error') {
    return (
      <div className="iamport-notice iamport-notice-error" role="alert">
        {messages.sdkFailed}{' '}
        <button type="button" className="iamport-link" onClick={sdk.retry}>
          {messages.retry}
        </button>
      </div>
    );
  }
  const text = error ? error.message : outcome?.status === 'failed' ? `${messages.failed} ${outcome.message}` : outcome?.status === 'cancelled' ? messages.cancelled : '';
  if (!text) return null;
  return (
    <p className={`iamport-notice iamport-notice-${error || outcome?.status === 'failed' ? 'error' : 'info'}`} role={error || outcome?.status === 'failed' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
