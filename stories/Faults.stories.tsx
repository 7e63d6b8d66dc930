import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SANDBOX_CARDS } from 'react-iamport-jtnet/sandbox';
import { SandboxWindowDemo } from './support/SandboxWindowDemo';

/**
 * The real SDK 1.3.0's silent failures (reference §4), reproduced on demand with
 * `createSandboxIamport({ faults })` (or `iamport-sandbox --fault …`): what a page sees when
 * i'mport's servers fail. None of them ever calls back; test your timeouts against them.
 */
const meta = {
  title: 'Sandbox/Faults',
  component: SandboxWindowDemo,
  args: { params: { pg: 'jtnet', pay_method: 'card', merchant_uid: 'story_fault_1', name: '원두 1kg', amount: 15000 } },
} satisfies Meta<typeof SandboxWindowDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

const request = (canvasElement: HTMLElement) => userEvent.click(within(canvasElement).getByRole('button', { name: /request payment/i }));
const logShows = (canvasElement: HTMLElement, text: string) =>
  waitFor(() => expect(within(canvasElement).getByTestId('events')).toHaveTextContent(text), { timeout: 5000 });
const sdkDom = (canvasElement: HTMLElement) => within(canvasElement).getByTestId('sdk-dom');
const noAnswer = (canvasElement: HTMLElement) => expect(within(canvasElement).getByTestId('response')).toHaveTextContent('—');

/**
 * `faults: { init: 'network-error' }`: `/users/pg` cannot be reached. `IMP.init` returns
 * normally, and every `request_pay` waits forever: no window, no callback, the SDK's dialog
 * stays `display: none` with no iframe.
 */
export const InitNetworkError: Story = {
  args: { sandbox: { faults: { init: 'network-error' } } },
  play: async ({ canvasElement }) => {
    await logShows(canvasElement, 'init-failed');
    await request(canvasElement);
    await logShows(canvasElement, 'queued');
    await expect(sdkDom(canvasElement)).toHaveTextContent('display: none · no iframe');
    await expect(within(document.body).queryByRole('dialog')).toBeNull();
    await noAnswer(canvasElement);
  },
};

/** `faults: { init: 'server-error' }`: `/users/pg` answers HTTP 500. The same silence. */
export const InitServerError: Story = {
  args: { sandbox: { faults: { init: 'server-error' } } },
  play: InitNetworkError.play,
};

/**
 * `faults: { window: 'load-error' }`: the window's page fails to load. The SDK still shows its
 * full-screen frame (an error page over the app, z-index 99999) and never calls back.
 * `IMP.close()` is the only way out.
 */
export const WindowLoadError: Story = {
  args: { sandbox: { faults: { window: 'load-error' } } },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await logShows(canvasElement, 'unanswered');
    const frame = document.querySelector<HTMLIFrameElement>('div.imp-dialog iframe.imp-frame')!;
    await waitFor(() => expect(frame.contentDocument?.body.textContent).toContain('ERR_CONNECTION_TIMED_OUT'));
    await expect(sdkDom(canvasElement)).toHaveTextContent('display: block');
    await expect(within(document.body).queryByRole('dialog')).toBeNull();
    await noAnswer(canvasElement);
  },
};

/**
 * `faults: { window: 'no-answer' }`: the window opens and never answers. Here the buyer
 * approves: the payment goes through, the window stays on "processing" and the callback never
 * comes. Only the merchant's server can tell (look the payment up by merchant_uid).
 */
export const WindowNoAnswer: Story = {
  args: { sandbox: { faults: { window: 'no-answer' } } },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    const dialog = within(await within(document.body).findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText(/card number/i), SANDBOX_CARDS.approve);
    await userEvent.type(dialog.getByLabelText(/expiry/i), '12/39');
    await userEvent.type(dialog.getByLabelText(/birth date/i), '900101');
    await userEvent.type(dialog.getByLabelText(/pin digits/i), '12');
    await userEvent.click(dialog.getByRole('button', { name: /approve/i }));
    await logShows(canvasElement, 'unanswered');
    await expect(within(canvasElement).getByTestId('events')).toHaveTextContent('approved');
    await expect(dialog.getByRole('status')).toHaveTextContent(/processing/i);
    await noAnswer(canvasElement);
  },
};

/**
 * `faults: { slowInitMs: 1500 }`: the window's frame takes 1.5 s to load. A click before that
 * is held (the SDK keeps the last one) and replayed when the frame is ready.
 */
export const SlowInit: Story = {
  args: { sandbox: { faults: { slowInitMs: 1500 } } },
  play: async ({ canvasElement }) => {
    await request(canvasElement);
    await logShows(canvasElement, 'queued');
    await expect(within(document.body).queryByRole('dialog')).toBeNull();
    await within(document.body).findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(canvasElement).getByTestId('response')).toHaveTextContent('"error_code": "F400"'));
  },
};
