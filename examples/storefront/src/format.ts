import type { OrderStatus } from './api';

const WON = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
const DATE_TIME = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });
const DATE = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeZone: 'Asia/Seoul' });

/** ₩15,000 */
export const won = (amount: number) => WON.format(amount);
/** Milliseconds → "2026. 3. 1. 오후 2:05" (Korean time). */
export const dateTime = (ms: number) => DATE_TIME.format(ms);
/** Milliseconds → "2026년 4월 1일". */
export const date = (ms: number) => DATE.format(ms);

export const STATUS_LABEL: Record<OrderStatus, string> = {
  pending: '결제 대기',
  paid: '결제 완료',
  ready: '입금 대기',
  failed: '결제 실패',
  cancelled: '취소 완료',
  scheduled: '결제 예정',
};

export const METHOD_LABEL: Record<string, string> = {
  card: '신용·체크카드',
  trans: '실시간 계좌이체',
  vbank: '가상계좌',
  phone: '휴대폰 소액결제',
};
