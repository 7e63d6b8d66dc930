import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clearIamport, type Iamport } from '../../src/core';
import { RedirectLanding } from '../../src/components';
import { IamportProvider, useIamport, usePayment, useRedirectResult } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';
import { realBrowserEvents } from '../support/real-events';

realBrowserEvents();

const fresh = (path: string) => `${path}?run=${Math.random().toString(36).slice(2)}`;
const scriptsFor = (url: string) => Array.from(document.scripts).filter((script) => script.src === new URL(url, location.href).href);
const executions = () => (window as { __sdkExecutions?: number }).__sdkExecutions;
const fixtureInits = () => (window.IMP as (Iamport & { inits: string[] }) | undefined)?.inits;

afterEach(() => {
  clearIamport();
  delete (window as { __sdkExecutions?: number }).__sdkExecutions;
  sessionStorage.clear();
});

function Status() {
  return <output>{useIamport().status}</output>;
}

/** Records, inside request_pay, whether a microtask / timer queued by the click handler already ran. */
function ProbedPayButton({ probe }: { probe: { microtask: boolean; timer: boolean } }) {
  const { requestPayment } = usePayment();
  return (
    <button
      type="button"
      onClick={() => {
        queueMicrotask(() => (probe.microtask = true));
        setTimeout(() => (probe.timer = true));
        requestPayment({ pay_method: 'card', name: 'probe', amount: 1004 });
      }}
    >
      Pay
    </button>
  );
}

describe('React layer in Chromium', () => {
  it('StrictMode double mount and a remount: one script tag, one SDK execution, one IMP.init', async () => {
    const scriptUrl = fresh('/__sdk__/imp.js');
    const tree = (
      <StrictMode>
        <IamportProvider merchantCode="imp00000000" scriptUrl={scriptUrl}>
          <Status />
        </IamportProvider>
      </StrictMode>
    );
    const first = render(tree);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('ready'));
    first.unmount();
    render(tree);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('ready'));
    expect(scriptsFor(scriptUrl)).toHaveLength(1);
    expect(executions()).toBe(1);
    expect(fixtureInits()).toEqual(['imp00000000']);
  });

  it('with the real loader and fixture SDK, a click pays once and resolves', async () => {
    const scriptUrl = fresh('/__sdk__/imp.js');
    function Pay() {
      const iamport = useIamport();
      const { requestPayment, status, outcome } = usePayment();
      return (
        <>
          <button type="button" disabled={iamport.status !== 'ready'} onClick={() => requestPayment({ pay_method: 'card', amount: 1004 })}>
            Pay
          </button>
          <output>{outcome?.status === 'succeeded' ? outcome.impUid : status}</output>
        </>
      );
    }
    render(
      <StrictMode>
        <IamportProvider merchantCode="imp00000000" pg="jtnet" scriptUrl={scriptUrl}>
          <Pay />
        </IamportProvider>
      </StrictMode>,
    );
    const button = screen.getByRole('button', { name: 'Pay' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('imp_000000000001'));
  });

  it('when the SDK is ready, request_pay runs in the same task as the click: no microtask, no timer in between, user activation intact', async () => {
    const probe = { microtask: false, timer: false };
    const atCall: { microtask?: boolean; timer?: boolean; activation?: boolean; event?: string }[] = [];
    const sdk = createFakeIamport({
      dom: false, // its window would stay up after this test, over the next one's button
      onRequestPay: () => atCall.push({ ...probe, activation: navigator.userActivation.isActive, event: window.event?.type }),
    });
    render(
      <IamportProvider merchantCode="imp00000000" sdk={sdk}>
        <ProbedPayButton probe={probe} />
      </IamportProvider>,
    );
    await waitFor(() => expect(sdk.inits).toHaveLength(1));
    await userEvent.click(screen.getByRole('button', { name: 'Pay' }));
    expect(atCall).toEqual([{ microtask: false, timer: false, activation: true, event: 'click' }]);
    // the probes do fire afterwards, so "false" above really means "not yet"
    await waitFor(() => expect(probe).toEqual({ microtask: true, timer: true }));
  });

  it('control: while the SDK is still loading, the call waits (the probe sees the microtask), then runs once', async () => {
    const probe = { microtask: false, timer: false };
    const atCall: boolean[] = [];
    const sdk = createFakeIamport({ dom: false, onRequestPay: () => atCall.push(probe.microtask) });
    let release!: (value: Iamport) => void;
    render(
      <IamportProvider merchantCode="imp00000000" sdk={new Promise<Iamport>((resolve) => (release = resolve))}>
        <ProbedPayButton probe={probe} />
      </IamportProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Pay' }));
    expect(sdk.requests).toHaveLength(0);
    await act(async () => release(sdk));
    await waitFor(() => expect(sdk.requests).toHaveLength(1));
    expect(atCall).toEqual([true]);
  });

  it('a landing page (RedirectLanding, useRedirectResult) under the provider injects no SDK script; a pay button later does, once', async () => {
    const scriptUrl = fresh('/__sdk__/imp.js');
    function Landing() {
      const result = useRedirectResult({ url: 'https://shop.example/done?imp_uid=imp_1&merchant_uid=order_1&imp_success=true' });
      return <p>{result.status}</p>;
    }
    const verify = async () => ({ verified: true, status: 'paid' });
    const page = (withButton: boolean) => (
      <StrictMode>
        <IamportProvider merchantCode="imp00000000" scriptUrl={scriptUrl}>
          <Landing />
          <RedirectLanding verify={verify} url="https://shop.example/done?imp_uid=imp_1&merchant_uid=order_1&imp_success=true" cleanUrl={false} />
          {withButton && <Status />}
        </IamportProvider>
      </StrictMode>
    );
    const { rerender } = render(page(false));
    expect(await screen.findByText('결제가 완료되었습니다.')).toBeTruthy();
    expect(scriptsFor(scriptUrl)).toHaveLength(0);
    expect(window.IMP).toBeUndefined();
    rerender(page(true));
    await waitFor(() => expect(document.querySelector('output')?.textContent).toBe('ready'));
    expect(scriptsFor(scriptUrl)).toHaveLength(1);
    expect(executions()).toBe(1);
  });

  it('a child that requests in its mount effect, before the provider’s effects ran, loads the SDK and calls request_pay once', async () => {
    const scriptUrl = fresh('/__sdk__/imp.js');
    function Eager() {
      const { requestPayment, status, outcome } = usePayment();
      useEffect(() => requestPayment({ pay_method: 'card', name: 'eager', amount: 1004 }), [requestPayment]);
      return <output>{outcome?.status === 'succeeded' ? outcome.impUid : status}</output>;
    }
    render(
      <IamportProvider merchantCode="imp00000000" scriptUrl={scriptUrl}>
        <Eager />
      </IamportProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('imp_000000000001'));
    expect(fixtureInits()).toEqual(['imp00000000']);
    expect(scriptsFor(scriptUrl)).toHaveLength(1);
  });
});
