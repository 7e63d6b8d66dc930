/**
 * The kit's cost as ratios against what a shop would write without it, measured interleaved
 * in one Chromium page (scripts/bench/pages/ratios.tsx), so machine load hits both sides alike:
 *
 * - mount → usable: `<IamportProvider sdk={ready}>` + `<PaymentForm>` ÷ a plain react-hook-form
 *   form with the same fields (budget ≤ 1.1×);
 * - click → `request_pay`: `<PaymentButton>` ÷ `onClick={() => IMP.request_pay(…)}` (budget ≤ 2×).
 *
 * Each ratio is the median of per-pair ratios (one sample of ours next to one of the baseline,
 * alternating which goes first), after a warm-up that is thrown away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, html, median, script, serve, withPage } from './browser.ts';
import { ROOT } from './size.ts';

export const RATIO_BUDGETS = { mount: 1.1, click: 2 } as const;

export interface RatioResult {
  pairs: number;
  /** Median ms of ours / of the baseline. */
  oursMs: number;
  baselineMs: number;
  /** Median of the per-pair ratios ours ÷ baseline. */
  ratio: number;
}

export interface RatiosResult {
  mount: RatioResult;
  click: RatioResult & { inClickTask: number };
}

const summarise = (ours: number[], baseline: number[]): RatioResult => ({
  pairs: ours.length,
  oursMs: median(ours),
  baselineMs: median(baseline),
  ratio: median(ours.map((value, index) => value / Math.max(baseline[index]!, 0.005))),
});

export async function measureRatios({ mounts = 80, clicks = 60, warmup = 15 } = {}): Promise<RatiosResult> {
  // Both forms wear the kit's stylesheet (the baseline uses the same class names): a shop's page has CSS, and style and layout are part of "usable".
  const styles = `<style>${readFileSync(join(ROOT, 'dist/styles.css'), 'utf8')}</style>`;
  const server = await serve({ '/': html(styles, '<div id="mount"></div>'), '/page.js': script(await bundlePage('ratios')) });
  try {
    return await withPage(async (page) => {
      await page.goto(server.url);
      await page.locator('[data-kind="ours"] button:not([disabled])').waitFor();

      const mountSamples: { ours: number[]; baseline: number[] } = await page.evaluate(
        async ({ pairs, skip }) => {
          const bench = (window as any).__bench;
          const ours: number[] = [];
          const baseline: number[] = [];
          for (let i = 0; i < pairs + skip; i++) {
            // Alternate the order so neither side always runs on a warmer cache.
            const first = i % 2 ? 'ours' : 'baseline';
            const a = await bench.mountOnce(first);
            const b = await bench.mountOnce(first === 'ours' ? 'baseline' : 'ours');
            if (i < skip) continue;
            ours.push(first === 'ours' ? a : b);
            baseline.push(first === 'ours' ? b : a);
          }
          return { ours, baseline };
        },
        { pairs: mounts, skip: warmup },
      );

      const ours = page.locator('[data-kind="ours"] button');
      const bare = page.locator('button[data-kind="baseline"]');
      for (let i = 0; i < clicks + warmup; i++) {
        for (const which of i % 2 ? [ours, bare] : [bare, ours]) {
          await which.click(); // waits until enabled: the kit's button is disabled while its request is open
          await page.evaluate(() => (window as any).__bench.approve());
        }
        await page.waitForFunction((n) => (window as any).__bench.answered() === n, i + 1);
      }
      const samples: { kind: 'ours' | 'baseline'; ms: number; sameTask: boolean }[] = await page.evaluate(() => (window as any).__bench.clicks);
      const kept = samples.slice(warmup * 2);
      const pick = (kind: string) => kept.filter((sample) => sample.kind === kind).map((sample) => sample.ms);
      return {
        mount: summarise(mountSamples.ours, mountSamples.baseline),
        click: { ...summarise(pick('ours'), pick('baseline')), inClickTask: kept.filter((sample) => sample.kind === 'ours' && sample.sameTask).length },
      };
    });
  } finally {
    await server.close();
  }
}

/** `node scripts/bench/run.mjs ratios`: this measurement alone, as JSON. */
export async function main(): Promise<void> {
  console.log(JSON.stringify(await measureRatios(), null, 2));
}
