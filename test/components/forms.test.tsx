import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, useEffect, useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { BillingKeyForm, CardFilterField, MESSAGES, PaymentButton, PaymentForm } from '../../src/components';
import { IamportProvider } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';
import { renderWithIamport } from '../support/render-with-iamport';

const ko = MESSAGES.ko;

async function fillBuyer(user: ReturnType<typeof userEvent.setup>, values: { name?: string; email?: string; tel?: string }) {
  if (values.name !== undefined) await user.type(screen.getByLabelText(/이름/), values.name);
  if (values.email !== undefined) await user.type(screen.getByLabelText(/이메일/), values.email);
  if (values.tel !== undefined) await user.type(screen.getByLabelText(/휴대폰 번호/), values.tel);
}

describe('<PaymentForm>', () => {
  it('blocks submission on invalid email, tel and postcode with linked, announced messages', async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(<PaymentForm amount={1004} name="원두 1kg" buyerFields={['name', 'email', 'tel', 'postcode']} />);
    await fillBuyer(user, { name: '김지원', email: 'kim@', tel: '1234' });
    await user.type(screen.getByLabelText(/우편번호/), '1234');
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));

    expect(await screen.findByText(ko.invalidEmail)).toHaveAttribute('role', 'alert');
    expect(screen.getByText(ko.invalidTel)).toBeInTheDocument();
    expect(screen.getByText(ko.invalidPostcode)).toBeInTheDocument();
    const email = screen.getByLabelText(/이메일/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)).toHaveTextContent(ko.invalidEmail);
    expect(sdk.requests).toHaveLength(0);
  });

  it('requires the configured fields and accepts Korean formats', async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={['name', 'tel', 'postcode']} requiredBuyerFields={['tel']} />);
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(await screen.findByText(ko.required)).toBeInTheDocument();
    expect(screen.getByLabelText(/휴대폰 번호/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^이름/)).not.toHaveAttribute('aria-invalid');

    await user.type(screen.getByLabelText(/휴대폰 번호/), '02-123-4567');
    await user.type(screen.getByLabelText(/우편번호/), '135-080');
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(sdk.requests).toHaveLength(1);
    expect(sdk.requests[0]).toMatchObject({ buyer_tel: '02-123-4567', buyer_postcode: '135-080', amount: 1004, name: '원두' });
    expect(sdk.requests[0]).not.toHaveProperty('buyer_name');
  });

  it('sends exactly card.detail [{*:false},{366:true}] for cardFilter { only: ["366"] }', async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={[]} cardFilter={{ only: ['366'] }} />, { provider: { pg: 'jtnet' } });
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(sdk.requests[0]).toMatchObject({ pg: 'jtnet', pay_method: 'card', amount: 1004 });
    expect(sdk.requests[0]!.card!.detail).toEqual([
      { card_code: '*', enabled: false },
      { card_code: '366', enabled: true },
    ]);
  });

  it('lets the buyer pick an issuer among those the filter allows, only while paying by card', async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(
      <PaymentForm amount={1004} name="원두" buyerFields={[]} cardFilter={{ exclude: ['370'] }}>
        <CardFilterField />
      </PaymentForm>,
    );
    const issuer = screen.getByLabelText(ko.cardIssuer);
    expect(screen.queryByRole('option', { name: '씨티' })).toBeNull();
    await user.selectOptions(issuer, '041');
    await user.click(screen.getByRole('radio', { name: ko.methods.trans }));
    expect(screen.queryByLabelText(ko.cardIssuer)).toBeNull();
    await user.click(screen.getByRole('radio', { name: ko.methods.card }));
    await user.selectOptions(screen.getByLabelText(ko.cardIssuer), '041');
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(sdk.requests[0]!.card!.detail).toEqual([
      { card_code: '*', enabled: false },
      { card_code: '041', enabled: true },
    ]);
  });

  it('typing 20 characters in a buyer field commits the form 0 times (React Profiler)', async () => {
    const user = userEvent.setup();
    const onRender = vi.fn();
    renderWithIamport(
      <Profiler id="payment-form" onRender={onRender}>
        <PaymentForm amount={1004} name="원두" />
      </Profiler>,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: /결제하기/ })).toBeEnabled());
    onRender.mockClear();
    await user.type(screen.getByLabelText(/^이름/), '가나다라마바사아자차카타파하abcdef');
    expect(screen.getByLabelText(/^이름/)).toHaveValue('가나다라마바사아자차카타파하abcdef');
    expect(onRender).toHaveBeenCalledTimes(0);
  });

  it('amount and name come from props; success goes to onSuccess unverified; failure is announced as text', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const { sdk } = renderWithIamport(
      <PaymentForm amount={50_000} name="원두 세트" buyerFields={[]} onSuccess={onSuccess} params={{ merchant_uid: 'order_abc123' }} />,
    );
    expect(screen.queryByRole('spinbutton')).toBeNull();
    await user.click(await screen.findByRole('button', { name: '₩50,000 결제하기' }));
    expect(screen.getByRole('button', { name: ko.processing })).toBeDisabled();
    act(() => sdk.decline({ message: '<b>한도초과</b>', code: 'F0004' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`${ko.failed} <b>한도초과</b>`);
    expect(document.querySelector('b')).toBeNull();
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    act(() => sdk.approve());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ status: 'succeeded', merchantUid: 'order_abc123', verified: false });
  });

  it('shows a kit error (phone without digital) instead of opening the window', async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={[]} payMethods={['phone']} />);
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/digital is required/);
    expect(sdk.requests).toHaveLength(0);
  });

  it('speaks English with locale="en" and takes message overrides', async () => {
    renderWithIamport(<PaymentForm amount={1004} name="Beans" messages={{ buyerName: 'Full name' }} />, { provider: { locale: 'en' } });
    expect(screen.getByLabelText(/Full name/)).toHaveAttribute('autocomplete', 'name');
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('inputmode', 'email');
    expect(screen.getByLabelText(/Mobile number/)).toHaveAttribute('autocomplete', 'tel');
    expect(screen.getByRole('group', { name: 'Payment method' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Pay ₩1,004' })).toBeInTheDocument();
  });

  // The fields' markup is reused while nothing it shows changes (the re-render react-hook-form
  // makes right after mounting): what it shows must still follow errors, props and reset().
  it('an error goes away once the buyer fixes the field, and the fields follow new props', async () => {
    const user = userEvent.setup();
    const { sdk, rerender } = renderWithIamport(<PaymentForm amount={1004} name="원두" buyerFields={['name']} />);
    await user.click(await screen.findByRole('button', { name: /결제하기/ }));
    expect(await screen.findByText(ko.required)).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText(/^이름/)).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText(/^이름/), '김지원');
    await waitFor(() => expect(screen.queryByText(ko.required)).toBeNull());
    expect(screen.getByLabelText(/^이름/)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText(/^이름/)).not.toHaveAttribute('aria-describedby');

    rerender(<PaymentForm amount={1004} name="원두" buyerFields={['name', 'tel']} messages={{ buyerName: '받는 분' }} />);
    expect(screen.getByLabelText(/^받는 분/)).toHaveValue('김지원');
    await user.click(screen.getByRole('button', { name: /결제하기/ }));
    expect(await screen.findByText(ko.required)).toBeInTheDocument();
    expect(screen.getByLabelText(/휴대폰 번호/)).toHaveAttribute('aria-invalid', 'true');
    expect(sdk.requests).toHaveLength(0);
  });

  it("follows the provider's locale while its own props stay the same", async () => {
    const user = userEvent.setup();
    function Shop({ children }: { children: ReactNode }) {
      const [locale, setLocale] = useState<'ko' | 'en'>('ko');
      return (
        <IamportProvider merchantCode="imp00000000" sdk={createFakeIamport()} locale={locale}>
          <button type="button" onClick={() => setLocale('en')}>
            English
          </button>
          {children}
        </IamportProvider>
      );
    }
    render(
      <Shop>
        <PaymentForm amount={1004} name="원두" />
      </Shop>,
    );
    expect(await screen.findByRole('button', { name: '₩1,004 결제하기' })).toBeEnabled();
    expect(screen.getByLabelText(/^이름/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByLabelText(/^Name/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Payment method' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay ₩1,004' })).toBeEnabled();
  });

  it('a child that prefills the buyer with reset() when it mounts: the inputs show what will be sent', async () => {
    const user = userEvent.setup();
    function Prefill() {
      const { reset } = useFormContext();
      useEffect(() => reset({ buyer_name: '김지원', buyer_email: 'kim@example.com', buyer_tel: '010-1234-5678', pay_method: 'vbank' }), [reset]);
      return null;
    }
    const { sdk } = renderWithIamport(
      <PaymentForm amount={1004} name="원두">
        <Prefill />
      </PaymentForm>,
    );
    await waitFor(() => expect(screen.getByLabelText(/^이름/)).toHaveValue('김지원'));
    expect(screen.getByLabelText(/이메일/)).toHaveValue('kim@example.com');
    expect(screen.getByRole('radio', { name: ko.methods.vbank })).toBeChecked();
    await user.clear(screen.getByLabelText(/휴대폰 번호/));
    await user.click(screen.getByRole('button', { name: /결제하기/ }));
    expect(await screen.findByText(ko.required)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/휴대폰 번호/)).toHaveFocus());
    await user.type(screen.getByLabelText(/휴대폰 번호/), '010-9876-5432');
    await user.click(screen.getByRole('button', { name: /결제하기/ }));
    expect(sdk.requests).toHaveLength(1);
    expect(sdk.requests[0]).toMatchObject({ pay_method: 'vbank', buyer_name: '김지원', buyer_email: 'kim@example.com', buyer_tel: '010-9876-5432' });
  });

  it("a child's reset() keeps every field registered: rules still block, the first invalid field gets focus", async () => {
    const user = userEvent.setup();
    function Reset() {
      const { reset } = useFormContext();
      return (
        <button type="button" onClick={() => reset({ buyer_name: '', buyer_email: '', buyer_tel: '', pay_method: 'trans' })}>
          비우기
        </button>
      );
    }
    const { sdk } = renderWithIamport(
      <PaymentForm amount={1004} name="원두">
        <Reset />
      </PaymentForm>,
    );
    await fillBuyer(user, { name: '김지원', email: 'kim@example.com', tel: '010-1234-5678' });
    await user.click(screen.getByRole('button', { name: '비우기' }));
    expect(screen.getByLabelText(/^이름/)).toHaveValue('');
    expect(screen.getByRole('radio', { name: ko.methods.trans })).toBeChecked();

    await fillBuyer(user, { name: '김지원', email: 'kim@', tel: '010-1234-5678' });
    await user.click(screen.getByRole('button', { name: /결제하기/ }));
    expect(await screen.findByText(ko.invalidEmail)).toHaveAttribute('role', 'alert');
    await waitFor(() => expect(screen.getByLabelText(/이메일/)).toHaveFocus());
    expect(sdk.requests).toHaveLength(0);

    await user.clear(screen.getByLabelText(/이메일/));
    await user.type(screen.getByLabelText(/이메일/), 'kim@example.com');
    await user.click(screen.getByRole('button', { name: /결제하기/ }));
    expect(sdk.requests).toHaveLength(1);
    expect(sdk.requests[0]).toMatchObject({ pay_method: 'trans', buyer_name: '김지원', buyer_email: 'kim@example.com', buyer_tel: '010-1234-5678' });
  });
});

