// The sandbox window on a phone (375 × 812) and as the buyer types.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { baseParams, cleanUpSandboxes, dialog, field, IPHONE_UA, pay, sandbox } from './helpers';

/** A 30-character Korean order name, the longest the kit lets through without a warning. */
export const LONG_ORDER_NAME = '에티오피아 예가체프 내추럴 원두 1kg 외 3건 월구독';

afterEach(async () => {
  cleanUpSandboxes();
  await page.viewport(414, 896);
});

/** The element is inside the viewport and is what a tap at its centre hits (nothing covers it). */
function onScreen(element: Element) {
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth && (hit === element || element.contains(hit));
}

describe('the sandbox window on a phone', () => {
  it('at 375×812 with a 30-character Korean order name, Approve and Cancel are on screen without scrolling', async () => {
    expect([...LONG_ORDER_NAME]).toHaveLength(30);
    await page.viewport(375, 812);
    const { imp } = sandbox({ mode: 'auto', userAgent: IPHONE_UA });
    void pay(imp, baseParams({ name: LONG_ORDER_NAME, m_redirect_url: 'https://shop.example/done' }));
    await expect.element(dialog().getByText(LONG_ORDER_NAME)).toBeVisible();
    const window_ = dialog().element() as HTMLDialogElement;
    const box = window_.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).toEqual([0, 0, 375, 812]); // full screen, like the real mobile window
    const buttons = () => [/approve/i, /^취소 \(cancel\)$/i].map((name) => dialog().getByRole('button', { name }).element());
    for (const button of buttons()) expect(onScreen(button)).toBe(true);
    // A shorter screen (the keyboard is up): the fields scroll inside the window, the buttons stay.
    await page.viewport(375, 480);
    const body = window_.querySelector('.imp-sbx-b')!;
    await expect.poll(() => body.scrollHeight > body.clientHeight).toBe(true);
    for (const button of buttons()) expect(onScreen(button)).toBe(true);
    body.scrollTop = body.scrollHeight;
    expect(onScreen(field(/pin digits/i).element())).toBe(true);
    for (const button of buttons()) expect(onScreen(button)).toBe(true);
  });

  it('the card number groups in fours and the expiry reads MM/YY as the buyer types; month 13 is refused', async () => {
    const { imp } = sandbox();
    void pay(imp, baseParams());
    await expect.element(field(/card number/i)).toHaveFocus();
    await userEvent.keyboard('4242424242424242');
    await expect.element(field(/card number/i)).toHaveValue('4242 4242 4242 4242');
    await userEvent.keyboard('99'); // a 17th digit is not taken
    await expect.element(field(/card number/i)).toHaveValue('4242 4242 4242 4242');

    await userEvent.keyboard('{Tab}13');
    await expect.element(field(/expiry/i)).toHaveValue('1');
    await userEvent.keyboard('2/39');
    await expect.element(field(/expiry/i)).toHaveValue('12/39');
    await userEvent.fill(field(/expiry/i), '');
    await userEvent.type(field(/expiry/i), '5');
    await expect.element(field(/expiry/i)).toHaveValue('05');
  });

  it('a pasted or filled card number with dashes is shown grouped and still pays', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams());
    await userEvent.fill(field(/card number/i), '4242-4242-4242-4242');
    await expect.element(field(/card number/i)).toHaveValue('4242 4242 4242 4242');
    await userEvent.fill(field(/expiry/i), '1239');
    await expect.element(field(/expiry/i)).toHaveValue('12/39');
    await userEvent.fill(field(/birth date/i), '900101');
    await userEvent.fill(field(/pin digits/i), '12');
    await userEvent.click(dialog().getByRole('button', { name: /approve/i }));
    expect(await result).toMatchObject({ success: true, card_number: '424242******4242' });
  });

  it('the virtual-account choice says the account is issued and awaits a deposit', async () => {
    const { imp } = sandbox();
    void pay(imp, baseParams({ pay_method: 'vbank' }));
    await expect.element(dialog().getByRole('radio', { name: /virtual account/i })).toBeChecked();
    await expect.element(dialog().getByText(/가상계좌가 발급되고 입금을 기다립니다/)).toBeVisible();
    await expect.element(dialog().getByText(/awaits the deposit/)).toBeVisible();
    await expect.element(dialog().getByText(/approving completes at once/i)).not.toBeInTheDocument();
    await expect.element(dialog().getByRole('button', { name: /approve/i })).toHaveTextContent('계좌 발급 승인 (Approve)');
    await userEvent.click(dialog().getByRole('radio', { name: /bank transfer/i }));
    await expect.element(dialog().getByText(/approving completes at once/i)).toBeVisible();
  });
});
