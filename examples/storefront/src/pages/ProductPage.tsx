import { useState, type FormEvent } from 'react';
import { CARD_ISSUERS, PaymentForm } from 'react-iamport-jtnet';
import { api, ApiError, type Order, type Product, type Verification } from '../api';
import { ProductArt } from '../art';
import { won } from '../format';
import { Link, useFocusOnMount, useTitle } from '../router';
import { Receipt, verificationProblem } from '../components/Receipt';
import { TestCards } from '../components/TestCards';
import { VerificationStatus } from '../components/VerificationStatus';

/** The shop takes domestic cards only: overseas brands are switched off in the window (card.detail). */
const OVERSEAS = CARD_ISSUERS.filter((issuer) => issuer.overseas).map((issuer) => issuer.code);

type Phase =
  | { step: 'choose' }
  | { step: 'checkout'; order: Order; noticeUrl: string }
  | { step: 'done'; order: Order; verification: Verification };

function ProductChoice({ products, maxQuantity, onOrder }: { products: Product[]; maxQuantity: number; onOrder(order: Order, noticeUrl: string): void }) {
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const product = products.find((candidate) => candidate.id === productId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return; // one click, one order
    setBusy(true);
    setError('');
    // The server prices the order (the browser only says what and how many) and registers
    // its amount with i'mport before the window can open.
    api.createOrder(productId, quantity).then(
      async ({ order, notice_url }) => onOrder((await api.prepare(order.merchant_uid)).order, notice_url),
      (reason: unknown) => {
        setError(reason instanceof ApiError ? reason.message : '주문을 만들지 못했습니다.');
        setBusy(false);
      },
    );
  };

  return (
    <form className="choose" onSubmit={submit} aria-busy={busy}>
      <fieldset className="products">
        <legend className="section-title">원두와 상품</legend>
        {products.map((item) => (
          <label key={item.id} className="product-card">
            <input type="radio" name="product" value={item.id} checked={item.id === productId} onChange={() => setProductId(item.id)} />
            <ProductArt id={item.id} />
            <span className="product-body">
              <span className="tag">{item.tag}</span>
              <span className="product-name">{item.name}</span>
              <span className="product-desc">{item.description}</span>
              <span className="price">{won(item.price)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="order-bar">
        <div className="field-inline">
          <label htmlFor="quantity">수량</label>
          <select id="quantity" className="iamport-input" value={quantity} onChange={(event) => setQuantity(Number(event.target.value))}>
            {Array.from({ length: maxQuantity }, (_, index) => (
              <option key={index + 1} value={index + 1}>
                {index + 1}개
              </option>
            ))}
          </select>
        </div>
        <p className="order-total">
          <span>합계</span> <strong>{product ? won(product.price * quantity) : '-'}</strong>
        </p>
        <button type="submit" className="iamport-button" disabled={busy || !product}>
          {busy ? '주문서 만드는 중…' : '주문서 작성하기'}
        </button>
      </div>
      {error && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          {error}
        </p>
      )}
    </form>
  );
}

function Checkout({ order, noticeUrl, onPaid, onBack }: { order: Order; noticeUrl: string; onPaid(verification: Verification): void; onBack(): void }) {
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState('');
  const heading = useFocusOnMount<HTMLHeadingElement>();

  return (
    <section className="panel checkout" aria-labelledby="checkout-title">
      <h2 id="checkout-title" ref={heading} tabIndex={-1}>
        주문서
      </h2>
      <dl className="summary">
        <dt>상품</dt>
        <dd>{order.name}</dd>
        <dt>주문번호</dt>
        <dd className="mono">{order.merchant_uid}</dd>
        <dt>결제 금액</dt>
        <dd className="amount">{won(order.amount)}</dd>
      </dl>
      <PaymentForm
        amount={order.amount}
        name={order.name}
        payMethods={['card', 'trans', 'vbank', 'phone']}
        cardFilter={{ exclude: OVERSEAS }}
        issuerChoice
        params={{ merchant_uid: order.merchant_uid, notice_url: noticeUrl, digital: false }}
        onSuccess={(outcome) => {
          // "succeeded" is the window's word, not proof: the server checks imp_uid against the order.
          setChecking(true);
          setProblem('');
          api.verify(outcome.impUid, outcome.merchantUid).then(
            // Paid, or a virtual account issued (awaiting the deposit): both end the checkout; nothing else does.
            (verification) =>
              verification.verified || verification.status === 'awaiting_deposit' ? onPaid(verification) : (setProblem(verificationProblem(verification)), setChecking(false)),
            () => (setProblem('결제 확인 서버에 연결하지 못했습니다. 주문 내역에서 상태를 확인해 주세요.'), setChecking(false)),
          );
        }}
        onFailure={() => setProblem('')}
      >
        <p className="hint">해외 발급 카드는 사용할 수 없어요. 카드사를 고르지 않으면 결제창에서 선택합니다.</p>
      </PaymentForm>
      <VerificationStatus checking={checking} checkingText="결제를 확인하고 있습니다…" problem={problem} />
      <button type="button" className="text-button" onClick={onBack}>
        ← 상품 다시 고르기
      </button>
    </section>
  );
}

/** `/`: pick a product, the server creates the order, pay with <PaymentForm>, the server verifies. */
export function ProductPage({ products, maxQuantity }: { products: Product[]; maxQuantity: number }) {
  useTitle('원두·상품');
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });

  return (
    <div className="page">
      <section className="hero" aria-labelledby="page-title">
        <p className="eyebrow">매주 화요일 로스팅</p>
        <h1 id="page-title">갓 볶은 원두를 집으로</h1>
        <p className="lead">연남동 작은 로스터리에서 소량으로 볶아 이틀 안에 보내 드립니다. 5만 원 이상 무료배송.</p>
      </section>
      <div className="shop-grid">
        <div>
          {phase.step === 'choose' ? (
            <ProductChoice products={products} maxQuantity={maxQuantity} onOrder={(order, noticeUrl) => setPhase({ step: 'checkout', order, noticeUrl })} />
          ) : phase.step === 'checkout' ? (
            <Checkout
              key={phase.order.merchant_uid}
              order={phase.order}
              noticeUrl={phase.noticeUrl}
              onPaid={(verification) => setPhase({ step: 'done', order: phase.order, verification })}
              onBack={() => setPhase({ step: 'choose' })}
            />
          ) : (
            <section className="panel">
              <Receipt verification={phase.verification} />
              <p className="actions">
                <Link href="/orders" className="button-link">
                  주문 내역 보기
                </Link>
                <button type="button" className="text-button" onClick={() => setPhase({ step: 'choose' })}>
                  계속 쇼핑하기
                </button>
              </p>
            </section>
          )}
        </div>
        <TestCards />
      </div>
    </div>
  );
}
