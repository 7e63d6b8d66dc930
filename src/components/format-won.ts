/**
 * `₩1,004`: won with thousands separators, what `Intl.NumberFormat` prints for KRW in both
 * `ko-KR` and `en-US`, without constructing a formatter on every checkout mount.
 *
 * @example
 * formatWon(50000) // '₩50,000'
 */
export function formatWon(amount: number): string {
  return `₩${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
