// Size budgets of issue 8, measured exactly like `npm run bench` (scripts/bench/size.ts) on the
// built package: hooks ≤ 2 KB and the whole client kit ≤ 7 KB, min+gzip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, measureSource, measureSubject, OUR_SUBJECTS, ROOT } from '../../scripts/bench/size.ts';

const subject = (id: string) => OUR_SUBJECTS.find((candidate) => candidate.id === id)!;

describe('size budgets (min+gzip, React and react-hook-form external)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` before the size budgets.');
  });

  it.each([
    ['hooks', BUDGETS.hooks],
    ['client', BUDGETS.client],
  ] as const)('%s stays within %i bytes', async (id, budget) => {
    // The whole import counts, lazily imported chunks included: the provider fetches them on mount.
    const { gzip, minified, label, initialGzip, lazyChunks } = await measureSubject(subject(id));
    const split = lazyChunks ? `; ${initialGzip} B before import() when code-split` : '';
    expect(gzip, `${label}: ${gzip} B min+gzip (${minified} B minified${split}) exceeds the budget of ${budget} B by ${gzip - budget} B`).toBeLessThanOrEqual(budget);
  });

  it('measures real code: the hooks bundle is smaller than the full kit and keeps React external', async () => {
    const hooks = await measureSource(subject('hooks').source);
    const client = await measureSubject(subject('client'));
    expect(hooks.gzip).toBeGreaterThan(500);
    expect(hooks.gzip).toBeLessThan(client.gzip);
    expect(hooks.text).toMatch(/from\s*"react"/);
    // Through package.json `exports` to the build, never the sources (tsconfig `paths` point there).
    expect(hooks.inputs.filter((input) => input !== 'entry.js' && !input.startsWith('dist/'))).toEqual([]);
    expect(hooks.inputs).toContain('dist/index.js');
    expect(hooks.text).not.toMatch(/__CLIENT_INTERNALS|react\.transitional\.element/);
  });
});
