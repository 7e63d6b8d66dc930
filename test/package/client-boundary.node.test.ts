// React Server Components read the built package module by module: a module that starts with
// 'use client' becomes a client reference; every other module reachable from a Server Component
// runs on the server, where React has no hooks, no context and no react-hook-form. These checks
// walk dist/ as an RSC bundler does (the Next.js e2e builds the real thing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../dist');
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/g;
const SIDE_EFFECT_IMPORT = /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
/** What React's server build lacks, and the form library built on it. */
const CLIENT_ONLY_REACT =
  /\b(use(State|Effect|LayoutEffect|Ref|Memo|Callback|Context|Reducer|SyncExternalStore|Id|Transition|DeferredValue|ImperativeHandle|InsertionEffect|Optimistic|ActionState)|createContext)\b/;

const isClient = (code: string) => /^['"]use client['"];/.test(code);
/** Every .js module under a directory, as absolute paths. */
const modulesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => resolve(dir, file));

interface Module {
  file: string;
  code: string;
  imports: string[];
}

function read(file: string): Module {
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(STATIC_IMPORT), ...code.matchAll(SIDE_EFFECT_IMPORT)].map((match) => match[1]!);
  return { file, code, imports };
}

/** Modules a Server Component evaluates when it imports `entry`: the walk stops at client references. */
function serverGraph(entry: string): { server: Module[]; clientReferences: string[] } {
  const server: Module[] = [];
  const clientReferences = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = read(file);
    if (isClient(module.code)) {
      clientReferences.add(relative(dist, file));
      return;
    }
    server.push(module);
    for (const specifier of module.imports) if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
  };
  visit(resolve(dist, entry));
  return { server, clientReferences: [...clientReferences].sort() };
}

describe("'use client' boundaries of the built package", () => {
  beforeAll(() => {
    if (!existsSync(resolve(dist, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  });

  it.each(['index.js', 'core.js'])('what a Server Component runs when it imports %s needs no client React (hooks, context, react-hook-form)', (entry) => {
    const { server } = serverGraph(entry);
    expect(server.length).toBeGreaterThan(3);
    const offenders = server.filter(({ code, imports }) => imports.includes('react-hook-form') || (imports.includes('react') && CLIENT_ONLY_REACT.test(code)));
    expect(offenders.map(({ file }) => relative(dist, file))).toEqual([]);
  });

  it('the root entry itself is no client module: core helpers stay callable on the server, hooks and components are client references', () => {
    const { server, clientReferences } = serverGraph('index.js');
    expect(isClient(readFileSync(resolve(dist, 'index.js'), 'utf8'))).toBe(false);
    expect(server.map(({ file }) => relative(dist, file))).toEqual(
      expect.arrayContaining(['esm/core/merchant-uid.js', 'esm/core/card-filter.js', 'esm/components/messages.js']),
    );
    expect(clientReferences).toEqual(
      ['IamportProvider', 'useIamport', 'usePayment', 'useBillingKey', 'useRedirectResult']
        .map((name) => `esm/react/${name}.js`)
        .concat(
          ['PaymentButton', 'PaymentForm', 'BillingKeyForm', 'BuyerFields', 'PayMethodField', 'CardFilterField', 'RedirectLanding'].map(
            (name) => `esm/components/${name}.js`,
          ),
        )
        .sort(),
    );
  });

  it('no client module uses `export *` (Next.js refuses it at a client boundary); barrels name what they take from client modules', () => {
    const modules = modulesUnder(resolve(dist, 'esm')).map(read);
    for (const module of modules) {
      if (isClient(module.code)) expect(module.code, module.file).not.toMatch(/export\s*\*/);
      for (const [, specifier] of module.code.matchAll(/export\s*\*\s*from\s*['"]([^'"]+)['"]/g)) {
        const target = resolve(dirname(module.file), specifier!);
        expect(isClient(readFileSync(target, 'utf8')), `${relative(dist, module.file)}: export * from a client module ${specifier}`).toBe(false);
      }
    }
  });

  it("every CommonJS twin keeps its ES module's directive on the first line", () => {
    for (const file of modulesUnder(resolve(dist, 'esm'))) {
      const twin = file.replace(`${dist}/esm/`, `${dist}/cjs/`).replace(/\.js$/, '.cjs');
      expect(isClient(readFileSync(twin, 'utf8').replace(/^"use client";/, "'use client';")), relative(dist, twin)).toBe(isClient(readFileSync(file, 'utf8')));
    }
  });
});
