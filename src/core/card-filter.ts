import { isCardCode } from './card-codes';
import { IamportError } from './errors';
import type { CardCode, CardFilterRule } from './types';

/** Development-time check of the codes a builder gets (production bundles leave it out). */
function checkCodes(codes: readonly string[], builder: string): void {
  const bad =
    !Array.isArray(codes) || codes.length === 0
      ? 'needs at least one card code'
      : codes
          .filter((code) => !isCardCode(code))
          .map((code) => JSON.stringify(code))
          .join(', ');
  if (bad) {
    throw new IamportError(
      'INVALID_PARAMS',
      `cardFilter.${builder}(): ${bad.startsWith('needs') ? bad : `${bad} is not a card code from the official table`}; use strings such as '366' (Shinhan) or '041' (Woori). See CARD_ISSUERS.`,
      { field: 'card.detail' },
    );
  }
}

/**
 * Builders for `card.detail`, the issuer filter of the payment window.
 *
 * @example
 * request_pay({ ...params, card: { detail: cardFilter.only(['366']) } })
 * // → [{ card_code: '*', enabled: false }, { card_code: '366', enabled: true }]
 */
export const cardFilter = {
  /** Offer only these issuers (every other card is switched off first). */
  only(codes: readonly CardCode[]): CardFilterRule[] {
    if (process.env.NODE_ENV !== 'production') checkCodes(codes, 'only');
    return [{ card_code: '*', enabled: false }, ...unique(codes).map((card_code) => ({ card_code, enabled: true }))];
  },
  /** Offer every issuer except these. */
  exclude(codes: readonly CardCode[]): CardFilterRule[] {
    if (process.env.NODE_ENV !== 'production') checkCodes(codes, 'exclude');
    return unique(codes).map((card_code) => ({ card_code, enabled: false }));
  },
};

function unique(codes: readonly CardCode[]): CardCode[] {
  return [...new Set(codes)];
}

/** The `cardFilter` prop shape accepted by hooks and components. */
export type CardFilterOption = { only: readonly CardCode[] } | { exclude: readonly CardCode[] } | readonly CardFilterRule[];

/**
 * Turn a {@link CardFilterOption} into `card.detail` rules.
 *
 * @example
 * toCardDetail({ exclude: ['370'] }) // [{ card_code: '370', enabled: false }]
 */
export function toCardDetail(option: CardFilterOption): CardFilterRule[] {
  if (Array.isArray(option)) return [...(option as readonly CardFilterRule[])];
  if ('only' in option) return cardFilter.only(option.only);
  return cardFilter.exclude((option as { exclude: readonly CardCode[] }).exclude);
}

/**
 * Which issuers a `card.detail` leaves on, applying rules in order (`'*'` = every card).
 * The sandbox window and the card filter field use it so they agree with the real SDK.
 *
 * @example
 * enabledCardCodes(cardFilter.only(['366']), ['361', '366']) // ['366']
 */
export function enabledCardCodes<T extends string>(detail: readonly CardFilterRule[] | undefined, all: readonly T[]): T[] {
  if (!detail || detail.length === 0) return [...all];
  const state = new Map<string, boolean>(all.map((code) => [code, true]));
  for (const rule of detail) {
    if (rule.card_code === '*') for (const code of all) state.set(code, rule.enabled);
    else if (state.has(rule.card_code)) state.set(rule.card_code, rule.enabled);
  }
  return all.filter((code) => state.get(code));
}
