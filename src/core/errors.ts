/** Every error code the kit raises. */
export type IamportErrorCode =
  'SDK_LOAD_FAILED' | 'SDK_TIMEOUT' | 'SDK_MISSING' | 'SDK_NOT_READY' | 'SDK_ERROR' | 'INVALID_PARAMS' | 'PAYMENT_IN_PROGRESS' | 'MISSING_PROVIDER';

/** One problem found in request parameters. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `card.detail[1].card_code`. */
  field: string;
  message: string;
}

const BRAND = Symbol.for('react-iamport-jtnet.IamportError');

/**
 * The kit's error. `instanceof IamportError` works across realms and duplicated bundles
 * (it checks a brand, not the prototype chain).
 *
 * @example
 * try { await loadIamport() } catch (error) {
 *   if (error instanceof IamportError && error.code === 'SDK_TIMEOUT') showRetry()
 * }
 */
export class IamportError extends Error {
  declare readonly code: IamportErrorCode;
  /** The first offending field for `INVALID_PARAMS`. */
  declare readonly field?: string;
  /** Every problem found, for `INVALID_PARAMS`. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(code: IamportErrorCode, message: string, options: { cause?: unknown; field?: string; issues?: readonly ValidationIssue[] } = {}) {
    // Error reads only `cause` from the options; the rest is ours.
    super(message, options);
    Object.assign(this, { name: 'IamportError', code, field: options.field, issues: options.issues ?? [], [BRAND]: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check; the base class accepts any branded error.
    if (this !== IamportError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * Narrow an unknown value to an {@link IamportError}, optionally of one code.
 *
 * @example
 * if (isIamportError(error, 'INVALID_PARAMS')) console.log(error.field)
 */
export function isIamportError(value: unknown, code?: IamportErrorCode): value is IamportError {
  return value instanceof IamportError && (code === undefined || value.code === code);
}
