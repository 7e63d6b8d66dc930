// The two cost ratios of the kit, each against what a shop would write without it, measured
// interleaved on one page (same JIT, same GC, same machine load). Every sample is bracketed by
// two performance marks `<measure>:<kind>:start|end`; the bench reads them from a Chrome trace,
// whose thread timestamps give the main thread's CPU time between them (a loaded machine
// preempting the page does not count).
//
// - mount → usable: <IamportProvider sdk={ready}> + <PaymentForm> against a plain
//   react-hook-form form with the same fields (name, email, tel with their rules, the four pay
//   methods, a submit button). Each sample renders synchronously (flushSync), forces layout and
//   ends when the submit button is enabled; a button still disabled after the commit is waited
//   for (that would be an async tick between a ready SDK and a usable button).
// - click → request_pay: <PaymentButton> against `onClick={() => IMP.request_pay(…)}`, from a
//   capturing click listener on window to the SDK's entry.
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { IamportProvider, PaymentButton, PaymentForm, type Iamport, type RequestPayCallback } from 'react-iamport-jtnet';
import { expose } from './expose.ts';

export type Kind = 'ours' | 'baseline';

const sdk: Iamport = {
  init() {},
  agency() {},
  request_pay(params, callback) {
    const now = performance.now();
    performance.mark(`click:${clickKind}:end`);
    clicks.push({ kind: clickKind, ms: now - clickAt, sameTask: inClickTask });
    pending = (response) => callback?.({ ...response, merchant_uid: params.merchant_uid });
  },
};

// ── mount → usable ────────────────────────────────────────────────────────────────────────
const METHODS = [
  ['card', '신용·체크카드'],
  ['trans', '실시간 계좌이체'],
  ['vbank', '가상계좌'],
  ['phone', '휴대폰 소액결제'],
] as const;

interface PlainValues {
  buyer_name: string;
  buyer_email: string;
  buyer_tel: string;
  pay_method: string;
}

/** What a shop writes by hand with react-hook-form: the same fields, labels, rules and errors. */
function PlainForm() {
  const { register, handleSubmit, formState } = useForm<PlainValues>({ defaultValues: { pay_method: 'card' } });
  const { errors } = formState;
  const field = (name: keyof PlainValues, label: string, type: 'text' | 'email' | 'tel', autoComplete: string, validate: (value: string) => true | string) => (
    <div className="iamport-field">
      <label className="iamport-label" htmlFor={name}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        id={name}
        className="iamport-input"
        type={type}
        inputMode={type === 'text' ? undefined : type}
        autoComplete={autoComplete}
        aria-required
        aria-invalid={errors[name] ? true : undefined}
        {...register(name, { validate })}
      />
      {errors[name] && (
        <p className="iamport-error" role="alert">
          {errors[name]?.message}
        </p>
      )}
    </div>
  );
  const required = (value: string) => (value.trim() ? true : '필수 입력 항목입니다.');
  return (
    // The same markup as the kit's form (its stylesheet styles both): wrappers for the field grid and the choice grid.
    <form className="iamport-form" noValidate onSubmit={(event) => void handleSubmit(() => undefined)(event)}>
      <div className="iamport-fields">
        {field('buyer_name', '이름', 'text', 'name', required)}
        {field('buyer_email', '이메일', 'email', 'email', (value) => (/^\S+@\S+\.\S+$/.test(value) ? true : '이메일 형식이 올바르지 않습니다.'))}
        {field('buyer_tel', '휴대폰 번호', 'tel', 'tel', (value) => (/^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(value) ? true : '전화번호 형식이 올바르지 않습니다.'))}
      </div>
      <fieldset className="iamport-fieldset">
        <legend className="iamport-label">결제 수단</legend>
        <div className="iamport-choices">
          {METHODS.map(([value, label]) => (
            <label className="iamport-choice" key={value}>
              <input type="radio" value={value} {...register('pay_method')} />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="iamport-button">
        ₩1,004 결제하기
      </button>
    </form>
  );
}

const trees: Record<Kind, () => ReactElement> = {
  ours: () => (
    <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
      <PaymentForm amount={1004} name="bench" />
    </IamportProvider>
  ),
  baseline: () => <PlainForm />,
};

let root: Root | undefined;
const mountHost = document.getElementById('mount')!;

/**
 * One sample: ms from `root.render()` until the submit button is in the page, laid out and
 * enabled. The check runs in a MutationObserver callback, i.e. right after React's commit and
 * before its passive effects (useEffect runs after paint and never blocks a click). A button
 * still disabled at that point is waited for: that would be an async tick between a ready SDK
 * and a usable button.
 */
function mountOnce(kind: Kind): Promise<number> {
  root ??= createRoot(mountHost);
  return new Promise((resolve) => {
    const button = () => mountHost.querySelector<HTMLButtonElement>('button[type="submit"]');
    const observer = new MutationObserver(() => {
      if (button()?.disabled !== false) return;
      void mountHost.offsetHeight; // style and layout are part of "usable"
      const elapsed = performance.now() - started;
      performance.mark(`mount:${kind}:end`);
      observer.disconnect();
      flushSync(() => root!.render(null));
      resolve(elapsed);
    });
    observer.observe(mountHost, { subtree: true, childList: true, attributes: true });
    performance.mark(`mount:${kind}:start`);
    const started = performance.now();
    root!.render(trees[kind]());
  });
}

// ── click → request_pay ───────────────────────────────────────────────────────────────────
const clicks: { kind: Kind; ms: number; sameTask: boolean }[] = [];
let clickAt = 0;
let clickKind: Kind = 'ours';
let inClickTask = false;
let pending: RequestPayCallback | undefined;
let answered = 0;

// Capturing listener on window: runs before React's root listener sees the click.
window.addEventListener(
  'click',
  (event) => {
    clickKind = ((event.target as HTMLElement).closest<HTMLElement>('[data-kind]')?.dataset.kind ?? 'ours') as Kind;
    performance.mark(`click:${clickKind}:start`);
    clickAt = performance.now();
    inClickTask = true;
    setTimeout(() => (inClickTask = false));
  },
  true,
);

const PARAMS = { pay_method: 'card', name: 'bench', amount: 1004 } as const;
let bareSerial = 0;

function Buttons() {
  return (
    <>
      <span data-kind="ours">
        <PaymentButton params={PARAMS} onSuccess={() => void answered++}>
          Pay (kit)
        </PaymentButton>
      </span>
      <button
        type="button"
        className="iamport-button"
        data-kind="baseline"
        onClick={() => sdk.request_pay({ ...PARAMS, pg: 'jtnet', merchant_uid: `order_${++bareSerial}` }, () => {})}
      >
        Pay (bare)
      </button>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
    <Buttons />
  </IamportProvider>,
);

const bench = {
  mountOnce,
  clicks,
  answered: () => answered,
  /** Approve the kit's open request so its button is enabled again. */
  approve() {
    pending?.({ success: true, imp_success: true, imp_uid: `imp_${clicks.length}`, merchant_uid: '' });
    pending = undefined;
  },
};
export type RatiosBench = typeof bench;
expose(bench);
