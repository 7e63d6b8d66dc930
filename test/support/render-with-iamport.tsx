import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { Iamport } from '../../src/core/types';
import { IamportProvider, type IamportProviderProps } from '../../src/react';
import { createFakeIamport, type FakeIamport } from './fake-iamport';

export interface RenderWithIamportOptions<S extends Iamport | Promise<Iamport>> extends Omit<RenderOptions, 'wrapper'> {
  /** The SDK the provider uses (default: a fresh manual {@link createFakeIamport}); may be a promise. */
  sdk?: S;
  /** Extra provider props (`merchantCode` defaults to the sandbox's `imp00000000`). */
  provider?: Partial<Omit<IamportProviderProps, 'sdk' | 'children'>>;
}

/**
 * Render a tree inside `<IamportProvider>` with a fake SDK in one call.
 *
 * @example
 * const { sdk, getByRole } = renderWithIamport(<PayButton />, { provider: { pg: 'jtnet' }, reactStrictMode: true })
 */
export function renderWithIamport<S extends Iamport | Promise<Iamport> = FakeIamport>(
  ui: ReactElement,
  { sdk = createFakeIamport() as unknown as S, provider, ...options }: RenderWithIamportOptions<S> = {},
): RenderResult & { sdk: S } {
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <IamportProvider merchantCode="imp00000000" {...provider} sdk={sdk}>
      {children}
    </IamportProvider>
  );
  return { ...render(ui, { ...options, wrapper: Wrapper }), sdk };
}
