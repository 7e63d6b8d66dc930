import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Runs a snippet in a plain Node process (no DOM) against the built package. */
function runNode(code: string, type: 'module' | 'commonjs'): string {
  return execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

describe('react-iamport-jtnet/core in plain Node', () => {
  it('is built', () => {
    expect(existsSync(resolve(root, 'dist/core.js')), 'run `npm run build` first').toBe(true);
  });

  it('imports via ESM without a DOM and loadIamport() resolves null', () => {
    const out = runNode(
      "import { loadIamport, validatePaymentRequest } from 'react-iamport-jtnet/core';" +
        "const imp = await loadIamport(); let msg = '';" +
        "try { validatePaymentRequest({ pay_method: 'card', merchant_uid: 'order_x1', amount: '1004' }) } catch (e) { msg = e.code }" +
        'console.log(JSON.stringify({ imp, msg, window: typeof window }))',
      'module',
    );
    expect(JSON.parse(out)).toEqual({ imp: null, msg: 'INVALID_PARAMS', window: 'undefined' });
  });

  it('requires via CJS without a DOM and loadIamport() resolves null', () => {
    const out = runNode("const core = require('react-iamport-jtnet/core'); core.loadIamport().then((imp) => console.log(String(imp)))", 'commonjs');
    expect(out).toBe('null');
  });
});

describe('a request outliving its DOM', () => {
  it('the window check reads nothing (NO_DIALOG) when there is no document, instead of throwing in a timer', async () => {
    const { paymentWindowState, NO_DIALOG } = await import('../../src/core/payment-window');
    expect(typeof document).toBe('undefined');
    expect(paymentWindowState()).toBe(NO_DIALOG);
  });
});
