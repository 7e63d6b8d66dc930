import { createContext, useContext } from 'react';
import { IamportError } from '../core/errors';
import { DEV } from '../utils/dev';
import type { Iamport } from '../core/types';
import type { startRequest } from './payment-runtime';

/**
 * Language of the kit's messages and of the payment window.
 *
 * @example
 * <IamportProvider merchantCode="imp00000000" locale="en">…</IamportProvider>
 */
export type IamportLocale = 'ko' | 'en';

/**
 * Where the SDK is: still loading, ready (initialised), or failed to load.
 *
 * @example
 * const state: IamportLoadState = useIamport()
 * if (state.status === 'ready') state.sdk.request_pay(params, callback)
 */
export type IamportLoadState =
  | { status: 'loading'; sdk: null; error: null }
  | { status: 'ready'; sdk: Iamport; error: null }
  | { status: 'error'; sdk: null; error: IamportError };

/**
 * The provider's settings that hooks and components fill requests from.
 *
 * @example
 * const { pg, redirectUrl, locale }: IamportSettings = useIamport()
 */
export interface IamportSettings {
  merchantCode: string;
  tierCode?: string;
  /** Default `pg` for requests that set none, e.g. `'jtnet'` or `'jtnet.{MID}'`. */
  pg?: string;
  /** Default `m_redirect_url` (absolute) for requests that set none. */
  redirectUrl?: string;
  locale: IamportLocale;
}

/**
 * What {@link useIamport} returns: the load state (narrow on `status`), the provider's
 * settings, and `retry()` to load again after an error.
 *
 * @example
 * const iamport: UseIamportResult = useIamport()
 * if (iamport.status === 'error') iamport.retry()
 */
export type UseIamportResult = IamportLoadState & IamportSettings & { retry(): void };

/** @internal The SDK plus the lazily loaded request runtime. */
export interface ReadyRuntime {
  sdk: Iamport;
  start: typeof startRequest;
}

/** @internal What the provider shares with the hooks. */
export interface IamportContextValue {
  result: UseIamportResult;
  /**
   * The initialised SDK and the payment runtime now (same task, for popup blockers), or a
   * promise of them while they load.
   */
  getSdk(): ReadyRuntime | Promise<ReadyRuntime>;
}

/** @internal */
export const IamportContext = createContext<IamportContextValue | null>(null);

/**
 * @internal Read the provider or throw an error that names the hook and says what to wrap.
 *
 * @example
 * const { getSdk } = useIamportContext('usePayment')
 */
export function useIamportContext(hook: string): IamportContextValue {
  const value = useContext(IamportContext);
  if (!value) {
    throw new IamportError(
      'MISSING_PROVIDER',
      DEV ? `Could not find IamportProvider context; wrap the component that calls ${hook}() in <IamportProvider merchantCode="imp…">.` : `Could not find IamportProvider context (${hook})`,
    );
  }
  return value;
}
