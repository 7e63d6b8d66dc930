'use client';
// Client component: the form, the payment window and the verify call run in the browser.
import { useState } from 'react';
import { PaymentForm, type CardFilterOption, type LandingVerification } from 'react-iamport-jtnet';

interface CheckoutProps {
  merchantUid: string;
  amount: number;
  name: string;
  cardFilter: CardFilterOption;
  noticeUrl: string;
}

export function Checkout({ merchantUid, amount, name, cardFilter, noticeUrl }: CheckoutProps) {
  const [verification, setVerification] = useState<LandingVerification | null>(null);
  if (verification?.verified) {
    return (
      <p role="status" className="iamport-notice iamport-notice-success">
        결제가 완료되었습니다 · 주문번호 <span className="mono">{merchantUid}</span>
      </p>
    );
  }
  return (
    <>
      <PaymentForm
        amount={amount}
        name={name}
        cardFilter={cardFilter}
        // m_redirect_url (where phones come back) is the provider's redirectUrl, set in the layout.
        params={{ merchant_uid: merchantUid, notice_url: noticeUrl }}
        onSuccess={async (outcome) => {
          const reply = await fetch('/api/payments/verify', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ impUid: outcome.impUid, merchantUid: outcome.merchantUid }),
          });
          setVerification((await reply.json()) as LandingVerification);
        }}
      />
      {verification && !verification.verified && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          결제를 확인할 수 없습니다 ({String(verification.reason)})
        </p>
      )}
    </>
  );
}
