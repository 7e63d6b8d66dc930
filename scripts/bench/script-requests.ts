/** How many times the SDK script is requested by a page with StrictMode, 3 providers and 10 hook users. */
import { bundlePage, html, script, serve, withPage } from './browser.ts';

export interface ScriptRequestsResult {
  providers: number;
  hookUsers: number;
  /** GET /iamport.js seen by the server. */
  requests: number;
  /** <script> tags for it in the document. */
  scriptTags: number;
}

/** Stands in for the SDK: a classic script that sets window.IMP. */
const FAKE_SDK = 'window.IMP = { init: function () {}, agency: function () {}, request_pay: function () {} };';

export async function measureScriptRequests(): Promise<ScriptRequestsResult> {
  const server = await serve({ '/': html(), '/page.js': script(await bundlePage('script-requests')), '/iamport.js': script(FAKE_SDK) });
  try {
    return await withPage(async (page) => {
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelectorAll('.hook-user[data-status="ready"]').length === 10);
      const scriptTags = await page.evaluate(() => document.querySelectorAll('script[src$="/iamport.js"]').length);
      return { providers: 3, hookUsers: 10, requests: server.hits.get('/iamport.js') ?? 0, scriptTags };
    });
  } finally {
    await server.close();
  }
}

/** `node scripts/bench/run.mjs script-requests`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureScriptRequests(), null, 2));
}
