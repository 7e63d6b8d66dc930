import { createContext, useContext, useSyncExternalStore } from 'react';
import { IamportError } from '../core/errors';
import type { IamportLoadState, IamportRuntime } from '../core/runtime';
import { DEV } from '../utils/dev';

/**
 * Language of the kit's messages and of the payment window.
 *
 * @example
 * <IamportProvider merchantCode="imp00000000" locale="en">…</IamportProvider>
 */
export type IamportLocale = 'ko' | 'en';

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

/** @internal What the provider shares with the hooks: its runtime and settings. */
export interface IamportContextValue {
  runtime: IamportRuntime;
  settings: IamportSettings;
}

/** @internal */
export const IamportContext = createContext<IamportContextValue | null>(null);

/**
 * @internal Read the provider or throw an error that names the hook and says what to wrap.
 *
 * @example
 * const { runtime } = useIamportContext('usePayment')
 */
export function useIamportContext(hook: string): IamportContextValue {
  const value = useContext(IamportContext);
  if (!value) {
    throw new IamportError(
      'MISSING_PROVIDER',
      DEV
        ? `Could not find IamportProvider context; wrap the component that calls ${hook}() in <IamportProvider merchantCode="imp…">.`
        : `Could not find IamportProvider context (${hook})`,
    );
  }
  return value;
}

const LOADING: IamportLoadState = { status: 'loading', sdk: null, error: null };
const serverSnapshot = () => LOADING;

/**
 * @internal The runtime's load state (the server and hydration render `'loading'`). Reading it
 * does not load the SDK (`useIamport` asks for it after the commit; request hooks when they subscribe).
 *
 * @example
 * const state = useSdkState(runtime)
 */
export function useSdkState(runtime: IamportRuntime): IamportLoadState {
  return useSyncExternalStore(runtime.subscribe, runtime.getSnapshot, serverSnapshot);
}
