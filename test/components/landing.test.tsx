import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, RedirectLanding } from '../../src/components';
import { rememberRequest } from '../../src/core';
import { renderWithIamport } from '../support/render-with-iamport';

const ko = MESSAGES.ko;
const landing = (query: string) => `https://shop.example/payments/complete?${query}`;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('<RedirectLanding>', () => {
  it('never says paid before verify resolves true, and verifies once under StrictMode', async () => {
    rememberRequest({ merchantUid: 'order_1', kind: 'payment', amount: 1004, startedAt: Date.now() });
    const answer = deferred<boolean>();
    const verify = vi.fn((_result: unknown) => answer.promise);
    renderWithIamport(
      <StrictMode>
        <RedirectLanding verify={verify} url={landing('imp_uid=imp_123456789012&merchant_uid=order_1&imp_success=true')} cleanUrl={false} />
      </StrictMode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(ko.verifying);
    expect(screen.queryByText(ko.paid)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]![0]).toMatchObject({ status: 'succeeded', impUid: 'imp_123456789012', merchantUid: 'order_1', known: true, verified: false });
    await act(async () => answer.resolve(true));
    expect(screen.getByRole('status')).toHaveTextContent(ko.paid);
  });

  it('shows "not verified" when the server says no (tampered amount or imp_success=true for a failed payment)', async () => {
    renderWithIamport(
      <RedirectLanding
        verify={async () => ({ verified: false, reason: 'amount_mismatch' })}
        url={landing('imp_uid=imp_1&merchant_uid=order_x&imp_success=true')}
        cleanUrl={false}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.notVerified);
    expect(screen.queryByText(ko.paid)).toBeNull();
    expect(screen.getByText(ko.unknownOrder)).toBeInTheDocument();
  });

  it('renders an <img onerror> error_msg as literal text and never calls verify for a failure', async () => {
    const verify = vi.fn(async () => true);
    const payload = '<img src=x onerror="window.__pwned=1">';
    renderWithIamport(
      <RedirectLanding
        verify={verify}
        url={landing(`imp_uid=imp_1&merchant_uid=o&imp_success=false&error_code=F0004&error_msg=${encodeURIComponent(payload)}`)}
        cleanUrl={false}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(ko.failed);
    expect(screen.getByText(payload)).toBeInTheDocument();
    expect(alert.querySelector('img')).toBeNull();
    expect(verify).not.toHaveBeenCalled();
  });

  it('shows cancellation, no result, and the virtual account state', async () => {
    const { unmount } = renderWithIamport(
      <RedirectLanding
        verify={async () => true}
        url={landing(`imp_uid=imp_1&merchant_uid=o&imp_success=false&error_msg=${encodeURIComponent('사용자가 결제를 취소하셨습니다')}`)}
        cleanUrl={false}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(ko.cancelled);
    unmount();
    const second = renderWithIamport(<RedirectLanding verify={async () => true} url="https://shop.example/payments/complete" cleanUrl={false} />);
    expect(screen.getByRole('alert')).toHaveTextContent(ko.noResult);
    second.unmount();
    renderWithIamport(
      <RedirectLanding verify={async () => ({ verified: true, status: 'ready' })} url={landing('imp_uid=imp_1&merchant_uid=o')} cleanUrl={false} />,
    );
    expect(await screen.findByText(ko.vbankIssued)).toBeInTheDocument();
  });

  it('offers a retry when verify throws, and succeeds on the second attempt', async () => {
    const user = userEvent.setup();
    const verify = vi.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce(true);
    renderWithIamport(<RedirectLanding verify={verify} url={landing('imp_uid=imp_1&merchant_uid=o&imp_success=true')} cleanUrl={false} />);
    expect(await screen.findByText(ko.verifyError)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: ko.retry }));
    expect(await screen.findByText(ko.paid)).toBeInTheDocument();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('uses renderSuccess / renderFailure / renderPending and says billing key for billing requests', async () => {
    rememberRequest({ merchantUid: 'sub_1', kind: 'billing', amount: 0, startedAt: Date.now(), customerUid: 'user_1' });
    const answer = deferred<boolean>();
    renderWithIamport(
      <RedirectLanding
        verify={() => answer.promise}
        url={landing('imp_uid=imp_1&merchant_uid=sub_1&imp_success=true')}
        cleanUrl={false}
        renderPending={() => <p>checking…</p>}
      />,
    );
    expect(screen.getByText('checking…')).toBeInTheDocument();
    await act(async () => answer.resolve(true));
    expect(screen.getByText(ko.billingKeyIssued)).toBeInTheDocument();
  });
});
