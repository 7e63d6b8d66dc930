import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CardFilterField, PaymentForm, type PaymentFormProps } from 'react-iamport-jtnet';
import { OutcomeLog, SandboxProvider } from '../support/SandboxProvider';
import { approveWindow, cancelWindow, findSandboxWindow, payWithCard } from '../support/sandbox-play';

function Checkout({ locale = 'ko', ...props }: PaymentFormProps & { locale?: 'ko' | 'en' }) {
  const [log, setLog] = useState<string[]>([]);
  const add = (entry: string) => setLog((entries) => [...entries, entry]);
  return (
    <SandboxProvider locale={locale}>
      <PaymentForm
        {...props}
        onSuccess={(outcome) => add(`succeeded ${outcome.impUid} (verify on your server)`)}
        onFailure={(outcome) => add(`${outcome.status} ${outcome.code}`)}
      />
      <OutcomeLog entries={log} />
    </SandboxProvider>
  );
}

const meta = {
  title: 'Components/PaymentForm',
  component: PaymentForm,
  render: (args) => <Checkout {...args} />,
  args: { amount: 39_000, name: '에티오피아 예가체프 1kg', payMethods: ['card', 'trans', 'vbank', 'phone'], params: { digital: false } },
  parameters: {
    docs: { description: { component: 'A complete checkout on react-hook-form and `usePayment`: buyer fields, pay method, optional issuer choice.' } },
  },
} satisfies Meta<typeof PaymentForm>;
export default meta;
type Story = StoryObj<typeof meta>;

async function fillBuyer(canvasElement: HTMLElement, { name = '김지원', email = 'jiwon@example.com', tel = '010-1234-5678' } = {}) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(/이름|Name/), name);
  await userEvent.type(canvas.getByLabelText(/이메일|Email/), email);
  await userEvent.type(canvas.getByLabelText(/휴대폰 번호|Mobile number/), tel);
}

export const CardPayment: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillBuyer(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '₩39,000 결제하기' }));
    await payWithCard();
    await expect(await canvas.findByText(/^succeeded imp_\d{12}/)).toBeInTheDocument();
  },
};

export const English: Story = {
  render: (args) => <Checkout {...args} locale="en" />,
  args: { name: 'Ethiopia Yirgacheffe 1kg' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillBuyer(canvasElement, { name: 'Jiwon Kim' });
    await userEvent.click(canvas.getByRole('radio', { name: 'Bank transfer' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay ₩39,000' }));
    await approveWindow();
    await expect(await canvas.findByText(/^succeeded/)).toBeInTheDocument();
  },
};

export const OnlyShinhanCards: Story = {
  args: { cardFilter: { only: ['366'] }, payMethods: ['card'], buyerFields: ['name'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/이름/), '김지원');
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    const issuers = within(await findSandboxWindow()).getByLabelText(/카드사/);
    await expect(
      within(issuers)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['신한 (Shinhan)']);
    await payWithCard();
    await expect(await canvas.findByText(/^succeeded/)).toBeInTheDocument();
  },
};

export const BuyerPicksIssuer: Story = {
  args: { cardFilter: { exclude: ['370'] }, buyerFields: [], children: <CardFilterField /> },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('카드사'), '041');
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    const issuers = within(await findSandboxWindow()).getByLabelText(/카드사/);
    await expect(within(issuers).getAllByRole('option')).toHaveLength(1);
    await payWithCard();
    await expect(await canvas.findByText(/^succeeded/)).toBeInTheDocument();
  },
};

export const ValidationErrors: Story = {
  args: { buyerFields: ['name', 'email', 'tel', 'postcode'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/이메일/), 'jiwon@');
    await userEvent.type(canvas.getByLabelText(/휴대폰 번호/), '1234');
    await userEvent.type(canvas.getByLabelText(/우편번호/), '99');
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    const name = canvas.getByLabelText(/^이름/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    await expect(document.getElementById(name.getAttribute('aria-describedby')!)).toHaveTextContent('필수 입력 항목입니다.');
    await expect(canvas.getByText(/이메일 형식이 올바르지 않습니다/)).toBeInTheDocument();
    await expect(canvas.getByText(/전화번호 형식이 올바르지 않습니다/)).toBeInTheDocument();
    await expect(canvas.getByText(/우편번호는 5자리 숫자입니다/)).toBeInTheDocument();
    await expect(canvas.getByLabelText(/^이름/)).toHaveFocus();
    await expect(document.querySelector('dialog[open]')).toBeNull();
  },
};

export const DeclinedCard: Story = {
  args: { payMethods: ['card'], buyerFields: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    await payWithCard('4000-0000-0000-0002');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/결제에 실패했습니다/);
    await expect(canvas.getByText(/^failed /)).toBeInTheDocument();
  },
};

export const BuyerCancels: Story = {
  args: { payMethods: ['card'], buyerFields: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    await cancelWindow();
    await expect(await canvas.findByRole('status')).toHaveTextContent('결제를 취소했습니다.');
    await waitFor(() => expect(canvas.getByRole('button', { name: /결제하기/ })).toBeEnabled());
  },
};

export const VirtualAccount: Story = {
  args: { payMethods: ['vbank'], buyerFields: ['name'], defaultValues: { buyer_name: '김지원' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /결제하기/ }));
    await approveWindow();
    await expect(await canvas.findByText(/^succeeded/)).toBeInTheDocument();
  },
};
