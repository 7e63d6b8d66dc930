import { useEffect, type JSXElementConstructor, type ReactElement, type ReactNode } from 'react';
import { SANDBOX_MERCHANT_CODE } from '../sandbox/engine/fixtures';
import { IamportProvider, type IamportProviderProps } from '../react/IamportProvider';
import type { Iamport } from '../core/types';
import { createFakeIamport, isFakeIamport, type FakeIamport } from './fake-iamport';

type Wrapper = JSXElementConstructor<{ children: ReactNode }>;

/**
 * Options of {@link renderWithIamport}: your Testing Library `render`, the SDK, the provider's
 * props, and whatever else your `render` takes (`reactStrictMode`, `container`, …).
 *
 * @example
 * import { render } from '@testing-library/react'
 * const options: RenderWithIamportOptions<Parameters<typeof render>[1], ReturnType<typeof render>> = { render, provider: { windowTimeoutMs: 100 } }
 */
export type RenderWithIamportOptions<RenderOptions, Result, S extends Iamport | Promise<Iamport> = FakeIamport> = {
  /** `render` from `@testing-library/react` (React 18 or 19), or anything with its shape. */
  render: (ui: ReactElement, options?: RenderOptions) => Result;
  /** The SDK the provider uses: default a fresh {@link createFakeIamport} (manual answers); or the sandbox, or a promise. */
  sdk?: S;
  /** `<IamportProvider>` props (`merchantCode` defaults to the sandbox's `imp00000000`). */
  provider?: Partial<Omit<IamportProviderProps, 'sdk' | 'children'>>;
  /** Your own providers (router, query client, …), rendered inside `<IamportProvider>`. */
  wrapper?: Wrapper;
} & Omit<NonNullable<RenderOptions>, 'wrapper'>;

/** Takes a fake's drawing out of the page when the tree unmounts (Testing Library's cleanup after each test). */
function RemoveFakeOnUnmount({ sdk }: { sdk: unknown }) {
  useEffect(() => () => (isFakeIamport(sdk) ? sdk.destroy() : undefined), [sdk]);
  return null;
}

/**
 * Render a tree inside `<IamportProvider>` with a test SDK, through YOUR Testing Library
 * `render` (no dependency on a test framework or on `@testing-library/react` here): returns what
 * your `render` returns, plus `sdk`. Works with React 18 and 19. A {@link FakeIamport}'s
 * `div.imp-dialog` is removed when the tree unmounts, so one test's window never shows in the next.
 *
 * @example
 * import { render, screen } from '@testing-library/react'
 * import { renderWithIamport } from 'react-iamport-jtnet/testing'
 *
 * const { sdk } = renderWithIamport(<Checkout />, { render, provider: { windowTimeoutMs: 100 } })
 * sdk.willApprove()
 * await user.click(screen.getByRole('button', { name: '결제하기' }))
 */
export function renderWithIamport<RenderOptions, Result, S extends Iamport | Promise<Iamport> = FakeIamport>(
  ui: ReactElement,
  options: RenderWithIamportOptions<RenderOptions, Result, S>,
): Result & { sdk: S } {
  const { render, sdk = createFakeIamport() as Iamport as S, provider, wrapper: Inner, ...renderOptions } = options;
  if (typeof render !== 'function') {
    throw new TypeError("renderWithIamport(ui, { render }): pass your Testing Library render, e.g. import { render } from '@testing-library/react'.");
  }
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <IamportProvider merchantCode={SANDBOX_MERCHANT_CODE} {...provider} sdk={sdk}>
      <RemoveFakeOnUnmount sdk={sdk} />
      {Inner ? <Inner>{children}</Inner> : children}
    </IamportProvider>
  );
  return Object.assign(render(ui, { ...renderOptions, wrapper: Wrapper } as RenderOptions) as Result & object, { sdk });
}
