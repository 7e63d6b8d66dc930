// After `tsc -p tsconfig.build.json`:
// 1. Relative specifiers in the ESM modules (dist/esm) and declarations (dist/types) get explicit
//    `.js` / `/index.js` extensions, so Node and every bundler resolve them; each `.d.ts` gets a
//    `.d.cts` twin (specifiers `.cjs`) for `require` consumers.
// 2. The public ESM entries (dist/index.js, dist/core.js, …) are one-line `export *` files over
//    dist/esm. tsc keeps the source's `export *` barrels, which lets bundlers (esbuild included)
//    leave the lazily loaded payment runtime out of the hooks entry.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../dist');
const SPECIFIER = /(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
const ENTRIES = { index: 'index', core: 'core/index', sandbox: 'sandbox/index', server: 'server/index', 'sandbox-server': 'sandbox-server/index' };

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

let modules = 0;
for (const file of walk(join(dist, 'esm'), '.js')) {
  writeFileSync(file, rewrite(file, readFileSync(file, 'utf8'), '.js', 'js'));
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
  // The React entry runs only on the client in RSC frameworks (Next.js app router).
  const directive = entry === 'index' ? "'use client';\n" : '';
  writeFileSync(join(dist, `${entry}.js`), `${directive}export * from './esm/${module}.js';\n`);
}
console.log(`finish-build: ${modules} ESM modules, ${declarations} declaration files (+ .d.cts twins), ${Object.keys(ENTRIES).length} entries`);
