// renderWithIamport bound to Testing Library's render once, as a merchant's test-utils would do
// (docs/testing.md); the rest of the options pass through.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Iamport } from 'react-iamport-jtnet/core';
import { renderWithIamport as renderWith, type FakeIamport, type RenderWithIamportOptions } from 'react-iamport-jtnet/testing';

type Options<S extends Iamport | Promise<Iamport>> = Omit<RenderWithIamportOptions<Parameters<typeof render>[1], ReturnType<typeof render>, S>, 'render'>;

/**
 * Render inside `<IamportProvider>` with a fake SDK (default: a fresh manual fake).
 *
 * @example
 * const { sdk, getByRole } = renderWithIamport(<PayButton />, { provider: { pg: 'jtnet' }, reactStrictMode: true })
 */
export const renderWithIamport = <S extends Iamport | Promise<Iamport> = FakeIamport>(ui: ReactElement, options: Options<S> = {}) =>
  renderWith<Parameters<typeof render>[1], ReturnType<typeof render>, S>(ui, { render, ...options });
