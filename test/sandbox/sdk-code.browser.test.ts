// Two behaviours of the real SDK 1.3.0 that reference §4 does not list, read from its code (not
// observed). The sandbox reproduces them, so a kit that counts on friendlier behaviour fails here
// as it would in production; docs/sandbox.md marks both rows "read from the SDK's code".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { baseParams, cleanUpSandboxes, DESKTOP_UA, dialog, dialogShown, sandbox } from './helpers';

const PC = { mode: 'auto', userAgent: DESKTOP_UA } as const;
const windowInPage = () => document.querySelector('div.imp-dialog dialog');

afterEach(() => cleanUpSandboxes());

describe('the real SDK 1.3.0, read from its code', () => {
  it('a request_pay in the same task as an answer (a retry from the callback) is lost with the frame the SDK then replaces: the overlay stays up, no window, no callback', async () => {
    const { imp, types } = sandbox(PC);
    const retried = vi.fn();
    imp.request_pay(baseParams({ name: 'first' }), () => imp.request_pay(baseParams({ name: 'retry' }), retried));
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(types().filter((type) => type === 'opened')).toHaveLength(2)); // the retry was posted…
    await vi.waitFor(() => expect(windowInPage()).toBeNull()); // …into the frame the reload replaced
    expect(dialogShown()).toBe(true); // a blank full-screen overlay over the app
    expect(retried).not.toHaveBeenCalled();
  });

  it('IMP.close() while a request waits for a slow frame does not drop it: the window opens once the frame is ready, after the app closed it', async () => {
    const { imp, events } = sandbox({ ...PC, faults: { slowInitMs: 300 } });
    const answered = vi.fn();
    imp.request_pay(baseParams({ name: 'waiting' }), answered);
    await vi.waitFor(() => expect(events.map((event) => event.type)).toEqual(['queued']));
    imp.close();
    await expect.element(dialog(), { timeout: 5000 }).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    expect(answered.mock.calls[0]![0]).toMatchObject({ error_code: 'F400' });
  });
});
