import { describe, expect, it } from 'vitest';
import {
  checkFaults,
  deviceOf,
  findChannel,
  formatCardNumberInput,
  formatExpiryInput,
  formatFaults,
  parseFaults,
  sdkFailureRedirectUrl,
  toChannels,
} from '../../src/sandbox/engine';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('sandbox engine: the real SDK rules (DOM-free)', () => {
  it('mobile is decided by the user agent only: iPhone, iPad, Android or "Mobile"', () => {
    expect(deviceOf(IPHONE)).toEqual({ mobile: true, ios: true, android: false });
    expect(deviceOf('Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X)')).toEqual({ mobile: true, ios: true, android: false });
    expect(deviceOf(ANDROID)).toEqual({ mobile: true, ios: false, android: true });
    expect(deviceOf('SomeBrowser/1.0 Mobile')).toEqual({ mobile: true, ios: false, android: false });
    expect(deviceOf(DESKTOP)).toEqual({ mobile: false, ios: false, android: false });
  });

  it('a pg naming another provider (or an unknown MID) goes to the default channel; an exact MID gets its own', () => {
    const channels = toChannels(['jtnet.tpaytest0m', 'jtnet.tpaytest2m']);
    expect(findChannel(channels, 'inicis')?.pg).toBe('jtnet.tpaytest0m');
    expect(findChannel(channels, undefined)?.pg).toBe('jtnet.tpaytest0m');
    expect(findChannel(channels, 'jtnet')?.pg).toBe('jtnet.tpaytest0m');
    expect(findChannel(channels, 'jtnet.tpaytest2m')?.pg).toBe('jtnet.tpaytest2m');
    expect(findChannel(channels, 'jtnet.nope')?.pg).toBe('jtnet.tpaytest0m');
  });

  it('with only identity-verification channels the chosen channel is not a payment one (F1001)', () => {
    const channels = toChannels([{ pg: 'danal', type: 'certification' }]);
    expect(findChannel(channels, 'jtnet')?.type).toBe('certification');
    expect(findChannel(toChannels([{ pg: 'danal', type: 'certification' }, 'jtnet']), 'jtnet')?.pg).toBe('jtnet');
  });

  it('refuses channels the sandbox cannot be, naming the entry', () => {
    expect(() => toChannels(['inicis'])).toThrow(/pgs\[0\].*'jtnet' or 'jtnet\.\{MID\}'/);
    expect(() => toChannels(['jtnet', 'a b'])).toThrow(/pgs\[1\]/);
    expect(() => toChannels([{ pg: 'danal', type: 'popup' as 'payment' }])).toThrow(/pgs\[0\]\.type/);
  });

  it('faults parse from the CLI / script-tag syntax and back; anything else is named', () => {
    expect(parseFaults('init:network-error, slow-init:500')).toEqual({ init: 'network-error', slowInitMs: 500 });
    expect(parseFaults(['window:no-answer', 'init:server-error'])).toEqual({ window: 'no-answer', init: 'server-error' });
    expect(parseFaults('')).toEqual({});
    expect(formatFaults({ init: 'server-error', window: 'load-error', slowInitMs: 0 })).toBe('init:server-error,window:load-error,slow-init:0');
    expect(() => parseFaults('window:crash')).toThrow(/"window:crash".*window:no-answer/);
    expect(() => parseFaults('slow-init:-1')).toThrow(/slow-init:-1/);
    expect(() => checkFaults({ slowInitMs: 1.5 })).toThrow(/faults\.slowInitMs/);
    expect(() => checkFaults({ init: 'timeout' as 'network-error' })).toThrow(/faults\.init/);
  });

  it('card number and expiry format as the buyer types', () => {
    expect(formatCardNumberInput('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumberInput('4242-4242-4242-4242-99')).toBe('4242 4242 4242 4242');
    expect(formatExpiryInput('1')).toBe('1');
    expect(formatExpiryInput('13')).toBe('1');
    expect(formatExpiryInput('00')).toBe('0');
    expect(formatExpiryInput('5')).toBe('05');
    expect(formatExpiryInput('12/39')).toBe('12/39');
    expect(formatExpiryInput('123999')).toBe('12/39');
  });

  it("the SDK's own failure redirect: imp_uid empty, no error_code, the whole URL through encodeURI", () => {
    const response = { success: false, imp_uid: null, merchant_uid: 'o1', error_code: 'NOT_READY', error_msg: '취소 됨' };
    const url = sdkFailureRedirectUrl('https://shop.example/done?ref=a%20b', response);
    expect(url).toBe('https://shop.example/done?ref=a%2520b&imp_uid=&merchant_uid=o1&imp_success=false&error_msg=%EC%B7%A8%EC%86%8C%20%EB%90%A8');
    expect(new URL(url).searchParams.has('error_code')).toBe(false);
    // Like the SDK, no separator is added when the query already holds an '&'.
    expect(sdkFailureRedirectUrl('https://shop.example/done?a=1&b=2', response)).toContain('b=2imp_uid=&merchant_uid=o1');
    expect(sdkFailureRedirectUrl(undefined, response)).toBe(
      'https://service.iamport.kr/payments/fail?imp_uid=&success=false&error_msg=%EC%B7%A8%EC%86%8C%20%EB%90%A8',
    );
  });
});
