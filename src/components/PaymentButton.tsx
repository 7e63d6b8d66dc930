'use client';

import type { ReactNode } from 'react';
import { toCardDetail, type CardFilterOption } from '../core/card-filter';
import type { IamportError } from '../core/errors';
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

/** The shared body of both buttons: the pay button and, under it, what went wrong. */
function RequestButton({ machine, run, label, className, disabled, messages }: {
  machine: { isPending: boolean; outcome: PaymentOutcome | null; error: IamportError | null };
  run(): Promise<unknown>;
  label: ReactNode;
  className?: string;
  disabled?: boolean;
  messages: IamportMessages;
}) {
  return (
    <>
      <SubmitButton pending={machine.isPending} label={label} messages={messages} className={className} disabled={disabled} onClick={() => void run().catch(() => undefined)} />
      <PaymentNotice outcome={machine.outcome} error={machine.error} messages={messages} />
    </>
  );
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
export function PaymentButton({ params, cardFilter, children, messages: overrides, ...rest }: PaymentButtonProps) {
  const { className, disabled, ...callbacks } = rest;
  const payment = usePayment(callbacks);
  const messages = useMessages(overrides);
  const run = () => payment.requestPayment(withFilter(params, cardFilter));
  return <RequestButton machine={payment} run={run} label={children ?? messages.pay} className={className} disabled={disabled} messages={messages} />;
}

/**
 * One button that opens the card-only billing-key window (`amount` 0 = key only).
 *
 * @example
 * <BillingKeyButton params={{ customer_uid: 'user_42_card', name: 'Monthly plan' }} onSuccess={(o) => save(o.customerUid)} />
 */
export function BillingKeyButton({ params, cardFilter, children, messages: overrides, ...rest }: BillingKeyButtonProps) {
  const { className, disabled, ...callbacks } = rest;
  const billing = useBillingKey(callbacks);
  const messages = useMessages(overrides);
  const run = () => billing.issueBillingKey(withFilter(params, cardFilter));
  return <RequestButton machine={billing} run={run} label={children ?? messages.registerCard} className={className} disabled={disabled} messages={messages} />;
}
