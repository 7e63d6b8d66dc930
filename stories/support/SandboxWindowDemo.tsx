import { useEffect, useState } from 'react';
import type { RequestPayParams } from 'react-iamport-jtnet/core';
import { createSandboxIamport, SANDBOX_MERCHANT_CODE, type SandboxOptions } from 'react-iamport-jtnet/sandbox';

/** What the page can see of the SDK (reference §4): its dialog's display and classes, its frames. */
function readSdkDom(): string {
  const dialog = document.querySelector<HTMLElement>('div.imp-dialog');
  if (!dialog) return 'no div.imp-dialog';
  const frames = [...dialog.querySelectorAll('iframe.imp-frame')].map((frame) => `iframe.${[...frame.classList].join('.')}`);
  const body = document.body.classList.contains('imp-payment-progress') ? ' · body.imp-payment-progress' : '';
  return `div.${[...dialog.classList].join('.')} · display: ${getComputedStyle(dialog).display} · ${frames.join(', ') || 'no iframe'}${body}`;
}

/**
 * A tiny host for the sandbox: one button calls `IMP.request_pay`, another `IMP.close()`; the
 * callback response, the sandbox's event log and the SDK's page-side DOM are printed as text.
 */
export function SandboxWindowDemo({ params, sandbox }: { params: RequestPayParams; sandbox?: SandboxOptions }) {
  const [events, setEvents] = useState<string[]>([]);
  const [response, setResponse] = useState('');
  const [redirectedTo, setRedirectedTo] = useState('');
  const [sdkDom, setSdkDom] = useState('');
  const [imp] = useState(() =>
    createSandboxIamport({
      seed: 1,
      mode: 'callback',
      now: () => Date.UTC(2025, 0, 2, 3, 4, 5),
      navigate: setRedirectedTo,
      ...sandbox,
      onEvent: (event) => setEvents((list) => [...list, `${event.type}${event.detail ? ` — ${event.detail}` : ''}`]),
    }),
  );
  // init on mount, deinit on unmount (StrictMode's extra cycle re-inits).
  useEffect(() => {
    imp.init(SANDBOX_MERCHANT_CODE);
    return () => imp.deinit();
  }, [imp]);
  useEffect(() => {
    const observer = new MutationObserver(() => setSdkDom(readSdkDom()));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style'] });
    return () => observer.disconnect();
  }, []);

  return (
    <section style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', gap: 8, maxWidth: 560 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={() => imp.request_pay(params, (result) => setResponse(JSON.stringify(result, null, 2)))}>
          결제 요청 (Request payment)
        </button>
        <button type="button" onClick={() => imp.close()}>
          IMP.close()
        </button>
      </div>
      <h3 style={{ margin: 0 }}>Response</h3>
      <pre data-testid="response" style={{ background: '#f4f4f4', padding: 8, margin: 0, whiteSpace: 'pre-wrap' }}>
        {response || '—'}
      </pre>
      {redirectedTo && (
        <p>
          Redirected to: <code data-testid="redirect">{redirectedTo}</code>
        </p>
      )}
      <h3 style={{ margin: 0 }}>SDK in the page</h3>
      <code data-testid="sdk-dom" style={{ fontSize: 12 }}>
        {sdkDom || '—'}
      </code>
      <h3 style={{ margin: 0 }}>Events</h3>
      <ol data-testid="events" style={{ margin: 0 }}>
        {events.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
