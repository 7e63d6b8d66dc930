import type { PayMethod } from '../core/types';

/** Every user-visible string of the components. Override any of them with the `messages` prop. */
export interface IamportMessages {
  pay: string;
  /** Pay button label with the amount, e.g. `₩1,004 결제하기` / `Pay ₩1,004`. */
  payAmount(amount: string): string;
  registerCard: string;
  processing: string;
  loadingSdk: string;
  sdkFailed: string;
  retry: string;
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
  verifying: string;
  paid: string;
  billingKeyIssued: string;
  vbankIssued: string;
  failed: string;
  cancelled: string;
  notVerified: string;
  verifyError: string;
  noResult: string;
  unknownOrder: string;
}

/** Korean (default) and English messages. */
export const MESSAGES: Record<'ko' | 'en', IamportMessages> = {
  ko: {
    pay: '결제하기',
    payAmount: (amount) => `${amount} 결제하기`,
    registerCard: '카드 등록하기',
    processing: '결제 진행 중…',
    loadingSdk: '결제 모듈을 불러오는 중…',
    sdkFailed: '결제 모듈을 불러오지 못했습니다.',
    retry: '다시 시도',
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
    verifying: '결제를 확인하고 있습니다…',
    paid: '결제가 완료되었습니다.',
    billingKeyIssued: '카드가 등록되었습니다.',
    vbankIssued: '가상계좌가 발급되었습니다. 기한 내에 입금해 주세요.',
    failed: '결제에 실패했습니다.',
    cancelled: '결제를 취소했습니다.',
    notVerified: '결제를 확인할 수 없습니다. 고객센터에 문의해 주세요.',
    verifyError: '결제 확인 중 오류가 발생했습니다.',
    noResult: '결제 결과 정보가 없습니다.',
    unknownOrder: '이 브라우저에서 시작한 주문이 아닙니다.',
  },
  en: {
    pay: 'Pay',
    payAmount: (amount) => `Pay ${amount}`,
    registerCard: 'Register card',
    processing: 'Processing payment…',
    loadingSdk: 'Loading the payment module…',
    sdkFailed: 'The payment module could not be loaded.',
    retry: 'Try again',
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
    verifying: 'Confirming your payment…',
    paid: 'Payment complete.',
    billingKeyIssued: 'Your card is registered.',
    vbankIssued: 'Your virtual account is ready. Please deposit before the due date.',
    failed: 'The payment failed.',
    cancelled: 'You cancelled the payment.',
    notVerified: 'We could not confirm this payment. Please contact support.',
    verifyError: 'Something went wrong while confirming the payment.',
    noResult: 'There is no payment result to show.',
    unknownOrder: 'This order was not started in this browser.',
  },
};
