'use client';

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadIamport } from '../core/loader';
import { IamportError } from '../core/errors';
import type { Iamport } from '../core/types';
import { IamportContext, type IamportLoadState, type IamportLocale, type IamportContextValue, type ReadyRuntime, type UseIamportResult } from './context';
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
  // Prop mistakes are caught in development; production bundles leave the checks out.
  if (process.env.NODE_ENV !== 'production') validateProviderProps(props);
  const { merchantCode, tierCode, pg, redirectUrl, scriptUrl, nonce, timeoutMs, locale = 'ko', children } = props;
  const [state, setState] = useState(LOADING);
  const [attempt, setAttempt] = useState(0);
  const injected = useRef(props.sdk);
  // This attempt's load, and its result once there: getSdk() answers synchronously when ready.
  const load = useRef<{ promise?: Promise<ReadyRuntime>; ready?: ReadyRuntime; failed?: boolean }>({});

  useEffect(() => {
    let active = true;
    // loadIamport resolves null only on the server, where effects never run. The request
    // runtime (validation, ids, request_pay) loads alongside the SDK, off the first render.
    const current: (typeof load)['current'] = (load.current = {});
    current.promise = Promise.all([injected.current ?? (loadIamport({ scriptUrl, nonce, timeoutMs }) as Promise<Iamport>), import('./payment-runtime')]).then(
      ([sdk, runtime]) => {
        runtime.initOnce(sdk, merchantCode, tierCode);
        return (current.ready = { sdk, start: runtime.startRequest });
      },
      (cause: unknown) => {
        current.failed = true;
        // A rejected `sdk` promise may hold anything: keep kit errors, wrap the rest.
        throw cause instanceof IamportError ? cause : new IamportError('SDK_LOAD_FAILED', `i'mport SDK failed: ${(cause as Error)?.message ?? cause}`, { cause });
      },
    );
    current.promise.then(
      ({ sdk }) => active && setState({ status: 'ready', sdk, error: null }),
      (error: IamportError) => active && setState({ status: 'error', sdk: null, error }),
    );
    return () => {
      active = false;
    };
  }, [merchantCode, tierCode, scriptUrl, nonce, timeoutMs, attempt]);

  // Stable for the provider's lifetime: consumers may keep them in effects and callbacks.
  const [stable] = useState(() => ({
    retry() {
      if (!load.current.failed) return;
      setState(LOADING);
      setAttempt((count) => count + 1);
    },
    getSdk: (): ReadyRuntime | Promise<ReadyRuntime> => load.current.ready ?? load.current.promise!,
  }));

  const value = useMemo<IamportContextValue>(
    () => ({ getSdk: stable.getSdk, result: { ...state, retry: stable.retry, merchantCode, tierCode, pg, redirectUrl, locale } as UseIamportResult }),
    [state, merchantCode, tierCode, pg, redirectUrl, locale],
  );
  return <IamportContext.Provider value={value}>{children}</IamportContext.Provider>;
}