describe('<BillingKeyForm>', () => {
  it('opens the card-only billing window with customer_uid and amount 0 by default', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const { sdk } = renderWithIamport(<BillingKeyForm customerUid="user_42_card" name="Monthly plan" buyerFields={['name']} onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText(/이름/), '김지원');
    await user.click(await screen.findByRole('button', { name: ko.registerCard }));
    expect(sdk.requests[0]).toMatchObject({ customer_uid: 'user_42_card', pay_method: 'card', amount: 0, buyer_name: '김지원' });
    act(() => sdk.approve());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ customerUid: 'user_42_card', status: 'succeeded' })));
  });

  it("a <CardFilterField> inside offers the issuers of the form's cardFilter, and the choice becomes card.detail", async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(
      <BillingKeyForm customerUid="user_7_card" buyerFields={[]} cardFilter={{ only: ['366', '381'] }}>
        <CardFilterField />
      </BillingKeyForm>,
    );
    const issuer = screen.getByLabelText(ko.cardIssuer);
    // (a billing form has no pay method: card only, the field always shows)
    expect(
      within(issuer)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['', '381', '366']);
    await user.selectOptions(issuer, '381');
    await user.click(await screen.findByRole('button', { name: ko.registerCard }));
    expect(sdk.requests[0]!.card!.detail).toEqual([
      { card_code: '*', enabled: false },
      { card_code: '381', enabled: true },
    ]);
  });

  it("a <CardFilterField> with a cardFilter of its own lists those issuers; without a choice the form's filter is sent", async () => {
    const user = userEvent.setup();
    const { sdk } = renderWithIamport(
      <BillingKeyForm customerUid="user_8_card" buyerFields={[]} cardFilter={{ exclude: ['370'] }}>
        <CardFilterField cardFilter={{ only: ['366'] }} />
      </BillingKeyForm>,
    );
    expect(
      within(screen.getByLabelText(ko.cardIssuer))
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(['', '366']);
    await user.click(await screen.findByRole('button', { name: ko.registerCard }));
    expect(sdk.requests[0]!.card!.detail).toEqual([{ card_code: '370', enabled: false }]);
  });

  it('labels the button with the first charge when amount > 0', async () => {
    renderWithIamport(<BillingKeyForm customerUid="user_1" amount={9900} buyerFields={[]} />);
    expect(await screen.findByRole('button', { name: '₩9,900 결제하기' })).toBeInTheDocument();
  });
});

