import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { IamportProvider, useIamport, usePayment } from '../../src/react';
import { createSandboxIamport, SANDBOX_CARDS, type SandboxEvent } from '../../src/sandbox';
import { realBrowserEvents } from '../support/real-events';

realBrowserEvents();

afterEach(() => sessionStorage.clear());

function Checkout() {
  const iamport = useIamport();
  const { requestPayment, status, outcome } = usePayment();
  return (
    <>
      <button type="button" disabled={iamport.status !== 'ready'} onClick={() => requestPayment({ pay_method: 'card', name: '원두 1kg', amount: 1004 })}>
        Pay
      </button>
      <output>{outcome?.status === 'succeeded' ? `${status} ${outcome.impUid}` : status}</output>
    </>
  );
}

function setup() {
  const events: SandboxEvent[] = [];
  const sdk = createSandboxIamport({ seed: 3, mode: 'callback', onEvent: (event) => events.push(event) });
  render(
    <StrictMode>
      <IamportProvider merchantCode="imp00000000" pg="jtnet" sdk={sdk}>
        <Checkout />
      </IamportProvider>
    </StrictMode>,
  );
  return { events, button: screen.getByRole<HTMLButtonElement>('button', { name: 'Pay' }) };
}

const field = (name: RegExp) => page.getByRole('dialog').getByLabelText(name);

describe('usePayment on the sandbox (Chromium)', () => {
  it('20 rapid clicks open one sandbox window; paying with the approving card succeeds (unverified)', async () => {
    const { events, button } = setup();
    await waitFor(() => expect(button.disabled).toBe(false));
    for (let i = 0; i < 20; i++) button.click();
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(events.filter((event) => event.type === 'opened')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'rejected')).toHaveLength(0); // the kit stopped the other 19 itself
    expect(document.querySelectorAll('dialog[data-imp-sandbox]')).toHaveLength(1);

    await userEvent.fill(field(/card number/i), SANDBOX_CARDS.approve);
    await userEvent.fill(field(/expiry/i), '12/39');
    await userEvent.fill(field(/birth date/i), '900101');
    await userEvent.fill(field(/pin digits/i), '12');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: /approve/i }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^succeeded imp_\d{12}$/));
    // `queued`: like the real SDK, a click before the window's frame has loaded waits and is replayed.
    expect(events.map((event) => event.type).filter((type) => type !== 'queued')).toEqual(['opened', 'approved']);
  });

  it('Esc closes the window: cancelled, and the button works again', async () => {
    const { events, button } = setup();
    await waitFor(() => expect(button.disabled).toBe(false));
    await userEvent.click(button);
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('cancelled'));
    await userEvent.click(button);
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(events.map((event) => event.type).filter((type) => type !== 'queued')).toEqual(['opened', 'cancelled', 'opened']);
    await userEvent.keyboard('{Escape}');
  });
});
