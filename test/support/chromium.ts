import { existsSync } from 'node:fs';

/** Flags for Debian's Chromium on a closed network, as root, headless. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Path to a Chromium binary: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * Throws with the install command when neither exists (no browser is ever downloaded).
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's build with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium/Chrome binary). The tests never download browsers.',
    );
  }
  return path;
}
