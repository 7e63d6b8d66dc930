import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { BillingKeyForm, type BillingKeyFormProps } from 'react-iamport-jtnet';
import { OutcomeLog, SandboxProvider } from '../support/SandboxProvider';
import { findSandboxWindow, payWithCard } from '../support/sandbox-play';

function Signup(props: BillingKeyFormProps) {
  const [log, setLog] = useState<string[]>([]);
  return (
    <SandboxProvider>
      <BillingKeyForm
        {...props}
        onSuccess={(outcome) => setLog((entries) => [...entries, `key for ${outcome.customerUid} (${outcome.impUid})`])}
        onFailure={(outcome) => setLog((entries) => [...entries, `${outcome.status} ${outcome.code}`])}
      />
      <OutcomeLog entries={log} />
    </SandboxProvider>
  );
}

const meta = {
  title: 'Components/BillingKeyForm',
  component: BillingKeyForm,
  render: (args) => <Signup {...args} />,
  args: { customerUid: 'user_42_card', name: '정기구독 월간 원두', buyerFields: ['name', 'email', 'tel'] },
  parameters: {
    docs: {
      description: { component: 'Subscription signup: the card-only billing-key window. `amount` 0 issues the key only; more also charges the first month.' },
    },
  },
} satisfies Meta<typeof BillingKeyForm>;
export default meta;
type Story = StoryObj<typeof meta>;

async function fill(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/^이름/), '김지원');
  await userEvent.type(canvas.getByLabelText(/이메일/), 'jiwon@example.com');
  await userEvent.type(canvas.getByLabelText(/휴대폰 번호/), '01012345678');
  return canvas;
}

export const KeyOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '카드 등록하기' }));
    const window = within(await findSandboxWindow());
    await expect(window.queryByRole('radio', { name: /계좌이체|transfer/i })).toBeNull();
    await payWithCard();
    await expect(await canvas.findByText(/^key for user_42_card \(imp_\d{12}\)/)).toBeInTheDocument();
  },
};

export const KeyAndFirstCharge: Story = {
  args: { amount: 9_900 },
  play: async ({ canvasElement }) => {
    const canvas = await fill(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '₩9,900 결제하기' }));
    await payWithCard();
    await expect(await canvas.findByText(/^key for user_42_card/)).toBeInTheDocument();
  },
};

export const DeclinedCard: Story = {
  args: { amount: 9_900, buyerFields: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '₩9,900 결제하기' }));
    await payWithCard('4000-0000-0000-0002');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/결제에 실패했습니다/);
  },
};
