/**
 * Library build. ESM comes from `tsc -p tsconfig.build.json` (one module per source file, the
 * source's `export *` barrels kept, so apps tree-shake and code-split it) plus
 * scripts/finish-build.mjs; this Vite (rolldown) build emits the CJS bundle of every entry.
 * `vite build --mode sandbox-script` adds the browser sandbox as a classic script (IIFE),
 * `dist/sandbox-sdk.js`, which `iamport-sandbox` serves at /v1/iamport.js.
 */
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const entries = {
  index: resolve(root, 'src/index.ts'),
  core: resolve(root, 'src/core/index.ts'),
  sandbox: resolve(root, 'src/sandbox/index.ts'),
  server: resolve(root, 'src/server/index.ts'),
  'sandbox-server': resolve(root, 'src/sandbox-server/index.ts'),
};

const external = (id: string) => /^(react|react-dom|react-hook-form)(\/|$)/.test(id) || id.startsWith('node:');

/** Copies the default stylesheet next to the bundles as `dist/styles.css`. */
function copyStyles(): Plugin {
  return {
    name: 'copy-styles',
    closeBundle() {
      const source = resolve(root, 'src/components/styles.css');
      if (!existsSync(source)) return;
      mkdirSync(resolve(root, 'dist'), { recursive: true });
      copyFileSync(source, resolve(root, 'dist/styles.css'));
    },
  };
}

/** The classic `<script>` build of the browser sandbox (sets window.IMP). */
const sandboxScript = defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    target: 'es2020',
    lib: { entry: resolve(root, 'src/sandbox/classic.ts'), formats: ['iife'], name: 'IamportSandbox', fileName: () => 'sandbox-sdk.js' },
  },
});

const library = defineConfig({
  plugins: [copyStyles()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: entries,
      formats: ['cjs'],
      fileName: (_format, entryName) => `${entryName}.cjs`,
    },
    rollupOptions: {
      external,
      onwarn(warning, warn) {
        // sandbox-server reads import.meta.url only when __dirname is absent (ESM); in the CJS
        // bundle __dirname exists, so the emptied import.meta is never read.
        if (warning.code === 'EMPTY_IMPORT_META' && /sandbox-server/.test(warning.id ?? warning.message)) return;
        warn(warning);
      },
      output: {
        // The React entry runs only on the client in RSC frameworks (Next.js app router).
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'sandbox-script' ? sandboxScript : library));
