import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { expect, userEvent, within } from 'storybook/test';
import { BuyerFields, CardFilterField, PayMethodField, type BuyerField } from 'react-iamport-jtnet';
import { SandboxProvider } from '../support/SandboxProvider';

/** The fields inside a merchant's own react-hook-form form (headless use of the kit's fields). */
function OwnForm({ fields, required }: { fields: BuyerField[]; required?: BuyerField[] }) {
  const form = useForm({ defaultValues: { pay_method: 'card', card_code: '' } });
  const [submitted, setSubmitted] = useState('');
  return (
    <SandboxProvider>
      <FormProvider {...form}>
        <form className="iamport-form" noValidate onSubmit={(event) => void form.handleSubmit((values) => setSubmitted(JSON.stringify(values)))(event)}>
          <BuyerFields fields={fields} required={required} />
          <PayMethodField methods={['card', 'trans', 'vbank']} />
          <CardFilterField cardFilter={{ only: ['361', '366', '041'] }} />
          <button className="iamport-button" type="submit">
            다음
          </button>
        </form>
      </FormProvider>
      <output aria-label="submitted values">{submitted}</output>
    </SandboxProvider>
  );
}

const meta = {
  title: 'Components/Fields',
  component: OwnForm,
  args: { fields: ['name', 'email', 'tel', 'address', 'postcode'], required: ['name', 'tel'] },
} satisfies Meta<typeof OwnForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const InYourOwnForm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: '다음' }));
    await expect(await canvas.findAllByText('필수 입력 항목입니다.')).toHaveLength(2);
    await userEvent.type(canvas.getByLabelText(/^이름/), '김지원');
    await userEvent.type(canvas.getByLabelText(/휴대폰 번호/), '010 1234 5678');
    await userEvent.type(canvas.getByLabelText(/우편번호/), '06236');
    // The issuer choice shows only while paying by card.
    await userEvent.click(canvas.getByRole('radio', { name: '가상계좌' }));
    await expect(canvas.queryByLabelText('카드사')).toBeNull();
    await userEvent.click(canvas.getByRole('radio', { name: '신용·체크카드' }));
    await userEvent.selectOptions(canvas.getByLabelText('카드사'), '366');
    await expect(within(canvas.getByLabelText('카드사')).getAllByRole('option')).toHaveLength(4);
    await userEvent.click(canvas.getByRole('button', { name: '다음' }));
    const values = JSON.parse((await canvas.findByLabelText('submitted values')).textContent || '{}') as Record<string, unknown>;
    await expect(values).toMatchObject({ buyer_name: '김지원', buyer_tel: '010 1234 5678', buyer_postcode: '06236', pay_method: 'card', card_code: '366' });
  },
};
