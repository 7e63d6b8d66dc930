import type { ReactNode } from 'react';
import { useIamport } from '../react/useIamport';
import { cx } from '../utils/cx';
import type { IamportMessages } from './messages';

/**
 * The pay button: disabled with visible progress while the SDK loads or a request is pending,
 * so one click means one request.
 */
export function SubmitButton({ pending, label, messages, className, disabled, onClick }: {
  pending: boolean;
  label: ReactNode;
  messages: IamportMessages;
  className?: string;
  disabled?: boolean;
  onClick?: () => void;
}) {
  const { status } = useIamport();
  const busy = pending || status === 'loading';
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={cx('iamport-button', className)}
      disabled={disabled || busy || status === 'error'}
      aria-busy={busy}
      onClick={onClick}
    >
      {busy && <span className="iamport-spinner" aria-hidden="true" />}
      {pending ? messages.processing : status === 'loading' ? messages.loadingSdk : label}
    </button>
  );
}

/** `₩1,004` in the provider's locale. */
export function formatWon(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ko-KR', { style: 'currency', currency: 'KRW' }).format(amount);
}
