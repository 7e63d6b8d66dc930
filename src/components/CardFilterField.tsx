'use client';

import { useContext, useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { enabledCardCodes, toCardDetail, type CardFilterOption } from '../core/card-filter';
import { CARD_ISSUERS } from '../core/card-issuers';
import type { CardCode } from '../core/types';
import { cx } from '../utils/cx';
import { FormCardFilter } from './form-card-filter';
import { FIELD_MESSAGES, type FieldMessages, type IamportMessages } from './messages';
import { useLocale, useMessageGroups } from './useMessages';

export interface CardFilterFieldProps {
  /** Restrict the choice to what this filter allows. Default: the `cardFilter` of the form it sits in. */
  cardFilter?: CardFilterOption;
  /** Include overseas brands (Visa, Master, …). Default: domestic issuers only. */
  overseas?: boolean;
  messages?: Partial<IamportMessages>;
  className?: string;
}

/**
 * Lets the buyer pick one card issuer (value `card_code`, `''` = any allowed card). Put it inside
 * `<PaymentForm>` (or `<BillingKeyForm>`): it offers the issuers the form's `cardFilter` allows,
 * shows only while the buyer pays by card, and the form turns a choice into
 * `card.detail = cardFilter.only([code])`. Checkouts without it do not bundle it.
 *
 * @example
 * <PaymentForm amount={15_000} name="원두 1kg" cardFilter={{ exclude: ['370'] }}>
 *   <CardFilterField />
 * </PaymentForm>
 */
export function CardFilterField({ cardFilter, overseas = false, messages: overrides, className }: CardFilterFieldProps) {
  const { register } = useFormContext<{ card_code: CardCode | ''; pay_method?: string }>();
  // Shown while paying by card (a form without a pay method, e.g. billing, is card-only).
  const method = useWatch<{ pay_method?: string }>({ name: 'pay_method' });
  const formFilter = useContext(FormCardFilter);
  const filter = cardFilter ?? formFilter;
  const messages = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  const locale = useLocale();
  const id = useId();
  const issuers = CARD_ISSUERS.filter((issuer) => overseas || !issuer.overseas);
  const allowed = new Set(
    enabledCardCodes(
      filter && toCardDetail(filter),
      issuers.map((issuer) => issuer.code),
    ),
  );
  if (method !== undefined && method !== 'card') return null;
  return (
    <div className={cx('iamport-field', className)}>
      <label className="iamport-label" htmlFor={id}>
        {messages.cardIssuer}
      </label>
      <select id={id} className="iamport-input" {...register('card_code')}>
        <option value="">{messages.anyCard}</option>
        {issuers
          .filter((issuer) => allowed.has(issuer.code))
          .map((issuer) => (
            <option key={issuer.code} value={issuer.code}>
              {issuer[locale]}
            </option>
          ))}
      </select>
    </div>
  );
}
