// The docs checker itself: what it extracts, skips, splits into files, and where it reports.
import { codeBlocks, typecheckBlocks } from './code-blocks';

const fence = '```';
const README = [
  '# Shop', // 1
  '', // 2
  `${fence}tsx`, // 3
  "import { IamportProvider } from 'react-iamport-jtnet';", // 4
  "import { createSandboxIamport } from 'react-iamport-jtnet/sandbox';", // 5
  'export const App = () => <IamportProvider sdk={createSandboxIamport()} />;', // 6
  fence, // 7
  '<!-- docs-typecheck: skip (a fragment) -->', // 8
  `${fence}ts`, // 9
  'thisIsNotDeclared();', // 10
  fence, // 11
  `${fence}sh`, // 12
  'npm test', // 13
  fence, // 14
  `${fence}ts title="two files"`, // 15
  '// lib/price.ts: the price list', // 16
  'export const price = (id: string): number => id.length * 1000;', // 17
  '', // 18
  '// app/api/price/route.ts', // 19
  "import { price } from '@/lib/price';", // 20
  "export const GET = () => Response.json({ price: price('beans') satisfies string });", // 21
  fence, // 22
  `${fence}tsx`, // 23
  '// app/page.tsx', // 24
  "import { price } from '../lib/price';", // 25
  'export default function Page() { return <p>{price(1)}</p>; }', // 26
  fence, // 27
].join('\n');

describe('docs code-block checker', () => {
  const blocks = codeBlocks('fixture.md', README);

  it('extracts ts/tsx blocks with their first line, and honours the skip marker', () => {
    expect(blocks.map(({ line, lang, skipped }) => ({ line, lang, skipped }))).toEqual([
      { line: 4, lang: 'tsx', skipped: false },
      { line: 10, lang: 'ts', skipped: true },
      { line: 16, lang: 'ts', skipped: false },
      { line: 24, lang: 'tsx', skipped: false },
    ]);
  });

  it('reports real type errors at their markdown line, resolves `// path` files, `@/` and relative imports across blocks', () => {
    const problems = typecheckBlocks(blocks.filter((block) => !block.skipped));
    expect(problems).toEqual([
      // The README snippet of issue 16: merchantCode is required.
      expect.stringMatching(/^fixture\.md:6:\d+ TS2741 Property 'merchantCode' is missing/),
      expect.stringMatching(/^fixture\.md:21:\d+ TS1360 Type 'number' does not satisfy the expected type 'string'/),
      expect.stringMatching(/^fixture\.md:26:\d+ TS2345 Argument of type 'number' is not assignable to parameter of type 'string'/),
    ]);
  }, 60_000);
});
