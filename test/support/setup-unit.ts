import './setup-console';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearIamport } from '../../src/core';

afterEach(() => {
  cleanup();
  clearIamport();
  window.sessionStorage.clear();
  // What a fake SDK drew (its div.imp-dialog) must not be seen by the next test's watchdog.
  document.querySelectorAll('div.imp-dialog').forEach((node) => node.remove());
});
