import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { RedirectLanding, rememberRequest, type LandingVerification } from 'react-iamport-jtnet';
import { SandboxProvider } from '../support/SandboxProvider';

const landing = (query: string) => `https://shop.example/payments/complete?${query}`;
const mobile = { viewport: { options: { mobile: { name: 'Mobile 375', styles: { width: '375px', height: '740px' } } } } };

const meta = {
  title: 'Components/RedirectLanding',
  component: RedirectLanding,
  render: (args) => (
    <SandboxProvider>
      <RedirectLanding {...args} />
    </SandboxProvider>
  ),
  args: {
    cleanUrl: false,
    verify: async (): Promise<boolean | LandingVerification> => true,
    url: landing('imp_uid=imp_100000000001&merchant_uid=order_story_1&imp_success=true'),
  },
  parameters: {
    ...mobile,
    docs: { description: { component: 'The `m_redirect_url` page: verifies with your server before it ever says "paid"; URL text is rendered as text.' } },
  },
  globals: { viewport: { value: 'mobile' } },
  beforeEach: () => rememberRequest({ merchantUid: 'order_story_1', kind: 'payment', amount: 39_000, startedAt: Date.now() }),
} satisfies Meta<typeof RedirectLanding>;
export default meta;
type Story = StoryObj<typeof meta>;

export const VerifiedPayment: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('결제가 완료되었습니다.')).toBeInTheDocument();
  },
};

export const Verifying: Story = {
  args: { verify: () => new Promise(() => undefined) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('결제를 확인하고 있습니다…');
    await expect(canvas.queryByText('결제가 완료되었습니다.')).toBeNull();
  },
};

export const TamperedUrl: Story = {
  args: {
    verify: async () => ({ verified: false, reason: 'amount_mismatch' }),
    url: landing('imp_uid=imp_100000000002&merchant_uid=order_forged&imp_success=true'),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('결제를 확인할 수 없습니다.');
    await expect(canvas.getByText('이 브라우저에서 시작한 주문이 아닙니다.')).toBeInTheDocument();
    await expect(canvas.queryByText('결제가 완료되었습니다.')).toBeNull();
  },
};

export const FailedWithMarkupInMessage: Story = {
  args: {
    url: landing(
      `imp_uid=imp_100000000003&merchant_uid=order_story_1&imp_success=false&error_code=F0004&error_msg=${encodeURIComponent('<img src=x onerror=alert(1)> 잔액 부족')}`,
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('결제에 실패했습니다.');
    await expect(canvas.getByText('<img src=x onerror=alert(1)> 잔액 부족')).toBeInTheDocument();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};

export const VerifyErrorThenRetry: Story = {
  args: {
    verify: (() => {
      let calls = 0;
      return async () => {
        if (++calls === 1) throw new Error('network');
        return true;
      };
    })(),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '다시 시도' }));
    await expect(await canvas.findByText('결제가 완료되었습니다.')).toBeInTheDocument();
  },
};

export const English: Story = {
  render: (args) => (
    <SandboxProvider locale="en">
      <RedirectLanding {...args} />
    </SandboxProvider>
  ),
  args: {
    url: landing(`imp_uid=imp_1&merchant_uid=order_story_1&imp_success=false&error_msg=${encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다')}`),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('You cancelled the payment.');
  },
};
