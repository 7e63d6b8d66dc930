import type { OrderStatus } from '../api';
import { STATUS_LABEL } from '../format';

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
