import type { Meta, StoryObj } from '@storybook/react-vite';
import { useBillingKey, useIamport } from 'react-iamport-jtnet';
import { SANDBOX_CARDS } from 'react-iamport-jtnet/sandbox';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { payWithCard, SandboxProvider } from './sandbox-provider';

/** "Register a card for the monthly plan": a billing key (빌링키) for one customer. */
function BillingKeyDemo({ customerUid, amount }: { customerUid: string; amount?: number }) {
  const iamport = useIamport();
  const billing = useBillingKey();
  return (
    <section aria-label="useBillingKey demo" style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', gap: 8, maxWidth: 360 }}>
      <button
        type="button"
        disabled={iamport.status !== 'ready' || billing.isPending}
        onClick={() => billing.issueBillingKey({ customer_uid: customerUid, name: '월간 구독 (Monthly plan)', amount })}
      >
        카드 등록 (Register card)
      </button>
      <p>
        status: <output>{billing.status}</output>
      </p>
      {billing.status === 'succeeded' && <p>Billing key stored for {billing.outcome.customerUid}; charge it from your server.</p>}
      {(billing.status === 'failed' || billing.status === 'cancelled') && <p role="alert">{billing.outcome.message}</p>}
      {billing.status === 'unknown' && <p role="alert">No answer from the window: ask your server about {billing.outcome.customerUid}.</p>}
      {billing.status === 'error' && <p role="alert">{billing.error.message}</p>}
    </section>
  );
}

const meta = {
  title: 'Hooks/useBillingKey',
  component: BillingKeyDemo,
  args: { customerUid: 'user_42' },
  decorators: [
    (Story) => (
      <SandboxProvider>
        <Story />
      </SandboxProvider>
    ),
  ],
  parameters: { docs: { description: { component: 'Subscriptions: the card window issues a billing key for `customer_uid` (amount 0 = key only).' } } },
} satisfies Meta<typeof BillingKeyDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Key only (amount 0): the outcome carries the customer_uid the key is stored under. */
export const RegisterCard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /register card/i });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await payWithCard(SANDBOX_CARDS.approve);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('succeeded'));
    await expect(canvas.getByText('Billing key stored for user_42; charge it from your server.')).toBeInTheDocument();
  },
};

/**
 * Key + first charge (amount 9900) with the insufficient-funds card: the charge is declined and no
 * key is issued. (Key only, the same card registers: nothing is charged.)
 */
export const Declined: Story = {
  args: { amount: 9900 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /register card/i });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await payWithCard(SANDBOX_CARDS.decline);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('failed'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('잔액이 부족합니다');
  },
};

/** Without a customer_uid the kit refuses before any window opens. */
export const MissingCustomerUid: Story = {
  args: { customerUid: '' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /register card/i });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('error'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('customer_uid');
  },
};
