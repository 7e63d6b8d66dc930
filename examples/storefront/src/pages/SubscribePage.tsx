import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { BillingKeyForm } from 'react-iamport-jtnet';
import { api, ApiError, type Order, type Plan, type Subscription, type Verification } from '../api';
import { ProductArt } from '../art';
import { DOMESTIC_CARDS, DOMESTIC_CARDS_NOTE } from '../cards';
import { ChargeAgain } from '../components/ChargeAgain';
import { OrderDate } from '../components/OrderDate';
import { verificationProblem } from '../components/Receipt';
import { StatusBadge } from '../components/StatusBadge';
import { TestCards } from '../components/TestCards';
import { VerificationStatus } from '../components/VerificationStatus';
import { dateTime, won } from '../format';
import { useFocusOnMount, useTitle } from '../router';

type Phase =
  | { step: 'loading' }
  | { step: 'choose' }
  | { step: 'register'; subscription: Subscription; order: Order; noticeUrl: string }
  | { step: 'active'; subscription: Subscription };

function PlanChoice({ plan, onStart }: { plan: Plan; onStart(result: { subscription: Subscription; order: Order; notice_url: string }): void }) {
  const [firstCharge, setFirstCharge] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    // A first charge's amount is registered with i'mport before the window opens.
    const start = async () => {
      const started = await api.subscribe(plan.id, firstCharge);
      return started.order.amount > 0 ? { ...started, order: (await api.prepare(started.order.merchant_uid)).order } : started;
    };
    start().then(onStart, (reason: unknown) => {
      setError(reason instanceof ApiError ? reason.message : '구독을 시작하지 못했습니다.');
      setBusy(false);
    });
  };
  return (
    <form className="panel plan" onSubmit={submit} aria-busy={busy}>
      <div className="plan-head">
        <ProductArt id={plan.id} />
        <div>
          <h2>{plan.name}</h2>
          <p>{plan.description}</p>
          <p className="price">
            {won(plan.price)} <span className="per">/ 월</span>
          </p>
        </div>
      </div>
      <fieldset className="iamport-fieldset">
        <legend className="iamport-label">시작 방법</legend>
        <div className="iamport-choices">
          <label className="iamport-choice">
            <input type="radio" name="start" checked={firstCharge} onChange={() => setFirstCharge(true)} />
            카드 등록하고 첫 달 바로 결제 ({won(plan.price)})
          </label>
          <label className="iamport-choice">
            <input type="radio" name="start" checked={!firstCharge} onChange={() => setFirstCharge(false)} />
            카드만 등록 (첫 결제는 다음 달)
          </label>
        </div>
      </fieldset>
      <button type="submit" className="iamport-button" disabled={busy}>
        {busy ? '준비 중…' : '구독 신청하기'}
      </button>
      {error && (
        <p role="alert" className="iamport-notice iamport-notice-error">
          {error}
        </p>
      )}
    </form>
  );
}

function Register({
  subscription,
  order,
  noticeUrl,
  onActive,
  onBack,
}: {
  subscription: Subscription;
  order: Order;
  noticeUrl: string;
  onActive(sub: Subscription): void;
  onBack(): void;
}) {
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState('');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  /** A confirmed sign-up: the server checked the key and booked next month. */
  const activate = async (verification: Verification) => {
    if (!verification.verified) return setProblem(verificationProblem(verification));
    onActive((await api.subscription(subscription.customer_uid)).subscription);
  };
  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title" ref={heading} tabIndex={-1}>
        정기결제 카드 등록
      </h2>
      <dl className="summary">
        <dt>플랜</dt>
        <dd>{subscription.name}</dd>
        <dt>오늘 결제</dt>
        <dd className="amount">{order.amount > 0 ? won(order.amount) : '없음 (카드만 등록)'}</dd>
        <dt>이후</dt>
        <dd>매월 {won(subscription.amount)} 자동 결제</dd>
      </dl>
      <BillingKeyForm
        customerUid={subscription.customer_uid}
        amount={order.amount}
        name={order.name}
        params={{ merchant_uid: order.merchant_uid, notice_url: noticeUrl }}
        cardFilter={DOMESTIC_CARDS}
        submitLabel={order.amount > 0 ? `카드 등록하고 ${won(order.amount)} 결제` : '카드 등록하기'}
        onSuccess={(outcome) => {
          setChecking(true);
          setProblem('');
          // The server confirms the sign-up payment, checks the key and books next month.
          api
            .verify(outcome.impUid, outcome.merchantUid)
            .then(activate)
            .catch(() => setProblem('구독을 확인하지 못했습니다. 잠시 후 다시 시도해 주세요.'))
            .finally(() => setChecking(false));
        }}
        // The window never answered: the server settles the sign-up by merchant_uid.
        verify={async (outcome) => {
          const verification = await api.verify(null, outcome.merchantUid);
          if (verification.verified) await activate(verification);
          return verification;
        }}
      >
        <p className="hint">{DOMESTIC_CARDS_NOTE}</p>
      </BillingKeyForm>
      <VerificationStatus checking={checking} checkingText="카드 등록을 확인하고 있습니다…" problem={problem} />
      <button type="button" className="text-button" onClick={onBack}>
        ← 처음으로
      </button>
    </section>
  );
}

