// Every behaviour of the real i'mport SDK 1.3.0 listed in reference §4, as a check against the
// sandbox in Chromium, on a desktop and on a phone user agent. A change that drifts from the
// real SDK fails the test named after the behaviour.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createSandboxIamport, SANDBOX_CARDS, type SandboxOptions } from '../../src/sandbox';
import {
  approve,
  baseParams,
  cleanUpSandboxes,
  DESKTOP_UA,
  dialog,
  dialogShown,
  fillCard,
  IPHONE_UA,
  ANDROID_UA,
  nextEvent,
  pay,
  sandbox,
  sdkDialog,
  sdkFrames,
  track,
} from './helpers';

const PC: SandboxOptions = { mode: 'auto', userAgent: DESKTOP_UA };
const PHONE: SandboxOptions = { mode: 'auto', userAgent: IPHONE_UA };
const NOT_READY = '등록 된 PG 설정 정보를 찾을 수 없습니다.';
const F1001_MESSAGE = '등록되지 않은 PG모듈 정보입니다. 아임포트 관리자페이지에서 PG모듈 정보를 설정하신 후 다시 시도해주세요.';

/** The merchant's page behind the SDK. */
function appContent() {
  const app = document.createElement('main');
  app.textContent = 'shop';
  document.body.append(app);
  return app;
}
/** The frames exist once `init` has run (a task after the call, like the real SDK). */
const framesBuilt = () => vi.waitFor(() => expect(sdkFrames().length).toBeGreaterThan(0));

afterEach(() => {
  cleanUpSandboxes();
  document.querySelectorAll('main').forEach((node) => node.remove());
  document.body.classList.remove('imp-payment-progress');
});

