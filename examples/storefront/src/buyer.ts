// What the buyer typed into an order's form, kept in this tab (sessionStorage) so that paying the
// same order again after a decline or a cancel needs no re-typing, even after a phone's payment
// window left the page. Gone when the tab closes; nothing is sent anywhere.
import type { PaymentFormValues } from 'react-iamport-jtnet';

type Buyer = Pick<PaymentFormValues, 'buyer_name' | 'buyer_email' | 'buyer_tel'>;
const KEY = 'ongi:buyer';
const FIELDS = ['buyer_name', 'buyer_email', 'buyer_tel'] as const;

/** Remember the buyer fields of `form` (the kit's inputs are named after the request parameters) for order `orderNo`. */
export function rememberBuyer(orderNo: string, form: HTMLFormElement): void {
  const data = new FormData(form);
  const buyer: Buyer = {};
  for (const field of FIELDS) {
    const value = data.get(field);
    if (typeof value === 'string' && value) buyer[field] = value;
  }
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ orderNo, buyer }));
  } catch {
    // no storage (private mode, quota): the buyer types again, nothing else changes
  }
}

/** The buyer fields remembered for order `orderNo`, if any. */
export function recallBuyer(orderNo: string): Buyer | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { orderNo?: unknown; buyer?: Record<string, unknown> } | null;
    if (saved?.orderNo !== orderNo || !saved.buyer) return undefined;
    return Object.fromEntries(FIELDS.filter((field) => typeof saved.buyer![field] === 'string').map((field) => [field, saved.buyer![field]]));
  } catch {
    return undefined;
  }
}
