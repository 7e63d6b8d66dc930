import type { ReactNode } from 'react';
import { toCardDetail, type CardFilterOption } from '../core/card-filter';
import type { PaymentOutcome } from '../core/outcome';
import { useBillingKey, type BillingKeyOutcome, type BillingKeyParams } from '../react/useBillingKey';
import { usePayment, type PaymentParams } from '../react/usePayment';
import type { RequestCallbacks } from '../react/useRequestMachine';
import type { IamportMessages } from './messages';
import { PaymentNotice } from './PaymentNotice';
import { SubmitButton } from './SubmitButton';
import { useMessages } from './useMessages';

interface ButtonProps {
  /** Card issuers the window offers (sets `card.detail`). */
  cardFilter?: CardFilterOption;
  children?: ReactNode;
  className?: string;
  disabled?: boolean;
  messages?: Partial<IamportMessages>;
}

export interface PaymentButtonProps extends ButtonProps, RequestCallbacks<PaymentOutcome> {
  params: PaymentParams;
}

export interface BillingKeyButtonProps extends ButtonProps, RequestCallbacks<BillingKeyOutcome> {
  params: BillingKeyParams;
}

function withFilter<P extends { card?: PaymentParams['card'] }>(params: P, filter?: CardFilterOption): P {
  return filter ? { ...params, card: { ...params.card, detail: toCardDetail(filter) } } : params;
}

/**
 * One button, one payment: disabled with progress while the SDK loads or the window is open;
 * failures and cancellations are announced next to it.
 *
 * @example
 * <PaymentButton params={{ pay_method: 'card', name: '원두 1kg', amount: 1004 }} onSuccess={(o) => verify(o.impUid)}>
 *   ₩1,004 결제하기
 * </PaymentButton>
 */
export function PaymentButton({ params, cardFilter, children, className, disabled, messages: overrides, ...callbacks }: PaymentButtonProps) {
  const payment = usePayment(callbacks);
  const messages = useMessages(overrides);
  return (
    <>
      <SubmitButton
        pending={payment.isPending}
        label={children ?? messages.pay}
        messages={messages}
        className={className}
        disabled={disabled}
        onClick={() => void payment.requestPayment(withFilter(params, cardFilter)).catch(() => undefined)}
      />
      <PaymentNotice outcome={payment.outcome} error={payment.error} messages={messages} />
    </>
  );
}

/**
 * One button that opens the card-only billing-key window (`amount` 0 = key only).
 *
 * @example
 * <BillingKeyButton params={{ customer_uid: 'user_42_card', name: 'Monthly plan' }} onSuccess={(o) => save(o.customerUid)} />
 */
export function BillingKeyButton({ params, cardFilter, children, className, disabled, messages: overrides, ...callbacks }: BillingKeyButtonProps) {
  const billing = useBillingKey(callbacks);
  const messages = useMessages(overrides);
  return (
    <>
      <SubmitButton
        pending={billing.isPending}
        label={children ?? messages.registerCard}
        messages={messages}
        className={className}
        disabled={disabled}
        onClick={() => void billing.issueBillingKey(withFilter(params, cardFilter)).catch(() => undefined)}
      />
      <PaymentNotice outcome={billing.outcome} error={billing.error} messages={messages} />
    </>
  );
}
