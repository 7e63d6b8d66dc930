/** Hands a page's measurements to Playwright as `window.__bench`. */
export function expose(value: object): void {
  (window as unknown as BenchWindow<object>).__bench = value;
}

/**
 * `window` inside a `page.evaluate` callback, with the `__bench` a page exposed: the Node side
 * imports only the page's type (`typeof bench`), nothing of the page's code.
 *
 * @example
 * await page.evaluate(() => (window as unknown as BenchWindow<LatencyBench>).__bench.approve());
 */
export type BenchWindow<Bench> = { __bench: Bench };
