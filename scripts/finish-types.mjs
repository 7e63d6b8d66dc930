// Makes tsc's declarations usable by every resolver: relative specifiers get explicit `.js`
// (or `/index.js`) extensions, and each `.d.ts` gets a `.d.cts` twin for `require` consumers.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const typesDir = resolve(import.meta.dirname, '../dist/types');
const SPECIFIER = /(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.d.ts')) yield path;
  }
}

function withExtension(file, specifier, ext) {
  const base = resolve(dirname(file), specifier.replace(/\.js$/, ''));
  if (existsSync(`${base}.d.ts`)) return `${specifier.replace(/\.js$/, '')}.${ext}`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.${ext}`;
  throw new Error(`finish-types: cannot resolve ${specifier} from ${file}`);
}

let count = 0;
for (const file of walk(typesDir)) {
  const source = readFileSync(file, 'utf8');
  const rewrite = (ext) => source.replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec, ext)}${quote}`);
  writeFileSync(file, rewrite('js'));
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), rewrite('cjs'));
  count++;
}
console.log(`finish-types: ${count} declaration files (+ .d.cts twins)`);
