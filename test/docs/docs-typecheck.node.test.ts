// Every `ts` / `tsx` block in README.md and docs/*.md compiles against the package's real exports
// (see ./code-blocks.ts; a deliberate fragment opts out with `<!-- docs-typecheck: skip (why) -->`
// on the line above its fence).
import { codeBlocks, markdownFiles, typecheckBlocks, type CodeBlock } from './code-blocks';

const blocks: CodeBlock[] = markdownFiles().flatMap((file) => codeBlocks(file));
let problems: string[];

/** A document for the checker itself: what it extracts, skips, splits into files, and where it reports. */
const fence = '```';
const FIXTURE = [
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
  `${fence}ts`, // 28
  '// lib/price.ts: a variant of the app above, for another example', // 29
  'export const price = (id: string): string => id;', // 30
  '// app/api/sale/route.ts', // 31
  "import { price } from '@/lib/price';", // 32
  "import { GET } from '@/app/api/price/route';", // 33
  "export const POST = () => Response.json({ price: price('beans') satisfies number, before: GET });", // 34
  fence, // 35
].join('\n');
const fixtureBlocks = codeBlocks('fixture.md', FIXTURE);

beforeAll(() => {
  // One program for the documents and the fixture (the package's sources are loaded once).
  problems = typecheckBlocks([...blocks, ...fixtureBlocks].filter((block) => !block.skipped));
}, 120_000);

describe('the docs checker', () => {
  it('extracts ts/tsx blocks with their first line, and honours the skip marker', () => {
    expect(fixtureBlocks.map(({ line, lang, skipped }) => ({ line, lang, skipped }))).toEqual([
      { line: 4, lang: 'tsx', skipped: false },
      { line: 10, lang: 'ts', skipped: true },
      { line: 16, lang: 'ts', skipped: false },
      { line: 24, lang: 'tsx', skipped: false },
      { line: 29, lang: 'ts', skipped: false },
    ]);
  });

  it('reports real type errors at their markdown line, resolves `// path` files, `@/` and relative imports across blocks', () => {
    // A block that names an earlier block's file (lib/price.ts) is a variant: its `@/` imports find
    // its own files first (line 34: the variant's string price), then the document's (line 33).
    expect(problems.filter((problem) => problem.startsWith('fixture.md:'))).toEqual([
      // The README snippet of issue 16: merchantCode is required.
      expect.stringMatching(/^fixture\.md:6:\d+ TS2741 Property 'merchantCode' is missing/),
      expect.stringMatching(/^fixture\.md:21:\d+ TS1360 Type 'number' does not satisfy the expected type 'string'/),
      expect.stringMatching(/^fixture\.md:26:\d+ TS2345 Argument of type 'number' is not assignable to parameter of type 'string'/),
      expect.stringMatching(/^fixture\.md:34:\d+ TS1360 Type 'string' does not satisfy the expected type 'number'/),
    ]);
  });
});

describe('documentation code blocks', () => {
  it('finds the blocks (README quick start included)', () => {
    expect(blocks.filter((block) => block.file === 'README.md' && !block.skipped).length).toBeGreaterThanOrEqual(5);
    expect(blocks.some((block) => block.lang === 'tsx')).toBe(true);
  });

  it.each(markdownFiles())('%s: every ts/tsx block typechecks', (file) => {
    expect(problems.filter((problem) => problem.startsWith(`${file}:`))).toEqual([]);
  });
});
