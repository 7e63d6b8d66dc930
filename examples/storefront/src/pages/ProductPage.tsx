import { useEffect, useState, type FormEvent } from 'react';
import { CardFilterField, PaymentForm } from 'react-iamport-jtnet';
import { api, ApiError, type Order, type Product, type Verification } from '../api';
import { ProductArt } from '../art';
import { recallBuyer, rememberBuyer } from '../buyer';
import { DOMESTIC_CARDS, DOMESTIC_CARDS_NOTE } from '../cards';
import { won } from '../format';
import { Link, useFocusOnMount, useTitle } from '../router';
import { OrderSummary } from '../components/OrderSummary';
import { Receipt, verificationProblem } from '../components/Receipt';
import { TestCards } from '../components/TestCards';
import { VerificationStatus } from '../components/VerificationStatus';

type Phase =
  | { step: 'loading' }
  | { step: 'choose'; note?: string }
  | { step: 'checkout'; order: Order; noticeUrl: string }
  | { step: 'done'; order: Order; verification: Verification };

/** `/?order=<merchant_uid>`: an order sheet to open again (the landing's "다시 결제하기", or a reload of it). */
const orderInAddress = () => new URLSearchParams(location.search).get('order');

/** Paid, or a virtual account issued (awaiting the deposit): both end the checkout; nothing else does. */
const endsCheckout = (verification: Verification) => verification.verified || verification.status === 'awaiting_deposit';

/** Why an order in the address cannot be paid again (or nothing, when it can). */
function notPayable(order: Order): string | null {
  if (order.status === 'paid' || order.status === 'ready') return '이미 결제된 주문입니다. 주문 내역에서 확인해 주세요.';
  if (order.kind !== 'product' || order.status !== 'pending' || order.superseded_by) return '이 주문서는 더 이상 결제할 수 없습니다. 상품을 다시 골라 주세요.';
  return null;
}

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
  // Paying this order again (after a decline or a cancel): what the buyer typed last time.
  const [buyer] = useState(() => recallBuyer(order.order_no));

  return (
    <section
      className="panel checkout"
      aria-labelledby="checkout-title"
      data-merchant-uid={order.merchant_uid}
      // Kept as the form is sent (a phone's window then leaves the page), for "다시 결제하기".
      onSubmitCapture={(event) => rememberBuyer(order.order_no, event.target)}
    >
      <h2 id="checkout-title" ref={heading} tabIndex={-1}>
        주문서
      </h2>
      <OrderSummary order={order} />
      {buyer && (
        <p role="status" className="iamport-notice">
          같은 주문을 다시 결제합니다. 입력하셨던 주문자 정보를 채워 두었어요.
        </p>
      )}
      <PaymentForm
        amount={order.amount}
        name={order.name}
        payMethods={['card', 'trans', 'vbank', 'phone']}
        cardFilter={DOMESTIC_CARDS}
        defaultValues={buyer}
        params={{ merchant_uid: order.merchant_uid, notice_url: noticeUrl, digital: false }}
        onSuccess={(outcome) => {
          // "succeeded" is the window's word, not proof: the server checks imp_uid against the order.
          setChecking(true);
          setProblem('');
          api.verify(outcome.impUid, outcome.merchantUid).then(
            (verification) => (endsCheckout(verification) ? onPaid(verification) : (setProblem(verificationProblem(verification)), setChecking(false))),
            () => (setProblem('결제 확인 서버에 연결하지 못했습니다. 주문 내역에서 상태를 확인해 주세요.'), setChecking(false)),
          );
        }}
        onFailure={() => setProblem('')}
        // The window never answered (it did not appear, timed out, or was cancelled from the page):
        // the server looks the order up by merchant_uid; the form says "확인 중" meanwhile.
        verify={async (outcome) => {
          const verification = await api.verify(null, outcome.merchantUid);
          if (endsCheckout(verification)) onPaid(verification);
          return verification;
        }}
      >
        {/* the buyer may pick an issuer here (while paying by card), among the cards the form allows */}
        <CardFilterField />
        <p className="hint">{DOMESTIC_CARDS_NOTE} 카드사를 고르지 않으면 결제창에서 선택합니다.</p>
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
  const [phase, setPhase] = useState<Phase>(() => (orderInAddress() ? { step: 'loading' } : { step: 'choose' }));
  useEffect(() => {
    const merchantUid = orderInAddress();
    if (!merchantUid) return;
    api.order(merchantUid).then(
      ({ order, notice_url }) => {
        const note = notPayable(order);
        setPhase(note ? { step: 'choose', note } : { step: 'checkout', order, noticeUrl: notice_url });
      },
      () => setPhase({ step: 'choose', note: '주문서를 찾을 수 없습니다. 상품을 다시 골라 주세요.' }),
    );
  }, []);
  /** Leave an order sheet: the address no longer names it. */
  const choose = () => {
    if (location.search) history.replaceState(history.state, '', '/');
    setPhase({ step: 'choose' });
  };

  return (
    <div className="page">
      <section className="hero" aria-labelledby="page-title">
        <p className="eyebrow">매주 화요일 로스팅</p>
        <h1 id="page-title">갓 볶은 원두를 집으로</h1>
        <p className="lead">연남동 작은 로스터리에서 소량으로 볶아 이틀 안에 보내 드립니다. 5만 원 이상 무료배송.</p>
      </section>
      <div className="shop-grid">
        <div>
          {phase.step === 'loading' ? (
            <p role="status">주문서를 불러오는 중…</p>
          ) : phase.step === 'choose' ? (
            <>
              {phase.note && (
                <p role="status" className="iamport-notice page-note">
                  {phase.note} <Link href="/orders">주문 내역</Link>
                </p>
              )}
              <ProductChoice products={products} maxQuantity={maxQuantity} onOrder={(order, noticeUrl) => setPhase({ step: 'checkout', order, noticeUrl })} />
            </>
          ) : phase.step === 'checkout' ? (
            <Checkout
              key={phase.order.merchant_uid}
              order={phase.order}
              noticeUrl={phase.noticeUrl}
              onPaid={(verification) => {
                if (location.search) history.replaceState(history.state, '', '/');
                setPhase({ step: 'done', order: phase.order, verification });
              }}
              onBack={choose}
            />
          ) : (
            <section className="panel">
              <Receipt verification={phase.verification} orderNo={phase.order.order_no} />
              <p className="actions">
                <Link href="/orders" className="button-link">
                  주문 내역 보기
                </Link>
                <button type="button" className="text-button" onClick={choose}>
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
