// Uses the BUILT package (run `npm run build` first): the bin, and /v1/iamport.js in Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Agent, request } from 'node:http';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

const root = resolve(import.meta.dirname, '../..');
const distServer = resolve(root, 'dist/sandbox-server.js');
const bin = resolve(root, 'bin/iamport-sandbox.js');

beforeAll(() => {
  if (!existsSync(distServer) || !existsSync(resolve(root, 'dist/sandbox-sdk.js'))) {
    throw new Error('dist/ is not built: run `npm run build` before this test.');
  }
});

describe('bin/iamport-sandbox.js', () => {
  it('prints its URL, serves requests and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolveUrl(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const token = await (
      await fetch(`${url}/users/getToken`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ imp_key: 'sandbox_key', imp_secret: 'sandbox_secret' }),
      })
    ).json();
    expect(token.code).toBe(0);
    const script = await fetch(`${url}/v1/iamport.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('access-control-allow-origin')).toBe('*');

    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
    await expect(fetch(`${url}/__sandbox/stats`)).rejects.toThrow();
  });

  it('bad flags exit with code 2 and the usage', async () => {
    const child = spawn(process.execPath, [bin, '--port', 'nope'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(errors).toContain('Usage: iamport-sandbox');
  });
});

/** Start the bin and resolve with its URL once it prints it. */
function startBin(args: string[]): Promise<{ url: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [bin, '--port', '0', '--quiet', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveUrl, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolveUrl({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
}

describe('--data under kill -9', () => {
  it('a crash in the middle of a load loses no acknowledged payment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-sandbox-kill-'));
    const dataFile = join(dir, 'state.jsonl');
    try {
      const { url, child } = await startBin(['--data', dataFile]);
      const { port } = new URL(url);
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      const acknowledged: string[] = [];
      const post = (index: number) =>
        new Promise<void>((done) => {
          const body = JSON.stringify({ merchant_uid: `kill_${index}`, amount: 1000 });
          const req = request(
            {
              agent,
              hostname: '127.0.0.1',
              port,
              method: 'POST',
              path: '/__sandbox/payments',
              headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
            },
            (res) => {
              let text = '';
              res.on('data', (chunk) => (text += chunk));
              res.on('end', () => {
                if (res.statusCode === 200) acknowledged.push(JSON.parse(text).response.imp_uid);
                done();
              });
              res.on('error', () => done());
            },
          );
          req.on('error', () => done()); // in flight when the process died: never acknowledged
          req.end(body);
        });
      const exited = new Promise((done) => child.once('exit', done));
      let index = 0;
      // 8 loops keep posting until the process is gone; it is killed after 300 acknowledgements
      const loops = Array.from({ length: 8 }, async () => {
        while (child.exitCode === null && child.signalCode === null && index < 5_000) {
          await post(index++);
          if (acknowledged.length >= 300 && child.signalCode === null) child.kill('SIGKILL');
        }
      });
      await Promise.all([...loops, exited]);
      agent.destroy();
      expect(child.signalCode).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);

      const restarted = await startBin(['--data', dataFile]);
      try {
        const token = (
          await (
            await fetch(`${restarted.url}/users/getToken`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '{"imp_key":"sandbox_key","imp_secret":"sandbox_secret"}',
            })
          ).json()
        ).response.access_token;
        const found = await fetch(`${restarted.url}/payments?include_sandbox=true&${acknowledged.map((uid) => `imp_uid[]=${uid}`).join('&')}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(found.status).toBe(200); // 207 would mean some acknowledged payment is missing
        expect((await found.json()).response).toHaveLength(acknowledged.length);
      } finally {
        restarted.child.kill('SIGTERM');
        await new Promise((done) => restarted.child.once('exit', done));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const MERCHANT_NAME = '온기 커피 "로스터스" $& </script>';

describe('a payment through /v1/iamport.js in Chromium', () => {
  let sandbox: { url: string; close(): Promise<void> };
  let shop: Server;
  let shopUrl: string;

  beforeAll(async () => {
    const { startSandboxServer } = (await import(distServer)) as typeof import('../../src/sandbox-server');
    // Quotes and `$&` must reach the window literally (the name is spliced into the served script).
    sandbox = await startSandboxServer({ port: 0, quiet: true, merchantName: MERCHANT_NAME });
    // The shop is another origin: the classic script and its recording call cross origins (CORS).
    shop = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="ko"><title>Shop</title>
<script src="${sandbox.url}/v1/iamport.js"></script>
<button id="pay">Pay ₩15,000</button>
<pre id="result"></pre>
<script>
  IMP.init('imp00000000');
  document.getElementById('pay').addEventListener('click', () => {
    IMP.request_pay({ pg: 'jtnet', pay_method: 'card', merchant_uid: 'e2e_' + Date.now(), name: 'E2E order', amount: 15000 }, (response) => {
      document.getElementById('result').textContent = JSON.stringify(response);
    });
  });
</script></html>`);
    });
    await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await sandbox?.close();
    await new Promise<void>((done) => (shop ? shop.close(() => done()) : done()));
  });

  it('is recorded on the server: GET /payments/{imp_uid} returns it with the same amount', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(shopUrl);
      await page.getByRole('button', { name: 'Pay ₩15,000' }).click();
      const dialog = page.getByRole('dialog');
      // The window names the shop like the real one (the name registered for the merchant code).
      expect(await dialog.locator('dd').first().textContent()).toBe(MERCHANT_NAME);
      await dialog.getByLabel(/card number/i).fill('4242-4242-4242-4242');
      await dialog.getByLabel(/expiry/i).fill('12/39');
      await dialog.getByLabel(/birth date/i).fill('900101');
      await dialog.getByLabel(/pin digits/i).fill('12');
      await dialog.getByRole('button', { name: /approve/i }).click();
      await page.locator('#result').filter({ hasText: 'imp_uid' }).waitFor();
      const response = JSON.parse((await page.locator('#result').textContent())!);
      expect(response).toMatchObject({ success: true, status: 'paid', paid_amount: 15000 });

      const token = (
        await (
          await fetch(`${sandbox.url}/users/getToken`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"imp_key":"sandbox_key","imp_secret":"sandbox_secret"}',
          })
        ).json()
      ).response.access_token;
      // a test-channel payment: hidden from lookups without include_sandbox=true, as the 2026 API does
      const hidden = await fetch(`${sandbox.url}/payments/${response.imp_uid}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(hidden.status).toBe(404);
      const found = await (
        await fetch(`${sandbox.url}/payments/${response.imp_uid}?include_sandbox=true`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      expect(found.code).toBe(0);
      expect(found.response).toMatchObject({
        imp_uid: response.imp_uid,
        merchant_uid: response.merchant_uid,
        amount: 15000,
        status: 'paid',
        name: 'E2E order',
        sandbox: true,
        channel: 'pc',
      });
      expect(found.response.user_agent).toMatch(/Chrome/);
    } finally {
      await browser.close();
    }
  });
});
