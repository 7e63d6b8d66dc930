import type { Order, OrderStatus } from './api';

const WON = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
const PARTS = new Intl.DateTimeFormat('ko-KR', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Seoul',
});

/** ₩15,000 */
export const won = (amount: number) => WON.format(amount);

/** Milliseconds → "2026.03.01 14:05" (Korean time): the one date format of every list and summary. */
export function dateTime(ms: number): string {
  const part = Object.fromEntries(PARTS.formatToParts(ms).map(({ type, value }) => [type, value]));
  return `${part.year}.${part.month}.${part.day} ${part.hour}:${part.minute}`;
}

/** When an order happened (ms), for its row: paid, else scheduled, else created (a failed renewal too). */
export const orderTime = (order: Order) => (order.paid_at ? order.paid_at * 1000 : (order.scheduled_at ?? order.created_at));

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
