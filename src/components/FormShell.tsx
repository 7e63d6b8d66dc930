import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldErrors, type FieldValues, type UseFormRegister, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import { cx } from '../utils/cx';
import type { PayMethod } from '../core/types';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerField, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
import type { FieldMessages } from './messages';
import type { useRequestControls } from './RequestControls';

/**
 * @internal The shared body of PaymentForm and BillingKeyForm: buyer fields, extra fields,
 * submit button and notices. Buyer fields are checked synchronously with the same rules the
 * inputs register, so `request_pay` runs in the submit's task (no await before it). A hook
 * returning the form, not a component: the buyer fields are rendered by the form itself (its
 * `formState.errors` subscription), one fiber and one subscription less per checkout mount.
 *
 * @example
 * return useFormShell(form, props, request, messages, (values, buyer) => payment.requestPayment({ ...buyer, amount }), children)
 */
export function useFormShell<V extends FieldValues & BuyerValues>(
  form: UseFormReturn<V>,
  /** The form component's props: which buyer fields, its class (and what the fields' markup derives from). */
  props: { buyerFields?: BuyerFieldsConfig['fields']; requiredBuyerFields?: BuyerFieldsConfig['required']; className?: string },
  { busy, controls }: ReturnType<typeof useRequestControls>,
  /** The field messages (the form's overrides included). */
  messages: FieldMessages,
  /** Starts the request (fire-and-forget: kit errors are shown from the hook's state). */
  submit: (values: V, buyer: BuyerValues) => void,
  /** Pay methods offered as a radio group (shown when there is more than one). */
  payMethods: readonly PayMethod[] | undefined,
  /** Fields that read the form from context (`useFormContext`): the merchant's children, the issuer choice. */
  children?: ReactNode,
) {
  const { fields, required } = resolveBuyerFields(props.buyerFields, props.requiredBuyerFields);
  const id = useId();
  // Registered on every render, as react-hook-form expects of `register`.
  const inputs = registerBuyerFields(form.register as unknown as UseFormRegister<BuyerValues>, fields, required, messages);
  const method = payMethods && payMethods.length > 1 ? (form.register as unknown as UseFormRegister<{ pay_method: PayMethod }>)('pay_method') : undefined;
  const errors = form.formState.errors as FieldErrors<BuyerValues>;
  // react-hook-form re-renders the form right after mounting it (it marks itself ready).
  // Rebuilding the same fields there would make React diff them and hand each input a new
  // `ref`, which react-hook-form answers by unregistering and registering it again. So their
  // markup is reused while what it shows is unchanged (the form's props, the error messages)
  // and react-hook-form still holds every input: after `reset()` or `unregister()` it holds
  // none, and new markup (new refs) gives them back.
  const held = form.control._fields as Record<string, { _f: { ref: { nodeType?: number }; refs?: unknown[] } }> | undefined;
  let shown = '';
  let attached = !method || held?.pay_method!._f.refs?.length;
  for (const field of fields) {
    const key = BUYER_FIELD_SPECS[field].key;
    shown += `${errors[key]?.message}\n`;
    attached &&= held?.[key]!._f.ref.nodeType;
  }
  const markup = useRef<[props: object, shown: string, fields: ReactNode]>(null);
  if (!attached || markup.current?.[0] !== props || markup.current[1] !== shown) {
    markup.current = [
      props,
      shown,
      <>
        {renderBuyerFields({ inputs, errors, id, fields, required, messages })}
        {method && renderPayMethods(method, payMethods!, messages)}
      </>,
    ];
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Enter in a field while a window is open or an unknown payment is being checked: nothing.
    if (busy) return;
    // Let react-hook-form show errors and focus the first invalid field…
    void form.handleSubmit(() => undefined)();
    // …while the decision is made synchronously, so the SDK call keeps the click's task.
    const values = form.getValues();
    const buyerValues: BuyerValues = {};
    for (const field of fields) {
      const key = BUYER_FIELD_SPECS[field].key;
      const value = values[key]?.trim();
      if (buyerFieldError(field, value, required.includes(field), messages)) return;
      if (value) buyerValues[key] = value;
    }
    submit(values, buyerValues);
  };
  return (
    <form className={cx('iamport-form', props.className)} noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      {markup.current[2]}
      {/* The context only where something reads it: the default checkout mounts without it. */}
      {children && <FormProvider {...form}>{children}</FormProvider>}
      {controls}
    </form>
  );
}

/**
 * @internal Register each buyer field with its rule (the same rule the forms check before
 * submitting). Call it on every render, as react-hook-form expects of `register`; the markup
 * ({@link renderBuyerFields}) may be reused between renders.
 *
 * @example
 * const inputs = registerBuyerFields(form.register, ['name', 'tel'], ['name', 'tel'], messages)
 */
export function registerBuyerFields(register: UseFormRegister<BuyerValues>, fields: readonly BuyerField[], required: readonly BuyerField[], messages: FieldMessages): UseFormRegisterReturn[] {
  return fields.map((field) => {
    const isRequired = required.includes(field);
    return register(BUYER_FIELD_SPECS[field].key, { validate: (value) => buyerFieldError(field, value, isRequired, messages) ?? true });
  });
}

/**
 * @internal The markup of `<BuyerFields>`; the kit's forms call it with their own form
 * state, ids and messages (one component, context read and subscription fewer per checkout).
 *
 * @example
 * renderBuyerFields({ inputs: registerBuyerFields(form.register, fields, required, messages), errors: form.formState.errors, id, fields, required, messages })
 */
export function renderBuyerFields({ inputs, errors, id, fields, required, messages, className }: {
  /** What {@link registerBuyerFields} returned for `fields`, in the same order. */
  inputs: readonly UseFormRegisterReturn[];
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
      {fields.map((field, index) => {
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
              {...inputs[index]}
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

/**
 * @internal The markup of `<PayMethodField>`; PaymentForm calls it with its own form and
 * messages (one component, context read and message lookup fewer on every checkout mount).
 * `input` is `register('pay_method')`: every radio of the group shares it.
 *
 * @example
 * renderPayMethods(form.register('pay_method'), ['card', 'trans'], messages)
 */
export function renderPayMethods(input: UseFormRegisterReturn<'pay_method'>, methods: readonly PayMethod[], messages: FieldMessages, className?: string) {
  return (
    <fieldset className={cx('iamport-fieldset', className)}>
      <legend className="iamport-label">{messages.payMethod}</legend>
      <div className="iamport-choices">
        {methods.map((method) => (
          <label className="iamport-choice" key={method}>
            <input type="radio" value={method} {...input} />
            <span>{messages.methods[method]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
