import { afterEach, describe, expect, it } from 'vitest';
import { clearIamport, IamportError, loadIamport } from '../../src/core';

declare global {
  interface Window {
    __sdkExecutions?: number;
    __noImpExecuted?: boolean;
  }
}

/** A fresh URL per test so the browser cache and resource timings never mix tests up. */
const fresh = (path: string) => `${path}?run=${Math.random().toString(36).slice(2)}`;
const requestsFor = (url: string) => performance.getEntriesByType('resource').filter((entry) => entry.name === new URL(url, location.href).href).length;
const scriptsFor = (url: string) => Array.from(document.scripts).filter((script) => script.src === new URL(url, location.href).href);

afterEach(() => {
  clearIamport();
  document.querySelectorAll('script[data-test-preexisting]').forEach((script) => script.remove());
  delete window.__sdkExecutions;
});

describe('loadIamport in Chromium', () => {
  it('5 concurrent callers plus a pre-existing tag: one script element, one request, one execution', async () => {
    const url = fresh('/__sdk__/imp.js');
    const existing = document.createElement('script');
    existing.src = url;
    existing.setAttribute('data-test-preexisting', '');
    document.head.appendChild(existing);

    const results = await Promise.all(Array.from({ length: 5 }, () => loadIamport({ scriptUrl: url })));

    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe(window.IMP);
    expect(scriptsFor(url)).toHaveLength(1);
    expect(requestsFor(url)).toBe(1);
    expect(window.__sdkExecutions).toBe(1);
  });

  it('injects one async tag with the nonce, then reuses window.IMP without another request', async () => {
    const url = fresh('/__sdk__/imp.js');
    const [first, second] = await Promise.all([loadIamport({ scriptUrl: url, nonce: 'abc123' }), loadIamport({ scriptUrl: url })]);
    expect(first).toBe(second);
    const [tag] = scriptsFor(url);
    expect(tag?.async).toBe(true);
    expect(tag?.nonce).toBe('abc123');
    expect(await loadIamport({ scriptUrl: url })).toBe(first);
    expect(requestsFor(url)).toBe(1);
  });

  it('a 404 rejects with SDK_LOAD_FAILED and removes its tag; a retry with a working URL succeeds', async () => {
    const missing = fresh('/__sdk__/missing.js');
    const error = await loadIamport({ scriptUrl: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportError);
    expect((error as IamportError).code).toBe('SDK_LOAD_FAILED');
    expect((error as IamportError).message).toContain(missing.split('?')[0]);
    expect(scriptsFor(missing)).toHaveLength(0);

    const working = fresh('/__sdk__/imp.js');
    const imp = await loadIamport({ scriptUrl: working });
    expect(imp).toBe(window.IMP);
    expect(typeof imp?.request_pay).toBe('function');
  });

  it('retrying the same failed URL injects a fresh tag (the failure is forgotten)', async () => {
    const missing = fresh('/__sdk__/missing.js');
    await expect(loadIamport({ scriptUrl: missing })).rejects.toMatchObject({ code: 'SDK_LOAD_FAILED' });
    await expect(loadIamport({ scriptUrl: missing })).rejects.toMatchObject({ code: 'SDK_LOAD_FAILED' });
    expect(requestsFor(missing)).toBe(2);
  });

  it('a script that loads without setting IMP rejects with SDK_MISSING', async () => {
    await expect(loadIamport({ scriptUrl: fresh('/__sdk__/no-imp.js') })).rejects.toMatchObject({ code: 'SDK_MISSING' });
    expect(window.__noImpExecuted).toBe(true);
    expect(window.IMP).toBeUndefined();
  });

  it('a script that never arrives rejects with SDK_TIMEOUT after timeoutMs', async () => {
    const url = fresh('/__sdk__/slow.js');
    const started = performance.now();
    const error = await loadIamport({ scriptUrl: url, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((error as IamportError).code).toBe('SDK_TIMEOUT');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(scriptsFor(url)).toHaveLength(0);
  });

  it('clearIamport removes injected tags and window.IMP so the next load starts over', async () => {
    const url = fresh('/__sdk__/imp.js');
    await loadIamport({ scriptUrl: url });
    clearIamport();
    expect(scriptsFor(url)).toHaveLength(0);
    expect(window.IMP).toBeUndefined();
    await loadIamport({ scriptUrl: url });
    expect(window.__sdkExecutions).toBe(2);
  });
});
