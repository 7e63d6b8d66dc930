/** `₩1,004` in the provider's locale. */
export function formatWon(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ko-KR', { style: 'currency', currency: 'KRW' }).format(amount);
}
