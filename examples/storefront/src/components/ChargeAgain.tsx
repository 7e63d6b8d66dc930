import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError, type Subscription } from '../api';
import { won } from '../format';

type Message = { kind: 'success' | 'error'; text: string };

/**
 * "이번 달 한 번 더 받기": charges the subscription's billing key on the server, only after the
 * buyer confirmed the amount and the card (money moves at once, so one more step, as cancelling
 * an order has). A declined card is an answer shown as an alert, not an error. Focus follows:
 * the question when it opens, the result after the charge, the button after "돌아가기".
 *
 * @example
 * <ChargeAgain subscription={subscription} onCharged={reloadHistory} />
 */
export function ChargeAgain({ subscription, onCharged }: { subscription: Subscription; onCharged(): void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'charging'>('idle');
  const [message, setMessage] = useState<Message | null>(null);
  const focusNext = useRef<'start' | 'question' | 'message' | null>(null);
  const targets = { start: useRef<HTMLButtonElement>(null), question: useRef<HTMLParagraphElement>(null), message: useRef<HTMLParagraphElement>(null) };
  const questionId = useId();
  const amount = won(subscription.amount);

  useEffect(() => {
    if (focusNext.current) targets[focusNext.current].current?.focus();
    focusNext.current = null;
  });

  const go = (next: typeof step, focus: typeof focusNext.current) => {
    focusNext.current = focus;
    setStep(next);
  };
  const charge = () => {
    if (step === 'charging') return; // one click, one charge
    setStep('charging');
    // Never rejects: a failed charge becomes the error message in the first then.
    void api
      .chargeAgain(subscription.customer_uid)
      .then(
        ({ order, declined }): Message =>
          declined
            ? { kind: 'error', text: declined }
            : { kind: 'success', text: `추가 결제가 완료되었습니다. ${won(order.amount)} (주문번호 ${order.order_no})` },
        (reason: unknown): Message => ({
          kind: 'error',
          text: reason instanceof ApiError ? reason.message : '결제하지 못했습니다. 잠시 후 다시 시도해 주세요.',
        }),
      )
      .then((result) => {
        setMessage(result);
        go('idle', 'message');
        onCharged();
      });
  };

  return (
    <div className="charge-again">
      {step === 'idle' ? (
        <button ref={targets.start} type="button" className="iamport-button" onClick={() => (setMessage(null), go('confirm', 'question'))}>
          이번 달 한 번 더 받기 · {amount}
        </button>
      ) : (
        <div className="confirm-charge" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={targets.question} tabIndex={-1}>
            등록된 카드({subscription.card ?? '정기결제 카드'})로 <strong>{amount}</strong>을 지금 결제할까요? 이번 달 원두를 한 번 더 보내 드려요.
          </p>
          <div className="actions">
            <button type="button" className="iamport-button" onClick={charge} disabled={step === 'charging'} aria-busy={step === 'charging' || undefined}>
              {step === 'charging' ? '결제 중…' : `${amount} 결제하기`}
            </button>
            <button type="button" className="small-button" onClick={() => go('idle', 'start')} disabled={step === 'charging'}>
              돌아가기
            </button>
          </div>
        </div>
      )}
      {message && (
        <p ref={targets.message} tabIndex={-1} role={message.kind === 'error' ? 'alert' : 'status'} className={`iamport-notice iamport-notice-${message.kind}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
