#!/usr/bin/env node
// Starts the local i'mport sandbox (REST API + /v1/iamport.js). Built code lives in dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/sandbox-server.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('iamport-sandbox: dist/sandbox-server.js is missing; run `npm run build` first.');
  process.exit(1);
}
const { runSandboxCli } = await import(entry.href);
runSandboxCli(process.argv.slice(2)).catch((error) => {
  console.error(`iamport-sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
