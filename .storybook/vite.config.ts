// Storybook's own Vite config: the library build in /vite.config.ts is not for apps.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { 'react-iamport-jtnet': resolve(import.meta.dirname, '../src') } },
});
