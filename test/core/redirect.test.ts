import { describe, expect, it } from 'vitest';
import { forgetRequest, parseRedirectResult, recallRequest, rememberRequest } from '../../src/core';
import { redirectQuery } from '../../src/core/redirect';

describe('parseRedirectResult', () => {
  it('reads imp_success=true as succeeded (still unverified)', () => {
    expect(parseRedirectResult('https://shop.example/landing?imp_uid=imp_123456789012&merchant_uid=order_1&imp_success=true')).toMatchObject({
      status: 'succeeded',
      impUid: 'imp_123456789012',
      merchantUid: 'order_1',
      verified: false,
    });
  });

  it('reads success=false with error_code and a URL-encoded Korean message', () => {
    const search = `?imp_uid=imp_1&merchant_uid=order_1&success=false&error_code=F0004&error_msg=${encodeURIComponent('카드 한도초과')}`;
    expect(parseRedirectResult(search)).toMatchObject({ status: 'failed', code: 'F0004', message: '카드 한도초과' });
  });

  it('decodes a doubly encoded message and + as space', () => {
    const twice = encodeURIComponent(encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다'));
    expect(parseRedirectResult(`imp_uid=imp_1&merchant_uid=o&imp_success=false&error_msg=${twice}`)).toMatchObject({
      status: 'cancelled',
      message: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    expect(parseRedirectResult('?merchant_uid=o&imp_success=false&error_msg=card+declined')).toMatchObject({ message: 'card declined', impUid: null });
  });

  it('without any flag or error, treats the result as succeeded-to-verify', () => {
    expect(parseRedirectResult(new URLSearchParams('imp_uid=imp_1&merchant_uid=o'))?.status).toBe('succeeded');
  });

  it('accepts URL objects and ignores the hash', () => {
    expect(parseRedirectResult(new URL('https://a.example/l?imp_uid=imp_1&merchant_uid=o#x'))?.merchantUid).toBe('o');
    expect(parseRedirectResult('/l?imp_uid=imp_1&merchant_uid=o#frag')?.merchantUid).toBe('o');
  });

  it('returns null when the URL carries no result', () => {
    expect(parseRedirectResult('https://shop.example/landing')).toBeNull();
    expect(parseRedirectResult('?foo=bar')).toBeNull();
  });

  it("keeps markup in messages as plain strings (rendering is the caller's job)", () => {
    const outcome = parseRedirectResult(`?imp_uid=imp_1&merchant_uid=o&imp_success=false&error_msg=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(outcome).toMatchObject({ status: 'failed', message: '<img src=x onerror=alert(1)>' });
  });
});

describe('parseRedirectResult with a query object (Next.js searchParams)', () => {
  it('reads the same result as the URL; a repeated parameter counts by its first value', () => {
    const query = { imp_uid: 'imp_1', merchant_uid: ['order_1', 'order_2'], imp_success: 'true', page: '2' };
    expect(parseRedirectResult(query)).toEqual(parseRedirectResult('?imp_uid=imp_1&merchant_uid=order_1&imp_success=true'));
    expect(parseRedirectResult({ merchant_uid: 'o', imp_success: 'false', error_msg: '카드 한도 초과' })).toMatchObject({
      status: 'failed',
      message: '카드 한도 초과',
    });
    expect(parseRedirectResult({ page: '2', empty: undefined })).toBeNull();
  });

  it('reads only its own parameters as own properties: inherited or exotic values change nothing', () => {
    const inherited = Object.create({ imp_uid: 'imp_forged', imp_success: 'true' }) as Record<string, string>;
    expect(parseRedirectResult(inherited)).toBeNull();
    const polluted = JSON.parse('{"__proto__": {"imp_success": "true"}, "merchant_uid": "o", "imp_success": "false"}') as Record<string, string>;
    expect(parseRedirectResult(polluted)).toMatchObject({ status: 'failed' });
    expect(({} as Record<string, unknown>).imp_success).toBeUndefined();
  });
});

describe('redirectQuery', () => {
  it('keeps only the payment parameters, in a stable order, from any input', () => {
    const expected = '?imp_uid=imp_1&merchant_uid=order_1&imp_success=true';
    expect(redirectQuery({ utm_source: 'x', imp_success: 'true', merchant_uid: 'order_1', imp_uid: 'imp_1' })).toBe(expected);
    expect(redirectQuery(`https://shop.example/done?lang=ko&imp_success=true&imp_uid=imp_1&merchant_uid=order_1#top`)).toBe(expected);
    expect(redirectQuery(new URLSearchParams('page=2'))).toBe('');
  });
});

describe('remembered requests', () => {
  it('remembers, recalls and forgets by merchant_uid', () => {
    rememberRequest({ merchantUid: 'order_1', kind: 'payment', amount: 1004, startedAt: 1 });
    rememberRequest({ merchantUid: 'sub_1', kind: 'billing', amount: 0, startedAt: 2, customerUid: 'user_1' });
    expect(recallRequest('order_1')).toEqual({ merchantUid: 'order_1', kind: 'payment', amount: 1004, startedAt: 1 });
    expect(recallRequest('sub_1')?.customerUid).toBe('user_1');
    forgetRequest('order_1');
    expect(recallRequest('order_1')).toBeNull();
    expect(recallRequest('never_sent')).toBeNull();
  });

  it('keeps only the 20 most recent and survives corrupt storage', () => {
    for (let i = 0; i < 25; i++) rememberRequest({ merchantUid: `o${i}`, kind: 'payment', amount: i + 1, startedAt: i });
    expect(recallRequest('o4')).toBeNull();
    expect(recallRequest('o24')?.amount).toBe(25);
    window.sessionStorage.setItem('react-iamport-jtnet:requests', '{not json');
    expect(recallRequest('o24')).toBeNull();
    rememberRequest({ merchantUid: 'fresh', kind: 'payment', amount: 1, startedAt: 0 });
    expect(recallRequest('fresh')?.amount).toBe(1);
  });
});
