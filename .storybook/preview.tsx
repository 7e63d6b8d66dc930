import type { Preview } from '@storybook/react-vite';
import { StrictMode } from 'react';
import '../src/components/styles.css';

const preview: Preview = {
  // Every story renders under StrictMode: double effects must never mean double SDK loads or charges.
  decorators: [
    (Story) => (
      <StrictMode>
        <Story />
      </StrictMode>
    ),
  ],
  parameters: {
    layout: 'padded',
    // Accessibility violations fail the story's test (addon-vitest) instead of only warning.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
  // A story that fails mid-payment must not leave its sandbox window (or the SDK's dialog, or the
  // phone's `imp-payment-progress`, which hides the page) over the next story.
  beforeEach: () => () => {
    document.querySelectorAll('dialog[data-imp-sandbox], div.imp-dialog').forEach((node) => node.remove());
    document.body.classList.remove('imp-payment-progress');
  },
};

export default preview;
