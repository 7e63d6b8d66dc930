import { describe, expect, it } from 'vitest';
import {
  CARD_ISSUERS,
  cardFilter,
  createMerchantUid,
  enabledCardCodes,
  getCardIssuer,
  IamportError,
  isCardCode,
  isIamportError,
  MERCHANT_UID_MAX_LENGTH,
  toCardDetail,
  validatePaymentRequest,
} from '../../src/core';

describe('cardFilter', () => {
  it('only() switches every card off first, then the chosen ones on', () => {
    expect(cardFilter.only(['366'])).toEqual([
      { card_code: '*', enabled: false },
      { card_code: '366', enabled: true },
    ]);
  });

  it('exclude() disables just the named issuers, deduplicated', () => {
    expect(cardFilter.exclude(['370', '370', '10003'])).toEqual([
      { card_code: '370', enabled: false },
      { card_code: '10003', enabled: false },
    ]);
  });

  it('refuses unknown or empty code lists with a message naming card.detail', () => {
    expect(() => cardFilter.only([])).toThrow(/at least one card code/);
    expect(() => cardFilter.only(['999' as never])).toThrow(/not a card code from the official table/);
  });

  it('builds rules the validator accepts', () => {
    const params = { pay_method: 'card', merchant_uid: 'order_abc', amount: 1000 } as const;
    expect(() => validatePaymentRequest({ ...params, card: { detail: cardFilter.only(['366', '041']) } })).not.toThrow();
    expect(() => validatePaymentRequest({ ...params, card: { detail: cardFilter.exclude(['370']) } })).not.toThrow();
  });

  it('toCardDetail accepts { only }, { exclude } and raw rules', () => {
    expect(toCardDetail({ only: ['366'] })).toEqual(cardFilter.only(['366']));
    expect(toCardDetail({ exclude: ['366'] })).toEqual(cardFilter.exclude(['366']));
    expect(toCardDetail([{ card_code: '*', enabled: true }])).toEqual([{ card_code: '*', enabled: true }]);
  });

  it('enabledCardCodes applies rules in order with * meaning every card', () => {
    const all = ['361', '366', '041'];
    expect(enabledCardCodes(undefined, all)).toEqual(all);
    expect(enabledCardCodes(cardFilter.only(['366']), all)).toEqual(['366']);
    expect(enabledCardCodes(cardFilter.exclude(['366']), all)).toEqual(['361', '041']);
  });
});

describe('CARD_ISSUERS', () => {
  it('is the official table: 20 domestic + 6 overseas, Woori is 041 and 361 is BC', () => {
    expect(CARD_ISSUERS).toHaveLength(26);
    expect(getCardIssuer('041')).toMatchObject({ ko: '우리', en: 'Woori' });
    expect(getCardIssuer('361')).toMatchObject({ ko: 'BC', en: 'BC' });
    expect(getCardIssuer('366')?.ko).toBe('신한');
    expect(new Set(CARD_ISSUERS.map((issuer) => issuer.code)).size).toBe(26);
    expect(isCardCode('10005')).toBe(true);
    expect(isCardCode('*')).toBe(false);
    expect(Object.isFrozen(CARD_ISSUERS)).toBe(true);
  });
});

describe('createMerchantUid', () => {
  it('is unique, URL-safe and at most 40 characters', () => {
    const uids = new Set(Array.from({ length: 5000 }, () => createMerchantUid()));
    expect(uids.size).toBe(5000);
    for (const uid of uids) {
      expect(uid.length).toBeLessThanOrEqual(MERCHANT_UID_MAX_LENGTH);
      expect(uid).toMatch(/^order_[a-z0-9]+$/);
    }
    expect(createMerchantUid('sub-2026_x')).toMatch(/^sub-2026_x_/);
    expect(createMerchantUid('sixteen_chars_xx').length).toBeLessThanOrEqual(40);
  });

  it('refuses prefixes that are unsafe or too long', () => {
    expect(() => createMerchantUid('a b')).toThrow(IamportError);
    expect(() => createMerchantUid('x'.repeat(17))).toThrow(/at most 16 characters/);
  });
});

describe('IamportError', () => {
  it('instanceof works across realms via a brand', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('react-iamport-jtnet.IamportError')]: true, code: 'SDK_TIMEOUT' });
    expect(foreign instanceof IamportError).toBe(true);
    expect(isIamportError(foreign, 'SDK_TIMEOUT')).toBe(true);
    expect(isIamportError(new Error('x'))).toBe(false);
    expect(new IamportError('SDK_MISSING', 'm')).toBeInstanceOf(Error);
  });

  it('subclasses keep a strict instanceof', () => {
    class ApiError extends IamportError {}
    expect(new ApiError('SDK_ERROR', 'x') instanceof ApiError).toBe(true);
    expect(new IamportError('SDK_ERROR', 'x') instanceof ApiError).toBe(false);
    expect(new ApiError('SDK_ERROR', 'x') instanceof IamportError).toBe(true);
  });
});
