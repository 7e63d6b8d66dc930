/** Why an order from `lookupOrder` cannot be used, or null when it can. */
export function orderProblem(order: { amount?: unknown }): string | null {
  const { amount } = order;
  if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0) return null;
  const got = typeof amount === 'string' ? `the string ${JSON.stringify(amount.slice(0, 20))}` : String(amount);
  return `lookupOrder must return { amount: number } (whole won); got amount ${got}. Convert it, e.g. Number(row.amount).`;
}
