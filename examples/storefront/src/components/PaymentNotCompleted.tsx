import { useEffect, useState } from 'react';
import type { RedirectResult } from 'react-iamport-jtnet';
import { api, ApiError, type Order } from '../api';
import { OrderSummary } from './OrderSummary';
import { Link, navigate } from '../router';

/** An order this buyer can pay again from the landing: a product order nobody paid or retried yet. */
const retryable = (order: Order) => order.kind === 'product' && (order.status === 'pending' || order.status === 'failed') && !order.superseded_by;

/**
 * The landing after a decline or a cancel (a phone came back from the window): what happened,
 * in the shop's words plus the card company's reason, then the order and "다시 결제하기", which
 * opens the same order as a new payment attempt (new merchant_uid, the server's amount, registered
 * again) with the buyer's details filled in. URL text is rendered as text.
 *
 * @example
 * <RedirectLanding renderFailure={(result, state) => state.phase === 'failed' && <PaymentNotCompleted result={result} />} … />
 */
export function PaymentNotCompleted({ result }: { result: RedirectResult }) {
  const [order, setOrder] = useState<Order | null>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    api.ownOrder(result.merchantUid).then(setOrder, () => setOrder(null));
  }, [result.merchantUid]);
  const cancelled = result.status === 'cancelled';

  const retry = (from: Order) => {
    if (busy) return; // one click, one new attempt
    setBusy(true);
    setError('');
    api.retry(from.merchant_uid).then(
      ({ order: attempt }) => navigate(`/?order=${encodeURIComponent(attempt.merchant_uid)}`),
      (reason: unknown) => {
        setError(reason instanceof ApiError ? reason.message : '주문서를 다시 열지 못했습니다. 잠시 후 다시 시도해 주세요.');
        setBusy(false);
      },
    );
  };

  return (
    <div className="not-completed">
      <div role="alert" className={`iamport-notice iamport-notice-${cancelled ? 'info' : 'error'}`}>
        <p>{cancelled ? '결제를 취소했습니다.' : '결제에 실패했습니다.'}</p>
        {!cancelled && result.message && <p className="iamport-detail">{result.message}</p>}
        {!result.known && <p className="iamport-detail">이 브라우저에서 시작한 결제가 아닙니다.</p>}
      </div>
      {order && retryable(order) && (
        <>
          <OrderSummary order={order} />
          <button type="button" className="iamport-button" onClick={() => retry(order)} disabled={busy} aria-busy={busy || undefined}>
            {busy ? '주문서를 여는 중…' : '다시 결제하기'}
          </button>
          <p className="hint">같은 주문을 다시 결제합니다. 입력하셨던 주문자 정보는 그대로 채워 드려요.</p>
        </>
      )}
      {order?.kind === 'subscription' && (
        <p>
          <Link href="/subscribe" className="button-link">
            카드 다시 등록하기
          </Link>
        </p>
      )}
      {error && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          {error}
        </p>
      )}
    </div>
  );
}
