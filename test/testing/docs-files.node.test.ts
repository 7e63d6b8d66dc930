// docs/testing.md shows the shop's files verbatim: each block that starts with `// path` is the
// file test/testing/shop/<path>, which npm test runs (unit, server, Playwright). An edit to
// either side that is not made to the other fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../docs/code-blocks';

const SHOP = resolve(import.meta.dirname, 'shop');
const NAMED = /^\/\/ ([\w./-]+\.tsx?)$/;
const named = codeBlocks('docs/testing.md')
  .map((block) => ({ block, path: NAMED.exec(block.code.split('\n')[0]!)?.[1] }))
  .filter((entry): entry is typeof entry & { path: string } => entry.path !== undefined);

describe('docs/testing.md', () => {
  it('shows the shop’s checkout, verify and webhook routes, and their unit, server and Playwright tests', () => {
    expect(named.map((entry) => entry.path).sort()).toEqual([
      'e2e/checkout.spec.ts',
      'src/Checkout.test.tsx',
      'src/Checkout.tsx',
      'src/server/orders.ts',
      'src/server/verify-route.node.test.ts',
      'src/server/verify-route.ts',
      'src/server/webhook-route.node.test.ts',
      'src/server/webhook-route.ts',
    ]);
  });

  it.each(named.map((entry) => [entry.path, entry.block] as const))('%s is the tested file, verbatim', (path, block) => {
    const file = join(SHOP, path);
    expect(existsSync(file), `docs/testing.md:${block.line} names ${path}, which is not in test/testing/shop`).toBe(true);
    expect(block.code.split('\n').slice(1).join('\n'), `docs/testing.md:${block.line} differs from test/testing/shop/${path}`).toBe(
      readFileSync(file, 'utf8').replace(/\n$/, ''),
    );
  });
});
