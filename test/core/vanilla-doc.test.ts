import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeIamport } from '../support/fake-iamport';

const root = resolve(import.meta.dirname, '../..');

/** The first `ts` block of docs/vanilla.md, importing the sources instead of the package. */
function docExample(): string {
  const page = readFileSync(join(root, 'docs/vanilla.md'), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(page)?.[1];
  if (!block) throw new Error('docs/vanilla.md has no ts code block');
  return block.replace(`from 'react-iamport-jtnet/core'`, `from ${JSON.stringify(join(root, 'src/core/index.ts'))}`);
}

const dir = join(root, '.tmp');
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/vanilla.md: the 20-line checkout without React', () => {
  it('runs as written: loads the SDK, pays, disables the button while pending, verifies on the server', async () => {
    document.body.innerHTML = '<button id="pay">Pay</button><button id="cancel" hidden>Cancel</button><p id="message"></p>';
    const sdk = createFakeIamport({ dom: true });
    window.IMP = sdk; // what the SDK script sets
    const verify = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', verify);
    const code = docExample();
    expect(code.split('\n').filter(Boolean).length).toBeLessThanOrEqual(21);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `vanilla-${Date.now()}.ts`);
    writeFileSync(file, code);
    await import(/* @vite-ignore */ file);

    expect(sdk.inits).toEqual(['imp00000000']);
    const pay = document.querySelector<HTMLButtonElement>('#pay')!;
    pay.click();
    expect(sdk.requests).toEqual([
      expect.objectContaining({ pg: 'jtnet', pay_method: 'card', amount: 1004, m_redirect_url: 'https://shop.example/payments/complete' }),
    ]);
    expect(pay.disabled).toBe(true);
    expect(document.querySelector('#message')!.textContent).toBe('결제 진행 중…');
    pay.click(); // a second click never reaches the SDK
    expect(sdk.requests).toHaveLength(1);

    sdk.approve();
    expect(pay.disabled).toBe(false);
    expect(verify).toHaveBeenCalledWith('/api/payments/verify', {
      method: 'POST',
      body: JSON.stringify({ impUid: 'imp_000000000001', merchantUid: sdk.requests[0]!.merchant_uid }),
    });

    pay.click();
    sdk.decline({ message: '한도초과' });
    expect(document.querySelector('#message')!.textContent).toBe('한도초과');
    vi.unstubAllGlobals();
  });
});
