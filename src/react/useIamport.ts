'use client';

import { useEffect, useMemo } from 'react';
import { useIamportContext, useSdkState, type UseIamportResult } from './context';

/**
 * The SDK's load state from the nearest {@link IamportProvider}, plus its settings; asking
 * for it starts loading the SDK. Narrow on `status`: `'ready'` has `sdk`, `'error'` has
 * `error` and `retry()` loads again. `'idle'` lasts until the first commit.
 *
 * @example
 * const iamport = useIamport()
 * if (iamport.status === 'error') return <button onClick={iamport.retry}>{iamport.error.message} — retry</button>
 * return <button disabled={iamport.status !== 'ready'}>Pay</button>
 */
export function useIamport(): UseIamportResult {
  const { runtime, settings } = useIamportContext('useIamport');
  // Loading starts after the commit, never on the server; a landing page (no request) downloads nothing.
  useEffect(() => void runtime.load(), [runtime]);
  const state = useSdkState(runtime);
  return useMemo((): UseIamportResult => ({ ...state, ...settings, retry: runtime.retry }), [state, settings, runtime]);
}
