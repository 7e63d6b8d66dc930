'use client';

import { useId } from 'react';
import { useFormContext, useFormState, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { cx } from '../utils/cx';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerField, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
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
  const { fields, required } = resolveBuyerFields(config);
  // Subscribes to these fields' errors only: error changes re-render this component, not the form.
  const { errors } = useFormState({ control, name: fields.map((field) => BUYER_FIELD_SPECS[field].key) });
  return renderBuyerFields({ register, errors, id: useId(), fields, required, messages: useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES), className });
}

/**
 * @internal The markup of {@link BuyerFields}; the kit's forms call it with their own form
 * state, ids and messages (one component, context read and subscription fewer per checkout).
 *
 * @example
 * renderBuyerFields({ register: form.register, errors: form.formState.errors, id, fields, required, messages })
 */
export function renderBuyerFields({ register, errors, id, fields, required, messages, className }: {
  register: UseFormRegister<BuyerValues>;
  errors: FieldErrors<BuyerValues>;
  /** Prefix of the inputs' ids (`useId()`). */
  id: string;
  fields: readonly BuyerField[];
  required: readonly BuyerField[];
  messages: FieldMessages;
  className?: string;
}) {
  return (
    <div className={cx('iamport-fields', className)}>
      {fields.map((field) => {
        const spec = BUYER_FIELD_SPECS[field];
        const isRequired = required.includes(field);
        const error = errors[spec.key]?.message;
        const inputId = `${id}-${field}`;
        return (
          <div className="iamport-field" key={field}>
            <label className="iamport-label" htmlFor={inputId}>
              {messages[spec.label] as string}
              {isRequired && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={inputId}
              className="iamport-input"
              type={spec.type}
              inputMode={spec.inputMode}
              autoComplete={spec.autoComplete}
              aria-required={isRequired}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              {...register(spec.key, { validate: (value) => buyerFieldError(field, value, isRequired, messages) ?? true })}
            />
            {error && (
              <p id={`${inputId}-error`} className="iamport-error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
