import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearIamport } from '../../src/core';

afterEach(() => {
  cleanup();
  clearIamport();
  window.sessionStorage.clear();
});
