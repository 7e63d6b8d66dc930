'use client';

import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { REDIRECT_PARAMS, parseRedirectResult, redirectQuery, type RedirectSearchParams } from '../core/redirect';
import { recallRequest, type RememberedRequest } from '../core/remembered-request';
import { useIamportContext } from './context';

/**
 * Options of {@link useRedirectResult}.
 *
 * @example
 * useRedirectResult({ searchParams: await props.searchParams, cleanUrl: true })
 */
export interface UseRedirectResultOptions {
  /** The landing URL to read (default: `location.href`, once, in the browser). Pass it to render the result on the server. */
  url?: string | URL;
  /**
   * The landing page's query as an object, e.g. Next.js's awaited `searchParams` page prop
   * (or `URLSearchParams`): the same as `url`, for frameworks that hand you the query. `url` wins when both are given.
   */
  searchParams?: RedirectSearchParams | URLSearchParams;
  /** Remove the payment query parameters from the address bar (`history.replaceState`), keeping the others and the hash. */
  cleanUrl?: boolean;
}

/**
 * What the payment window sent to `m_redirect_url`. Never proof of payment: `verified` is
 * always `false`; confirm `impUid` on your server before you say "paid".
 *
 * @example
 * const result: RedirectResult = useRedirectResult()
 * if (result.status === 'succeeded' && result.known) await verifyOnServer(result.impUid)
 */
export interface RedirectResult {
  /**
   * `'pending'` while the URL cannot be read yet: on the server and in the hydration render when
   * no `url` / `searchParams` was given (render a neutral "checking…" state); `'none'` when the
   * URL carries no payment result.
   */
  status: 'pending' | 'none' | 'succeeded' | 'failed' | 'cancelled';
  impUid: string | null;
  merchantUid: string | null;
  /** From the remembered request; `null` when this tab never sent `merchantUid` (or before hydration). */
  kind: RememberedRequest['kind'] | null;
  /** `error_code` for failures and cancellations. */
  code: string | null;
  /** `error_msg` (plain text from the URL: render it as text, never as HTML). */
  message: string | null;
  /**
   * The request this tab remembered before opening the window; `null` when none, and on the
   * server and in the hydration render (only the browser tab has it).
   */
  remembered: RememberedRequest | null;
  /**
   * `false` flags a result for a merchant_uid this tab never sent (treat it with suspicion), and
   * is `false` when there is no result. Only the browser tab can tell: on the server and in the
   * hydration render a result is not flagged, so a legitimate buyer never sees a warning flash.
   */
  known: boolean;
  verified: false;
}

const never = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * Read the mobile redirect result on the `m_redirect_url` page, once, and match it with the
 * request this tab remembered. SSR-safe: on the server (and while hydrating) the status is
 * `'pending'` unless you pass the `url` or the page's `searchParams`, which render the result
 * from the server's HTML on.
 *
 * @example
 * function PaymentComplete() {
 *   const result = useRedirectResult({ cleanUrl: true })
 *   if (result.status === 'pending') return <p role="status">Checking…</p>
 *   if (result.status === 'none') return <p>No payment to show.</p>
 *   if (result.status !== 'succeeded') return <p role="alert">{result.message}</p>
 *   return <VerifyOnServer impUid={result.impUid!} suspicious={!result.known} />
 * }
 */
export function useRedirectResult(options: UseRedirectResultOptions = {}): RedirectResult {
  useIamportContext('useRedirectResult');
  const { url, searchParams, cleanUrl } = options;
  // `false` on the server and in the hydration render, so both render the same; then `true`.
  const hydrated = useSyncExternalStore(never, inBrowser, onServer);
  const given = url !== undefined ? String(url) : searchParams !== undefined ? redirectQuery(searchParams) : undefined;
  const firstHref = useRef<string>(undefined);
  // The browser reads its own address only once, after hydration.
  const href = given ?? (hydrated ? (firstHref.current ??= location.href) : null);

  const result = useMemo((): RedirectResult => {
    const outcome = href === null ? null : parseRedirectResult(href);
    const remembered = outcome && hydrated ? recallRequest(outcome.merchantUid) : null;
    const failure = outcome && outcome.status !== 'succeeded' ? outcome : null;
    return {
      status: href === null ? 'pending' : (outcome?.status ?? 'none'),
      impUid: outcome?.impUid ?? null,
      merchantUid: outcome?.merchantUid || null,
      kind: remembered?.kind ?? null,
      code: failure?.code ?? null,
      message: failure?.message ?? null,
      remembered,
      known: outcome !== null && (!hydrated || remembered !== null),
      verified: false,
    };
  }, [href, hydrated]);

  useEffect(() => {
    if (!cleanUrl || result.status === 'none' || result.status === 'pending') return;
    const current = new URL(location.href);
    REDIRECT_PARAMS.forEach((name) => current.searchParams.delete(name));
    history.replaceState(history.state, '', current.href);
  }, [cleanUrl, result]);

  return result;
}
