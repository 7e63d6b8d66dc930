import type { FormEvent, ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { IamportError } from '../core/errors';
import type { PaymentOutcome } from '../core/outcome';
import { cx } from '../utils/cx';
import { BuyerFields } from './BuyerFields';
import { BUYER_FIELD_SPECS, buyerFieldError, resolveBuyerFields, type BuyerFieldsConfig, type BuyerValues } from './buyer-rules';
import type { IamportMessages } from './messages';
import { PaymentNotice } from './PaymentNotice';
import { SubmitButton } from './SubmitButton';

/** What a form's request machine exposes to the shell. */
interface Machine {
  isPending: boolean;
  outcome: PaymentOutcome | null;
  error: IamportError | null;
}

/**
 * @internal The shared body of PaymentForm and BillingKeyForm: buyer fields, extra fields,
 * submit button and notices. Buyer fields are checked synchronously with the same rules the
 * inputs register, so `request_pay` runs in the submit's task (no await before it).
 */
export function FormShell<V extends FieldValues & BuyerValues>({ form, buyer, machine, submit, label, messages, className, children }: {
  form: UseFormReturn<V>;
  buyer: BuyerFieldsConfig;
  machine: Machine;
  submit(values: V, buyer: BuyerValues): Promise<unknown>;
  label: ReactNode;
  messages: IamportMessages;
  className?: string;
  children?: ReactNode;
}) {
  const { fields, required } = resolveBuyerFields(buyer);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (machine.isPending) return;
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
    // Kit errors (invalid params, SDK failure) are shown from the hook's state.
    submit(values, buyerValues).catch(() => undefined);
  };
  return (
    <FormProvider {...form}>
      <form className={cx('iamport-form', className)} noValidate onSubmit={onSubmit} aria-busy={machine.isPending}>
        <BuyerFields fields={fields} required={required} messages={messages} />
        {children}
        <SubmitButton pending={machine.isPending} label={label} messages={messages} />
        <PaymentNotice outcome={machine.outcome} error={machine.error} messages={messages} />
      </form>
    </FormProvider>
  );
}
