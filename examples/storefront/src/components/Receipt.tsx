import type { Verification } from '../api';
import { dateTime, METHOD_LABEL, won } from '../format';
import { useFocusOnMount } from '../router';

const REASONS: Record<string, string> = {
  amount_mismatch: '결제 금액이 주문 금액과 다릅니다. 주문이 처리되지 않았습니다.',
  merchant_uid_mismatch: '결제 정보가 이 주문과 일치하지 않습니다.',
  not_paid: '결제가 완료되지 않았습니다.',
  not_found: '결제 정보를 찾을 수 없습니다.',
  order_not_found: '주문 정보를 찾을 수 없습니다.',
  cancelled: '환불된 결제입니다.',
  partially_refunded: '일부 환불된 결제입니다. 주문이 처리되지 않았습니다.',
  sandbox_payment: '테스트 결제는 실제 결제로 처리되지 않습니다.',
  prepared_amount_mismatch: '사전 등록된 결제 금액이 주문 금액과 다릅니다.',
  not_prepared: '결제 금액이 사전 등록되지 않았습니다.',
};

/** Why the server did not confirm a payment, in words for the buyer. */
export function verificationProblem(verification: Verification): string {
  return `결제를 확인할 수 없습니다. ${REASONS[verification.reason ?? ''] ?? '고객센터에 문의해 주세요.'}`;
}

/**
 * What the server confirmed: paid, a virtual account awaiting the deposit (not paid), or (with
 * `title`/`note`) a registered card. `orderNo` is the shop's order number (the payment only
 * knows the internal merchant_uid, kept as `data-merchant-uid`).
 */
export function Receipt({ verification, orderNo, title, note }: { verification: Verification; orderNo?: string; title?: string; note?: string }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const payment = verification.payment;
  const ready = verification.status === 'awaiting_deposit';
  return (
    <div className="receipt" data-status={verification.status} data-merchant-uid={payment?.merchant_uid}>
      <h2 ref={heading} tabIndex={-1} className="receipt-title">
        <span className="check" aria-hidden="true">
          ✓
        </span>{' '}
        {title ?? (ready ? '가상계좌가 발급되었습니다' : '결제가 완료되었습니다')}
      </h2>
      <p role="status" className="iamport-notice iamport-notice-success">
        {note ?? (ready ? '아래 계좌로 기한 안에 입금해 주시면 바로 발송해 드려요.' : '상점 서버가 결제를 확인했습니다. 곧 로스팅해서 보내 드릴게요.')}
      </p>
      {payment && (
        <dl className="summary">
          <dt>상품</dt>
          <dd>{payment.name}</dd>
          {orderNo && (
            <>
              <dt>주문번호</dt>
              <dd className="mono order-no">{orderNo}</dd>
            </>
          )}
          <dt>{ready ? '입금하실 금액' : '결제 금액'}</dt>
          <dd className="amount">{won(payment.amount)}</dd>
          <dt>결제 수단</dt>
          <dd>
            {METHOD_LABEL[payment.pay_method] ?? payment.pay_method}
            {payment.card_name ? ` · ${payment.card_name}` : ''}
          </dd>
          {ready && (
            <>
              <dt>입금 계좌</dt>
              <dd>
                {payment.vbank_name} <span className="mono">{payment.vbank_num}</span> ({payment.vbank_holder})
              </dd>
              {payment.vbank_date ? (
                <>
                  <dt>입금 기한</dt>
                  <dd>{dateTime(payment.vbank_date * 1000)}</dd>
                </>
              ) : null}
            </>
          )}
        </dl>
      )}
      {ready && <p className="hint">테스트 상점이라 실제 입금은 없어요. 주문 내역의 ‘입금하기 (테스트)’로 입금을 해 볼 수 있어요.</p>}
    </div>
  );
}
