'use client';

import { useFormContext } from 'react-hook-form';
import type { PayMethod } from '../core/types';
import { PAY_METHODS } from '../core/validation/rules';
import { FIELD_MESSAGES, type FieldMessages, type IamportMessages } from './messages';
import { useMessageGroups } from './useMessages';
import { renderPayMethods } from './FormShell';

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
