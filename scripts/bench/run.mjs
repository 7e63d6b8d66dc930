// `npm run bench`: compiles the TypeScript bench (scripts/bench/*.ts) with esbuild into
// node_modules/.cache/bench and runs it. Packages stay external (resolved from this repo).
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const only = process.argv[2] ?? 'index';
const outfile = fileURLToPath(new URL(`../../node_modules/.cache/bench/${only}.mjs`, import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL(`./${only}.ts`, import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // The bundle lives in node_modules/.cache; modules locate the repo from their source folder.
  define: { 'import.meta.dirname': JSON.stringify(fileURLToPath(new URL('.', import.meta.url))) },
  outfile,
  logLevel: 'warning',
});
const module = await import(pathToFileURL(outfile).href);
if (typeof module.main === 'function') await module.main(process.argv.slice(3));
