import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { useIamport, usePayment, useRedirectResult } from 'react-iamport-jtnet';
import { SANDBOX_CARDS } from 'react-iamport-jtnet/sandbox';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { payWithCard, SandboxProvider } from './sandbox-provider';

const LANDING = 'https://shop.example/payments/complete';

/** The `m_redirect_url` page: shows what came back, never "paid" (the server verifies). */
function Landing({ url }: { url?: string }) {
  const result = useRedirectResult({ url });
  if (result.status === 'none') return <p>No payment result in this URL.</p>;
  return (
    <>
      <dl>
        <dt>status</dt>
        <dd>
          <output>{result.status}</output>
        </dd>
        <dt>imp_uid</dt>
        <dd>{result.impUid ?? '—'}</dd>
        <dt>merchant_uid</dt>
        <dd>{result.merchantUid}</dd>
        <dt>sent from this tab</dt>
        <dd>{result.known ? `yes (${result.kind}, ₩${result.remembered?.amount})` : 'no — unknown merchant_uid, treat with suspicion'}</dd>
      </dl>
      {result.message && <p role="alert">{result.message}</p>}
    </>
  );
}

function MobileCheckout() {
  const iamport = useIamport();
  const { requestPayment } = usePayment();
  return (
    <button type="button" disabled={iamport.status !== 'ready'} onClick={() => requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 })}>
      결제하기 (Pay on mobile)
    </button>
  );
}

/**
 * The whole mobile flow on the sandbox: pay → the window "navigates" to `m_redirect_url`
 * with the real query parameters → the landing page reads them with `useRedirectResult`.
 */
function RedirectDemo({ url }: { url?: string }) {
  const [landedAt, setLandedAt] = useState<string | undefined>(url);
  return (
    <SandboxProvider redirectUrl={LANDING} sandbox={{ mode: 'redirect', navigate: setLandedAt }}>
      <section aria-label="useRedirectResult demo" style={{ fontFamily: 'system-ui, sans-serif' }}>
        {landedAt ? (
          <>
            <p>
              Landed on <code>{landedAt}</code>
            </p>
            <Landing url={landedAt} />
          </>
        ) : (
          <MobileCheckout />
        )}
      </section>
    </SandboxProvider>
  );
}

const meta = {
  title: 'Hooks/useRedirectResult',
  component: RedirectDemo,
  parameters: {
    docs: { description: { component: 'The mobile landing page: parse the redirect, match it with the remembered request, never claim "paid".' } },
  },
} satisfies Meta<typeof RedirectDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Pay in redirect mode with the approving card, land, and see a known, unverified success. */
export const MobileFlow: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /pay on mobile/i });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await payWithCard(SANDBOX_CARDS.approve);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('succeeded'));
    await expect(canvas.getByText('yes (payment, ₩1004)')).toBeInTheDocument();
  },
};

/** A declined card on mobile: the Korean error message arrives in the URL and is shown as text. */
export const MobileDeclined: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /pay on mobile/i });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    await payWithCard(SANDBOX_CARDS.decline);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('failed'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('잔액이 부족합니다');
  },
};

/** A result for a merchant_uid this tab never sent is flagged. */
export const UnknownMerchantUid: Story = {
  args: { url: `${LANDING}?imp_uid=imp_999999999999&merchant_uid=order_forged_by_someone&imp_success=true` },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/unknown merchant_uid/)).toBeInTheDocument();
  },
};

/** Markup in `error_msg` stays text. */
export const MessageIsText: Story = {
  args: { url: `${LANDING}?merchant_uid=order_x&success=false&error_code=F400&error_msg=${encodeURIComponent('<img src=x onerror=alert(1)> 카드 한도 초과')}` },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)> 카드 한도 초과');
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
