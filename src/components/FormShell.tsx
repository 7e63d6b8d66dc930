import { useId, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldErrors, type FieldValues, type UseFormRegister, type UseFormReturn } from 'react-hook-form';
import { cx } from '../utils/cx';
import { renderBuyerFields } from './BuyerFields';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
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
  /** The form component's own props: which buyer fields, its class. */
  { buyerFields, requiredBuyerFields, className }: { buyerFields?: BuyerFieldsConfig['fields']; requiredBuyerFields?: BuyerFieldsConfig['required']; className?: string },
  { busy, controls }: ReturnType<typeof useRequestControls>,
  /** The field messages (the form's overrides included). */
  messages: FieldMessages,
  /** Starts the request (fire-and-forget: kit errors are shown from the hook's state). */
  submit: (values: V, buyer: BuyerValues) => void,
  /** The form's own extra fields (rendered with `form` directly). */
  own: ReactNode,
  /** Fields that read the form from context (`useFormContext`): the merchant's children, the issuer choice. */
  children?: ReactNode,
) {
  const { fields, required } = resolveBuyerFields({ fields: buyerFields, required: requiredBuyerFields });
  const id = useId();
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
    <form className={cx('iamport-form', className)} noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      {renderBuyerFields({ register: form.register as unknown as UseFormRegister<BuyerValues>, errors: form.formState.errors as FieldErrors<BuyerValues>, id, fields, required, messages })}
      {own}
      {/* The context only where something reads it: the default checkout mounts without it. */}
      {children && <FormProvider {...form}>{children}</FormProvider>}
      {controls}
    </form>
  );
}