describe.each([
  ['PC (desktop user agent)', PC, 'pc'],
  ['phone (iPhone user agent)', PHONE, 'mobile'],
] as const)('real SDK 1.3.0 on a %s', (_name, device, kind) => {
  it('init keeps one div.imp-dialog (z-index 99999, display none) holding a hidden iframe.imp-frame', async () => {
    sandbox(device);
    await framesBuilt();
    expect(document.querySelectorAll('div.imp-dialog')).toHaveLength(1);
    const style = getComputedStyle(sdkDialog()!);
    expect({ display: style.display, zIndex: style.zIndex, position: style.position }).toEqual({ display: 'none', zIndex: '99999', position: 'fixed' });
    const [frame] = sdkFrames();
    expect([...frame!.classList]).toEqual(['imp-frame', `imp-frame-${kind}`, 'imp-frame-default', 'imp-frame-jtnet']);
    expect(frame!.title).not.toBe('');
  });

  it("pg 'jtnet' takes the iframe path: the window shows inside the dialog, never in a popup", async () => {
    const open = vi.spyOn(window, 'open');
    const { imp } = sandbox(device);
    imp.request_pay(baseParams(), () => {});
    await expect.element(dialog()).toBeVisible();
    expect(sdkDialog()!.contains(dialog().element())).toBe(true);
    expect(open).not.toHaveBeenCalled();
  });

  it(`while a window is open the dialog is display block with class payment-jtnet ${kind}${kind === 'mobile' ? ' ios, body gets imp-payment-progress and the app is hidden' : ''}; after the answer all is back`, async () => {
    const app = appContent();
    const { imp } = sandbox(device);
    const result = pay(imp, baseParams());
    await expect.element(dialog()).toBeVisible();
    expect(dialogShown()).toBe(true);
    expect(sdkDialog()!.className).toBe(kind === 'pc' ? 'imp-dialog customizable payment-jtnet pc' : 'imp-dialog customizable payment-jtnet mobile ios');
    const [frame] = sdkFrames();
    expect(frame!.classList.contains(`imp-frame-${kind}`)).toBe(true);
    expect(getComputedStyle(frame!).display).toBe('block');
    expect(document.body.classList.contains('imp-payment-progress')).toBe(kind === 'mobile');
    expect(getComputedStyle(app).display).toBe(kind === 'mobile' ? 'none' : 'block');

    await userEvent.keyboard('{Escape}');
    expect((await result).error_code).toBe('F400');
    expect(dialogShown()).toBe(false);
    expect(document.body.classList.contains('imp-payment-progress')).toBe(false);
    expect(getComputedStyle(app).display).toBe('block');
    // The SDK reloads its frame after every answer: a fresh hidden one, ready for the next request.
    await framesBuilt();
    expect(sdkFrames()[0]).not.toBe(frame);
  });

  it.each(['network-error', 'server-error'] as const)(
    'init failure is silent (%s): init returns normally and request_pay waits forever, no window, no callback, dialog display none with no iframe',
    async (fault) => {
      const events: { type: string }[] = [];
      const imp = track(createSandboxIamport({ ...device, faults: { init: fault }, onEvent: (event) => events.push(event) }));
      expect(() => imp.init('imp00000000')).not.toThrow();
      const callback = vi.fn();
      imp.request_pay(baseParams(), callback);
      await nextEvent(events as never, 'queued');
      expect(events.map((event) => event.type)).toEqual(['init-failed', 'queued']);
      expect(sdkDialog()).not.toBeNull();
      expect(dialogShown()).toBe(false);
      expect(sdkFrames()).toHaveLength(0);
      expect(callback).not.toHaveBeenCalled();
    },
  );

  it("the window's page failing to load is silent: a full-screen frame shows an error over the page and never calls back; IMP.close() hides it", async () => {
    const callback = vi.fn();
    const { imp, events } = sandbox({ ...device, faults: { window: 'load-error' } });
    imp.request_pay(baseParams(), callback);
    await nextEvent(events, 'unanswered');
    expect(dialogShown()).toBe(true);
    const [frame] = sdkFrames();
    const box = frame!.getBoundingClientRect();
    expect([box.width, box.height]).toEqual([window.innerWidth, window.innerHeight]);
    expect(frame!.contentDocument!.body.textContent).toMatch(/ERR_CONNECTION_TIMED_OUT/);
    expect(document.querySelector('dialog[data-imp-sandbox]')).toBeNull();
    expect(callback).not.toHaveBeenCalled();

    imp.close();
    await nextEvent(events, 'closed');
    expect(dialogShown()).toBe(false);
    expect(callback).not.toHaveBeenCalled();
  });

  it('a window that never answers leaves the dialog up and the callback pending (the approval itself went through)', async () => {
    const callback = vi.fn();
    const { imp, events, types } = sandbox({ ...device, faults: { window: 'no-answer' } });
    imp.request_pay(baseParams({ m_redirect_url: 'https://shop.example/done' }), callback);
    await fillCard();
    await approve();
    await nextEvent(events, 'unanswered');
    expect(types()).toEqual(['opened', 'approved', 'unanswered']);
    expect(dialogShown()).toBe(true);
    await expect.element(dialog().getByRole('status')).toHaveTextContent(/processing/i);
    expect(callback).not.toHaveBeenCalled();
  });

  it('IMP.close() hides the window and never calls back; the next request opens a new window', async () => {
    const first = vi.fn();
    const { imp, events } = sandbox(device);
    imp.request_pay(baseParams(), first);
    await expect.element(dialog()).toBeVisible();
    imp.close();
    await nextEvent(events, 'closed');
    expect(dialogShown()).toBe(false);
    expect(document.querySelector('dialog[data-imp-sandbox]')).toBeNull();

    const second = pay(imp, baseParams());
    await userEvent.click(dialog().getByRole('button', { name: /close/i }));
    expect((await second).error_code).toBe('F400'); // the buyer's own × still answers
    expect(first).not.toHaveBeenCalled();
  });

  it('a request made while the frame is still loading is held and replayed when it is ready; only the last one is kept', async () => {
    const { imp, events } = sandbox({ ...device, faults: { slowInitMs: 300 } });
    const earlier = vi.fn();
    imp.request_pay(baseParams({ name: 'earlier' }), earlier);
    const later = pay(imp, baseParams({ name: 'later' }));
    await vi.waitFor(() => expect(events.filter((event) => event.type === 'queued')).toHaveLength(2));
    expect(dialogShown()).toBe(false);
    await expect.element(dialog(), { timeout: 5000 }).toBeVisible();
    await expect.element(dialog().getByText('later', { exact: true })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    expect((await later).error_code).toBe('F400');
    expect(events.filter((event) => event.type === 'opened')).toHaveLength(1);
    expect(earlier).not.toHaveBeenCalled();
  });

  it('NOT_READY (no channel at all) is refused before any window and calls back with the real shape, no imp_success', async () => {
    const params = baseParams({ m_redirect_url: 'https://shop.example/done' });
    const response = await pay(sandbox({ ...device, pgs: [] }).imp, params);
    expect(response).toEqual({ success: false, imp_uid: null, merchant_uid: params.merchant_uid, error_code: 'NOT_READY', error_msg: NOT_READY });
    expect(dialogShown()).toBe(false);
    expect(sdkFrames()).toHaveLength(0);
  });

  it('F1001 (channels, but none takes payments) is refused before any window: imp_success false and the misspelled error_coe only', async () => {
    const params = baseParams({ m_redirect_url: 'https://shop.example/done' });
    const response = await pay(sandbox({ ...device, pgs: [{ pg: 'danal', type: 'certification' }] }).imp, params);
    expect(response).toEqual({ imp_success: false, imp_uid: null, merchant_uid: params.merchant_uid, error_coe: 'F1001', error_msg: F1001_MESSAGE });
    expect(dialogShown()).toBe(false);
  });

  it('a pg naming another provider goes to the default channel (no F1001)', async () => {
    const { imp } = sandbox({ ...device, pgs: ['jtnet.tpaytest0m', 'jtnet.tpaytest2m'] });
    const result = pay(imp, baseParams({ pg: 'inicis' }));
    await fillCard();
    await approve();
    expect(await result).toMatchObject({ success: true, pg_provider: 'jtnet' });
    expect(sdkFrames().map((frame) => frame.className)).toContain(`imp-frame imp-frame-${kind} imp-frame-default imp-frame-jtnet`);
  });

  it("F1002 comes from the server side: the SDK posts the request and shows its dialog, then i'mport's refusal is answered in the page", async () => {
    const { imp, events } = sandbox(device);
    const params = baseParams({ m_redirect_url: 'https://shop.example/done' });
    const first = pay(imp, baseParams({ merchant_uid: params.merchant_uid }));
    await fillCard();
    await approve();
    expect((await first).success).toBe(true);
    const shown: boolean[] = [];
    const watch = new MutationObserver(() => shown.push(dialogShown()));
    watch.observe(sdkDialog()!, { attributes: true });
    const second = await pay(imp, params);
    watch.disconnect();
    expect(second).toMatchObject({ success: false, imp_uid: null, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' });
    expect(shown).toContain(true);
    expect(events.filter((event) => event.type === 'opened')).toHaveLength(1);
  });

  it("request_pay before init alerts '판매자 코드가 설정되지 않았습니다…' with no callback; without params it alerts that they are missing", async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const imp = track(createSandboxIamport(device));
    const callback = vi.fn();
    imp.request_pay(baseParams(), callback);
    await vi.waitFor(() => expect(alert).toHaveBeenCalledWith('판매자 코드가 설정되지 않았습니다. IMP.init()함수를 먼저 호출하세요.'));
    expect(callback).not.toHaveBeenCalled();
    // Like the real SDK, the call created its dialog, but there is no frame and no window in it.
    expect(sdkDialog()!.childElementCount).toBe(0);
    (imp.request_pay as (params?: unknown) => void)();
    expect(alert).toHaveBeenLastCalledWith('결제요청 파라메터가 누락되었습니다.');
  });

  it("the SDK validates almost nothing: a missing pay_method becomes 'card', a missing merchant_uid 'nobody_<ms>'", async () => {
    const { imp } = sandbox(device);
    const { pay_method, merchant_uid, ...bare } = baseParams();
    const result = pay(imp, bare as never);
    await expect.element(dialog().getByRole('radio', { name: /card/i })).toBeChecked();
    await userEvent.keyboard('{Escape}');
    expect((await result).merchant_uid).toMatch(/^nobody_\d{13}$/);
  });

  it('a second request_pay while a window is open opens no second window; the window answers the first callback, the second is never called', async () => {
    const { imp, events } = sandbox(device);
    const first = pay(imp, baseParams({ name: 'first' }));
    await expect.element(dialog()).toBeVisible();
    const second = vi.fn();
    imp.request_pay(baseParams({ name: 'second' }), second);
    await nextEvent(events, 'unanswered');
    expect(document.querySelectorAll('dialog[data-imp-sandbox]')).toHaveLength(1);
    expect(document.querySelectorAll('div.imp-dialog')).toHaveLength(1);
    expect(dialogShown()).toBe(true);
    await expect.element(dialog().getByText('first', { exact: true })).toBeVisible();
    await fillCard();
    await approve();
    expect(await first).toMatchObject({ success: true, name: 'first' });
    expect(dialogShown()).toBe(false);
    expect(second).not.toHaveBeenCalled();
  });
});

describe('real SDK 1.3.0: phones', () => {
  afterEach(() => page.viewport(414, 896));

  it('mobile is decided by user agent only: a 500 px desktop window stays PC, an iPhone or Android at 1280 px is mobile', async () => {
    await page.viewport(500, 800);
    const narrow = sandbox(PC);
    const callback = vi.fn();
    narrow.imp.request_pay(baseParams({ m_redirect_url: 'https://shop.example/done' }), callback);
    await expect.element(dialog()).toBeVisible();
    expect(sdkDialog()!.classList.contains('pc')).toBe(true);
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(callback).toHaveBeenCalledWith(expect.objectContaining({ error_code: 'F400' })));
    cleanUpSandboxes();

    await page.viewport(1280, 800);
    for (const [userAgent, classes] of [
      [IPHONE_UA, 'mobile ios'],
      [ANDROID_UA, 'mobile android'],
    ] as const) {
      const navigate = vi.fn();
      const wide = sandbox({ mode: 'auto', userAgent, navigate });
      wide.imp.request_pay(baseParams({ m_redirect_url: 'https://shop.example/done' }), () => {});
      await expect.element(dialog()).toBeVisible();
      expect(sdkDialog()!.className).toBe(`imp-dialog customizable payment-jtnet ${classes}`);
      await userEvent.keyboard('{Escape}');
      await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
      cleanUpSandboxes();
    }
  });

  it("with a callback, the PG's redirect to m_redirect_url carries imp_uid, merchant_uid, imp_success and, on failure, error_code and error_msg; the callback does not run", async () => {
    const navigate = vi.fn();
    const callback = vi.fn();
    const { imp } = sandbox({ ...PHONE, navigate });
    const paid = baseParams({ m_redirect_url: 'https://shop.example/done?ref=a%20b' });
    imp.request_pay(paid, callback);
    await fillCard();
    await approve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    // The merchant's own query arrives as written (§4 describes no re-encoding on this path).
    expect(navigate.mock.calls[0]![0]).toMatch(/^https:\/\/shop\.example\/done\?ref=a%20b&imp_uid=imp_\d{12}&/);
    const success = new URL(navigate.mock.calls[0]![0] as string);
    expect(Object.fromEntries(success.searchParams)).toEqual({
      ref: 'a b',
      imp_uid: expect.stringMatching(/^imp_\d{12}$/),
      merchant_uid: paid.merchant_uid,
      imp_success: 'true',
    });

    const declined = baseParams({ m_redirect_url: 'https://shop.example/done' });
    imp.request_pay(declined, callback);
    await fillCard(SANDBOX_CARDS.decline);
    await approve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(2));
    const failure = new URL(navigate.mock.calls[1]![0] as string).searchParams;
    expect(Object.fromEntries(failure)).toEqual({
      imp_uid: expect.stringMatching(/^imp_\d{12}$/),
      merchant_uid: declined.merchant_uid,
      imp_success: 'false',
      error_code: 'F400',
      error_msg: expect.stringMatching(/잔액이 부족합니다/),
    });
    expect(callback).not.toHaveBeenCalled();
  });

  it('when the window answers in the page (no m_redirect_url) the callback runs on a phone too', async () => {
    const navigate = vi.fn();
    const { imp } = sandbox({ ...PHONE, navigate });
    const result = pay(imp, baseParams());
    await fillCard();
    await approve();
    expect(await result).toMatchObject({ success: true, status: 'paid' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('without a callback, a failure makes the SDK redirect by itself: imp_uid= empty, no error_code, the whole URL through encodeURI', async () => {
    const navigate = vi.fn();
    const { imp } = sandbox({ ...PHONE, navigate, pgs: [] });
    const params = baseParams({ m_redirect_url: 'https://shop.example/done?ref=a%20b' });
    imp.request_pay(params);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(navigate).toHaveBeenCalledWith(
      `https://shop.example/done?ref=a%2520b&imp_uid=&merchant_uid=${params.merchant_uid}&imp_success=false&error_msg=${encodeURI(NOT_READY)}`,
    );
  });

  it("without a callback and without m_redirect_url, a failure answered in the page goes to the SDK's fail page", async () => {
    const navigate = vi.fn();
    const { imp } = sandbox({ ...PHONE, navigate });
    imp.request_pay(baseParams());
    await fillCard(SANDBOX_CARDS.decline);
    await approve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = navigate.mock.calls[0]![0] as string;
    expect(url).toMatch(/^https:\/\/service\.iamport\.kr\/payments\/fail\?imp_uid=imp_\d{12}&success=false&error_msg=/);
    expect(decodeURI(url)).toContain('잔액이 부족합니다');
  });

  it('on a PC without a callback a refusal is an alert', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { imp } = sandbox({ ...PC, pgs: [] });
    imp.request_pay(baseParams());
    await vi.waitFor(() => expect(alert).toHaveBeenCalledWith(NOT_READY));
  });
});
