import { resolve } from 'node:path';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // One build directory per bundler, so `next build` (Turbopack) and `next build --webpack`
  // never overwrite each other; `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The repository root holds the lockfile and the built package (dist/) this app imports by name.
  turbopack: { root: resolve(import.meta.dirname, '../..') },
  outputFileTracingRoot: resolve(import.meta.dirname, '../..'),
  // The repository's own typecheck covers this app (`npm run typecheck` runs tsc on its tsconfig).
  // In your app, leave `ignoreBuildErrors` out: `next build` should fail on a type error.
  // Next rewrites the tsconfig it uses (build directories, its plugin): give it its own, git-ignored
  // copy so the committed tsconfig.json stays as written.
  typescript: { ignoreBuildErrors: true, tsconfigPath: 'tsconfig.next.json' },
  // The test build adds app/server-in-client/page.check.tsx: a client component that imports the
  // server module, to prove the browser gets the throwing stub and never the REST client.
  pageExtensions: process.env.NEXT_CHECK_PAGES ? ['tsx', 'ts', 'check.tsx'] : ['tsx', 'ts'],
};

export default config;
