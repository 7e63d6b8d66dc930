// The issue-15 budgets of `npm run bench` (scripts/bench/sandbox-server.ts), guarded on the built
// dist/ with the same ratios and fewer samples: flat inserts, lookups at 50,000 payments within
// 1.5× of 1,000, GET throughput ≥ 0.8× a bare node:http server (interleaved medians, so a busy
// machine slows both sides alike). The absolute fill time (≤ 5 s) is reported by the bench only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureSandboxServer, SANDBOX_SERVER_BUDGETS } from '../../scripts/bench/sandbox-server.ts';
import { ROOT } from '../../scripts/bench/size.ts';

describe('iamport-sandbox cost at 50,000 payments', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/sandbox-server.js'))) throw new Error('dist/ is missing: run `npm run build` before the sandbox-server bench guard.');
  });

  it('inserts stay flat, lookups by imp_uid and merchant_uid cost the same at 50k as at 1k, GETs keep up with bare node:http', async () => {
    const { fill, lookup, throughput } = await measureSandboxServer({ payments: 50_000, lookups: 200, rounds: 5, requestsPerRound: 2_000 });
    const summary = JSON.stringify({ fill, lookup, throughput });
    expect(fill.growth, summary).toBeLessThanOrEqual(SANDBOX_SERVER_BUDGETS.lookupRatio);
    expect(lookup.impUid.ratio, summary).toBeLessThanOrEqual(SANDBOX_SERVER_BUDGETS.lookupRatio);
    expect(lookup.merchantUid.ratio, summary).toBeLessThanOrEqual(SANDBOX_SERVER_BUDGETS.lookupRatio);
    expect(throughput.ratio, summary).toBeGreaterThanOrEqual(SANDBOX_SERVER_BUDGETS.throughputRatio);
  }, 180_000);
});
