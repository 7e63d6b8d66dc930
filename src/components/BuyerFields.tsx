'use client';

import { useId } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { BUYER_FIELD_SPECS, resolveBuyerFields, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
import { renderBuyerFields } from './FormShell';
import { FIELD_MESSAGES, type FieldMessages, type IamportMessages } from './messages';
import { useMessageGroups } from './useMessages';

export interface BuyerFieldsProps extends BuyerFieldsConfig {
  messages?: Partial<IamportMessages>;
  className?: string;
}

/**
 * Buyer name / email / tel / address / postcode inputs for any react-hook-form form
 * (`useFormContext`). Uncontrolled inputs: typing never re-renders the form. Values are named
 * after the request parameters (`buyer_tel`, …) so they spread straight into `request_pay`.
 *
 * @example
 * <FormProvider {...form}>
 *   <BuyerFields fields={['name', 'tel', 'postcode']} required={['name', 'tel']} />
 * </FormProvider>
 */
export function BuyerFields({ className, messages: overrides, ...config }: BuyerFieldsProps) {
  const { register, control } = useFormContext<BuyerValues>();
  const [fields, required] = resolveBuyerFields(config.fields, config.required);
  // Subscribes to these fields' errors only: error changes re-render this component, not the form.
  const { errors } = useFormState({ control, name: fields.map((field) => BUYER_FIELD_SPECS[field].key) });
  const messages = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  return renderBuyerFields({ register, errors, id: useId(), fields, required, messages, className });
}
