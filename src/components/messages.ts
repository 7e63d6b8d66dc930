import type { PayMethod } from '../core/types';

type Locales<M> = Record<'ko' | 'en', M>;

/** What the pay buttons and their notices say (every request component). */
export interface RequestMessages {
  pay: string;
  processing: string;
  loadingSdk: string;
  sdkFailed: string;
  retry: string;
  failed: string;
  cancelled: string;
  /** A request the kit ended as cancelled (your `cancel()`, the "결제 취소" way out) that your server found unpaid. */
  notCompleted: string;
  /** No window could open (the SDK's silent init failure): nothing was paid, the buyer may try again. */
  windowFailed: string;
  /** Also shown while your server checks a request the SDK never answered (`unknown`). */
  verifying: string;
  paid: string;
  vbankIssued: string;
  notVerified: string;
  /** Pending and no payment window seen for `windowTimeoutMs`: shown with `cancelPayment`. */
  noWindow: string;
  cancelPayment: string;
}

/** What only the billing-key components say. */
export interface BillingMessages {
  registerCard: string;
  billingKeyIssued: string;
}

/** What the form fields say. */
export interface FieldMessages {
  /** Pay button label with the amount, e.g. `₩1,004 결제하기` / `Pay ₩1,004`. */
  payAmount(amount: string): string;
  buyerName: string;
  buyerEmail: string;
  buyerTel: string;
  buyerAddr: string;
  buyerPostcode: string;
  required: string;
  invalidEmail: string;
  invalidTel: string;
  invalidPostcode: string;
  payMethod: string;
  methods: Record<PayMethod, string>;
  cardIssuer: string;
  anyCard: string;
}

/** What only the landing page says. */
export interface LandingMessages {
  verifyError: string;
  noResult: string;
  unknownOrder: string;
}

/** Every user-visible string of the components. Override any of them with the `messages` prop. */
export interface IamportMessages extends RequestMessages, BillingMessages, FieldMessages, LandingMessages {}

// Three groups, so a page bundles only the strings its components can show (a pay button
// needs no field labels); MESSAGES joins them for the landing and for your own use.

/** @internal */
export const REQUEST_MESSAGES: Locales<RequestMessages> = {
  ko: {
    pay: '결제하기',
    processing: '결제 진행 중…',
    loadingSdk: '결제 모듈을 불러오는 중…',
    sdkFailed: '결제 모듈을 불러오지 못했습니다.',
    retry: '다시 시도',
    failed: '결제에 실패했습니다.',
    cancelled: '결제를 취소했습니다.',
    notCompleted: '결제가 완료되지 않았습니다.',
    windowFailed: '결제창을 열지 못했습니다. 다시 시도해 주세요.',
    verifying: '결제를 확인하고 있습니다…',
    paid: '결제가 완료되었습니다.',
    vbankIssued: '가상계좌가 발급되었습니다. 기한 내에 입금해 주세요.',
    notVerified: '결제를 확인할 수 없습니다. 고객센터에 문의해 주세요.',
    noWindow: '결제창이 보이지 않나요?',
    cancelPayment: '결제 취소',
  },
  en: {
    pay: 'Pay',
    processing: 'Processing payment…',
    loadingSdk: 'Loading the payment module…',
    sdkFailed: 'The payment module could not be loaded.',
    retry: 'Try again',
    failed: 'The payment failed.',
    cancelled: 'You cancelled the payment.',
    notCompleted: 'The payment was not completed.',
    windowFailed: 'The payment window could not open. Please try again.',
    verifying: 'Confirming your payment…',
    paid: 'Payment complete.',
    vbankIssued: 'Your virtual account is ready. Please deposit before the due date.',
    notVerified: 'We could not confirm this payment. Please contact support.',
    noWindow: "Don't see the payment window?",
    cancelPayment: 'Cancel payment',
  },
};

/** @internal */
export const BILLING_MESSAGES: Locales<BillingMessages> = {
  ko: { registerCard: '카드 등록하기', billingKeyIssued: '카드가 등록되었습니다.' },
  en: { registerCard: 'Register card', billingKeyIssued: 'Your card is registered.' },
};

/** @internal */
export const FIELD_MESSAGES: Locales<FieldMessages> = {
  ko: {
    payAmount: (amount) => `${amount} 결제하기`,
    buyerName: '이름',
    buyerEmail: '이메일',
    buyerTel: '휴대폰 번호',
    buyerAddr: '주소',
    buyerPostcode: '우편번호',
    required: '필수 입력 항목입니다.',
    invalidEmail: '이메일 형식이 올바르지 않습니다. 예: name@example.com',
    invalidTel: '전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678',
    invalidPostcode: '우편번호는 5자리 숫자입니다. 예: 06236',
    payMethod: '결제 수단',
    methods: { card: '신용·체크카드', trans: '실시간 계좌이체', vbank: '가상계좌', phone: '휴대폰 소액결제' },
    cardIssuer: '카드사',
    anyCard: '모든 카드',
  },
  en: {
    payAmount: (amount) => `Pay ${amount}`,
    buyerName: 'Name',
    buyerEmail: 'Email',
    buyerTel: 'Mobile number',
    buyerAddr: 'Address',
    buyerPostcode: 'Postcode',
    required: 'This field is required.',
    invalidEmail: 'Enter an email address like name@example.com.',
    invalidTel: 'Enter a Korean phone number like 010-1234-5678.',
    invalidPostcode: 'Enter a 5-digit postcode like 06236.',
    payMethod: 'Payment method',
    methods: { card: 'Credit/debit card', trans: 'Bank transfer', vbank: 'Virtual account', phone: 'Mobile phone' },
    cardIssuer: 'Card issuer',
    anyCard: 'Any card',
  },
};

const LANDING_MESSAGES: Locales<LandingMessages> = {
  ko: {
    verifyError: '결제 확인 중 오류가 발생했습니다.',
    noResult: '결제 결과 정보가 없습니다.',
    unknownOrder: '이 브라우저에서 시작한 주문이 아닙니다.',
  },
  en: {
    verifyError: 'Something went wrong while confirming the payment.',
    noResult: 'There is no payment result to show.',
    unknownOrder: 'This order was not started in this browser.',
  },
};

const join = (locale: 'ko' | 'en'): IamportMessages => ({
  ...REQUEST_MESSAGES[locale],
  ...BILLING_MESSAGES[locale],
  ...FIELD_MESSAGES[locale],
  ...LANDING_MESSAGES[locale],
});

/** Korean (default) and English messages: every string of every component. */
export const MESSAGES: Locales<IamportMessages> = /* @__PURE__ */ (() => ({ ko: join('ko'), en: join('en') }))();