function Active({ subscription }: { subscription: Subscription }) {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const customerUid = subscription.customer_uid;
  const load = useCallback(
    () => api.orders().then(({ orders: all }) => setOrders(all.filter((order) => order.customer_uid === customerUid && order.amount > 0))),
    [customerUid],
  );
  useEffect(() => void load(), [load]);

  return (
    <section className="panel" aria-labelledby="active-title">
      <h2 id="active-title" ref={heading} tabIndex={-1} className="receipt-title">
        <span className="check" aria-hidden="true">
          ✓
        </span>{' '}
        구독 중입니다
      </h2>
      <dl className="summary">
        <dt>플랜</dt>
        <dd>{subscription.name}</dd>
        <dt>월 결제 금액</dt>
        <dd className="amount">{won(subscription.amount)}</dd>
        <dt>결제 카드</dt>
        <dd>{subscription.card ?? '-'}</dd>
        {subscription.next_charge_at && (
          <>
            <dt>다음 결제 예약</dt>
            <dd>{dateTime(subscription.next_charge_at)}</dd>
          </>
        )}
      </dl>
      <ChargeAgain subscription={subscription} onCharged={() => void load()} />
      <h3>구독 결제 내역</h3>
      {orders === null ? (
        <p>불러오는 중…</p>
      ) : (
        <ul className="mini-orders" aria-label="구독 결제 내역">
          {orders.map((order) => (
            <li key={order.merchant_uid}>
              <span className="mini-name">{order.name}</span>
              <span>{won(order.amount)}</span>
              <OrderDate order={order} />
              <StatusBadge status={order.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/subscribe`: <BillingKeyForm> (key only, or key + first charge); then the server charges and schedules. */
export function SubscribePage({ plans }: { plans: Plan[] }) {
  useTitle('정기구독');
  const plan = plans[0]!;
  const [phase, setPhase] = useState<Phase>({ step: 'loading' });
  useEffect(() => {
    api.subscriptions().then(
      ({ subscriptions }) => {
        const active = subscriptions.filter((sub) => sub.status === 'active').at(-1);
        setPhase(active ? { step: 'active', subscription: active } : { step: 'choose' });
      },
      () => setPhase({ step: 'choose' }),
    );
  }, []);

  return (
    <div className="page">
      <section className="hero" aria-labelledby="page-title">
        <p className="eyebrow">정기배송</p>
        <h1 id="page-title">매달 새로운 원두를 받아 보세요</h1>
        <p className="lead">카드를 한 번 등록하면 매달 같은 날 자동으로 결제되고 원두가 출발합니다. 언제든 해지할 수 있어요.</p>
      </section>
      <div className="shop-grid">
        <div>
          {phase.step === 'loading' && <p role="status">불러오는 중…</p>}
          {phase.step === 'choose' && (
            <PlanChoice
              plan={plan}
              onStart={({ subscription, order, notice_url }) => setPhase({ step: 'register', subscription, order, noticeUrl: notice_url })}
            />
          )}
          {phase.step === 'register' && (
            <Register
              key={phase.order.merchant_uid}
              subscription={phase.subscription}
              order={phase.order}
              noticeUrl={phase.noticeUrl}
              onActive={(subscription) => setPhase({ step: 'active', subscription })}
              onBack={() => setPhase({ step: 'choose' })}
            />
          )}
          {phase.step === 'active' && <Active subscription={phase.subscription} />}
        </div>
        <TestCards />
      </div>
    </div>
  );
}
