import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8' }).trim();

describe('react-iamport-jtnet/server built package', () => {
  it('imports via ESM and CJS in plain Node', () => {
    const esm = run("import * as server from 'react-iamport-jtnet/server'; console.log(Object.keys(server).sort().join(','))", 'module');
    const cjs = run("const server = require('react-iamport-jtnet/server'); console.log(Object.keys(server).sort().join(','))", 'commonjs');
    for (const exports of [esm, cjs]) {
      expect(exports.split(',')).toEqual(
        expect.arrayContaining([
          'createIamportClient',
          'handleWebhook',
          'parseWebhook',
          'createVerifyHandler',
          'IamportApiError',
          'IamportPaymentDeclinedError',
          'createMemoryTokenStore',
        ]),
      );
    }
  });

  it('refuses to load where window and document exist (a browser bundle)', () => {
    const out = run(
      'globalThis.window = globalThis; globalThis.document = {};' +
        "import('react-iamport-jtnet/server').then(() => console.log('loaded'), (e) => console.log(e.message))",
      'module',
    );
    expect(out).toBe(
      'react-iamport-jtnet/server must not run in a browser: it holds your imp_secret. Import it only in server code (API routes, route handlers).',
    );
  });
});
