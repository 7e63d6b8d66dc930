import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SANDBOX_CARDS, SANDBOX_MERCHANT_CODE } from 'react-iamport-jtnet/sandbox';
import { SandboxWindowDemo } from './support/SandboxWindowDemo';

const meta = {
  title: 'Sandbox/Payment window',
  component: SandboxWindowDemo,
  args: { params: { pg: 'jtnet', pay_method: 'card', merchant_uid: 'story_order_1', name: '원두 1kg', amount: 15000, buyer_name: '홍길동' } },
} satisfies Meta<typeof SandboxWindowDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

const page = () => within(document.body);
/** Queries bound to one element (the window's dialog). */
type Scope = ReturnType<typeof page>;
const openWindow = async (canvasElement: HTMLElement) => {
  await userEvent.click(within(canvasElement).getByRole('button', { name: /request payment/i }));
  return within(await page().findByRole('dialog'));
};
async function typeCard(dialog: Scope, card: string) {
  await userEvent.type(dialog.getByLabelText(/card number/i), card);
  await userEvent.type(dialog.getByLabelText(/expiry/i), '12/39');
  await userEvent.type(dialog.getByLabelText(/birth date/i), '900101');
  await userEvent.type(dialog.getByLabelText(/pin digits/i), '12');
}
const approve = (dialog: Scope) => userEvent.click(dialog.getByRole('button', { name: /approve/i }));
const responseShows = (canvasElement: HTMLElement, ...texts: string[]) =>
  waitFor(async () => {
    for (const text of texts) await expect(within(canvasElement).getByTestId('response')).toHaveTextContent(text);
  });
const windowClosed = () => waitFor(() => expect(page().queryByRole('dialog')).toBeNull());

/** The approve card, typed into the window. */
export const CardApproved: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await expect(dialog.getByText('₩15,000')).toBeVisible();
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await windowClosed();
    await responseShows(canvasElement, '"status": "paid"', '"paid_amount": 15000', '"card_number": "424242******4242"', '"pg_provider": "jtnet"');
    await expect(within(canvasElement).getByTestId('events')).toHaveTextContent('approved');
  },
};

/** 4000-0000-0000-0002 is declined for insufficient funds. */
export const CardDeclined: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await typeCard(dialog, SANDBOX_CARDS.decline);
    await approve(dialog);
    await responseShows(canvasElement, '"success": false', '잔액이 부족합니다', '"status": "failed"');
  },
};

/** 4000-0000-0000-0119 fails at the PG/network. */
export const CardNetworkFailure: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await typeCard(dialog, SANDBOX_CARDS.network);
    await approve(dialog);
    await responseShows(canvasElement, '"success": false', '통신 오류');
  },
};

/** Wrong card input is flagged in the window, which stays open until it is fixed. */
export const CardInputErrors: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await userEvent.type(dialog.getByLabelText(/card number/i), '4242');
    await approve(dialog);
    await expect(dialog.getByLabelText(/card number/i)).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabelText(/card number/i)).toHaveAccessibleDescription(/16/);
    await userEvent.clear(dialog.getByLabelText(/card number/i));
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await responseShows(canvasElement, '"status": "paid"');
  },
};

/** Real-time bank transfer approves without card fields. */
export const BankTransfer: Story = {
  args: { params: { ...meta.args.params, merchant_uid: 'story_trans_1', pay_method: 'trans' } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await expect(dialog.getByRole('radio', { name: /bank transfer/i })).toBeChecked();
    await approve(dialog);
    await responseShows(canvasElement, '"pay_method": "trans"', '"status": "paid"');
  },
};

/** A virtual account is issued: status `ready` with number, bank and due date. */
export const VirtualAccount: Story = {
  args: { params: { ...meta.args.params, merchant_uid: 'story_vbank_1', pay_method: 'vbank', vbank_due: '202612312359' } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await approve(dialog);
    await responseShows(canvasElement, '"status": "ready"', '"vbank_name": "KB국민은행"', '"vbank_num"', '"vbank_date": 1798729199');
  },
};

/** Phone micro-payment (digital goods). */
export const Phone: Story = {
  args: { params: { ...meta.args.params, merchant_uid: 'story_phone_1', pay_method: 'phone', digital: true } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await approve(dialog);
    await responseShows(canvasElement, '"pay_method": "phone"', '"status": "paid"');
  },
};

/** Esc (or the close / cancel button) = the buyer cancels: F400 with the cancel message. */
export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    await openWindow(canvasElement);
    await userEvent.keyboard('{Escape}');
    await windowClosed();
    await responseShows(canvasElement, '"error_code": "F400"', '사용자가 결제를 취소하셨습니다');
  },
};

/** `customer_uid` + `amount: 0`: the card-only billing window issues a key without charging. */
export const BillingKeyOnly: Story = {
  args: { params: { pg: 'jtnet', pay_method: 'card', merchant_uid: 'story_billing_0', name: '정기구독 카드 등록', amount: 0, customer_uid: 'customer_1' } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await expect(page().getByRole('dialog')).toHaveAccessibleName(/billing key/i);
    await expect(dialog.queryByRole('radio', { name: /bank transfer/i })).toBeNull();
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await responseShows(canvasElement, '"customer_uid": "customer_1"', '"paid_amount": 0', '"status": "paid"');
  },
};

