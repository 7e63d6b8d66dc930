// After `tsc -p tsconfig.build.json` (one ES module per source file in dist/esm, declarations in
// dist/types), this makes the publishable package. No bundler is involved: every output module is
// one source file, so each keeps its own `'use client'` directive (React Server Components need it
// per module: the hooks and components are client references, the core helpers are not).
//
// 1. Relative specifiers in dist/esm and dist/types get explicit `.js` / `/index.js` extensions,
//    so Node and every bundler resolve them; each `.d.ts` gets a `.d.cts` twin for `require`.
// 2. dist/cjs: every ESM module converted one to one to CommonJS (`.cjs`, esbuild's transform,
//    directives kept on the first line).
// 3. The entries (dist/index.js, dist/core.js, … and their .cjs twins) are one line over their
//    barrel, with no directive: the client modules are marked where they are, one by one.
// 4. dist/server.browser.{js,cjs}: what `react-iamport-jtnet/server` resolves to under the
//    `browser` export condition. It throws on load with a clear message and holds no server code.
// 5. dist/styles.css.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const SPECIFIER = /(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
/** Public entry → its barrel under dist/esm (and dist/cjs). */
const ENTRIES = {
  index: 'index',
  core: 'core/index',
  sandbox: 'sandbox/index',
  server: 'server/index',
  'sandbox-server': 'sandbox-server/index',
  // `react-iamport-jtnet/testing` and `/testing/server`: for merchants' tests, never imported by the entries above.
  testing: 'testing/index',
  'testing-server': 'testing/server/index',
};
/** Thrown when a browser bundle loads `react-iamport-jtnet/server` (the `browser` export condition). */
const SERVER_IN_BROWSER_MESSAGE =
  "react-iamport-jtnet/server was bundled for a browser, where it must never run: it holds your i'mport REST API secret. " +
  'Import it only in server code (route handlers, API routes, Server Components, server actions) and call ' +
  'your own endpoint from the browser, e.g. fetch("/api/payments/verify").';

function* walk(dir, suffix) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path, suffix);
    else if (path.endsWith(suffix)) yield path;
  }
}

function withExtension(file, specifier, probe, ext) {
  const bare = specifier.replace(/\.(js|cjs)$/, '');
  const base = resolve(dirname(file), bare);
  if (existsSync(`${base}${probe}`)) return `${bare}.${ext}`;
  if (existsSync(join(base, `index${probe}`))) return `${bare.replace(/\/$/, '')}/index.${ext}`;
  throw new Error(`finish-build: cannot resolve ${specifier} from ${file}`);
}

const rewrite = (file, source, probe, ext) =>
  source.replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec, probe, ext)}${quote}`);

/** The runtime export names of a built ES module (imported in Node; no module runs browser code at import). */
async function exportNames(module) {
  return Object.keys(await import(pathToFileURL(module).href))
    .filter((name) => name !== 'default')
    .sort();
}

let modules = 0;
for (const file of walk(join(dist, 'esm'), '.js')) {
  const esm = rewrite(file, readFileSync(file, 'utf8'), '.js', 'js');
  writeFileSync(file, esm);
  const target = join(dist, 'cjs', relative(join(dist, 'esm'), file)).replace(/\.js$/, '.cjs');
  const source = esm
    .replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${spec.replace(/\.js$/, '.cjs')}${quote}`)
    .replace(/\n\/\/# sourceMappingURL=.*$/, '');
  // `import.meta` is read only where `__dirname` is absent (sandbox-server), so its CJS emptying is expected.
  const { code } = await transform(source, {
    format: 'cjs',
    target: 'es2022',
    platform: 'node',
    sourcefile: relative(root, file),
    logOverride: { 'empty-import-meta': 'silent' },
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  modules++;
}

let declarations = 0;
for (const file of walk(join(dist, 'types'), '.d.ts')) {
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, rewrite(file, source, '.d.ts', 'js'));
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), rewrite(file, source, '.d.ts', 'cjs'));
  declarations++;
}

for (const [entry, module] of Object.entries(ENTRIES)) {
  writeFileSync(join(dist, `${entry}.js`), `export * from './esm/${module}.js';\n`);
  writeFileSync(join(dist, `${entry}.cjs`), `'use strict';\nmodule.exports = require('./cjs/${module}.cjs');\n`);
}

// The same names as the real module, so an import type-checks and links, then fails loudly at load.
const serverNames = await exportNames(join(dist, 'esm', 'server/index.js'));
const message = JSON.stringify(SERVER_IN_BROWSER_MESSAGE);
const header =
  '// `react-iamport-jtnet/server` under the "browser" export condition: a browser bundle imported the\n// server module. None of its code is here; loading this module throws.\n';
writeFileSync(
  join(dist, 'server.browser.js'),
  `${header}const message = ${message};\nthrow new Error(message);\nfunction serverOnly() {\n  throw new Error(message);\n}\nexport {\n${serverNames.map((name) => `  serverOnly as ${name},`).join('\n')}\n};\n`,
);
writeFileSync(join(dist, 'server.browser.cjs'), `${header}'use strict';\nthrow new Error(${message});\n`);

copyFileSync(join(root, 'src/components/styles.css'), join(dist, 'styles.css'));
console.log(
  `finish-build: ${modules} ES modules (+ CommonJS twins), ${declarations} declaration files (+ .d.cts twins), ${Object.keys(ENTRIES).length} entries, the server's browser stub`,
);
