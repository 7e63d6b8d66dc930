import { parseVbankDue } from '../sandbox/engine/payment';
import { ApiError } from './envelope';

const FORMAT = "a date in Korean time as 'YYYYMMDD' (the end of that day), 'YYYYMMDDhhmm' or 'YYYYMMDDhhmmss', e.g. '20261231' or '202612311800'";
const KST_OFFSET_MS = 9 * 3_600_000;

/** `YYYYMMDDhhmmss` in Korean time. */
const kstDigits = (seconds: number) => new Date(seconds * 1000 + KST_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);

/**
 * A virtual account's `vbank_due`: absent (the account is open for 3 days), or a real date in
 * the future. A malformed one or one already past is refused (400 naming vbank_due and the
 * format) instead of silently becoming the default or issuing an expired account.
 *
 * @example
 * checkVbankDue('202612311800', Date.now() / 1000) // '202612311800'
 * checkVbankDue('nonsense', Date.now() / 1000) // throws ApiError 400
 */
export function checkVbankDue(value: string | undefined, nowSeconds: number): string | undefined {
  if (value === undefined) return undefined;
  const due = /^\d{8}(?:\d{4}(?:\d{2})?)?$/.test(value) ? parseVbankDue(value) : undefined;
  // Date.UTC rolls 20261341 over into 2027: a date that does not read back the same is not a date.
  if (due === undefined || !kstDigits(due).startsWith(value)) {
    throw new ApiError(400, -1, `vbank_due must be ${FORMAT}; got ${JSON.stringify(value)}.`);
  }
  if (due <= nowSeconds) {
    const shown = kstDigits(due).replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3 $4:$5:$6');
    throw new ApiError(
      400,
      -1,
      `vbank_due ${value} (${shown} KST) is in the past: the account would be issued already expired. Pass a later date (${FORMAT}), or leave vbank_due out for 3 days.`,
    );
  }
  return value;
}
