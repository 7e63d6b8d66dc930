import { DEV } from '../utils/dev';
import { IamportError } from './errors';

const URL_SAFE = /^[A-Za-z0-9_-]*$/;
export const MERCHANT_UID_MAX_LENGTH = 40;
const PREFIX_MAX_LENGTH = 16;

function randomSuffix(length: number): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = new Uint8Array(length);
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * Create an order id that is unique, URL-safe and at most 40 characters:
 * `{prefix}_{time in base 36}{10 random chars}`.
 *
 * @example
 * createMerchantUid()        // 'order_mhx1k2p0a8f3k2j9qz'
 * createMerchantUid('sub')   // 'sub_mhx1k2p0x0c7d1l5mn'
 */
export function createMerchantUid(prefix = 'order'): string {
  if (typeof prefix !== 'string' || prefix.length > PREFIX_MAX_LENGTH || !URL_SAFE.test(prefix)) {
    throw new IamportError(
      'INVALID_PARAMS',
      `createMerchantUid(prefix): prefix must be at most ${PREFIX_MAX_LENGTH} characters of A-Z, a-z, 0-9, "_" or "-"; got ${JSON.stringify(prefix)}.${DEV ? ' Pass a short tag such as "order" or "sub".' : ''}`,
      { field: 'merchant_uid' },
    );
  }
  const head = prefix ? `${prefix}_` : '';
  return `${head}${Date.now().toString(36)}${randomSuffix(10)}`;
}
