import type { Preview } from '@storybook/react-vite';
import { StrictMode } from 'react';

const preview: Preview = {
  // Every story renders under StrictMode: double effects must never mean double SDK loads or charges.
  decorators: [(Story) => <StrictMode><Story /></StrictMode>],
  parameters: {
    layout: 'padded',
    // Accessibility violations fail the story's test (addon-vitest) instead of only warning.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
