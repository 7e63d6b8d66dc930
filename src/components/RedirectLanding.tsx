'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RedirectSearchParams } from '../core/redirect';
import { useRedirectResult, type RedirectResult } from '../react/useRedirectResult';
import { cx } from '../utils/cx';
import { useLatestRef } from '../utils/use-latest-ref';
import type { IamportMessages } from './messages';
import { useMessages } from './useMessages';

/** What your server said about the payment (e.g. the JSON of `createVerifyHandler`). */
export interface LandingVerification {
  verified: boolean;
  /** `'paid'`, or `'ready'` for a virtual account waiting for its deposit. */
  status?: string;
  reason?: string;
  [extra: string]: unknown;
}

/** Where the landing is: reading the URL or checking with your server (`verifying`), or done. */
export type LandingState =
  | { phase: 'verifying' }
  | { phase: 'verified'; verification: LandingVerification }
  | { phase: 'unverified'; verification: LandingVerification }
  | { phase: 'error'; error: unknown }
  | { phase: 'failed' }
  | { phase: 'none' };

export interface RedirectLandingProps {
  /** Ask YOUR server (never the browser) whether `impUid` is paid with the order's amount. */
  verify(result: RedirectResult): Promise<boolean | LandingVerification>;
  renderSuccess?(result: RedirectResult, verification: LandingVerification): ReactNode;
  renderFailure?(result: RedirectResult, state: LandingState): ReactNode;
  renderPending?(result: RedirectResult): ReactNode;
  /** Strip the result from the address bar after reading it (default true). */
  cleanUrl?: boolean;
  /**
   * The landing URL (default: the current location, read in the browser). Pass it, or
   * `searchParams`, to render the result on the server; without either the server renders the
   * pending state.
   */
  url?: string | URL;
  /** The page's query as an object: Next.js's awaited `searchParams` page prop (or `URLSearchParams`). */
  searchParams?: RedirectSearchParams | URLSearchParams;
  messages?: Partial<IamportMessages>;
  className?: string;
}

/**
 * The page `m_redirect_url` points at. Reads the result from the URL, asks your server to
 * verify it, and only then says "paid". Everything that came through the URL is rendered as
 * text. A failure or cancellation is shown straight away (nothing to verify). Server rendering
 * shows the pending state (or, given `url` / `searchParams`, the result), never a failure the
 * browser would take back.
 *
 * @example
 * <RedirectLanding
 *   verify={(result) => fetch('/api/payments/verify', { method: 'POST', body: JSON.stringify(result) }).then((r) => r.json())}
 *   renderSuccess={() => <a href="/orders">주문 내역 보기</a>}
 * />
 *
 * @example
 * // Next.js: app/payments/complete/landing.tsx ('use client'), rendered by page.tsx with
 * // <Landing searchParams={await searchParams} />
 * <RedirectLanding searchParams={searchParams} verify={verifyOnServer} />
 */
export function RedirectLanding({
  verify,
  renderSuccess,
  renderFailure,
  renderPending,
  cleanUrl = true,
  url,
  searchParams,
  messages: overrides,
  className,
}: RedirectLandingProps) {
  const result = useRedirectResult({ url, searchParams, cleanUrl });
  const messages = useMessages(overrides);
  const latestVerify = useLatestRef(verify);
  const [attempt, setAttempt] = useState(0);
  // Only the server's answer is state; everything else derives from the URL result, which
  // may change once after hydration (the server render sees no URL).
  const [answer, setAnswer] = useState<{ key: string; state: LandingState } | null>(null);
  const key = `${result.impUid}:${attempt}`;
  const state: LandingState =
    result.status === 'pending'
      ? { phase: 'verifying' }
      : result.status === 'none'
        ? { phase: 'none' }
        : result.status !== 'succeeded'
          ? { phase: 'failed' }
          : answer?.key === key
            ? answer.state
            : { phase: 'verifying' };
  const started = useRef('');

  useEffect(() => {
    // StrictMode runs effects twice and keeps refs: verify each attempt exactly once.
    if (result.status !== 'succeeded' || started.current === key) return;
    started.current = key;
    latestVerify.current(result).then(
      (reply) => {
        const verification = typeof reply === 'boolean' ? { verified: reply } : reply;
        setAnswer({ key, state: { phase: verification?.verified === true ? 'verified' : 'unverified', verification } });
      },
      (error: unknown) => setAnswer({ key, state: { phase: 'error', error } }),
    );
  }, [result, key, latestVerify]);

  let body: ReactNode;
  if (state.phase === 'verifying') {
    body = renderPending?.(result) ?? (
      <p role="status" className="iamport-notice">
        <span className="iamport-spinner" aria-hidden="true" /> {messages.verifying}
      </p>
    );
  } else if (state.phase === 'verified') {
    const ready = state.verification.status === 'ready';
    body = renderSuccess?.(result, state.verification) ?? (
      <p role="status" className="iamport-notice iamport-notice-success">
        {ready ? messages.vbankIssued : result.kind === 'billing' ? messages.billingKeyIssued : messages.paid}
      </p>
    );
  } else {
    const text =
      state.phase === 'none'
        ? messages.noResult
        : state.phase === 'unverified'
          ? messages.notVerified
          : state.phase === 'error'
            ? messages.verifyError
            : result.status === 'cancelled'
              ? messages.cancelled
              : messages.failed;
    body = renderFailure?.(result, state) ?? (
      <div role="alert" className={`iamport-notice iamport-notice-${result.status === 'cancelled' ? 'info' : 'error'}`}>
        <p>{text}</p>
        {state.phase === 'failed' && result.message && <p className="iamport-detail">{result.message}</p>}
        {!result.known && state.phase !== 'none' && <p className="iamport-detail">{messages.unknownOrder}</p>}
        {state.phase === 'error' && (
          <button type="button" className="iamport-button" onClick={() => setAttempt((n) => n + 1)}>
            {messages.retry}
          </button>
        )}
      </div>
    );
  }
  return (
    <section className={cx('iamport-landing', className)} aria-live="polite">
      {body}
    </section>
  );
}
