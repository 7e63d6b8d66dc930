'use client';
// Client component: registers the order's amount (POST /api/payments/prepare) as soon as it
// mounts, then the form, the payment window and the verify call run in the browser.
import { useEffect, useState } from 'react';
import { PaymentForm, type CardFilterOption, type LandingVerification } from 'react-iamport-jtnet';

interface CheckoutProps {
  merchantUid: string;
  amount: number;
  name: string;
  cardFilter: CardFilterOption;
  noticeUrl: string;
}

/** What /api/payments/verify (createVerifyHandler) answers, as far as this page reads it. */
interface Verification extends LandingVerification {
  status?: 'paid' | 'awaiting_deposit' | 'not_verified' | 'unknown';
  payment?: { vbank_name: string | null; vbank_num: string | null; vbank_date: number | null };
}

const postJson = async <T,>(path: string, body: unknown): Promise<T> => {
  const reply = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await reply.json()) as T;
};

/** Ask the shop's server; `impUid` null = a window that never answered, settled by merchant_uid. */
const verifyOnServer = (impUid: string | null, merchantUid: string) => postJson<Verification>('/api/payments/verify', { impUid, merchantUid });

const DUE = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Seoul' });

/** Paid, or a virtual account issued (not paid: nothing ships before the deposit): both end the checkout. */
const settled = (verification: Verification) => verification.verified || verification.status === 'awaiting_deposit';

export function Checkout({ merchantUid, amount, name, cardFilter, noticeUrl }: CheckoutProps) {
  const [prepared, setPrepared] = useState<'pending' | 'ready' | 'failed'>('pending');
  const [attempt, setAttempt] = useState(0);
  const [verification, setVerification] = useState<Verification | null>(null);

  // The amount is registered before the window can open, here rather than on click: the click must
  // reach IMP.request_pay in its own task (no await before it), and rendering the page (a prefetch,
  // a reload, a crawler) registers nothing. The route reads the amount from the order, not from here.
  useEffect(() => {
    postJson<{ prepared: boolean }>('/api/payments/prepare', { merchantUid }).then(
      (reply) => setPrepared(reply.prepared ? 'ready' : 'failed'),
      () => setPrepared('failed'),
    );
  }, [merchantUid, attempt]);

  if (verification?.verified) {
    return (
      <p role="status" className="iamport-notice iamport-notice-success">
        결제가 완료되었습니다 · 주문번호 <span className="mono">{merchantUid}</span>
      </p>
    );
  }
  if (verification?.status === 'awaiting_deposit') {
    const account = verification.payment;
    return (
      <div role="status" className="iamport-notice iamport-notice-success">
        <p>가상계좌가 발급되었습니다. 기한 안에 입금해 주시면 바로 보내 드려요.</p>
        <p>
          {account?.vbank_name} <span className="mono">{account?.vbank_num}</span>
          {account?.vbank_date ? ` · ${DUE.format(account.vbank_date * 1000)}까지` : ''}
        </p>
      </div>
    );
  }
  return (
    <>
      {prepared === 'pending' && (
        <p role="status" className="iamport-notice">
          주문을 준비하고 있습니다…
        </p>
      )}
      {prepared === 'failed' && (
        <div role="alert" className="iamport-notice iamport-notice-error">
          주문을 준비하지 못했습니다.{' '}
          <button type="button" className="iamport-link" onClick={() => (setPrepared('pending'), setAttempt((n) => n + 1))}>
            다시 시도
          </button>
        </div>
      )}
      {/* Until the amount is registered nothing can be sent: the fieldset disables the form. */}
      <fieldset className="checkout-fieldset" disabled={prepared !== 'ready'}>
        <PaymentForm
          amount={amount}
          name={name}
          payMethods={['card', 'trans', 'vbank']}
          cardFilter={cardFilter}
          // m_redirect_url (where phones come back) is the provider's redirectUrl, set in the layout.
          params={{ merchant_uid: merchantUid, notice_url: noticeUrl }}
          // Paid only once the server says so; a verify call that fails is shown, not left unhandled.
          onSuccess={(outcome) =>
            void verifyOnServer(outcome.impUid, outcome.merchantUid).then(setVerification, () => setVerification({ verified: false, reason: 'network' }))
          }
          // The window never answered (did not appear, timed out, cancelled from the page): the
          // server settles the order by merchant_uid; the form says "확인 중" meanwhile.
          verify={async (outcome) => {
            const reply = await verifyOnServer(null, outcome.merchantUid);
            if (settled(reply)) setVerification(reply);
            return reply;
          }}
        />
      </fieldset>
      {verification && !settled(verification) && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          결제를 확인할 수 없습니다 ({String(verification.reason)})
        </p>
      )}
    </>
  );
}
