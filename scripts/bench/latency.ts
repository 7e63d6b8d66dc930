/** Click → `request_pay` latency in Chromium: median of 50 clicks with the SDK ready. */
import { bundlePage, html, median, script, serve, withPage } from './browser.ts';
import type { BenchWindow } from './pages/expose.ts';
import type { LatencyBench } from './pages/latency.tsx';

export interface LatencyResult {
  clicks: number;
  /** ms from a capturing click listener (performance.now()) to request_pay entry. */
  medianFromListenerMs: number;
  /** ms from the click event's timeStamp to request_pay entry. */
  medianFromTimeStampMs: number;
  p95FromListenerMs: number;
  /** Clicks whose request_pay ran in the click's own task. */
  inClickTask: number;
}

export async function measureLatency(clicks = 50): Promise<LatencyResult> {
  const server = await serve({ '/': html(), '/page.js': script(await bundlePage('latency')) });
  try {
    return await withPage(async (page) => {
      await page.goto(server.url);
      const button = page.locator('button');
      for (let i = 0; i < clicks; i++) {
        await button.click(); // waits until enabled: SDK ready and no request pending
        await page.waitForFunction((n) => (window as unknown as BenchWindow<LatencyBench>).__bench.samples.length === n, i + 1);
        await page.evaluate(() => (window as unknown as BenchWindow<LatencyBench>).__bench.approve());
        await page.waitForFunction((n) => (window as unknown as BenchWindow<LatencyBench>).__bench.answered() === n, i + 1);
      }
      const samples = await page.evaluate(() => (window as unknown as BenchWindow<LatencyBench>).__bench.samples);
      const listener = samples.map((s) => s.fromListener);
      const sorted = [...listener].sort((a, b) => a - b);
      return {
        clicks: samples.length,
        medianFromListenerMs: median(listener),
        medianFromTimeStampMs: median(samples.map((s) => s.fromTimeStamp)),
        p95FromListenerMs: sorted[Math.ceil(sorted.length * 0.95) - 1]!,
        inClickTask: samples.filter((s) => s.sameTask).length,
      };
    });
  } finally {
    await server.close();
  }
}

/** `node scripts/bench/run.mjs latency`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureLatency(), null, 2));
}
