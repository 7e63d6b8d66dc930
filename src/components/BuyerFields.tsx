import { useId } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { cx } from '../utils/cx';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
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
  const keys = fields.map((field) => BUYER_FIELD_SPECS[field].key);
  // Subscribes to these fields' errors only: error changes re-render this component, not the form.
  const { errors } = useFormState({ control, name: keys });
  const messages = useMessageGroups<FieldMessages>(overrides, FIELD_MESSAGES);
  const id = useId();
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
