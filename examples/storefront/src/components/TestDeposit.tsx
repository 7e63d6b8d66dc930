import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type Order } from '../api';

type Message = { kind: 'success' | 'error'; text: string };

/** How the shop's server learned of the deposit. */
const SETTLED = {
  webhook: '입금이 확인되었습니다. 결제 서버가 보낸 입금 알림(웹훅)을 받은 상점 서버가 결제 완료로 바꿨어요.',
  lookup: '입금이 확인되었습니다. 상점 서버가 결제 서버에 직접 확인해 결제 완료로 바꿨어요.',
} as const;

/**
 * Demo only (the shop runs on iamport-sandbox): "입금하기 (테스트)" on a virtual account awaiting
 * its deposit, standing in for the buyer's bank transfer. The server makes the deposit in the
 * sandbox and answers once its own webhook route recorded the payment, so the row turns 결제 완료
 * the way a real deposit does it: by the webhook alone. The result stays, focused, after the
 * button is gone.
 *
 * @example
 * <TestDeposit order={order} onChange={replaceOrder} />
 */
export function TestDeposit({ order, onChange }: { order: Order; onChange(order: Order): void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const finish = (updated: Order | null, result: Message) => {
    if (updated) onChange(updated);
    setMessage(result);
    setBusy(false);
  };
  const deposit = () => {
    if (busy) return; // one click, one deposit
    setBusy(true);
    setMessage(null);
    api.simulateDeposit(order.merchant_uid).then(
      ({ order: updated, via, waiting }) =>
        finish(
          updated,
          updated.status === 'paid'
            ? { kind: 'success', text: SETTLED[via ?? 'webhook'] }
            : { kind: 'error', text: waiting ?? '입금 결과를 확인하지 못했습니다. 잠시 후 새로고침해 주세요.' },
        ),
      async (reason: unknown) => {
        const text = reason instanceof ApiError ? reason.message : '입금하지 못했습니다. 잠시 후 다시 시도해 주세요.';
        // The row may be stale (paid from another tab): show what the server has now.
        const current = await api.order(order.merchant_uid).then(
          (answer) => answer.order,
          () => null,
        );
        finish(current, { kind: 'error', text });
      },
    );
  };

  if (order.status !== 'ready' && !message) return null;
  const label = busy ? '입금 확인 중…' : '입금하기 (테스트)';
  return (
    <div className="test-deposit">
      {order.status === 'ready' && (
        <>
          <button type="button" className="small-button" onClick={deposit} disabled={busy} aria-busy={busy || undefined} aria-label={`${order.name} ${label}`}>
            {label}
          </button>
          <p className="hint">실제 상점에서는 구매자의 계좌이체가 이 버튼의 역할을 해요.</p>
        </>
      )}
      {message && (
        <p ref={messageRef} tabIndex={-1} role={message.kind === 'error' ? 'alert' : 'status'} className={`iamport-notice iamport-notice-${message.kind}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
