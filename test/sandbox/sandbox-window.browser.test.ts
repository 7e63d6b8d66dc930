// The sandbox window itself: what it shows and what it answers. What the SDK around it does
// (DOM signals, phones, refusals, faults) is in real-sdk-1.3.0.browser.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { toPaymentOutcome } from '../../src/core';
import { SANDBOX_CARDS } from '../../src/sandbox';
import { approve, baseParams, cleanUpSandboxes, dialog, field, fillCard, pay, sandbox } from './helpers';

afterEach(cleanUpSandboxes);

describe('sandbox payment window (Chromium)', () => {
  it('opens a labelled modal dialog showing merchant, order name and amount', async () => {
    const { imp } = sandbox();
    void pay(imp, baseParams());
    await expect.element(dialog()).toBeVisible();
    const node = dialog().element() as HTMLDialogElement;
    expect(node.open).toBe(true);
    expect(node.matches(':modal')).toBe(true);
    await expect.element(dialog()).toHaveAccessibleName(/sandbox payment/i);
    await expect.element(dialog().getByText('imp00000000')).toBeVisible();
    await expect.element(dialog().getByText('원두 1kg')).toBeVisible();
    await expect.element(dialog().getByText('₩1,004')).toBeVisible();
    await expect.element(dialog().getByRole('radio', { name: /card/i })).toBeChecked();
    expect(document.activeElement).toBe(field(/card number/i).element());
  });

  it('approves the 4242 card typed with the keyboard and returns the reference response', async () => {
    const { imp, types } = sandbox({ now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
    const params = baseParams({ custom_data: { cart: 3 } });
    const result = pay(imp, params);
    await expect.element(dialog()).toBeVisible();
    // focus starts in the card number field; Tab walks the fields; Enter submits
    await userEvent.keyboard('4242424242424242');
    await userEvent.keyboard('{Tab}1239{Tab}900101{Tab}12{Enter}');
    const response = await result;

    expect(response).toMatchObject({
      success: true,
      imp_success: true,
      merchant_uid: params.merchant_uid,
      pay_method: 'card',
      paid_amount: 1004,
      status: 'paid',
      name: '원두 1kg',
      pg_provider: 'jtnet',
      card_name: 'BC카드', // the first issuer of the official table is preselected
      card_number: '424242******4242',
      paid_at: Date.UTC(2025, 0, 2, 3, 4, 5) / 1000,
      buyer_name: '홍길동',
      buyer_email: 'gildong@example.com',
      buyer_tel: '010-1234-5678',
      custom_data: '{"cart":3}',
    });
    expect(response.imp_uid).toMatch(/^imp_\d{12}$/);
    expect(response.apply_num).toMatch(/^\d{8}$/);
    expect(response.pg_tid).toEqual(expect.any(String));
    expect(response.receipt_url).toContain(response.imp_uid);
    expect(response.error_code).toBeUndefined();
    expect(toPaymentOutcome(response).status).toBe('succeeded');
    expect(types()).toEqual(['opened', 'approved']);
    expect(document.querySelector('dialog[data-imp-sandbox]')).toBeNull();
  });

  it('the same seed gives the same imp_uid and apply_num', async () => {
    const run = async () => {
      const { imp } = sandbox({ seed: 42 });
      const result = pay(imp, baseParams({ merchant_uid: 'order_seeded_1' }));
      await fillCard();
      await approve();
      return result;
    };
    const first = await run();
    const second = await run();
    expect(second.imp_uid).toBe(first.imp_uid);
    expect(second.apply_num).toBe(first.apply_num);
  });

  it('declines the insufficient-funds card with a failure response', async () => {
    const { imp, events } = sandbox();
    const result = pay(imp, baseParams());
    await fillCard(SANDBOX_CARDS.decline);
    await approve();
    const response = await result;
    expect(response).toMatchObject({ success: false, status: 'failed', error_code: 'F400' });
    expect(response.error_msg).toMatch(/잔액|insufficient funds/);
    expect(response.imp_uid).toMatch(/^imp_\d{12}$/);
    const outcome = toPaymentOutcome(response);
    expect(outcome.status).toBe('failed');
    expect(events.at(-1)?.type).toBe('declined');
  });

  it('fails the network card with a PG/network message', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams());
    await fillCard(SANDBOX_CARDS.network);
    await approve();
    const response = await result;
    expect(response.success).toBe(false);
    expect(response.error_msg).toMatch(/통신 오류/);
    expect(toPaymentOutcome(response).status).toBe('failed');
  });

  it('shows labelled field errors and keeps the window open for bad card input', async () => {
    const { imp } = sandbox();
    void pay(imp, baseParams());
    await userEvent.fill(field(/card number/i), '4242');
    await userEvent.fill(field(/expiry/i), '01/20');
    await approve();
    await expect.element(field(/card number/i)).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field(/card number/i)).toHaveAccessibleDescription(/16/);
    await expect.element(field(/expiry/i)).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field(/birth date/i)).toHaveAttribute('aria-invalid', 'true');
    expect(document.activeElement).toBe(field(/card number/i).element());
    await expect.element(dialog()).toBeVisible();
  });

  it('Esc cancels with F400 and the cancel message core reads as "cancelled"', async () => {
    const { imp, types } = sandbox();
    const params = baseParams();
    const result = pay(imp, params);
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    const response = await result;
    expect(response).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: params.merchant_uid,
      error_code: 'F400',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    expect(toPaymentOutcome(response).status).toBe('cancelled');
    expect(types()).toEqual(['opened', 'cancelled']);
    expect(document.querySelector('dialog[data-imp-sandbox]')).toBeNull();
  });

  it('the cancel button and the close button both cancel', async () => {
    const { imp } = sandbox();
    const first = pay(imp, baseParams());
    await userEvent.click(dialog().getByRole('button', { name: /^취소 \(cancel\)$/i }));
    expect(toPaymentOutcome(await first).status).toBe('cancelled');
    const second = pay(imp, baseParams());
    await userEvent.click(dialog().getByRole('button', { name: /close/i }));
    expect(toPaymentOutcome(await second).status).toBe('cancelled');
  });

  it('keeps the page behind inert while open and returns focus after closing', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Pay';
    document.body.append(outside);
    outside.focus();
    const { imp } = sandbox();
    const result = pay(imp, baseParams());
    await expect.element(dialog()).toBeVisible();
    outside.focus();
    expect(dialog().element().contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await result;
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it.each([
    ['trans', /bank transfer/i],
    ['phone', /phone/i],
  ] as const)('%s approves with no card fields', async (method, label) => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ pay_method: method, digital: method === 'phone' ? true : undefined }));
    await expect.element(dialog().getByRole('radio', { name: label })).toBeChecked();
    await expect.element(field(/card number/i)).not.toBeVisible();
    await approve();
    const response = await result;
    expect(response).toMatchObject({ success: true, status: 'paid', pay_method: method, paid_amount: 1004 });
    expect(response.card_number).toBeUndefined();
  });

  it('the buyer can switch the pay method in the window', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ pay_method: 'card' }));
    await userEvent.click(dialog().getByRole('radio', { name: /bank transfer/i }));
    await expect.element(field(/card number/i)).not.toBeVisible();
    await approve();
    expect((await result).pay_method).toBe('trans');
  });

  it('vbank issues an account: status ready with number, bank, holder and due date', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ pay_method: 'vbank', vbank_due: '202612312359' }));
    await approve();
    const response = await result;
    expect(response).toMatchObject({ success: true, status: 'ready', pay_method: 'vbank', vbank_name: 'KB국민은행', paid_at: 0 });
    expect(response.vbank_num).toMatch(/^\d{14}$/);
    expect(response.vbank_holder).toEqual(expect.any(String));
    expect(response.vbank_date).toBe(Date.UTC(2026, 11, 31, 14, 59, 59) / 1000);
    expect(toPaymentOutcome(response).status).toBe('succeeded');
  });

  it('a billing key with amount 0 opens a card-only window and issues the key only', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ customer_uid: 'customer_1', amount: 0 }));
    await expect.element(dialog()).toHaveAccessibleName(/billing key/i);
    await expect.element(dialog().getByRole('radio', { name: /bank transfer/i })).not.toBeInTheDocument();
    await expect.element(dialog().getByText('₩0')).toBeVisible();
    await fillCard();
    await approve();
    const response = await result;
    expect(response).toMatchObject({ success: true, status: 'paid', customer_uid: 'customer_1', paid_amount: 0, pay_method: 'card' });
  });

  it('a billing key with amount > 0 issues the key and charges it', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ customer_uid: 'customer_2', amount: 9900, pay_method: 'card' }));
    await expect.element(dialog().getByText('₩9,900')).toBeVisible();
    await fillCard();
    await approve();
    const response = await result;
    expect(response).toMatchObject({ success: true, status: 'paid', customer_uid: 'customer_2', paid_amount: 9900 });
    expect(response.apply_num).toMatch(/^\d{8}$/);
  });

  it("card.detail [{'*':false},{366:true}] offers only Shinhan", async () => {
    const { imp } = sandbox();
    const result = pay(
      imp,
      baseParams({
        card: {
          detail: [
            { card_code: '*', enabled: false },
            { card_code: '366', enabled: true },
          ],
        },
      }),
    );
    await expect.element(dialog()).toBeVisible();
    const issuer = field(/card issuer/i);
    const options = [...(issuer.element() as HTMLSelectElement).options].map((option) => option.textContent);
    expect(options).toEqual(['신한 (Shinhan)']);
    await fillCard();
    await approve();
    expect((await result).card_name).toBe('신한카드');
  });

  it('card.detail exclusions remove issuers and the chosen issuer names the card', async () => {
    const { imp } = sandbox();
    const result = pay(imp, baseParams({ card: { detail: [{ card_code: '366', enabled: false }] } }));
    await expect.element(dialog()).toBeVisible();
    const select = field(/card issuer/i);
    const codes = [...(select.element() as HTMLSelectElement).options].map((option) => option.value);
    expect(codes).not.toContain('366');
    expect(codes).toHaveLength(25);
    await userEvent.selectOptions(select, '041');
    await fillCard();
    await approve();
    expect((await result).card_name).toBe('우리카드');
  });

  it("a reused, already paid merchant_uid fails with F1002 before any PG window shows (the in-page engine plays i'mport's server)", async () => {
    const { imp } = sandbox();
    const params = baseParams();
    const first = pay(imp, params);
    await fillCard();
    await approve();
    expect((await first).success).toBe(true);
    const second = await pay(imp, params);
    expect(second).toMatchObject({ success: false, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.', imp_uid: null });
    expect(document.querySelector('dialog[data-imp-sandbox]')).toBeNull();
  });

  it('a declined merchant_uid may be retried', async () => {
    const { imp } = sandbox();
    const params = baseParams();
    const first = pay(imp, params);
    await fillCard(SANDBOX_CARDS.decline);
    await approve();
    expect((await first).success).toBe(false);
    const second = pay(imp, params);
    await fillCard();
    await approve();
    expect((await second).success).toBe(true);
  });

  it('renders merchant-supplied text as text, never HTML', async () => {
    const { imp } = sandbox({ merchantName: '<img src=x onerror=alert(1)>' });
    void pay(imp, baseParams({ name: '<b>bold</b>' }));
    await expect.element(dialog().getByText('<b>bold</b>')).toBeVisible();
    expect(dialog().element().querySelector('img, b')).toBeNull();
  });
});

