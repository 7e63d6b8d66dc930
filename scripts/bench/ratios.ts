/**
 * The kit's cost as ratios against what a shop would write without it, measured interleaved
 * in one Chromium page (scripts/bench/pages/ratios.tsx):
 *
 * - mount → usable: `<IamportProvider sdk={ready}>` + `<PaymentForm>` ÷ a plain react-hook-form
 *   form with the same fields and markup (budget ≤ 1.1×);
 * - click → `request_pay`: `<PaymentButton>` ÷ `onClick={() => IMP.request_pay(…)}` (budget ≤ 2×).
 *
 * Robust on a loaded machine: ours and the baseline alternate (which goes first alternates too),
 * each sample is the main thread's CPU time between two performance marks, read from the
 * thread timestamps of a Chrome trace (time the OS gave to other processes does not count),
 * warm-up samples are dropped, and each ratio is the median of per-pair ratios. Wall-clock
 * medians are reported beside them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, html, median, script, serve, withPage } from './browser.ts';
import type { BenchWindow } from './pages/expose.ts';
import type { Kind, RatiosBench } from './pages/ratios.tsx';
import { ROOT } from './size.ts';

export const RATIO_BUDGETS = { mount: 1.1, click: 2 } as const;

export interface RatioResult {
  pairs: number;
  /** Median main-thread CPU ms per sample: ours, the baseline. */
  oursMs: number;
  baselineMs: number;
  /** Median wall-clock ms per sample: ours, the baseline. */
  oursWallMs: number;
  baselineWallMs: number;
  /** Median of the per-pair ratios ours ÷ baseline (CPU time). */
  ratio: number;
}

export interface RatiosResult {
  mount: RatioResult;
  click: RatioResult & { inClickTask: number };
}

type Marks = Record<string, number[]>;

interface TraceEvent {
  name: string;
  cat: string;
  tts?: number;
}

/** CPU ms per sample of one measure and kind, from consecutive start/end marks. */
function cpuSamples(marks: Marks, measure: string, kind: Kind): number[] {
  const starts = marks[`${measure}:${kind}:start`] ?? [];
  const ends = marks[`${measure}:${kind}:end`] ?? [];
  if (starts.length !== ends.length) throw new Error(`ratios bench: ${starts.length} starts but ${ends.length} ends for ${measure}:${kind}`);
  return starts.map((start, index) => (ends[index]! - start) / 1000);
}

function summarise(marks: Marks, measure: string, wall: Record<Kind, number[]>, warmup: number): RatioResult {
  const ours = cpuSamples(marks, measure, 'ours').slice(warmup);
  const baseline = cpuSamples(marks, measure, 'baseline').slice(warmup);
  const pairs = Math.min(ours.length, baseline.length);
  // A CPU sample of 0 (below the clock's resolution) would divide by zero: floor at 1 µs.
  const ratios = ours.slice(0, pairs).map((value, index) => value / Math.max(baseline[index]!, 0.001));
  return {
    pairs,
    oursMs: median(ours),
    baselineMs: median(baseline),
    oursWallMs: median(wall.ours.slice(warmup)),
    baselineWallMs: median(wall.baseline.slice(warmup)),
    ratio: median(ratios),
  };
}

export async function measureRatios({ mounts = 120, clicks = 60, warmup = 15 } = {}): Promise<RatiosResult> {
  // Both forms wear the kit's stylesheet (the baseline uses the same class names and markup):
  // a shop's page has CSS, and style and layout are part of "usable".
  const styles = `<style>${readFileSync(join(ROOT, 'dist/styles.css'), 'utf8')}</style>`;
  const server = await serve({ '/': html(styles, '<div id="mount"></div>'), '/page.js': script(await bundlePage('ratios')) });
  try {
    return await withPage(async (page, browser) => {
      await page.goto(server.url);
      await page.locator('[data-kind="ours"] button:not([disabled])').waitFor();
      await browser.startTracing(page, { categories: ['blink.user_timing'] });

      const mountWall: Record<Kind, number[]> = await page.evaluate(async (rounds) => {
        const bench = (window as unknown as BenchWindow<RatiosBench>).__bench;
        const wall: Record<Kind, number[]> = { ours: [], baseline: [] };
        for (let i = 0; i < rounds; i++) {
          // Alternate the order so neither side always runs right after the other's teardown.
          for (const kind of i % 2 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)) wall[kind].push(await bench.mountOnce(kind));
        }
        return wall;
      }, mounts + warmup);

      const ours = page.locator('[data-kind="ours"] button');
      const bare = page.locator('[data-kind="baseline"]');
      for (let i = 0; i < clicks + warmup; i++) {
        for (const which of i % 2 ? [ours, bare] : [bare, ours]) {
          await which.click(); // waits until enabled: the kit's button is disabled while its request is open
          await page.evaluate(() => (window as unknown as BenchWindow<RatiosBench>).__bench.approve());
        }
        await page.waitForFunction((n) => (window as unknown as BenchWindow<RatiosBench>).__bench.answered() === n, i + 1);
      }
      const clickSamples = await page.evaluate(() => (window as unknown as BenchWindow<RatiosBench>).__bench.clicks);

      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const marks: Marks = {};
      for (const event of Array.isArray(trace) ? trace : (trace.traceEvents ?? [])) {
        if (event.cat === 'blink.user_timing' && event.tts !== undefined && /^(mount|click):/.test(event.name)) (marks[event.name] ??= []).push(event.tts);
      }
      const clickWall = {
        ours: clickSamples.filter((s) => s.kind === 'ours').map((s) => s.ms),
        baseline: clickSamples.filter((s) => s.kind === 'baseline').map((s) => s.ms),
      };
      return {
        mount: summarise(marks, 'mount', mountWall, warmup),
        click: {
          ...summarise(marks, 'click', clickWall, warmup),
          inClickTask: clickSamples.slice(warmup * 2).filter((s) => s.kind === 'ours' && s.sameTask).length,
        },
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
