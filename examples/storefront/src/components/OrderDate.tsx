import type { Order } from '../api';
import { dateTime, orderTime } from '../format';

/** An order row's date, in the one format of every list: paid, scheduled, or created (failed ones too). */
export function OrderDate({ order }: { order: Order }) {
  const ms = orderTime(order);
  return <time dateTime={new Date(ms).toISOString()}>{dateTime(ms)}</time>;
}
