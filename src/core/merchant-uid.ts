import { DEV } from '../utils/dev';
import { IamportError } from './errors';

export { MERCHANT_UID_MAX_LENGTH } from './validation/shapes';

/**
 * Create an order id that is unique, URL-safe and at most 40 characters:
 * `{prefix}_{time in base 36}{10 random base-36 chars}` (prefix: up to 16 of `A-Za-z0-9_-`).
 *
 * @example
 * createMerchantUid()        // 'order_mhx1k2p0a8f3k2j9qz'
 * createMerchantUid('sub')   // 'sub_mhx1k2p0x0c7d1l5mn'
 */
export function createMerchantUid(prefix = 'order'): string {
  if (!/^[\w-]{0,16}$/.test(prefix)) {
    throw new IamportError(
      'INVALID_PARAMS',
      `createMerchantUid(prefix): prefix must be at most 16 characters of A-Z, a-z, 0-9, "_" or "-"; got ${JSON.stringify(prefix)}.${DEV ? ' Pass a short tag such as "order" or "sub".' : ''}`,
      { field: 'merchant_uid' },
    );
  }
  return mintMerchantUid(prefix ? `${prefix}_` : '');
}

/**
 * @internal {@link createMerchantUid} without the check of the prefix (the kit's own calls
 * pass a valid one), so pages that never call createMerchantUid do not ship its error text.
 *
 * @example
 * mintMerchantUid('order_') // 'order_mhx1k2p0a8f3k2j9qz'
 */
export function mintMerchantUid(prefix: string): string {
  // Uniqueness, not secrecy, is the goal: the time plus ten base-36 digits of Math.random
  // (about 51 random bits), cheap enough to sit between a click and request_pay.
  return prefix + Date.now().toString(36) + (Math.random().toString(36).slice(2) + '0000000000').slice(0, 10);
}