describe('<PaymentButton>', () => {
  it('one click → one request; disabled with progress while pending; 20 rapid clicks reach the SDK once', async () => {
    const { sdk } = renderWithIamport(
      <PaymentButton params={{ pay_method: 'card', name: '원두', amount: 1004 }} cardFilter={{ only: ['366'] }}>
        ₩1,004 결제
      </PaymentButton>,
    );
    const button = await screen.findByRole('button', { name: '₩1,004 결제' });
    act(() => {
      for (let i = 0; i < 20; i++) button.click();
    });
    expect(sdk.requests).toHaveLength(1);
    expect(sdk.requests[0]!.card!.detail).toEqual([
      { card_code: '*', enabled: false },
      { card_code: '366', enabled: true },
    ]);
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAttribute('aria-busy', 'true');
    act(() => sdk.cancel());
    expect(await screen.findByRole('status')).toHaveTextContent(ko.cancelled);
    expect(button).toBeEnabled();
  });

  it('is disabled while the SDK loads and offers a retry when it fails', async () => {
    let fail!: (error: Error) => void;
    const sdk = new Promise<never>((_, reject) => (fail = reject));
    renderWithIamport(<PaymentButton params={{ pay_method: 'card', amount: 1004 }} />, { sdk });
    expect(screen.getByRole('button', { name: ko.loadingSdk })).toBeDisabled();
    act(() => fail(new Error('offline')));
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.sdkFailed);
    expect(screen.getByRole('button', { name: ko.retry })).toBeEnabled();
  });

  it('passes children and className through', async () => {
    renderWithIamport(
      <PaymentButton className="buy" params={{ pay_method: 'card', amount: 1004 }}>
        Buy
      </PaymentButton>,
      { sdk: createFakeIamport() },
    );
    expect(await screen.findByRole('button', { name: 'Buy' })).toHaveClass('iamport-button', 'buy');
  });
});

