import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { IamportError, IamportProvider, useIamport } from 'react-iamport-jtnet';
import { expect, waitFor, within } from 'storybook/test';
import { SandboxProvider } from './sandbox-provider';

/** Shows the SDK's load state the way a checkout page would. */
function SdkStatus() {
  const iamport = useIamport();
  return (
    <section aria-label="useIamport demo" style={{ fontFamily: 'system-ui, sans-serif' }}>
      <p>
        SDK: <output>{iamport.status}</output> · pg {iamport.pg ?? '—'} · locale {iamport.locale}
      </p>
      {iamport.status === 'error' && (
        <p role="alert">
          {iamport.error.code}: {iamport.error.message}{' '}
          <button type="button" onClick={iamport.retry}>
            다시 시도 (Retry)
          </button>
        </p>
      )}
    </section>
  );
}

/** A provider whose SDK never arrives (as when the CDN is blocked). */
function BlockedProvider({ children }: { children: ReactNode }) {
  const [sdk] = useState(() => {
    const failed = Promise.reject(
      new IamportError(
        'SDK_LOAD_FAILED',
        "Could not load the i'mport SDK (blocked by CSP or an extension). Check scriptUrl and your Content-Security-Policy, then retry.",
      ),
    );
    failed.catch(() => {}); // StrictMode calls this initializer twice; the spare promise must not be "unhandled"
    return failed;
  });
  return (
    <IamportProvider merchantCode="imp00000000" sdk={sdk}>
      {children}
    </IamportProvider>
  );
}

const meta = {
  title: 'Hooks/useIamport',
  component: SdkStatus,
  parameters: { docs: { description: { component: '`useIamport()`: the load state (narrow on `status`), the provider settings, and `retry()`.' } } },
} satisfies Meta<typeof SdkStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

/** On the sandbox the SDK is ready at once, and `IMP.init` ran once (StrictMode included). */
export const Ready: Story = {
  decorators: [
    (Story) => (
      <SandboxProvider>
        <Story />
      </SandboxProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('ready'));
    await expect(canvas.getByText(/pg jtnet · locale ko/)).toBeInTheDocument();
  },
};

/** When the SDK cannot load, `status` is `'error'` with a typed `IamportError` and a retry. */
export const LoadFailed: Story = {
  decorators: [
    (Story) => (
      <BlockedProvider>
        <Story />
      </BlockedProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('error'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('SDK_LOAD_FAILED');
    await expect(canvas.getByRole('button', { name: /retry/i })).toBeEnabled();
  },
};
