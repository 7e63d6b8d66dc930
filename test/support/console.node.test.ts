// The console guard (test/support/console.ts) proven from the outside: a real vitest run of the
// repository's unit, node and browser projects on fixture files, read back from its JSON report.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../vitest.config.ts';
import { formatConsoleArgs } from './console';

const ROOT = resolve(import.meta.dirname, '../..');
const VITEST = resolve(ROOT, 'node_modules/vitest/vitest.mjs');
const FIXTURE_CONFIG = 'test/support/fixtures/console/vitest.config.ts';

interface Outcome {
  status: string;
  failure: string;
}

let outcomes: Map<string, Outcome>;
let output: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-guard-'));
  const report = join(dir, 'report.json');
  // A clean environment for the inner run: the outer worker's VITEST_* variables are not for it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  output = await new Promise<string>((done) => {
    execFile(
      process.execPath,
      [VITEST, 'run', '--config', FIXTURE_CONFIG, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      // The run fails (that is the point); the report says which tests did.
      (_error, stdout, stderr) => done(`${stdout}\n${stderr}`),
    );
  });
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
  };
  outcomes = new Map(
    results.testResults.flatMap((file) =>
      file.assertionResults.map((test) => [test.title, { status: test.status, failure: test.failureMessages.join('\n') }] as const),
    ),
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcome = (title: string): Outcome => {
  const found = outcomes.get(title);
  if (!found) throw new Error(`fixture test "${title}" did not run; the inner run printed:\n${output}`);
  return found;
};

describe('an unexpected console.error or console.warn fails the test that caused it', () => {
  it('jsdom: a component that logs an error (React’s missing-key warning) fails its test, with the message', () => {
    expect(outcome('a component that logs a console.error (a list without keys)')).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('Each child in a list should have a unique "key" prop'),
    });
  });

  it('jsdom: a state update outside act() fails its test', () => {
    expect(outcome('a state update outside act()')).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/An update to LateCounter inside a test was not wrapped in act\(\.\.\.\)/),
    });
  });

  it('node: an unexpected console.warn fails its test; the failure says how to declare one on purpose', () => {
    const { status, failure } = outcome('a console.warn nobody expected');
    expect(status).toBe('failed');
    expect(failure).toContain('console.warn: fixture: unexpected node warning');
    expect(failure).toContain("expectConsole('error' | 'warn', /message/)");
  });

  it('Chromium: an unexpected console.error fails its test', () => {
    expect(outcome('a console.error nobody expected, in Chromium')).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('console.error: fixture: unexpected browser error'),
    });
  });

  it('e2e (Playwright): a page’s unexpected console.error fails the test that opened it, at its end', () => {
    expect(outcome('a page that logs a console.error nobody expected')).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('console.error: fixture: unexpected page error'),
    });
  });

  it('the tests that log nothing, or only what they declare, pass', () => {
    const quiet = [
      'a test that logs nothing',
      'a warning the test declares with expectConsole',
      'a console.error the test declares',
      'a console.warn the test declares, in Chromium',
      'a page whose uncaught error the test allows',
    ];
    for (const title of quiet) {
      expect(outcome(title).status, title).toBe('passed');
    }
  });
});

describe('expectConsole: output a test causes on purpose is asserted, and not printed', () => {
  it('a declared log that never comes fails the test', () => {
    expect(outcome('a declared warning that never comes')).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('expected console.warn matching /^fixture: never logged/ at least once during this test, got 0'),
    });
  });

  it('a declared count is exact', () => {
    expect(outcome('a declared warning logged twice when once was declared')).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('1 time during this test, got 2'),
    });
  });

  it('declared output stays out of the run’s output; unexpected output is shown with its test', () => {
    expect(output).not.toMatch(/fixture: expected (warning|node error|browser warning)/);
    expect(output).toMatch(/stderr \| test\/support\/fixtures\/console\/node\.fixture\.ts > a console\.warn nobody expected\nfixture: unexpected node warning/);
  });
});

describe('wiring and formatting', () => {
  it('every project of vitest.config.ts runs the console guard first', () => {
    const projects = config.test!.projects as { test: { name: string; setupFiles: string[] } }[];
    expect(projects.map((project) => project.test.name).sort()).toEqual(['browser', 'e2e', 'guards', 'node', 'storybook', 'unit']);
    for (const { test } of projects) {
      const first = test.setupFiles[0]!;
      const guarded = first === 'test/support/setup-console.ts' || readFileSync(resolve(ROOT, first), 'utf8').startsWith("import './setup-console';");
      expect(guarded, `${test.name}: ${first}`).toBe(true);
    }
  });

  it('formats messages as the console does (%s, %d, %o, %%, %c) so patterns match what a person reads', () => {
    expect(formatConsoleArgs(['%s took %d ms (%o) 100%% %cdone', 'render', 12, { a: 1 }, 'color: red', 'extra'])).toBe(
      'render took 12 ms ({"a":1}) 100% done extra',
    );
    expect(formatConsoleArgs([new TypeError('bad'), 3])).toBe('TypeError: bad 3');
    expect(formatConsoleArgs(['%s missing'])).toBe('%s missing');
  });
});
