// Size budgets per page (issue 13), measured exactly like `npm run bench` (scripts/bench) on
// the built package: every byte a page's imports load, lazy chunks included, min+gzip. The
// whole kit is reported by the bench, not guarded (no page imports all of it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measureBreakdown, measurePage, PAGES } from '../../scripts/bench/breakdown.ts';
import { measureSource, PACKAGE_NAME, PAGE_BUDGETS, ROOT } from '../../scripts/bench/size.ts';

const budgeted = PAGES.filter((page) => page.budget !== undefined);

describe('size budgets per page (min+gzip, React and react-hook-form external)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` before the size budgets.');
  });

  it('budgets the four pages of the issue: headless 4.8 KB, button 6.8 KB, checkout 9.0 KB, landing 7.0 KB', () => {
    expect(Object.fromEntries(budgeted.map((page) => [page.id, page.budget]))).toEqual(PAGE_BUDGETS);
    expect(PAGE_BUDGETS).toEqual({ headless: Math.floor(4.8 * 1024), button: Math.floor(6.8 * 1024), checkout: 9 * 1024, landing: 7 * 1024 });
  });

  it.each(budgeted)('$label stays within its budget', async (page) => {
    const { gzip, minified } = await measurePage(page);
    expect(gzip, `${page.label}: ${gzip} B min+gzip (${minified} B minified) exceeds ${page.budget} B by ${gzip - page.budget!} B`).toBeLessThanOrEqual(
      page.budget!,
    );
  });

  it('measures real code through the package exports: the headless page keeps React external and bundles no SDK', async () => {
    const headless = await measureSource(`export { IamportProvider, usePayment } from '${PACKAGE_NAME}';`);
    expect(headless.gzip).toBeGreaterThan(2000);
    expect(headless.text).toMatch(/from\s*"react"/);
    // Through package.json `exports` to the build, never the sources (tsconfig `paths` point there).
    expect(headless.inputs.filter((input) => input !== 'entry.js' && !input.startsWith('dist/'))).toEqual([]);
    expect(headless.inputs).toContain('dist/index.js');
    expect(headless.text).not.toMatch(/__CLIENT_INTERNALS|react\.transitional\.element/);
    // The request path is in (the one-window guard, the window watch); the sandbox is not.
    expect(headless.text).toContain('PAYMENT_IN_PROGRESS');
    expect(headless.text).toContain('div.imp-dialog');
    expect(headless.text).not.toMatch(/sandbox/i);
  });

  it('a landing page bundles neither the request controller nor the request validators', async () => {
    const landing = await measureSource(`export { IamportProvider, RedirectLanding } from '${PACKAGE_NAME}';`);
    expect(landing.text).not.toContain('PAYMENT_IN_PROGRESS');
    expect(landing.text).not.toContain('div.imp-dialog');
    expect(landing.text).not.toContain('INVALID_PARAMS');
  });

  it('the breakdown still applies to this build: what-ifs shrink the kit, pages and areas are measured', async () => {
    // `npm run bench` prints this breakdown under the table; its what-if edits throw when the build no longer matches them.
    const { full, pages, areas, whatIfs } = await measureBreakdown();
    // A page is part of the kit; one that counts a peer too (react-hook-form) costs more than the kit alone.
    for (const page of pages) {
      expect(page.gzip, page.label).toBeGreaterThan(1000);
      if (page.bundled?.length) expect(page.gzip, page.label).toBeGreaterThan(full.gzip);
      else expect(page.gzip, page.label).toBeLessThan(full.gzip);
    }
    expect(areas.every((area) => area.gzip > 0)).toBe(true);
    const floor = whatIfs.at(-1)!;
    for (const whatIf of whatIfs.slice(0, -1)) expect(whatIf.gzip, whatIf.label).toBeLessThan(full.gzip);
    expect(floor.gzip).toBeLessThan(Math.min(...whatIfs.slice(0, -1).map((whatIf) => whatIf.gzip)));
  });
});
