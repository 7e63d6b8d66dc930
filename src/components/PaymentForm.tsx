'use client';

import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { cardFilter as buildCardFilter, toCardDetail, type CardFilterOption } from '../core/card-filter';
import type { PayMethod, CardCode } from '../core/types';
import { PAY_METHODS } from '../core/validation/rules';
import { usePayment } from '../react/usePayment';
import type { RequestCallbacks } from '../core/request-controller';
import type { PaymentParams } from '../core/request-params';
import type { PaymentOutcome } from '../core/outcome';
import type { BuyerField, BuyerValues } from './buyer-rules';
import { FormCardFilter } from './form-card-filter';
import { renderPayMethods, useFormShell } from './FormShell';
import { FIELD_MESSAGES, REQUEST_MESSAGES, type FieldMessages, type IamportMessages, type RequestMessages } from './messages';
import { formatWon } from './format-won';
import { useMessageGroups } from './useMessages';
import { useRequestControls } from './RequestControls';
import type { VerifyUnknown } from './verify-unknown';

/** Values of the checkout form. */
export interface PaymentFormValues extends BuyerValues {
  pay_method: PayMethod;
  /** The issuer the buyer chose in a `<CardFilterField>` inside the form; `''` = any allowed card. */
  card_code: CardCode | '';
}

export interface PaymentFormProps extends RequestCallbacks<PaymentOutcome> {
  /** Integer KRW, from your server's order: never from a field the buyer can edit. */
  amount: number;
  /** Order name (≤ 40 characters). */
  name: string;
  /** Methods offered, in order; a radio group shows when there is more than one. */
  payMethods?: readonly PayMethod[];
  /** Card issuers the window offers: `{ only: [...] }`, `{ exclude: [...] }` or raw `card.detail`. */
  cardFilter?: CardFilterOption;
  /** Buyer fields shown (default name, email, tel) and which of them are required (default: all shown). */
  buyerFields?: readonly BuyerField[];
  requiredBuyerFields?: readonly BuyerField[];
  defaultValues?: Partial<PaymentFormValues>;
  /** Extra `request_pay` parameters: `merchant_uid`, `m_redirect_url`, `custom_data`, `digital` (required for phone), `vbank_due`, … */
  params?: Partial<PaymentParams>;
  /** Ask your server by merchant_uid when the SDK never answered (`unknown`); the form shows "확인 중" meanwhile and never "failed" before it answers. */
  verify?: VerifyUnknown;
  submitLabel?: ReactNode;
  messages?: Partial<IamportMessages>;
  className?: string;
  children?: ReactNode;
}

/**
 * A complete checkout: buyer fields, pay method and a pay button (children such as a
 * `<CardFilterField>` for the buyer to pick an issuer get the form's context),
 * on react-hook-form and {@link usePayment}. Invalid fields block submission with messages;
 * `onSuccess` receives the outcome to verify on your server.
 *
 * @example
 * <PaymentForm
 *   amount={order.amount}
 *   name={order.name}
 *   payMethods={['card', 'trans', 'vbank']}
 *   cardFilter={{ exclude: ['370'] }}
 *   params={{ merchant_uid: order.id }}
 *   onSuccess={(outcome) => verifyOnServer(outcome.impUid, order.id)}
 * />
 */
export function PaymentForm(props: PaymentFormProps) {
  const { amount, name, payMethods = PAY_METHODS, cardFilter, defaultValues, params, verify, submitLabel, messages: overrides, children } = props;
  const form = useForm<PaymentFormValues>({ defaultValues: { pay_method: payMethods[0], ...defaultValues } });
  // (the props carry the callbacks: the hook reads only its own)
  const payment = usePayment(props);
  // Children get the overrides, not merged copies: each reads its own group.
  const fieldText = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  const messages = useMessageGroups<RequestMessages>(overrides, REQUEST_MESSAGES);
  const request = useRequestControls({ state: payment, verify, label: submitLabel ?? fieldText.payAmount(formatWon(amount)), messages });
  const submit = ({ pay_method, card_code }: PaymentFormValues, buyer: BuyerValues) => {
    const detail = pay_method === 'card' ? (card_code ? buildCardFilter.only([card_code]) : cardFilter && toCardDetail(cardFilter)) : undefined;
    payment.requestPayment({ ...params, ...buyer, pay_method, amount, name, ...(detail && { card: { ...params?.card, detail } }) });
  };
  // Children (a <CardFilterField>, your own fields) get react-hook-form's context and the form's cardFilter.
  const contextual = children && <FormCardFilter.Provider value={cardFilter}>{children}</FormCardFilter.Provider>;
  const own = payMethods[1] && renderPayMethods(form.register as never, payMethods, fieldText);
  return useFormShell(form, props, request, fieldText, submit, own, contextual);
}
