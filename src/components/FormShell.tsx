import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldErrors, type FieldValues, type UseFormRegister, type UseFormReturn } from 'react-hook-form';
import { cx } from '../utils/cx';
import type { PayMethod } from '../core/types';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerField, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
import type { FieldMessages } from './messages';
import type { useRequestControls } from './RequestControls';

// The kit forms' markup: their shared body, and the buyer fields and pay-method group that
// the public field components (BuyerFields, PayMethodField) render too.

/**
 * @internal The shared body of PaymentForm and BillingKeyForm: buyer fields, extra fields,
 * submit button and notices. Buyer fields are checked synchronously with the same rules the
 * inputs register, so `request_pay` runs in the submit's task (no await before it). A hook
 * returning the form, not a component: the buyer fields are rendered by the form itself (its
 * `formState.errors` subscription), one fiber and one subscription less per checkout mount.
 *
 * @example
 * const submit = (values: BuyerValues, buyer: BuyerValues) => payment.requestPayment({ ...buyer, amount })
 * return useFormShell(form, props, request, messages, submit, renderPayMethods(form.register, methods, messages), children)
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
  /** The form's own fields, rendered afresh on every render: the pay-method radios (`pay_method`), if any. */
  own: ReactNode,
  /** Fields that read the form from context (`useFormContext`): the merchant's children, the issuer choice. */
  children?: ReactNode,
) {
  const [fields, required] = resolveBuyerFields(props.buyerFields, props.requiredBuyerFields);
  const id = useId();
  const errors = form.formState.errors as FieldErrors<BuyerValues>;
  // Rendered on every render: `register` runs for each input, as react-hook-form expects.
  const fresh = [
    renderBuyerFields({ register: form.register as unknown as UseFormRegister<BuyerValues>, errors, id, fields, required, messages }),
    own,
  ] as const;
  // react-hook-form re-renders the form right after mounting it (it marks itself ready).
  // Handing React new markup there would make it diff the fields and give each input a new
  // `ref`, which react-hook-form answers by unregistering and registering it again. So the
  // last markup is kept while the form's props and messages are the same, no field shows an
  // error and react-hook-form still holds every input: after `reset()` or `unregister()` it
  // holds none, and the new markup (new refs) gives them back.
  const held = form.control._fields as Record<string, { _f?: { ref?: { nodeType?: number }; refs?: unknown[] } } | undefined> | undefined;
  // (optional chains all the way: `_fields` is react-hook-form's internal; another shape means "rebuild")
  const attached = fields.every((field) => held?.[BUYER_FIELD_SPECS[field].key]?._f?.ref?.nodeType) && (!own || held?.pay_method?._f?.refs);
  const markup = useRef<[props: object | false, messages: FieldMessages, fields: readonly [ReactNode, ReactNode]]>(null);
  const clean = !Object.keys(errors).length;
  if (!clean || !attached || markup.current?.[0] !== props || markup.current[1] !== messages) markup.current = [clean && props, messages, fresh];
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
      {markup.current[2][0]}
      {markup.current[2][1]}
      {/* The context only where something reads it: the default checkout mounts without it. */}
      {children && <FormProvider {...form}>{children}</FormProvider>}
      {controls}
    </form>
  );
}

/**
 * @internal The markup of `<BuyerFields>`; the kit's forms call it with their own form
 * state, ids and messages (one component, context read and subscription fewer per checkout).
 *
 * @example
 * renderBuyerFields({ register: form.register, errors: form.formState.errors, id, fields, required, messages })
 */
export function renderBuyerFields({
  register,
  errors,
  id,
  fields,
  required,
  messages,
  className,
}: {
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
        const errorId = error && `${inputId}-error`;
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
              aria-describedby={errorId || undefined}
              {...register(spec.key, { validate: (value) => buyerFieldError(field, value, isRequired, messages) ?? true })}
            />
            {error && (
              <p id={errorId} className="iamport-error" role="alert">
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
 *
 * @example
 * renderPayMethods(form.register, ['card', 'trans'], messages)
 */
export function renderPayMethods(
  register: UseFormRegister<{ pay_method: PayMethod }>,
  methods: readonly PayMethod[],
  messages: FieldMessages,
  className?: string,
) {
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