describe('an unknown outcome is checked with your server before anything is said', () => {
  it.each([
    ['paid', { verified: true, status: 'paid' }, ko.paid, 'status', false],
    ['a virtual account issued', { verified: false, status: 'awaiting_deposit' }, ko.vbankIssued, 'status', false],
    // (no window ever opened: the SDK's init failed, so the buyer is told it could not open)
    ['no payment for the order', { verified: false, status: 'not_verified', reason: 'not_found' }, ko.windowFailed, 'alert', false],
    [
      'a payment that does not match the order',
      { verified: false, status: 'not_verified', reason: 'amount_mismatch', paymentStatus: 'paid' },
      ko.notVerified,
      'alert',
      true,
    ],
    ['a server that could not decide', { verified: false, status: 'unknown', reason: 'upstream_error' }, ko.notVerified, 'alert', true],
    ['a plain false', false, ko.windowFailed, 'alert', false],
  ] as const)('%s', async (_, answer, text, role, retry) => {
    const verify = vi.fn(async () => answer);
    renderWithIamport(<PaymentButton params={{ pay_method: 'card', amount: 1004 }} verify={verify} />, {
      sdk: createFakeIamport({ faults: { init: 'network-error' } }),
      provider: { windowTimeoutMs: 60 },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: ko.pay }));
    expect(await screen.findByRole(role, {}, { timeout: 3000 })).toHaveTextContent(text);
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ status: 'unknown', reason: 'no-window', impUid: null }));
    expect(screen.queryAllByRole('button', { name: ko.retry })).toHaveLength(retry ? 1 : 0);
  });
});
