/**
 * The storefront's frontend build. It imports the kit by its public names; they resolve to the
 * BUILT package (dist/, made by `npm run build`), exactly what a shop installing it would get.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const shop = import.meta.dirname;
const dist = resolve(shop, '../../dist');

export default defineConfig({
  root: shop,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-iamport-jtnet\/styles\.css$/, replacement: resolve(dist, 'styles.css') },
      { find: /^react-iamport-jtnet$/, replacement: resolve(dist, 'index.js') },
    ],
  },
  build: {
    outDir: resolve(shop, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // The kit's client modules start with 'use client' (for React Server Components); harmless in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
