import { RedirectLanding } from 'react-iamport-jtnet';
import { api, type Verification } from '../api';
import { Receipt, verificationProblem } from '../components/Receipt';
import { Link, useTitle } from '../router';

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
          renderSuccess={(result, verification) => (
            <Receipt verification={verification as Verification} title={result.kind === 'billing' ? '카드가 등록되었습니다' : undefined} />
          )}
          // The server's reason for a refusal (other amount, other order, not paid); other cases use the kit's text.
          renderFailure={(result, state) =>
            state.phase === 'unverified' ? (
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