describe("redirect mode (a phone's behaviour, forced)", () => {
  it('navigates to m_redirect_url with imp_uid, merchant_uid and imp_success=true', async () => {
    const navigate = vi.fn();
    const callback = vi.fn();
    const { imp, events } = sandbox({ mode: 'redirect', navigate });
    const params = baseParams({ m_redirect_url: 'https://shop.example/pay/complete?from=cart' });
    imp.request_pay(params, callback);
    await fillCard();
    await approve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]![0] as string);
    expect(url.origin + url.pathname).toBe('https://shop.example/pay/complete');
    expect(url.searchParams.get('from')).toBe('cart');
    expect(url.searchParams.get('imp_uid')).toMatch(/^imp_\d{12}$/);
    expect(url.searchParams.get('merchant_uid')).toBe(params.merchant_uid);
    expect(url.searchParams.get('imp_success')).toBe('true');
    expect(url.searchParams.has('error_code')).toBe(false);
    expect(callback).not.toHaveBeenCalled();
    expect(events.at(-1)).toMatchObject({ type: 'redirected', detail: url.href });
  });

  it('a cancel redirects with imp_success=false, error_code and error_msg', async () => {
    const navigate = vi.fn();
    const { imp } = sandbox({ mode: 'redirect', navigate });
    const params = baseParams({ m_redirect_url: 'https://shop.example/done' });
    imp.request_pay(params, () => {});
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(navigate).toHaveBeenCalled());
    const query = new URL(navigate.mock.calls[0]![0] as string).searchParams;
    expect(query.get('imp_success')).toBe('false');
    expect(query.get('error_code')).toBe('F400');
    expect(query.get('error_msg')).toBe('[결제포기] 사용자가 결제를 취소하셨습니다');
    expect(query.get('merchant_uid')).toBe(params.merchant_uid);
  });

  it('without m_redirect_url the window answers in the page: the callback runs on a phone too', async () => {
    const navigate = vi.fn();
    const { imp } = sandbox({ mode: 'redirect', navigate });
    const result = pay(imp, baseParams());
    await fillCard();
    await approve();
    expect((await result).success).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });
});
