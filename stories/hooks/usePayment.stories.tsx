import type { Meta, StoryObj } from '@storybook/react-vite';
import { useIamport, usePayment } from 'react-iamport-jtnet';
import { SANDBOX_CARDS } from 'react-iamport-jtnet/sandbox';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { cancelWindow, payWithCard, SandboxProvider } from './sandbox-provider';

/** A headless checkout button built on `usePayment` (what `<PaymentButton>` does inside). */
function PaymentDemo({ name, amount }: { name: string; amount: number }) {
  const iamport = useIamport();
  const payment = usePayment();
  return (
    <section aria-label="usePayment demo" style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', gap: 8, maxWidth: 360 }}>
      <button
        type="button"
        disabled={iamport.status !== 'ready' || payment.isPending}
        onClick={() => payment.requestPayment({ pay_method: 'card', name, amount })}
      >
        {payment.isPending ? '결제 진행 중… (Paying…)' : `결제하기 (Pay) ₩${Number(amount).toLocaleString('ko-KR')}`}
      </button>
      <p>
        status: <output>{payment.status}</output>
      </p>
      {payment.status === 'pending' && payment.stalled && (
        <button type="button" onClick={payment.cancel}>
          No window? Cancel
        </button>
      )}
      {payment.status === 'succeeded' && <p>Window approved {payment.outcome.impUid} — verify it on your server before shipping.</p>}
      {(payment.status === 'failed' || payment.status === 'cancelled') && <p role="alert">{payment.outcome.message}</p>}
      {payment.status === 'unknown' && (
        <p role="alert">
          The window never answered ({payment.outcome.reason}): ask your server whether {payment.outcome.merchantUid} was paid.
        </p>
      )}
      {payment.status === 'error' && <p role="alert">{payment.error.message}</p>}
      {payment.status !== 'idle' && !payment.isPending && (
        <button type="button" onClick={payment.reset}>
          Reset
        </button>
      )}
    </section>
  );
}

const meta = {
  title: 'Hooks/usePayment',
  component: PaymentDemo,
  args: { name: '원두 1kg (Coffee beans)', amount: 1004 },
  decorators: [
    (Story) => (
      <SandboxProvider>
        <Story />
      </SandboxProvider>
    ),
  ],
  parameters: { docs: { description: { component: 'One-time payment on the offline sandbox. Click pay, then use the test cards in the window.' } } },
} satisfies Meta<typeof PaymentDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

const payButton = (canvasElement: HTMLElement) => within(canvasElement).findByRole('button', { name: /pay/i });
const statusOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status');

/** Approving card: the window succeeds, the hook reports `succeeded` with an imp_uid (still unverified). */
export const Approved: Story = {
  play: async ({ canvasElement }) => {
    const button = await payButton(canvasElement);
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await expect(statusOf(canvasElement)).toHaveTextContent('pending');
    await expect(button).toBeDisabled();
    await payWithCard(SANDBOX_CARDS.approve);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('succeeded'));
    await expect(within(canvasElement).getByText(/verify it on your server/)).toBeInTheDocument();
  },
};

/** Insufficient-funds card: `failed`, with the PG message rendered as text. */
export const Declined: Story = {
  play: async ({ canvasElement }) => {
    const button = await payButton(canvasElement);
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await payWithCard(SANDBOX_CARDS.decline);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('failed'));
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('잔액이 부족합니다');
  },
};

/** The buyer closes the window: `cancelled`, and they can try again. */
export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const button = await payButton(canvasElement);
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await cancelWindow();
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('cancelled'));
    await expect(button).toBeEnabled();
  },
};

/** `amount: "1004"` (a string) is refused before the SDK is touched: no window opens. */
export const InvalidAmount: Story = {
  args: { amount: '1004' as unknown as number },
  play: async ({ canvasElement }) => {
    const button = await payButton(canvasElement);
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('error'));
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('amount must be a number, not the string "1004"');
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};

/**
 * The real SDK's silent init failure (`faults: { init: 'network-error' }`): no window, no
 * callback, ever. The provider's `windowTimeoutMs` ends the request as `unknown` / `no-window`:
 * ask your server about its merchant_uid.
 */
export const NoWindow: Story = {
  decorators: [
    (Story) => (
      <SandboxProvider sandbox={{ faults: { init: 'network-error' } }} windowTimeoutMs={600}>
        <Story />
      </SandboxProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const button = await payButton(canvasElement);
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await expect(statusOf(canvasElement)).toHaveTextContent('pending');
    await waitFor(() => expect(statusOf(canvasElement)).toHaveTextContent('unknown'), { timeout: 5000 });
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('(no-window)');
    await expect(button).toBeEnabled();
  },
};
