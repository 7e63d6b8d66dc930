import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BillingKeyButton, PaymentButton, type PaymentButtonProps } from 'react-iamport-jtnet';
import { OutcomeLog, SandboxProvider } from '../support/SandboxProvider';
import { payWithCard } from '../support/sandbox-play';

function Host(props: PaymentButtonProps) {
  const [log, setLog] = useState<string[]>([]);
  return (
    <SandboxProvider>
      <PaymentButton {...props} onSuccess={(outcome) => setLog((entries) => [...entries, `succeeded ${outcome.impUid}`])} />
      <OutcomeLog entries={log} />
    </SandboxProvider>
  );
}

const meta = {
  title: 'Components/PaymentButton',
  component: PaymentButton,
  render: (args) => <Host {...args} />,
  args: { params: { pay_method: 'card', name: '드립백 10개입', amount: 12_000 }, children: '₩12,000 바로 결제' },
} satisfies Meta<typeof PaymentButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const OneClickOneRequest: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: '₩12,000 바로 결제' });
    await userEvent.dblClick(button);
    await waitFor(() => expect(document.querySelectorAll('dialog[open]')).toHaveLength(1));
    await expect(canvas.getByRole('button', { name: '결제 진행 중…' })).toBeDisabled();
    await payWithCard();
    await expect(await canvas.findByText(/^succeeded imp_/)).toBeInTheDocument();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1);
  },
};

const neverLoads = new Promise<never>(() => undefined);

export const LoadingSdk: Story = {
  render: (args) => (
    <SandboxProvider sdk={neverLoads}>
      <PaymentButton {...args} />
    </SandboxProvider>
  ),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: '결제 모듈을 불러오는 중…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

/** One rejected SDK promise for the story (the provider reads `sdk` once; a new one per render would go unhandled). */
const blockedSdk = Promise.reject(new Error('blocked by an extension'));
blockedSdk.catch(() => undefined);

export const SdkFailedToLoad: Story = {
  render: (args) => (
    <SandboxProvider sdk={blockedSdk}>
      <PaymentButton {...args} />
    </SandboxProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('결제 모듈을 불러오지 못했습니다.');
    await expect(canvas.getByRole('button', { name: '다시 시도' })).toBeEnabled();
  },
};

export const BillingKey: StoryObj<typeof BillingKeyButton> = {
  render: () => (
    <SandboxProvider locale="en">
      <BillingKeyButton params={{ customer_uid: 'user_7_card', name: 'Monthly beans' }} cardFilter={{ exclude: ['370'] }} />
    </SandboxProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Register card' }));
    await payWithCard();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Register card' })).toBeEnabled());
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
