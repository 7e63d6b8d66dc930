import type { Iamport } from './types';

/** What each SDK object was initialised with; survives remounts, StrictMode and providers. */
const initialised = new WeakMap<Iamport, string>();

/**
 * Call `IMP.init(merchantCode)` or `IMP.agency(merchantCode, tierCode)` unless this very SDK
 * object was already initialised with the same codes.
 *
 * @example
 * initOnce(window.IMP!, 'imp00000000') // init runs
 * initOnce(window.IMP!, 'imp00000000') // no-op
 */
export function initOnce(sdk: Iamport, merchantCode: string, tierCode?: string): void {
  const key = `${merchantCode}/${tierCode ?? ''}`;
  if (initialised.get(sdk) === key) return;
  if (tierCode) sdk.agency(merchantCode, tierCode);
  else sdk.init(merchantCode);
  initialised.set(sdk, key);
}
