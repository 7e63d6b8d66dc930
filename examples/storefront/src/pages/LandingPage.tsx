import { RedirectLanding } from 'react-iamport-jtnet';
import { api, type Verification } from '../api';
import { Receipt, verificationProblem } from '../components/Receipt';
import { Link, useTitle } from '../router';

/** A sign-up comes back here too (billing key window on a phone): say what was charged today. */
const billingNote = (verification: Verification) =>
  verification.payment?.amount
    ? '상점 서버가 카드 등록과 첫 달 결제를 확인했습니다. 다음 달 결제는 예약되어 있어요.'
    : '상점 서버가 카드 등록을 확인했습니다. 오늘은 결제되지 않았고, 첫 결제는 예약된 날에 진행돼요.';

/**
 * `/payments/complete` (m_redirect_url): a phone comes back here from the payment window with
 * `imp_uid`, `merchant_uid` and `imp_success` in the URL. Nothing in the URL is trusted: only
 * the server's answer can say "paid".
 */
export function LandingPage() {
  useTitle('결제 결과');
  return (
    <div className="page narrow">
      <section className="panel landing" aria-labelledby="page-title">
        <h1 id="page-title">결제 결과</h1>
        <RedirectLanding
          verify={(result) => api.verify(result.impUid, result.merchantUid)}
          renderSuccess={(result, verification) =>
            result.kind === 'billing' ? (
              <>
                <Receipt verification={verification as Verification} title="카드가 등록되었습니다" note={billingNote(verification as Verification)} />
                <p>
                  <Link href="/subscribe">구독 정보 보기</Link>
                </p>
              </>
            ) : (
              <Receipt verification={verification as Verification} />
            )
          }
          // An issued virtual account is not "verified" (nothing is paid yet): show where to pay.
          // Otherwise the server's reason for a refusal (other amount, other order, not paid); other cases use the kit's text.
          renderFailure={(result, state) =>
            state.phase === 'unverified' && state.verification.status === 'awaiting_deposit' ? (
              <Receipt verification={state.verification as Verification} />
            ) : state.phase === 'unverified' ? (
              <div role="alert" className="iamport-notice iamport-notice-error">
                <p>{verificationProblem(state.verification as Verification)}</p>
                {result.merchantUid && <p className="iamport-detail">주문번호 {result.merchantUid}</p>}
              </div>
            ) : null
          }
        />
        <p className="actions">
          <Link href="/orders" className="button-link">
            주문 내역 보기
          </Link>
          <Link href="/">계속 쇼핑하기</Link>
        </p>
      </section>
    </div>
  );
}
