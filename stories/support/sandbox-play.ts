import { expect, userEvent, waitFor, within } from 'storybook/test';

/** The sandbox window (a modal `<dialog>` appended to document.body). */
export async function findSandboxWindow() {
  return within(document.body).findByRole('dialog', {}, { timeout: 5000 });
}

/**
 * Complete the open sandbox window with a test card (default: the one that approves),
 * optionally choosing an issuer first.
 */
export async function payWithCard(card = '4242-4242-4242-4242', options: { issuer?: string } = {}) {
  const dialog = within(await findSandboxWindow());
  if (options.issuer) await userEvent.selectOptions(dialog.getByLabelText(/카드사/), options.issuer);
  await userEvent.type(dialog.getByLabelText(/카드번호/), card);
  await userEvent.type(dialog.getByLabelText(/유효기간/), '12/39');
  await userEvent.type(dialog.getByLabelText(/생년월일/), '900101');
  await userEvent.type(dialog.getByLabelText(/비밀번호/), '12');
  await userEvent.click(dialog.getByRole('button', { name: /승인/ }));
  await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
}

/** Approve a non-card window (bank transfer, virtual account, phone). */
export async function approveWindow() {
  const dialog = within(await findSandboxWindow());
  await userEvent.click(dialog.getByRole('button', { name: /승인/ }));
  await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
}

/** Close the window with its close button, as a buyer would (real Esc is covered by the sandbox's Chromium tests). */
export async function cancelWindow() {
  await userEvent.click(within(await findSandboxWindow()).getByRole('button', { name: /닫기/ }));
  await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
}
