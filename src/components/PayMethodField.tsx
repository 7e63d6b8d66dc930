import { useFormContext } from 'react-hook-form';
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
  const { register } = useFormContext<{ pay_method: PayMethod }>();
  const messages = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
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
