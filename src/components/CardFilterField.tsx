'use client';

import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { enabledCardCodes, toCardDetail, type CardFilterOption } from '../core/card-filter';
import { CARD_ISSUERS } from '../core/card-issuers';
import type { CardCode } from '../core/types';
import { cx } from '../utils/cx';
import { FIELD_MESSAGES, type FieldMessages, type IamportMessages } from './messages';
import { useLocale, useMessageGroups } from './useMessages';

export interface CardFilterFieldProps {
  /** Restrict the choice to what this filter allows (the same `cardFilter` the form sends). */
  cardFilter?: CardFilterOption;
  /** Include overseas brands (Visa, Master, …). Default: domestic issuers only. */
  overseas?: boolean;
  messages?: Partial<IamportMessages>;
  className?: string;
}

/**
 * Lets the buyer pick one card issuer (value `card_code`, `''` = any allowed card). The forms
 * turn a choice into `card.detail = cardFilter.only([code])`.
 *
 * @example
 * <CardFilterField cardFilter={{ exclude: ['370'] }} />
 */
export function CardFilterField({ cardFilter, overseas = false, messages: overrides, className }: CardFilterFieldProps) {
  const { register } = useFormContext<{ card_code: CardCode | '' }>();
  const messages = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  const locale = useLocale();
  const id = useId();
  const issuers = CARD_ISSUERS.filter((issuer) => overseas || !issuer.overseas);
  const allowed = new Set(enabledCardCodes(cardFilter && toCardDetail(cardFilter), issuers.map((issuer) => issuer.code)));
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
