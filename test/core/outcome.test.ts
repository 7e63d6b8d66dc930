import { describe, expect, it, vi } from 'vitest';
import { IamportError, isCancellation, requestPay, toPaymentOutcome, type Iamport, type RequestPayParams } from '../../src/core';

describe('toPaymentOutcome', () => {
  it('treats success: true with an imp_uid as succeeded but unverified', () => {
    const outcome = toPaymentOutcome({ success: true, imp_uid: 'imp_123456789012', merchant_uid: 'order_1' });
    expect(outcome).toMatchObject({ status: 'succeeded', impUid: 'imp_123456789012', merchantUid: 'order_1', verified: false });
  });

  it('reads imp_success as well as success', () => {
    expect(toPaymentOutcome({ imp_success: true, imp_uid: 'imp_1', merchant_uid: 'o' }).status).toBe('succeeded');
    expect(toPaymentOutcome({ imp_success: false, imp_uid: 'imp_1', merchant_uid: 'o' })).toMatchObject({ status: 'failed', code: 'UNKNOWN' });
  });

  it('treats error_code as failure even when success is true', () => {
    const outcome = toPaymentOutcome({
      success: true,
      imp_uid: 'imp_1',
      merchant_uid: 'o',
      error_code: 'F1002',
      error_msg: '이미 결제가 이루어진 거래건입니다.',
    });
    expect(outcome).toMatchObject({ status: 'failed', code: 'F1002', message: '이미 결제가 이루어진 거래건입니다.' });
  });

  it('reads the real SDK misspelling error_coe', () => {
    expect(toPaymentOutcome({ success: false, imp_uid: null, merchant_uid: 'o', error_coe: 'F1001' })).toMatchObject({
      status: 'failed',
      code: 'F1001',
      impUid: null,
    });
  });

  it('newer SDK builds: only imp_uid and merchant_uid means success to verify', () => {
    expect(toPaymentOutcome({ imp_uid: 'imp_1', merchant_uid: 'o' }).status).toBe('succeeded');
  });

  it('no imp_uid and no error cannot be verified, so it is a failure', () => {
    expect(toPaymentOutcome({ imp_uid: null, merchant_uid: 'o', success: true })).toMatchObject({ status: 'failed', code: 'MISSING_IMP_UID' });
  });

  it('recognises buyer cancellation', () => {
    const outcome = toPaymentOutcome({
      success: false,
      imp_uid: 'imp_1',
      merchant_uid: 'o',
      error_code: 'F400',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    expect(outcome.status).toBe('cancelled');
    expect(isCancellation({ error_msg: 'User cancelled the payment' })).toBe(true);
    expect(isCancellation({ error_code: 'F0004', error_msg: '잔액이 부족합니다' })).toBe(false);
  });

  it('falls back to the request merchant_uid', () => {
    expect(toPaymentOutcome({ imp_uid: null, merchant_uid: '', error_code: 'NOT_READY' }, 'order_9').merchantUid).toBe('order_9');
  });
});

describe('requestPay', () => {
  const params: RequestPayParams = { pg: 'jtnet', pay_method: 'card', merchant_uid: 'order_abc123', amount: 1004 };

  it('calls IMP.request_pay synchronously, before returning', () => {
    const imp: Iamport = { init: vi.fn(), agency: vi.fn(), request_pay: vi.fn() };
    void requestPay(imp, params);
    expect(imp.request_pay).toHaveBeenCalledTimes(1);
    expect(imp.request_pay).toHaveBeenCalledWith(params, expect.any(Function));
  });

  it('resolves with the normalised callback response', async () => {
    const imp: Iamport = {
      init: vi.fn(),
      agency: vi.fn(),
      request_pay: (p, callback) => callback?.({ success: false, imp_uid: null, merchant_uid: p.merchant_uid, error_code: 'F0004', error_msg: '잔액 부족' }),
    };
    await expect(requestPay(imp, params)).resolves.toMatchObject({ status: 'failed', code: 'F0004', merchantUid: 'order_abc123' });
  });

  it('rejects invalid params without touching the SDK', async () => {
    const imp: Iamport = { init: vi.fn(), agency: vi.fn(), request_pay: vi.fn() };
    await expect(requestPay(imp, { ...params, amount: '1004' as never })).rejects.toMatchObject({ code: 'INVALID_PARAMS', field: 'amount' });
    expect(imp.request_pay).not.toHaveBeenCalled();
  });

  it('rejects with SDK_ERROR when the SDK throws, and SDK_NOT_READY without an SDK', async () => {
    const imp: Iamport = {
      init: vi.fn(),
      agency: vi.fn(),
      request_pay: () => {
        throw new Error('boom');
      },
    };
    await expect(requestPay(imp, params)).rejects.toMatchObject({ code: 'SDK_ERROR' });
    await expect(requestPay(undefined as never, params)).rejects.toBeInstanceOf(IamportError);
  });
});
