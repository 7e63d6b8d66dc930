'use client';

import { useFormContext, type UseFormRegister } from 'react-hook-form';
import type { PayMethod } from '../core/types';
import { PAY_METHODS } from '../core/validation/rules';
import { cx } from '../utils/cx';
import { FIELD_MESSAGES, type FieldMessages, type IamportMessages } from './messages';
import { useMessageGroups } from './useMessages';

export interface PayMethodFieldProps {
  /** The methods offered, in order (JTNet: card, trans, vbank, phone). */
  methods?: readonly PayMethod[];
  messages?: Partial<IamportMessages>;
  className?: string;
}

/**
 * An accessible radio group (`fieldset` + `legend`) for `pay_method`, inside a react-hook-form form.
 *
 * @example
 * <PayMethodField methods={['card', 'trans']} />
 */
export function PayMethodField({ methods = PAY_METHODS, messages: overrides, className }: PayMethodFieldProps) {
  return renderPayMethods(useFormContext<{ pay_method: PayMethod }>().register, methods, useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES), className);
}

/**
 * @internal The markup of {@link PayMethodField}; PaymentForm calls it with its own form and
 * messages (one component, context read and message lookup fewer on every checkout mount).
 *
 * @example
 * renderPayMethods(form.register, ['card', 'trans'], messages)
 */
export function renderPayMethods(register: UseFormRegister<{ pay_method: PayMethod }>, methods: readonly PayMethod[], messages: FieldMessages, className?: string) {
  return (
    <fieldset className={cx('iamport-fieldset', className)}>
      <legend className="iamport-label">{messages.payMethod}</legend>
      <div className="iamport-choices">
        {methods.map((method) => (
          <label className="iamport-choice" key={method}>
            <input type="radio" value={method} {...register('pay_method')} />
            <span>{messages.methods[method]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
