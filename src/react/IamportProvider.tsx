'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { createIamportRuntime, type IamportRuntimeOptions } from '../core/runtime';
import { IamportContext, type IamportContextValue, type IamportLocale } from './context';
import { validateProviderProps } from './validate-provider-props';

/**
 * Props of {@link IamportProvider}.
 *
 * @example
 * const props: IamportProviderProps = { merchantCode: 'imp00000000', pg: 'jtnet', redirectUrl: 'https://shop.example/payments/complete' }
 */
export interface IamportProviderProps extends IamportRuntimeOptions {
  /**
   * Use this SDK instead of loading the script: an `Iamport` object (ready at once) or a promise
   * of one (the sandbox, a test double). Read once on mount, like `scriptUrl`, `nonce` and
   * `timeoutMs`; remount with a `key` to switch.
   */
  sdk?: IamportRuntimeOptions['sdk'];
  /** Language of the kit's messages (default `'ko'`). */
  locale?: IamportLocale;
  children?: ReactNode;
}

/**
 * Gives the hooks an SDK runtime (`createIamportRuntime`): the SDK is loaded only when a
 * request hook or component needs it (a landing page downloads none), initialised once
 * (`IMP.init` or `IMP.agency`; StrictMode, remounts and several providers included), and every
 * request is filled from these defaults. Renders its children on the server without touching
 * `window`.
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
  const { merchantCode, tierCode, pg, redirectUrl, locale = 'ko', children } = props;
  const [runtime] = useState(() => createIamportRuntime(props));
  // Request defaults are plain data read when a request starts: always this render's props
  // (`sdk`, `scriptUrl`, `nonce`, `timeoutMs` only matter for the first load). New merchant
  // codes initialise a ready SDK again (idempotent: initOnce remembers codes per SDK object).
  runtime.configure(props);
  const value = useMemo<IamportContextValue>(
    () => ({ runtime, settings: { merchantCode, tierCode, pg, redirectUrl, locale } }),
    [runtime, merchantCode, tierCode, pg, redirectUrl, locale],
  );
  return <IamportContext.Provider value={value}>{children}</IamportContext.Provider>;
}
