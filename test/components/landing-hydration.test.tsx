// The landing page rendered on a server (no URL, no sessionStorage), then hydrated in the
// browser: the hydration render matches the server's HTML exactly (no mismatch, no alert), and
// only then does the browser read its address and this tab's remembered request.
import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, RedirectLanding, type RedirectLandingProps } from '../../src/components';
import { rememberRequest } from '../../src/core';
import { IamportProvider } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';

const ko = MESSAGES.ko;
let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

/**
 * Server-render the landing, put the HTML in the page, note what it showed, then hydrate it
 * with the page at `address`. Fails on any hydration mismatch.
 */
async function serveThenHydrate(address: string, props: Omit<RedirectLandingProps, 'verify'> = {}, verify: RedirectLandingProps['verify'] = async () => true) {
  const sdk = createFakeIamport();
  const ui = (
    <IamportProvider merchantCode="imp00000000" sdk={sdk}>
      <RedirectLanding verify={verify} {...props} />
    </IamportProvider>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(ui);
  document.body.append(container);
  const serverHtml = container.innerHTML;
  window.history.replaceState(null, '', address);
  const mismatches: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, ui, { onRecoverableError: (error) => mismatches.push(error) });
  });
  expect(mismatches).toEqual([]);
  return { container, serverHtml };
}

describe('<RedirectLanding> hydration', () => {
  it('a prerendered landing (no URL on the server): pending in the HTML, then the failure from the address', async () => {
    const { container, serverHtml } = await serveThenHydrate(
      `/payments/complete?merchant_uid=order_1&imp_success=false&error_msg=${encodeURIComponent('한도 초과')}`,
      { cleanUrl: false },
    );
    expect(serverHtml).toContain(ko.verifying);
    expect(serverHtml).not.toContain('role="alert"');
    expect(container.querySelector('[role="alert"]')).toHaveTextContent(ko.failed);
    expect(container).toHaveTextContent('한도 초과');
  });

  it('a success from the address is verified after hydration, with the remembered request', async () => {
    rememberRequest({ merchantUid: 'order_2', kind: 'payment', amount: 1004, startedAt: 1 });
    const verify = vi.fn(async () => true);
    const { container } = await serveThenHydrate('/payments/complete?imp_uid=imp_2&merchant_uid=order_2&imp_success=true', {}, verify);
    expect(verify).toHaveBeenCalledOnce();
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ impUid: 'imp_2', known: true, kind: 'payment' }));
    expect(container.querySelector('[role="status"]')).toHaveTextContent(ko.paid);
    expect(window.location.search).toBe(''); // cleanUrl (default) after reading it
  });

  it('searchParams from the server: the same result on both sides; an order this tab never sent is flagged only after hydration', async () => {
    const searchParams = { imp_uid: 'imp_3', merchant_uid: 'order_forged', imp_success: 'false', error_msg: '결제 실패' };
    const { container, serverHtml } = await serveThenHydrate('/payments/complete?imp_uid=imp_3&merchant_uid=order_forged&imp_success=false', {
      searchParams,
      cleanUrl: false,
    });
    expect(serverHtml).toContain(ko.failed);
    expect(serverHtml).not.toContain(ko.unknownOrder);
    expect(container).toHaveTextContent(ko.unknownOrder);
  });

  it('a landing URL without any result says so, after hydration only', async () => {
    const { container, serverHtml } = await serveThenHydrate('/payments/complete?page=2');
    expect(serverHtml).not.toContain(ko.noResult);
    expect(container.querySelector('[role="alert"]')).toHaveTextContent(ko.noResult);
  });
});
