import { useEffect, useState } from 'react';
import { api, ApiError, type Order } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { TestDeposit } from '../components/TestDeposit';
import { dateTime, METHOD_LABEL, won } from '../format';
import { OrderDate } from '../components/OrderDate';
import { Link, useTitle } from '../router';

function OrderItem({ order, onChange }: { order: Order; onChange(order: Order): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const cancel = () => {
    setBusy(true);
    setError('');
    api.cancelOrder(order.merchant_uid).then(
      ({ order: updated }) => onChange(updated),
      (reason: unknown) => {
        setError(reason instanceof ApiError ? reason.message : '취소하지 못했습니다.');
        setBusy(false);
        setConfirming(false);
      },
    );
  };
  return (
    <li className="order" data-merchant-uid={order.merchant_uid} data-status={order.status}>
      <div className="order-main">
        <h2 className="order-name">{order.name}</h2>
        <p className="order-meta">
          <span className="order-no">주문번호 {order.order_no}</span> · <OrderDate order={order} />
          {order.pay_method && ` · ${METHOD_LABEL[order.pay_method] ?? order.pay_method}`}
          {order.card_name && ` (${order.card_name})`}
        </p>
        {order.status === 'ready' && order.vbank && (
          <p className="order-meta">
            입금 계좌: {order.vbank.bank} <span className="mono">{order.vbank.number}</span>
            {order.vbank.due ? ` · ${dateTime(order.vbank.due * 1000)}까지` : ''}
          </p>
        )}
        {order.status === 'failed' && order.fail_reason && <p className="order-meta">사유: {order.fail_reason}</p>}
        {order.status === 'paid' && order.pay_method === 'vbank' && (
          // i'mport refunds a deposited virtual account only into an account the buyer names.
          <p className="order-meta">환불은 고객센터로 문의해 주세요 (환불받을 계좌가 필요해요).</p>
        )}
        {error && (
          <p role="alert" className="iamport-error">
            {error}
          </p>
        )}
      </div>
      <div className="order-side">
        <strong className="order-amount">{won(order.amount)}</strong>
        <StatusBadge status={order.status} />
        {order.status === 'paid' &&
          order.pay_method !== 'vbank' &&
          (confirming ? (
            <span className="confirm" role="group" aria-label={`${order.name} 결제 취소 확인`}>
              <button type="button" className="small-button danger" onClick={cancel} disabled={busy}>
                {busy ? '취소 중…' : '취소 확정'}
              </button>
              <button type="button" className="small-button" onClick={() => setConfirming(false)} disabled={busy}>
                돌아가기
              </button>
            </span>
          ) : (
            <button type="button" className="small-button" onClick={() => setConfirming(true)} aria-label={`${order.name} 결제 취소`}>
              결제 취소
            </button>
          ))}
      </div>
      {order.pay_method === 'vbank' && <TestDeposit order={order} onChange={onChange} />}
    </li>
  );
}

/** An order sheet never paid, or a declined attempt that "다시 결제하기" replaced. */
const unpaidAttempt = (order: Order) => order.status === 'pending' || (order.superseded_by !== undefined && order.status === 'failed');

/**
 * `/orders`: this browser's orders with the status the SERVER verified; paid ones can be
 * cancelled (cancelPayment), a virtual account awaiting its deposit can be paid by a test deposit.
 */
export function OrdersPage() {
  useTitle('주문 내역');
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.orders().then(
      (result) => setOrders(result.orders),
      () => setError('주문 내역을 불러오지 못했습니다.'),
    );
  }, []);
  // Unpaid order sheets, attempts a retry replaced and ₩0 card registrations (subscription
  // sign-ups) are not purchases.
  const visible = orders?.filter((order) => !unpaidAttempt(order) && order.amount > 0) ?? [];
  const hidden = orders?.filter(unpaidAttempt).length ?? 0;

  return (
    <div className="page narrow">
      <section className="hero compact" aria-labelledby="page-title">
        <h1 id="page-title">주문 내역</h1>
        <p className="lead">상태는 상점 서버가 i'mport에 직접 확인한 결과입니다.</p>
      </section>
      {error && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          {error}
        </p>
      )}
      {orders === null && !error && <p role="status">불러오는 중…</p>}
      {orders && visible.length === 0 && (
        <div className="panel empty">
          <p>아직 결제한 주문이 없어요.</p>
          <Link href="/" className="button-link">
            원두 보러 가기
          </Link>
        </div>
      )}
      {visible.length > 0 && (
        <ul className="orders" aria-label="주문 목록">
          {visible.map((order) => (
            <OrderItem
              key={order.merchant_uid}
              order={order}
              onChange={(updated) => setOrders((list) => list?.map((o) => (o.merchant_uid === updated.merchant_uid ? updated : o)) ?? null)}
            />
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="hint orders-note">결제되지 않은 주문서와 결제 시도 {hidden}건은 표시하지 않았습니다.</p>}
    </div>
  );
}
