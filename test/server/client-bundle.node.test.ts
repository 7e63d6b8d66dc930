import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../../dist');
const CLIENT_ENTRIES = ['index.js', 'index.cjs', 'core.js', 'core.cjs', 'sandbox.js', 'sandbox.cjs'];
// The browser sandbox as a classic script (served at /v1/iamport.js by iamport-sandbox), when built.
const BROWSER_SCRIPTS = ['sandbox-sdk.js'].filter((file) => existsSync(resolve(dist, file)));
const RELATIVE_IMPORT = /(?:from\s*|import\s*\(?\s*|require\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** An entry and every chunk it imports, transitively. */
function bundleFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), specifier!));
  };
  visit(resolve(dist, entry));
  return [...seen];
}

describe('the client bundle never contains the server module', () => {
  it('is built', () => {
    expect(existsSync(resolve(dist, 'server.js')), 'run `npm run build` first').toBe(true);
  });

  it.each([...CLIENT_ENTRIES, ...BROWSER_SCRIPTS])('dist/%s and its chunks contain no getToken / imp_secret', (entry) => {
    const files = bundleFiles(entry);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toContain('getToken');
      expect(code, file).not.toContain('imp_secret');
    }
  });

  it('the grep would catch it: dist/server.js has both', () => {
    const code = bundleFiles('server.js')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(code).toContain('getToken');
    expect(code).toContain('imp_secret');
  });
});
