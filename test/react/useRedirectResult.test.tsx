import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberRequest } from '../../src/core';
import { IamportProvider, useRedirectResult, type UseRedirectResultOptions } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';

const wrapper = ({ children }: { children: ReactNode }) => (
  <IamportProvider merchantCode="imp00000000" sdk={createFakeIamport()}>
    {children}
  </IamportProvider>
);
const landing = (search: string, hash = '') => window.history.replaceState(null, '', `/payments/complete${search}${hash}`);
/** Render the hook and let the provider's SDK settle, so no update lands outside act(). */
async function renderRedirect(options?: UseRedirectResultOptions) {
  const hook = renderHook(() => useRedirectResult(options), { wrapper, reactStrictMode: true });
  await act(async () => {});
  return hook;
}
const read = async (options?: UseRedirectResultOptions) => (await renderRedirect(options)).result.current;

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useRedirectResult', () => {
  it('imp_success=true for a remembered request: succeeded, known, never verified', async () => {
    rememberRequest({ merchantUid: 'order_1', kind: 'payment', amount: 1004, startedAt: 1 });
    landing('?imp_uid=imp_000000000001&merchant_uid=order_1&imp_success=true');
    expect(await read()).toEqual({
      status: 'succeeded',
      impUid: 'imp_000000000001',
      merchantUid: 'order_1',
      kind: 'payment',
      code: null,
      message: null,
      remembered: { merchantUid: 'order_1', kind: 'payment', amount: 1004, startedAt: 1 },
      known: true,
      verified: false,
    });
  });

  it('success=false with a Korean error_msg: failed, message decoded as text', async () => {
    rememberRequest({ merchantUid: 'sub_1', kind: 'billing', amount: 0, startedAt: 1, customerUid: 'user_1' });
    const message = '[F1001] 잔액이 부족합니다 <b>';
    landing(`?imp_uid=imp_2&merchant_uid=sub_1&success=false&error_code=F1001&error_msg=${encodeURIComponent(message)}`);
    expect(await read()).toMatchObject({ status: 'failed', code: 'F1001', message, kind: 'billing', known: true, verified: false });
  });

  it('a cancelled window (결제포기) is cancelled, not failed', async () => {
    landing(`?merchant_uid=order_3&imp_success=false&error_msg=${encodeURIComponent('[결제포기] 사용자가 결제를 취소하셨습니다')}`);
    expect(await read()).toMatchObject({ status: 'cancelled', impUid: null, message: '[결제포기] 사용자가 결제를 취소하셨습니다' });
  });

  it('neither flag but an imp_uid: succeeded (to verify on the server)', async () => {
    rememberRequest({ merchantUid: 'order_4', kind: 'payment', amount: 500, startedAt: 1 });
    landing('?imp_uid=imp_4&merchant_uid=order_4');
    expect(await read()).toMatchObject({ status: 'succeeded', impUid: 'imp_4', known: true, verified: false });
  });

  it('an unknown merchant_uid is flagged: known false, kind and remembered null', async () => {
    landing('?imp_uid=imp_5&merchant_uid=order_forged&imp_success=true');
    expect(await read()).toMatchObject({ status: 'succeeded', merchantUid: 'order_forged', known: false, remembered: null, kind: null });
  });

  it('no payment parameters: status none', async () => {
    landing('?page=2');
    expect(await read()).toMatchObject({ status: 'none', impUid: null, merchantUid: null, known: false, verified: false });
  });

  it('reads an explicit url instead of location', async () => {
    landing('');
    expect(await read({ url: 'https://shop.example/done?imp_uid=imp_6&merchant_uid=order_6&imp_success=true' })).toMatchObject({
      status: 'succeeded',
      impUid: 'imp_6',
    });
  });

  it("reads Next's searchParams (or URLSearchParams) instead of location; url wins over searchParams", async () => {
    rememberRequest({ merchantUid: 'order_9', kind: 'payment', amount: 9, startedAt: 1 });
    landing('');
    expect(await read({ searchParams: { imp_uid: 'imp_9', merchant_uid: 'order_9', imp_success: 'true', utm: ['a', 'b'] } })).toMatchObject({
      status: 'succeeded',
      impUid: 'imp_9',
      known: true,
      kind: 'payment',
    });
    expect(await read({ searchParams: new URLSearchParams('merchant_uid=order_9&imp_success=false') })).toMatchObject({ status: 'failed', impUid: null });
    expect(await read({ searchParams: { page: '2' } })).toMatchObject({ status: 'none' });
    expect(await read({ url: 'https://shop.example/done?imp_uid=imp_10&merchant_uid=o', searchParams: { imp_uid: 'imp_9' } })).toMatchObject({
      impUid: 'imp_10',
    });
  });

  it('cleanUrl strips only the payment parameters, keeps the others and the hash, and the result stays', async () => {
    landing('?lang=ko&imp_uid=imp_7&merchant_uid=order_7&imp_success=true&error_msg=x', '#receipt');
    const hook = await renderRedirect({ cleanUrl: true });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/payments/complete?lang=ko#receipt');
    hook.rerender();
    expect(hook.result.current).toMatchObject({ status: 'succeeded', impUid: 'imp_7' });
  });

  it('without cleanUrl the address bar is left alone', async () => {
    landing('?imp_uid=imp_8&merchant_uid=order_8');
    await read();
    expect(window.location.search).toBe('?imp_uid=imp_8&merchant_uid=order_8');
  });
});