/** `customer_uid` + `amount > 0`: the key is issued and charged at once. */
export const BillingKeyAndCharge: Story = {
  args: { params: { pg: 'jtnet', pay_method: 'card', merchant_uid: 'story_billing_1', name: '첫 달 구독료', amount: 9900, customer_uid: 'customer_2' } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await expect(dialog.getByText('₩9,900')).toBeVisible();
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await responseShows(canvasElement, '"customer_uid": "customer_2"', '"paid_amount": 9900');
  },
};

/** `card.detail` `[{'*': false}, {'366': true}]`: only Shinhan is offered. */
export const CardFilterShinhanOnly: Story = {
  args: {
    params: {
      ...meta.args.params,
      merchant_uid: 'story_filter_1',
      card: {
        detail: [
          { card_code: '*', enabled: false },
          { card_code: '366', enabled: true },
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    const issuer = dialog.getByLabelText(/card issuer/i);
    await expect(
      within(issuer)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['신한 (Shinhan)']);
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await responseShows(canvasElement, '"card_name": "신한카드"');
  },
};

/** Mobile behaviour: instead of calling back, the window navigates to `m_redirect_url` (captured here). */
export const RedirectMode: Story = {
  args: {
    params: { ...meta.args.params, merchant_uid: 'story_redirect_1', m_redirect_url: 'https://shop.example/payments/complete' },
    sandbox: { mode: 'redirect' },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    const redirect = await within(canvasElement).findByTestId('redirect');
    const url = new URL(redirect.textContent ?? '');
    await expect(url.origin + url.pathname).toBe('https://shop.example/payments/complete');
    await expect(url.searchParams.get('merchant_uid')).toBe('story_redirect_1');
    await expect(url.searchParams.get('imp_success')).toBe('true');
    await expect(url.searchParams.get('imp_uid')).toMatch(/^imp_\d{12}$/);
    await expect(within(canvasElement).getByTestId('response')).toHaveTextContent('—');
  },
};

/** Paying the same merchant_uid twice: the second request fails with F1002 and opens no window. */
export const ReusedMerchantUid: Story = {
  args: { params: { ...meta.args.params, merchant_uid: 'story_reused_1' } },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    await responseShows(canvasElement, '"status": "paid"');
    await userEvent.click(within(canvasElement).getByRole('button', { name: /request payment/i }));
    await responseShows(canvasElement, '"error_code": "F1002"', '이미 결제가 이루어진 거래건입니다.');
    await expect(page().queryByRole('dialog')).toBeNull();
  },
};

/** The window left open, so the accessibility check audits the dialog itself. */
export const WindowOpen: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    for (const label of [/card issuer/i, /card number/i, /expiry/i, /birth date/i, /pin digits/i]) {
      await expect(dialog.getByLabelText(label)).toBeInTheDocument();
    }
    await expect(dialog.getByRole('button', { name: /close/i })).toBeVisible();
    await expect(dialog.getByText(SANDBOX_MERCHANT_CODE)).toBeVisible();
  },
};

/** `IMP.close()` hides the window like the real SDK: the request's callback is never called. */
export const ClosedByThePage: Story = {
  args: { params: { ...meta.args.params, merchant_uid: 'story_close_1' } },
  play: async ({ canvasElement }) => {
    await openWindow(canvasElement);
    await expect(within(canvasElement).getByTestId('sdk-dom')).toHaveTextContent('display: block');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'IMP.close()' }));
    await windowClosed();
    await waitFor(() => expect(within(canvasElement).getByTestId('events')).toHaveTextContent('closed'));
    await expect(within(canvasElement).getByTestId('sdk-dom')).toHaveTextContent('display: none');
    await expect(within(canvasElement).getByTestId('response')).toHaveTextContent('—');
  },
};

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/**
 * A phone (iPhone user agent): the SDK's dialog is `payment-jtnet mobile ios`, `body` gets
 * `imp-payment-progress` (the page behind is hidden), and the PG sends the page to `m_redirect_url`.
 */
export const OnAPhone: Story = {
  args: {
    params: {
      ...meta.args.params,
      merchant_uid: 'story_phone_ua_1',
      name: '에티오피아 예가체프 내추럴 원두 1kg 외 3건 월구독',
      m_redirect_url: 'https://shop.example/payments/complete',
    },
    sandbox: { mode: 'auto', userAgent: IPHONE },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openWindow(canvasElement);
    await waitFor(() => expect(document.querySelector('div.imp-dialog')?.className).toBe('imp-dialog customizable payment-jtnet mobile ios'));
    await expect(document.body).toHaveClass('imp-payment-progress');
    await typeCard(dialog, SANDBOX_CARDS.approve);
    await approve(dialog);
    const redirect = await within(canvasElement).findByTestId('redirect');
    await expect(new URL(redirect.textContent ?? '').searchParams.get('imp_success')).toBe('true');
    await expect(document.body).not.toHaveClass('imp-payment-progress');
  },
};
