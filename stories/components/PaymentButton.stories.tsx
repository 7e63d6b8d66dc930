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

/** What your `verify` endpoint answers for an order the SDK never reported on (here: no payment for that merchant_uid). */
const notPaid = async () => ({ verified: false, status: 'not_verified', reason: 'not_found' });

/**
 * The real SDK's silent init failure (`faults: { init: 'network-error' }`): no window ever shows.
 * After the provider's `windowTimeoutMs` the request ends as `unknown` / `no-window`; the button
 * shows "확인 중" while `verify` asks your server by merchant_uid, and only then that the window
 * could not open (try again).
 */
export const NoWindowAtAll: Story = {
  render: (args) => (
    <SandboxProvider sandbox={{ faults: { init: 'network-error' } }} windowTimeoutMs={600}>
      <PaymentButton {...args} verify={notPaid} />
    </SandboxProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '₩12,000 바로 결제' }));
    await expect(canvas.getByRole('button', { name: '결제 진행 중…' })).toBeDisabled();
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('결제창을 열지 못했습니다. 다시 시도해 주세요.');
    await expect(canvas.getByRole('button', { name: '₩12,000 바로 결제' })).toBeEnabled();
  },
};

/** An SDK that draws no window the kit can see (a custom build, a test double): after `windowTimeoutMs` the buyer gets a way out. */
const unseen = { init() {}, agency() {}, request_pay() {}, close() {} };

export const WayOut: Story = {
  render: (args) => (
    <SandboxProvider sdk={unseen} windowTimeoutMs={600}>
      <PaymentButton {...args} verify={async () => ({ verified: true, status: 'paid' })} />
    </SandboxProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '₩12,000 바로 결제' }));
    await expect(await canvas.findByText('결제창이 보이지 않나요?', {}, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: '결제 취소' }));
    // cancelled → unknown → your server says it was paid after all
    await expect(await canvas.findByText('결제가 완료되었습니다.')).toHaveAttribute('role', 'status');
  },
};
