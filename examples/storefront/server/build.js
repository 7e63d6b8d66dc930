// "Build what is needed": the library's dist/ (the shop imports the package's public entries,
// which resolve there) and the shop's own frontend. Each is rebuilt only when its sources are
// newer than its output, so a second `npm start` starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SHOP_DIR = resolve(import.meta.dirname, '..');
export const SHOP_DIST = join(SHOP_DIR, 'dist');
const LIB_OUTPUTS = ['index.js', 'server.js', 'sandbox-server.js', 'sandbox-sdk.js', 'styles.css'].map((file) => join(ROOT, 'dist', file));

/** Newest modification time (ms) of files under these paths; 0 when none exist. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

/** Oldest modification time of these files; 0 when one is missing. */
function oldest(files) {
  let earliest = Infinity;
  for (const file of files) {
    if (!existsSync(file)) return 0;
    earliest = Math.min(earliest, statSync(file).mtimeMs);
  }
  return earliest;
}

/**
 * Make sure dist/ exists (and, with `rebuildStale`, is newer than src/), running `npm run build`.
 * @param {{ rebuildStale?: boolean, log?: (line: string) => void }} [options]
 */
export function ensureLibrary({ rebuildStale = true, log = console.log } = {}) {
  const built = oldest(LIB_OUTPUTS);
  if (built && (!rebuildStale || built >= newest([join(ROOT, 'src')]))) return false;
  log(built ? 'src/ changed since the last build: running `npm run build`…' : 'dist/ is missing: running `npm run build`…');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`npm run build` failed (see above).');
  return true;
}

/**
 * Build the shop's frontend (Vite) into examples/storefront/dist when it is missing or older
 * than its sources or the library build it bundles.
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function ensureFrontend({ log = console.log } = {}) {
  const inputs = [join(SHOP_DIR, 'src'), join(SHOP_DIR, 'index.html'), join(SHOP_DIR, 'vite.config.ts'), join(SHOP_DIR, 'public'), ...LIB_OUTPUTS];
  if (oldest([join(SHOP_DIST, 'index.html')]) >= newest(inputs)) return false;
  log('building the storefront frontend (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(SHOP_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
