import { IamportProvider } from 'react-iamport-jtnet';
import type { ShopConfig } from './api';
import { Link, usePathname } from './router';
import { LandingPage } from './pages/LandingPage';
import { OrdersPage } from './pages/OrdersPage';
import { ProductPage } from './pages/ProductPage';
import { SubscribePage } from './pages/SubscribePage';
import { Logo } from './art';

function Page({ path, config }: { path: string; config: ShopConfig }) {
  switch (path) {
    case '/':
      return <ProductPage products={config.products} maxQuantity={config.maxQuantity} />;
    case '/subscribe':
      return <SubscribePage plans={config.plans} />;
    case '/orders':
      return <OrdersPage />;
    case '/payments/complete':
      return <LandingPage />;
    default:
      return (
        <section className="page">
          <h1>페이지를 찾을 수 없습니다</h1>
          <p>
            <Link href="/">원두 보러 가기</Link>
          </p>
        </section>
      );
  }
}

export function App({ config }: { config: ShopConfig }) {
  const path = usePathname();
  return (
    // redirectUrl: where the payment window sends a phone back (m_redirect_url).
    <IamportProvider
      merchantCode={config.merchantCode}
      pg={config.pg}
      scriptUrl={config.scriptUrl}
      redirectUrl={`${location.origin}/payments/complete`}
      locale="ko"
    >
      <a className="skip-link" href="#main">
        본문으로 건너뛰기
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <Logo />
            <span>
              온기 커피 <span className="brand-sub">로스터스</span>
            </span>
          </Link>
          <nav aria-label="주요 메뉴">
            <ul className="nav">
              <li>
                <Link href="/">원두·상품</Link>
              </li>
              <li>
                <Link href="/subscribe">정기구독</Link>
              </li>
              <li>
                <Link href="/orders">주문 내역</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Page key={path} path={path} config={config} />
      </main>
      <footer className="site-footer">
        <p>온기 커피 로스터스 · 서울시 마포구 연남로 12 · 사업자등록번호 000-00-00000 (데모)</p>
        <p>
          이 상점은 <strong>react-iamport-jtnet</strong> 데모입니다. 결제는 <code>iamport-sandbox</code>에서만 일어나며 실제로 청구되지 않습니다.
        </p>
      </footer>
    </IamportProvider>
  );
}
