import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clearIamport, type Iamport } from '../../src/core';
import { IamportProvider, useIamport, usePayment } from '../../src/react';
import { createFakeIamport } from '../support/fake-iamport';

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
        requestPayment({ pay_method: 'card', name: 'probe', amount: 1004 }).catch(() => {});
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
          <button type="button" disabled={iamport.status !== 'ready'} onClick={() => requestPayment({ pay_method: 'card', amount: 1004 }).catch(() => {})}>
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
    const sdk = createFakeIamport({ onRequestPay: () => atCall.push(probe.microtask) });
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
});
