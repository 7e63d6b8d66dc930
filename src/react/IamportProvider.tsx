import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadIamport } from '../core/loader';
import type { Iamport } from '../core/types';
import { toIamportError } from '../utils/to-iamport-error';
import { IamportContext, type IamportLoadState, type IamportLocale, type IamportContextValue, type UseIamportResult } from './context';
import { initOnce } from './init-once';
import { validateProviderProps } from './validate-provider-props';

/**
 * Props of {@link IamportProvider}.
 *
 * @example
 * const props: IamportProviderProps = { merchantCode: 'imp00000000', pg: 'jtnet', redirectUrl: 'https://shop.example/payments/complete' }
 */
export interface IamportProviderProps {
  /** Your 가맹점 식별코드: `imp` + 8 digits (`imp00000000` in the sandbox). */
  merchantCode: string;
  /** Agency tier code (3 characters): initialises with `IMP.agency(merchantCode, tierCode)`. */
  tierCode?: string;
  /** Default `pg` for requests, e.g. `'jtnet'` or `'jtnet.{MID}'`. */
  pg?: string;
  /** Default `m_redirect_url` (absolute URL of your mobile landing page). */
  redirectUrl?: string;
  /**
   * Use this SDK instead of loading the script: an `Iamport` object or a promise of one
   * (the sandbox, a test double). Read once on mount; remount with a `key` to switch.
   */
  sdk?: Iamport | Promise<Iamport>;
  /** SDK script URL (default: the official CDN). */
  scriptUrl?: string;
  /** CSP nonce for the injected script tag. */
  nonce?: string;
  /** Give up loading after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Language of the kit's messages (default `'ko'`). */
  locale?: IamportLocale;
  children?: ReactNode;
}

const LOADING: IamportLoadState = { status: 'loading', sdk: null, error: null };

/**
 * Loads the i'mport SDK once, initialises it once (`IMP.init` or `IMP.agency`, StrictMode and
 * remounts included) and gives the hooks its state and defaults. Renders its children on the
 * server without touching `window` (status stays `'loading'` there).
 *
 * @example
 * <IamportProvider merchantCode="imp00000000" pg="jtnet" redirectUrl="https://shop.example/payments/complete">
 *   <Checkout />
 * </IamportProvider>
 *
 * @example
 * // offline, with the sandbox
 * const sandbox = createSandboxIamport()
 * <IamportProvider merchantCode="imp00000000" sdk={sandbox}><Checkout /></IamportProvider>
 */
export function IamportProvider(props: IamportProviderProps) {
  validateProviderProps(props);
  const { merchantCode, tierCode, pg, redirectUrl, scriptUrl, nonce, timeoutMs, locale = 'ko', children } = props;
  const [state, setState] = useState(LOADING);
  const [attempt, setAttempt] = useState(0);
  const injected = useRef(props.sdk);
  // The latest state and the requests waiting for it, read synchronously by getSdk().
  const live = useRef({ state, waiters: new Set<(next: IamportLoadState) => void>() });

  useEffect(() => {
    let active = true;
    const settle = (next: IamportLoadState) => {
      if (!active) return;
      live.current.state = next;
      setState(next);
      live.current.waiters.forEach((wake) => wake(next));
      live.current.waiters.clear();
    };
    // loadIamport resolves null only on the server, where effects never run.
    Promise.resolve(injected.current ?? (loadIamport({ scriptUrl, nonce, timeoutMs }) as Promise<Iamport>))
      .then((sdk) => {
        initOnce(sdk, merchantCode, tierCode);
        settle({ status: 'ready', sdk, error: null });
      })
      .catch((cause: unknown) => settle({ status: 'error', sdk: null, error: toIamportError(cause, 'SDK_LOAD_FAILED', 'Could not get the i\'mport SDK') }));
    return () => {
      active = false;
    };
  }, [merchantCode, tierCode, scriptUrl, nonce, timeoutMs, attempt]);

  const retry = useCallback(() => {
    if (live.current.state.status !== 'error') return;
    live.current.state = LOADING;
    setState(LOADING);
    setAttempt((count) => count + 1);
  }, []);

  const getSdk = useCallback((): Iamport | Promise<Iamport> => {
    const { state: now, waiters } = live.current;
    if (now.sdk) return now.sdk;
    if (now.error) return Promise.reject(now.error);
    return new Promise((resolve, reject) => waiters.add((next) => (next.sdk ? resolve(next.sdk) : reject(next.error))));
  }, []);

  const value = useMemo<IamportContextValue>(
    () => ({ getSdk, result: { ...state, retry, merchantCode, tierCode, pg, redirectUrl, locale } as UseIamportResult }),
    [state, getSdk, retry, merchantCode, tierCode, pg, redirectUrl, locale],
  );
  return <IamportContext.Provider value={value}>{children}</IamportContext.Provider>;
}
