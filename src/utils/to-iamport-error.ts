import { IamportError, type IamportErrorCode } from '../core/errors';

/**
 * Keep kit errors as they are; wrap anything else (a rejected `sdk` promise, an SDK exception)
 * in an `IamportError` of the given code, with the original as `cause`.
 *
 * @example
 * promise.catch((cause) => setError(toIamportError(cause, 'SDK_LOAD_FAILED', 'The sdk prop rejected')))
 */
export function toIamportError(cause: unknown, code: IamportErrorCode, context: string): IamportError {
  return cause instanceof IamportError ? cause : new IamportError(code, `${context}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}
