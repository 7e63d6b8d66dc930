import type { CardCode } from './types';

/** Every issuer code of the official i'mport table, in table order (domestic, then overseas). */
export const CARD_CODES = ('361 381 367 365 368 371 041 374 045 373 364 366 002 369 048 370 071 089 372 090 ' + '10001 10002 10003 10004 10005 10006').split(
  ' ',
) as readonly CardCode[];

/**
 * Whether a value is a card issuer code from the official table.
 *
 * @example
 * isCardCode('366') // true
 * isCardCode('999') // false
 */
export function isCardCode(value: unknown): value is CardCode {
  return CARD_CODES.includes(value as CardCode);
}
