import { EMAIL_PATTERN, isKoreanPhone, isKoreanPostcode } from '../core/validation/shapes';
import type { FieldMessages } from './messages';

/** Buyer fields the forms can show; each maps to the `buyer_*` request parameter. */
export type BuyerField = 'name' | 'email' | 'tel' | 'address' | 'postcode';

/** Form values of the buyer fields, named after the request parameters. */
export interface BuyerValues {
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
}

interface BuyerFieldSpec {
  key: keyof BuyerValues;
  label: keyof FieldMessages;
  autoComplete: string;
  type: 'text' | 'email' | 'tel';
  inputMode?: 'email' | 'tel' | 'numeric';
  check?: (value: string) => boolean;
  invalid?: keyof FieldMessages;
}

/** One spec per field: label, autocomplete token, keyboard and format rule. */
export const BUYER_FIELD_SPECS: Record<BuyerField, BuyerFieldSpec> = {
  name: { key: 'buyer_name', label: 'buyerName', autoComplete: 'name', type: 'text' },
  email: {
    key: 'buyer_email',
    label: 'buyerEmail',
    autoComplete: 'email',
    type: 'email',
    inputMode: 'email',
    check: (v) => EMAIL_PATTERN.test(v),
    invalid: 'invalidEmail',
  },
  tel: { key: 'buyer_tel', label: 'buyerTel', autoComplete: 'tel', type: 'tel', inputMode: 'tel', check: isKoreanPhone, invalid: 'invalidTel' },
  address: { key: 'buyer_addr', label: 'buyerAddr', autoComplete: 'street-address', type: 'text' },
  postcode: {
    key: 'buyer_postcode',
    label: 'buyerPostcode',
    autoComplete: 'postal-code',
    type: 'text',
    inputMode: 'numeric',
    check: isKoreanPostcode,
    invalid: 'invalidPostcode',
  },
};

/** Which buyer fields show and which are required. */
export interface BuyerFieldsConfig {
  fields?: readonly BuyerField[];
  required?: readonly BuyerField[];
}

export const DEFAULT_BUYER_FIELDS: readonly BuyerField[] = ['name', 'email', 'tel'];

/**
 * The error message for one buyer field value, or `undefined` when it is valid. The same rule
 * serves react-hook-form's `validate` and the forms' synchronous pre-submit check.
 *
 * @example
 * buyerFieldError('tel', '1234', true, MESSAGES.en) // 'Enter a Korean phone number like 010-1234-5678.'
 */
export function buyerFieldError(field: BuyerField, value: unknown, required: boolean, messages: FieldMessages): string | undefined {
  const spec = BUYER_FIELD_SPECS[field];
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return required ? messages.required : undefined;
  return spec.check && !spec.check(text) ? (messages[spec.invalid!] as string) : undefined;
}

/** Resolve the visible and required field lists (required ⊆ visible; default: all visible are required). */
export function resolveBuyerFields(
  fields: readonly BuyerField[] = DEFAULT_BUYER_FIELDS,
  required?: readonly BuyerField[],
): [fields: readonly BuyerField[], required: BuyerField[]] {
  return [fields, (required ?? fields).filter((field) => fields.includes(field))];
}
