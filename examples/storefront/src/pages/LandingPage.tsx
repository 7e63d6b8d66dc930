import { RedirectLanding, type RedirectResult } from 'react-iamport-jtnet';
import { api, type Verification } from '../api';
import { PaymentNotCompleted } from '../components/PaymentNotCompleted';
import { Receipt, verificationProblem } from '../components/Receipt';
import { Link, useTitle } from '../router';

/** A sign-up comes back here too (billing key window on a phone): say what was charged today. */
const billingNote = (verification: Verification) =>
  verification.payment?.amount
    ? '상점 서버가 카드 등록과 첫 달 결제를 확인했습니다. 다음 달 결제는 예약되어 있어요.'
    : '상점 서버가 카드 등록을 확인했습니다. 오늘은 결제되지 않았고, 첫 결제는 예약된 날에 진행돼요.';

/** The server's verdict, with the shop's order alongside (for its order number). */
const verifyWithOrder = async ({ impUid, merchantUid }: RedirectResult): Promise<Verification> => {
  const [verification, order] = await Promise.all([api.verify(impUid, merchantUid), api.ownOrder(merchantUid).catch(() => null)]);
  return { ...verification, order };
};

/**
 * `/payments/complete` (m_redirect_url): a phone comes back here from the payment window with
 * `imp_uid`, `merchant_uid` and `imp_success` in the URL. Nothing in the URL is trusted: only
 * the server's answer can say "paid". A decline or a cancel offers to pay the same order again.
 */
export function LandingPage() {
  useTitle('결제 결과');
  return (
    <div className="page narrow">
      <section className="panel landing" aria-labelledby="page-title">
        <h1 id="page-title">결제 결과</h1>
        <RedirectLanding
          // Keep the result in the address bar: a reload shows it again (a success is verified
          // again by the server; a decline keeps its "다시 결제하기") instead of "no result".
          cleanUrl={false}
          verify={verifyWithOrder}
          renderSuccess={(result, answer) => {
            const verification = answer as Verification;
            return result.kind === 'billing' ? (
              <>
                <Receipt verification={verification} title="카드가 등록되었습니다" note={billingNote(verification)} />
                <p>
                  <Link href="/subscribe">구독 정보 보기</Link>
                </p>
              </>
            ) : (
              <Receipt verification={verification} orderNo={verification.order?.order_no} />
            );
          }}
          // An issued virtual account is not "verified" (nothing is paid yet): show where to pay.
          // A refusal shows the server's reason (other amount, other order, not paid); a decline or
          // a cancel offers "다시 결제하기"; other cases (no result, an error) use the kit's text.
          renderFailure={(result, state) => {
            if (state.phase === 'failed') return <PaymentNotCompleted result={result} />;
            if (state.phase !== 'unverified') return null;
            const verification = state.verification as Verification;
            return verification.status === 'awaiting_deposit' ? (
              <Receipt verification={verification} orderNo={verification.order?.order_no} />
            ) : (
              <div role="alert" className="iamport-notice iamport-notice-error">
                <p>{verificationProblem(verification)}</p>
                {verification.order && <p className="iamport-detail">주문번호 {verification.order.order_no}</p>}
              </div>
            );
          }}
        />
        <p className="actions">
          <Link href="/orders" className="button-link secondary">
            주문 내역 보기
          </Link>
          <Link href="/">계속 쇼핑하기</Link>
        </p>
      </section>
    </div>
  );
}
