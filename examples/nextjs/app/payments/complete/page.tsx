// Server Component: m_redirect_url. The query (imp_uid, merchant_uid, imp_success, …) reaches the
// landing as Next's searchParams, so the server's HTML already shows the result being checked.
import { Landing } from './landing';

export default async function PaymentCompletePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <section className="landing">
      <h1>결제 결과</h1>
      <Landing searchParams={await searchParams} />
      <p>
        <a href="/">계속 쇼핑하기</a>
      </p>
    </section>
  );
}
