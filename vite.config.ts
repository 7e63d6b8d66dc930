/**
 * The browser sandbox as a classic script (IIFE), `dist/sandbox-sdk.js`, which `iamport-sandbox`
 * serves at /v1/iamport.js. The library itself is not bundled: `tsc -p tsconfig.build.json` emits
 * one ES module per source file and scripts/finish-build.mjs adds the CommonJS twins and entries
 * (see there), so every module keeps its own `'use client'` directive.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    target: 'es2020',
    lib: { entry: resolve(root, 'src/sandbox/classic.ts'), formats: ['iife'], name: 'IamportSandbox', fileName: () => 'sandbox-sdk.js' },
  },
});
