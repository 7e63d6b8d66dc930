import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { recallRequest } from '../../src/core';
import { IamportProvider, useBillingKey, type BillingKeyParams } from '../../src/react';
import { createFakeIamport, type FakeIamport } from '../support/fake-iamport';

async function setup(sdk: FakeIamport, options?: Parameters<typeof useBillingKey>[0]) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IamportProvider merchantCode="imp00000000" sdk={sdk} pg="jtnet">
      {children}
    </IamportProvider>
  );
  const hook = renderHook(() => useBillingKey(options), { wrapper });
  await waitFor(() => expect(sdk.inits).toHaveLength(1));
  return hook;
}

describe('useBillingKey', () => {
  it('issues a key with amount 0 and pay_method card by default; the outcome carries customerUid', async () => {
    const sdk = createFakeIamport({ answer: 'approve' });
    const onSuccess = vi.fn();
    const { result } = await setup(sdk, { onSuccess });
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.issueBillingKeyAsync({ customer_uid: 'user_42', name: 'Monthly plan' });
    });
    const [sent] = sdk.requests;
    expect(sent).toMatchObject({ customer_uid: 'user_42', amount: 0, pay_method: 'card', pg: 'jtnet', name: 'Monthly plan' });
    expect(outcome).toMatchObject({ status: 'succeeded', customerUid: 'user_42', verified: false });
    expect(result.current).toMatchObject({ status: 'succeeded', outcome: { customerUid: 'user_42' } });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ customerUid: 'user_42' }));
    expect(recallRequest(sent!.merchant_uid)).toMatchObject({ kind: 'billing', amount: 0, customerUid: 'user_42' });
  });

  it('forces pay_method card even if another is passed, and keeps a first-charge amount', async () => {
    const sdk = createFakeIamport();
    const { result } = await setup(sdk);
    act(() => result.current.issueBillingKey({ customer_uid: 'user_7', amount: 9900, pay_method: 'trans' } as unknown as BillingKeyParams));
    expect(sdk.requests[0]).toMatchObject({ pay_method: 'card', amount: 9900 });
  });

  it('refuses a request without customer_uid before touching the SDK', async () => {
    const sdk = createFakeIamport();
    const { result } = await setup(sdk);
    let error: unknown;
    await act(async () => {
      error = await result.current.issueBillingKeyAsync({} as BillingKeyParams).catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field: 'customer_uid' });
    expect(sdk.requests).toHaveLength(0);
    expect(result.current.status).toBe('error');
  });

  it('a declined card: status failed, outcome with the code and customerUid', async () => {
    const sdk = createFakeIamport();
    const onFailure = vi.fn();
    const { result } = await setup(sdk, { onFailure });
    act(() => result.current.issueBillingKey({ customer_uid: 'user_9' }));
    await act(async () => sdk.decline());
    expect(result.current).toMatchObject({ status: 'failed', outcome: { code: 'F400', customerUid: 'user_9' } });
    expect(onFailure).toHaveBeenCalledTimes(1);
  });
});
