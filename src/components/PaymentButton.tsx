'use client';

import type { ReactNode } from 'react';
import { toCardDetail, type CardFilterOption } from '../core/card-filter';
import type { PaymentOutcome } from '../core/outcome';
import type { RequestCallbacks } from '../core/request-controller';
import type { BillingKeyOutcome, BillingKeyParams, PaymentParams } from '../core/request-params';
import { useBillingKey } from '../react/useBillingKey';
import { usePayment } from '../react/usePayment';
import { BILLING_MESSAGES, REQUEST_MESSAGES, type BillingMessages, type IamportMessages, type RequestMessages } from './messages';
import { useRequestControls } from './RequestControls';
import { useMessageGroups } from './useMessages';
import type { VerifyUnknown } from './verify-unknown';

interface ButtonProps<O extends PaymentOutcome> extends RequestCallbacks<O> {
  /** Card issuers the window offers (sets `card.detail`). */
  cardFilter?: CardFilterOption;
  /** Ask your server by merchant_uid when the SDK never answered (`unknown`); the button shows "확인 중" meanwhile. */
  verify?: VerifyUnknown<O>;
  children?: ReactNode;
  className?: string;
  disabled?: boolean;
  messages?: Partial<IamportMessages>;
}

export interface PaymentButtonProps extends ButtonProps<PaymentOutcome> {
  params: PaymentParams;
}

export interface BillingKeyButtonProps extends ButtonProps<BillingKeyOutcome> {
  params: BillingKeyParams;
}

function withFilter<P extends { card?: PaymentParams['card'] }>(params: P, filter?: CardFilterOption): P {
  return filter ? { ...params, card: { ...params.card, detail: toCardDetail(filter) } } : params;
}

/**
 * One button, one payment: disabled with progress while the SDK loads or the window is open;
 * failures and cancellations are announced next to it, a window that never shows can be
 * cancelled, and a request the SDK never answered is checked with your `verify`.
 *
 * @example
 * <PaymentButton params={{ pay_method: 'card', name: '원두 1kg', amount: 1004 }} onSuccess={(o) => verify(o.impUid)}>
 *   ₩1,004 결제하기
 * </PaymentButton>
 */
export function PaymentButton({ params, cardFilter, verify, children, messages: overrides, className, disabled, ...callbacks }: PaymentButtonProps) {
  const payment = usePayment(callbacks);
  const messages = useMessageGroups<RequestMessages>(overrides, REQUEST_MESSAGES);
  const label = children ?? messages.pay;
  return useRequestControls({
    state: payment,
    verify,
    label,
    messages,
    className,
    disabled,
    onClick: () => payment.requestPayment(withFilter(params, cardFilter)),
  }).controls;
}

/**
 * One button that opens the card-only billing-key window (`amount` 0 = key only).
 *
 * @example
 * <BillingKeyButton params={{ customer_uid: 'user_42_card', name: 'Monthly plan' }} onSuccess={(o) => save(o.customerUid)} />
 */
export function BillingKeyButton({ params, cardFilter, verify, children, messages: overrides, className, disabled, ...callbacks }: BillingKeyButtonProps) {
  const billing = useBillingKey(callbacks);
  const messages = useMessageGroups<RequestMessages & BillingMessages>(overrides, REQUEST_MESSAGES, BILLING_MESSAGES);
  const label = children ?? messages.registerCard;
  return useRequestControls({
    state: billing,
    verify,
    label,
    messages,
    billing: true,
    className,
    disabled,
    onClick: () => billing.issueBillingKey(withFilter(params, cardFilter)),
  }).controls;
}
