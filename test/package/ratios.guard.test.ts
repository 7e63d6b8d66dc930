// The cost guards of issue 13, measured like `npm run bench` (scripts/bench/ratios.ts) on the
// built package in Chromium: mount → usable ≤ 1.1× a plain react-hook-form form with the same
// fields, click → request_pay ≤ 2× a bare `onClick={() => IMP.request_pay(…)}`. Interleaved
// pairs, main-thread CPU time from a trace, medians: a loaded machine slows both sides alike.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measureRatios, RATIO_BUDGETS, type RatiosResult } from '../../scripts/bench/ratios.ts';
import { ROOT } from '../../scripts/bench/size.ts';

describe('cost ratios in Chromium (built package)', () => {
  let ratios: RatiosResult;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` before the cost ratios.');
    ratios = await measureRatios({ mounts: 200, clicks: 60 });
  }, 180_000);

  it(`mount → usable: <IamportProvider sdk> + <PaymentForm> ≤ ${RATIO_BUDGETS.mount}× a plain react-hook-form form; no async tick before the button is usable`, () => {
    const { ratio, oursMs, baselineMs, pairs } = ratios.mount;
    expect(pairs).toBe(200);
    expect(
      ratio,
      `mount → usable is ${ratio.toFixed(3)}× (${oursMs.toFixed(3)} ms vs ${baselineMs.toFixed(3)} ms CPU, median of ${pairs} pairs)`,
    ).toBeLessThanOrEqual(RATIO_BUDGETS.mount);
  });

  it(`click → request_pay: <PaymentButton> ≤ ${RATIO_BUDGETS.click}× a bare onClick, always inside the click's task`, () => {
    const { ratio, oursMs, baselineMs, pairs, inClickTask } = ratios.click;
    expect(inClickTask).toBe(pairs);
    expect(
      ratio,
      `click → request_pay is ${ratio.toFixed(3)}× (${oursMs.toFixed(3)} ms vs ${baselineMs.toFixed(3)} ms CPU, median of ${pairs} pairs)`,
    ).toBeLessThanOrEqual(RATIO_BUDGETS.click);
  });
});
