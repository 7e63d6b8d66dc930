import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { REDIRECT_PARAMS, parseRedirectResult } from '../core/redirect';
import { recallRequest, type RememberedRequest } from '../core/remembered-request';
import { useIamportContext } from './context';

/**
 * Options of {@link useRedirectResult}.
 *
 * @example
 * useRedirectResult({ url: requestUrl, cleanUrl: true })
 */
export interface UseRedirectResultOptions {
  /** The landing URL to read (default: `location.href` once, on the client). Pass it for SSR. */
  url?: string;
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
  /** `'none'` when the URL carries no payment result. */
  status: 'none' | 'succeeded' | 'failed' | 'cancelled';
  impUid: string | null;
  merchantUid: string | null;
  /** From the remembered request; `null` when this tab never sent `merchantUid`. */
  kind: RememberedRequest['kind'] | null;
  /** `error_code` for failures and cancellations. */
  code: string | null;
  /** `error_msg` (plain text from the URL: render it as text, never as HTML). */
  message: string | null;
  /** The request this tab remembered before opening the window, or `null`. */
  remembered: RememberedRequest | null;
  /** `false` when a result came back for a merchant_uid this tab never sent (treat with suspicion). */
  known: boolean;
  verified: false;
}

const never = () => () => {};

/**
 * Read the mobile redirect result on the `m_redirect_url` page, once, and match it with the
 * request this tab remembered. SSR-safe: `'none'` on the server unless `url` is given.
 *
 * @example
 * function PaymentComplete() {
 *   const result = useRedirectResult({ cleanUrl: true })
 *   if (result.status === 'none') return <p>No payment to show.</p>
 *   if (result.status !== 'succeeded') return <p role="alert">{result.message}</p>
 *   return <VerifyOnServer impUid={result.impUid!} suspicious={!result.known} />
 * }
 */
export function useRedirectResult(options: UseRedirectResultOptions = {}): RedirectResult {
  useIamportContext('useRedirectResult');
  const { url, cleanUrl } = options;
  const firstHref = useRef<string>(undefined);
  // The server snapshot keeps hydration consistent; the client reads its URL only once.
  const href = useSyncExternalStore(never, () => url ?? (firstHref.current ??= location.href), () => url ?? null);

  const result = useMemo((): RedirectResult => {
    const outcome = href ? parseRedirectResult(href) : null;
    const remembered = outcome ? recallRequest(outcome.merchantUid) : null;
    const failure = outcome && outcome.status !== 'succeeded' ? outcome : null;
    return {
      status: outcome?.status ?? 'none',
      impUid: outcome?.impUid ?? null,
      merchantUid: outcome?.merchantUid || null,
      kind: remembered?.kind ?? null,
      code: failure?.code ?? null,
      message: failure?.message ?? null,
      remembered,
      known: remembered !== null,
      verified: false,
    };
  }, [href]);

  useEffect(() => {
    if (!cleanUrl || result.status === 'none') return;
    const current = new URL(location.href);
    REDIRECT_PARAMS.forEach((name) => current.searchParams.delete(name));
    history.replaceState(history.state, '', current.href);
  }, [cleanUrl, result]);

  return result;
}
