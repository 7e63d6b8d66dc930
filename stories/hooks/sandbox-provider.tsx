import { useState, type ReactNode } from 'react';
import { IamportProvider, type IamportProviderProps } from 'react-iamport-jtnet';
import { createSandboxIamport, SANDBOX_CARDS, SANDBOX_MERCHANT_CODE, type SandboxOptions } from 'react-iamport-jtnet/sandbox';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';

/**
 * `<IamportProvider>` on a fresh offline sandbox (one per mount, so stories never share state).
 * `mode: 'callback'` keeps the desktop flow even in the narrow test viewport.
 */
export function SandboxProvider({ children, sandbox, ...props }: Partial<IamportProviderProps> & { sandbox?: SandboxOptions; children: ReactNode }) {
  const [sdk] = useState(() => createSandboxIamport({ seed: 1, mode: 'callback', ...sandbox }));
  return (
    <IamportProvider merchantCode={SANDBOX_MERCHANT_CODE} pg="jtnet" {...props} sdk={sdk}>
      {children}
    </IamportProvider>
  );
}

/** The sandbox payment window (a modal dialog attached to document.body). */
export async function sandboxWindow(): Promise<HTMLElement> {
  return screen.findByRole('dialog', {}, { timeout: 5000 });
}

/** Type a sandbox test card into the open window and approve, like a buyer would. */
export async function payWithCard(card: string = SANDBOX_CARDS.approve): Promise<void> {
  const dialog = within(await sandboxWindow());
  await userEvent.type(dialog.getByLabelText(/card number/i), card);
  await userEvent.type(dialog.getByLabelText(/expiry/i), '12/39');
  await userEvent.type(dialog.getByLabelText(/birth date/i), '900101');
  await userEvent.type(dialog.getByLabelText(/pin digits/i), '12');
  await userEvent.click(dialog.getByRole('button', { name: /approve/i }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

/** Close the sandbox window with its cancel button. */
export async function cancelWindow(): Promise<void> {
  const dialog = within(await sandboxWindow());
  await userEvent.click(dialog.getByRole('button', { name: /cancel/i }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}
