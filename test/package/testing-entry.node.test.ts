// react-iamport-jtnet/testing and /testing/server in the built package: nothing else reaches
// them (a page that imports the kit gets not a byte of them), and they bring no test framework.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(import.meta.dirname, '../../dist');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module an entry loads (static and dynamic imports), relative to dist/, and the bare specifiers it asks for. */
function graph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(resolve(dist, entry));
  return { modules: [...modules].map((file) => relative(dist, file)).sort(), packages: [...packages].sort() };
}

const OTHER_ENTRIES = ['index.js', 'core.js', 'sandbox.js', 'server.js', 'server.browser.js', 'sandbox-server.js'];

describe('the testing entries in dist/', () => {
  beforeAll(() => {
    if (!existsSync(resolve(dist, 'testing.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  });

  it.each(OTHER_ENTRIES)('%s never loads a testing module', (entry) => {
    const { modules } = graph(entry);
    expect(modules.length).toBeGreaterThan(entry === 'server.browser.js' ? 0 : 2);
    expect(modules.filter((module) => module.includes('/testing/') || module.startsWith('testing'))).toEqual([]);
  });

  it('./testing holds no server and no sandbox server (jsdom, browser-mode tests and Playwright specs load it), and no test framework', () => {
    const { modules, packages } = graph('testing.js');
    expect(modules.filter((module) => /esm\/(server|sandbox-server)\//.test(module))).toEqual([]);
    expect(packages).toEqual(['react', 'react/jsx-runtime']); // the peer only: your render and page are passed in
  });

  it('./testing/server uses Node and the kit only; no test framework either', () => {
    const { modules, packages } = graph('testing-server.js');
    expect(modules).toEqual(expect.arrayContaining(['esm/sandbox-server/server.js', 'esm/server/client.js']));
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
  });

  it('the root entry exports none of the testing names', async () => {
    const root = Object.keys(await import(pathToFileURL(resolve(dist, 'index.js')).href));
    const testing = [
      ...Object.keys(await import(pathToFileURL(resolve(dist, 'testing.js')).href)),
      ...Object.keys(await import(pathToFileURL(resolve(dist, 'testing-server.js')).href)),
    ];
    expect(testing.filter((name) => !name.startsWith('SANDBOX_') && root.includes(name))).toEqual([]);
  });
});
