import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { IamportError, type Iamport } from '../../src/core';
import { IamportProvider, type IamportProviderProps, useBillingKey, useIamport, usePayment, useRedirectResult } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';
import { renderWithIamport } from '../support/render-with-iamport';

function Status() {
  const iamport = useIamport();
  return (
    <p>
      {iamport.status}
      {iamport.status === 'error' && (
        <button type="button" onClick={iamport.retry}>
          {iamport.error.code}
        </button>
      )}
    </p>
  );
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('IamportProvider', () => {
  it('under StrictMode, across remounts and a second provider, init runs once per SDK object and merchant code', async () => {
    const sdk = createFakeIamport();
    const tree = (
      <StrictMode>
        <IamportProvider merchantCode="imp00000000" sdk={sdk}>
          <Status />
        </IamportProvider>
      </StrictMode>
    );
    const first = render(tree);
    await screen.findByText('ready');
    first.unmount();
    render(tree);
    render(
      <IamportProvider merchantCode="imp00000000" sdk={sdk}>
        <Status />
      </IamportProvider>,
    );
    await waitFor(() => expect(screen.getAllByText('ready')).toHaveLength(2));
    expect(sdk.inits).toEqual(['imp00000000']);
  });

  it('initialises with IMP.agency(merchantCode, tierCode) when tierCode is given', async () => {
    const sdk = createFakeIamport();
    renderWithIamport(<Status />, { sdk, provider: { tierCode: 'A1B' }, reactStrictMode: true });
    await screen.findByText('ready');
    expect(sdk.inits).toEqual(['imp00000000/A1B']);
  });

  it('a changed merchantCode initialises again, without reloading', async () => {
    const sdk = createFakeIamport();
    const { rerender } = render(
      <IamportProvider merchantCode="imp00000000" sdk={sdk}>
        <Status />
      </IamportProvider>,
    );
    await screen.findByText('ready');
    rerender(
      <IamportProvider merchantCode="imp12345678" sdk={sdk}>
        <Status />
      </IamportProvider>,
    );
    await waitFor(() => expect(sdk.inits).toEqual(['imp00000000', 'imp12345678']));
  });

  it('waits for an sdk promise: loading → ready, with the provider settings exposed', async () => {
    const gate = deferred<Iamport>();
    const { result } = renderHook(() => useIamport(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <IamportProvider merchantCode="imp00000000" sdk={gate.promise} pg="jtnet.tpay_001" redirectUrl="https://shop.example/done">
          {children}
        </IamportProvider>
      ),
    });
    expect(result.current).toMatchObject({
      status: 'loading',
      sdk: null,
      error: null,
      locale: 'ko',
      pg: 'jtnet.tpay_001',
      redirectUrl: 'https://shop.example/done',
    });
    const sdk = createFakeIamport();
    await act(async () => gate.resolve(sdk));
    expect(result.current.status).toBe('ready');
    expect(result.current.sdk).toBe(sdk);
  });

  it('a failed load shows status error with an IamportError; retry() loads again', async () => {
    // jsdom never runs the CDN script, so the loader times out; then the SDK "appears".
    render(
      <IamportProvider merchantCode="imp00000000" timeoutMs={30}>
        <Status />
      </IamportProvider>,
    );
    expect(screen.getByText('loading').textContent).toBe('loading');
    const retry = await screen.findByRole('button', { name: 'SDK_TIMEOUT' });
    const sdk = createFakeIamport();
    window.IMP = sdk;
    await act(async () => retry.click());
    await screen.findByText('ready');
    expect(sdk.inits).toEqual(['imp00000000']);
  });

  it('an sdk promise that rejects with a plain Error becomes IamportError SDK_LOAD_FAILED', async () => {
    const { result } = renderHook(() => useIamport(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <IamportProvider merchantCode="imp00000000" sdk={Promise.reject(new Error('network down'))}>
          {children}
        </IamportProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(IamportError);
    expect(result.current.error).toMatchObject({ code: 'SDK_LOAD_FAILED', message: expect.stringContaining('network down') });
  });

  it.each<[props: Record<string, string>, field: string, message: RegExp]>([
    [{ merchantCode: 'imp123' }, 'merchantCode', /"imp" \+ 8 digits.*got "imp123"/],
    [{ merchantCode: 'imp00000000', tierCode: 'TOOLONG' }, 'tierCode', /3-character agency tier code/],
    [{ merchantCode: 'imp00000000', redirectUrl: '/payments/complete' }, 'redirectUrl', /absolute http\(s\) URL.*got "\/payments\/complete"/],
    [{ merchantCode: 'imp00000000', locale: 'jp' }, 'locale', /"ko" or "en"/],
  ])('rejects bad props early with a message naming the prop: %o', (props, field, message) => {
    const error = captureRenderError(<IamportProvider {...(props as unknown as IamportProviderProps)} sdk={createFakeIamport()} />);
    expect(error).toBeInstanceOf(IamportError);
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field });
    expect((error as Error).message).toContain(`<IamportProvider ${field}>`);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['useIamport', () => useIamport()],
    ['usePayment', () => usePayment()],
    ['useBillingKey', () => useBillingKey()],
    ['useRedirectResult', () => useRedirectResult()],
  ])('%s outside the provider throws MISSING_PROVIDER saying what to wrap', (hook, useHook) => {
    const error = captureRenderError(<Probe use={useHook} />);
    expect(error).toMatchObject({ code: 'MISSING_PROVIDER' });
    expect((error as Error).message).toBe(
      `Could not find IamportProvider context; wrap the component that calls ${hook}() in <IamportProvider merchantCode="imp…">.`,
    );
  });
});

function Probe({ use }: { use: () => unknown }) {
  use();
  return null;
}

/** Render and return what was thrown during render (React 19 rethrows it without logging; the console guard would fail the test if it did). */
function captureRenderError(ui: ReactNode): unknown {
  try {
    render(ui);
  } catch (error) {
    return error;
  }
  throw new Error('expected the render to throw');
}
