import { useState } from 'react';
import { usePayment } from 'react-iamport-jtnet';

export interface Order {
  merchantUid: string;
  name: string;
  amount: number;
}

/** What the shop's verify endpoint answers (createVerifyHandler's JSON). */
export type Verification = {
  verified: boolean;
  status: string;
};

export type Verify = (ids: { impUid?: string; merchantUid: string }) => Promise<Verification>;

export const verifyOnServer: Verify = async (ids) => {
  const response = await fetch('/api/payments/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ids) });
  return (await response.json()) as Verification;
};

const won = (amount: number) => `₩${amount.toLocaleString('ko-KR')}`;

export function Checkout({ order, verify = verifyOnServer }: { order: Order; verify?: Verify }) {
  const [check, setCheck] = useState<'checking' | 'paid' | 'not-paid' | null>(null);
  const ask = (ids: { impUid?: string; merchantUid: string }) => {
    setCheck('checking');
    // A verify call that fails (network, 5xx) ends as "not confirmed", never as a spinner forever.
    verify(ids).then(
      (verification) => setCheck(verification.verified ? 'paid' : 'not-paid'),
      () => setCheck('not-paid'),
    );
  };
  const payment = usePayment({
    // The window's "success" is not money yet: the server checks it with i'mport.
    onSuccess: (outcome) => ask({ impUid: outcome.impUid, merchantUid: outcome.merchantUid }),
    // The SDK never answered: only the server knows whether this order was paid.
    onUnknown: (outcome) => ask({ merchantUid: outcome.merchantUid }),
  });
  const pay = () => {
    setCheck(null);
    payment.requestPayment({ merchant_uid: order.merchantUid, name: order.name, amount: order.amount, pay_method: 'card' });
  };

  if (check === 'paid') return <p role="status">결제가 완료되었습니다</p>;
  return (
    <section aria-label="주문 결제">
      <h2>{order.name}</h2>
      <button type="button" onClick={pay} disabled={payment.isPending || check === 'checking'}>
        {won(order.amount)} 결제하기
      </button>
      {check === 'checking' && <p role="status">결제를 확인하고 있습니다</p>}
      {check === 'not-paid' && <p role="alert">결제가 확인되지 않았습니다. 다시 시도해 주세요.</p>}
      {payment.status === 'failed' && <p role="alert">결제에 실패했습니다: {payment.outcome.message}</p>}
      {payment.status === 'cancelled' && <p role="status">결제를 취소했습니다</p>}
    </section>
  );
}
