import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithIamport } from 'react-iamport-jtnet/testing';
import { Checkout, type Verify } from './Checkout';

const order = { merchantUid: 'order_1001', name: '에티오피아 예가체프 200g', amount: 15_000 };
const payButton = () => screen.getByRole('button', { name: '₩15,000 결제하기' });

describe('Checkout', () => {
  it('approve: says paid once the server verified the payment', async () => {
    const verify = vi.fn<Verify>(async () => ({ verified: true, status: 'paid' }));
    const { sdk } = renderWithIamport(<Checkout order={order} verify={verify} />, { render });
    sdk.willApprove();

    await userEvent.click(payButton());

    expect((await screen.findByRole('status')).textContent).toBe('결제가 완료되었습니다');
    expect(sdk.lastRequest).toMatchObject({ merchant_uid: 'order_1001', amount: 15_000, pay_method: 'card' });
    expect(verify).toHaveBeenCalledWith({ impUid: expect.stringMatching(/^imp_/), merchantUid: 'order_1001' });
  });

  it('decline: shows the card company’s reason and lets the buyer pay again', async () => {
    const verify = vi.fn<Verify>();
    const { sdk } = renderWithIamport(<Checkout order={order} verify={verify} />, { render });
    sdk.willDecline({ message: '[카드사 거절] 한도가 초과되었습니다' });

    await userEvent.click(payButton());

    expect((await screen.findByRole('alert')).textContent).toBe('결제에 실패했습니다: [카드사 거절] 한도가 초과되었습니다');
    expect(payButton()).toHaveProperty('disabled', false);
    expect(verify).not.toHaveBeenCalled();
  });

  it('cancel: the buyer closed the window; nothing is verified', async () => {
    const verify = vi.fn<Verify>();
    const { sdk } = renderWithIamport(<Checkout order={order} verify={verify} />, { render });
    sdk.willCancel();

    await userEvent.click(payButton());

    expect((await screen.findByRole('status')).textContent).toBe('결제를 취소했습니다');
    expect(verify).not.toHaveBeenCalled();
  });

  it('unknown: no window ever appeared, so it asks the server by merchant_uid before saying anything', async () => {
    const verify = vi.fn<Verify>(async () => ({ verified: false, status: 'not_verified' }));
    // The real SDK fails silently when i'mport is down: no window, no answer. The provider's
    // windowTimeoutMs (10 s by default) ends the request as unknown.
    const { sdk } = renderWithIamport(<Checkout order={order} verify={verify} />, { render, provider: { windowTimeoutMs: 100 } });
    sdk.willShowNoWindow();

    await userEvent.click(payButton());

    expect((await screen.findByRole('alert')).textContent).toBe('결제가 확인되지 않았습니다. 다시 시도해 주세요.');
    expect(verify).toHaveBeenCalledWith({ merchantUid: 'order_1001' });
    expect(sdk.closes).toBe(1); // the kit closed the window that never showed
  });
});
