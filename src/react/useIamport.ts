'use client';

import { useIamportContext, type UseIamportResult } from './context';

/**
 * The SDK's load state from the nearest {@link IamportProvider}, plus its settings.
 * Narrow on `status`: `'ready'` has `sdk`, `'error'` has `error` and `retry()` loads again.
 *
 * @example
 * const iamport = useIamport()
 * if (iamport.status === 'error') return <button onClick={iamport.retry}>{iamport.error.message} — retry</button>
 * return <button disabled={iamport.status !== 'ready'}>Pay</button>
 */
export function useIamport(): UseIamportResult {
  return useIamportContext('useIamport').result;
}
