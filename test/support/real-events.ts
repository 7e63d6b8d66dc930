import { beforeAll } from 'vitest';

/**
 * For Chromium tests that drive the page with real input events (`vitest/browser`'s
 * `userEvent`): React needs no `act()` around them, so its "not wrapped in act(...)" warning
 * is switched off after @testing-library/react switched it on (its own `act()` still works).
 * Call it at the top level of a test file, after importing @testing-library/react.
 *
 * @example
 * import { render } from '@testing-library/react'
 * realBrowserEvents()
 */
export function realBrowserEvents(): void {
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });
}
