'use client';

import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { cardFilter as buildCardFilter, toCardDetail, type CardFilterOption } from '../core/card-filter';
import type { CardCode } from '../core/types';
import { useBillingKey } from '../react/useBillingKey';
import type { RequestCallbacks } from '../core/request-controller';
import type { BillingKeyOutcome, BillingKeyParams } from '../core/request-params';
import type { BuyerField, BuyerValues } from './buyer-rules';
import { FormCardFilter } from './form-card-filter';
import { useFormShell } from './FormShell';
import {
  BILLING_MESSAGES,
  FIELD_MESSAGES,
  REQUEST_MESSAGES,
  type BillingMessages,
  type FieldMessages,
  type IamportMessages,
  type RequestMessages,
} from './messages';
import { formatWon } from './format-won';
import { useMessageGroups } from './useMessages';
import { useRequestControls } from './RequestControls';
import type { VerifyUnknown } from './verify-unknown';

export interface BillingKeyFormProps extends RequestCallbacks<BillingKeyOutcome> {
  /** Your id for this buyer's card (1:1 with the billing key), e.g. `user_42_card`. */
  customerUid: string;
  /** 0 (default) issues the key only; more also charges the first payment. */
  amount?: number;
  /** Order / plan name shown in the window. */
  name?: string;
  cardFilter?: CardFilterOption;
  buyerFields?: readonly BuyerField[];
  requiredBuyerFields?: readonly BuyerField[];
  defaultValues?: BuyerValues;
  /** Extra parameters (`merchant_uid`, `m_redirect_url`, `custom_data`, …). */
  params?: Partial<BillingKeyParams>;
  /** Ask your server by merchant_uid when the SDK never answered (`unknown`); the form shows "확인 중" meanwhile. */
  verify?: VerifyUnknown<BillingKeyOutcome>;
  submitLabel?: ReactNode;
  messages?: Partial<IamportMessages>;
  className?: string;
  children?: ReactNode;
}

/**
 * Subscription signup: buyer fields and a button that opens the card-only billing-key window
 * through {@link useBillingKey}. Later charges happen on your server (`chargeBillingKey`).
 *
 * @example
 * <BillingKeyForm customerUid={`user_${user.id}`} amount={9900} name="Monthly plan" onSuccess={(o) => activate(o.customerUid)} />
 */
export function BillingKeyForm(props: BillingKeyFormProps) {
  const { customerUid, amount = 0, name, cardFilter, defaultValues, params, verify, submitLabel, messages: overrides, children } = props;
  const form = useForm<BuyerValues & { card_code?: CardCode | '' }>({ defaultValues });
  const billing = useBillingKey(props);
  const fieldText = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  const messages = useMessageGroups<RequestMessages & BillingMessages>(overrides, REQUEST_MESSAGES, BILLING_MESSAGES);
  const label = submitLabel ?? (amount > 0 ? fieldText.payAmount(formatWon(amount)) : messages.registerCard);
  const request = useRequestControls({ state: billing, verify, label, messages, billing: true });
  const submit = ({ card_code }: { card_code?: CardCode | '' }, buyer: BuyerValues) => {
    // An issuer the buyer chose in a <CardFilterField> inside the form, else the form's filter.
    const detail = card_code ? buildCardFilter.only([card_code]) : cardFilter && toCardDetail(cardFilter);
    billing.issueBillingKey({ ...params, ...buyer, customer_uid: customerUid, amount, name, ...(detail && { card: { detail } }) });
  };
  const contextual = children && <FormCardFilter.Provider value={cardFilter}>{children}</FormCardFilter.Provider>;
  return useFormShell(form, props, request, fieldText, submit, null, contextual);
}
