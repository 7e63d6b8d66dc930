// Creating an Intl.NumberFormat costs far more than formatting with one: one per locale.
const formats = new Map<string, Intl.NumberFormat>();

/** `₩1,004` in the provider's locale. */
export function formatWon(amount: number, locale: string): string {
  const tag = locale === 'en' ? 'en-US' : 'ko-KR';
  let format = formats.get(tag);
  if (!format) formats.set(tag, (format = new Intl.NumberFormat(tag, { style: 'currency', currency: 'KRW' })));
  return format.format(amount);
}
