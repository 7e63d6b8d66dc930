// An unexpected console.error or console.warn fails the test that caused it; output a test causes
// on purpose is declared with `expectConsole`, asserted, and kept out of the run's output.
// Runs in every environment the tests use (Node, jsdom, Chromium): no Node-only imports.
import { afterAll, afterEach } from 'vitest';

export type ConsoleLevel = 'error' | 'warn';

const LEVELS: readonly ConsoleLevel[] = ['error', 'warn'];

interface Expectation {
  level: ConsoleLevel;
  pattern: RegExp;
  times: number | undefined;
  messages: string[];
}

interface GuardState {
  expectations: Expectation[];
  unexpected: string[];
}

// One state per realm, whichever copy of this module a setup file or a test file loaded.
const STATE = Symbol.for('react-iamport-jtnet.test.console-guard');
const state = (): GuardState | undefined => (globalThis as { [STATE]?: GuardState })[STATE];

/**
 * Wrap `console.error` and `console.warn` for this test file and check after every test (and
 * after the file, for late logs) that nothing was logged that the test did not declare with
 * `expectConsole`. Called once from each project's setup file, before any other hook is
 * registered: hooks run in reverse order, so the check comes after the file's own cleanup
 * (an unmount that warns is caught too).
 *
 * @example
 * // test/support/setup-console.ts
 * guardConsole();
 */
export function guardConsole(): void {
  const realm = globalThis as { [STATE]?: GuardState };
  const guard = (realm[STATE] ??= { expectations: [], unexpected: [] });
  // Idempotent, and per file: files may share a realm (isolate: false) or get a fresh console.
  for (const level of LEVELS) if (!(STATE in console[level])) console[level] = guarded(level, console[level], guard);
  afterEach(() => settle(guard, 'during this test'));
  afterAll(() => settle(guard, 'after the last test of this file (a late, asynchronous log)'));
}

function guarded(level: ConsoleLevel, original: (...args: unknown[]) => void, guard: GuardState) {
  return Object.assign(
    function guardedConsole(...args: unknown[]) {
      const text = formatConsoleArgs(args);
      const expectation = guard.expectations.find((candidate) => candidate.level === level && candidate.pattern.test(text));
      if (expectation) {
        expectation.messages.push(text);
        return;
      }
      guard.unexpected.push(`console.${level}: ${text}${whereLogged()}`);
      original.apply(console, args);
    },
    { [STATE]: true },
  );
}

/**
 * Declare console output that the current test causes on purpose (call it inside the test or a
 * `beforeEach`). Matching calls are captured instead of printed; when the test ends, the output
 * must have happened (at least once, or exactly `times`) or the test fails. Returns the captured
 * messages, live, for tests that wait for an asynchronous log.
 *
 * @example
 * const warnings = expectConsole('warn', /ignored a late answer from IMP\.request_pay/);
 * sdk.approve(); // the window answers after the request ended
 * await vi.waitFor(() => expect(warnings.messages).toHaveLength(1));
 */
export function expectConsole(level: ConsoleLevel, pattern: RegExp, { times }: { times?: number } = {}): { readonly messages: readonly string[] } {
  const guard = state();
  if (!guard)
    throw new Error('expectConsole: the console guard is not installed; add test/support/setup-console.ts to this project’s setupFiles in vitest.config.ts.');
  const expectation: Expectation = { level, pattern, times, messages: [] };
  guard.expectations.push(expectation);
  return expectation;
}

/** Fail with everything unexpected that was logged, then with every declared log that did not happen. */
function settle(guard: GuardState, when: string): void {
  const { unexpected, expectations } = guard;
  guard.unexpected = [];
  guard.expectations = [];
  if (unexpected.length > 0) {
    throw new Error(
      `${unexpected.length} unexpected console ${unexpected.length === 1 ? 'call' : 'calls'} ${when}:\n\n${unexpected.join('\n\n')}\n\n` +
        'Fix the cause; if the test causes it on purpose, declare it in the test with ' +
        "expectConsole('error' | 'warn', /message/) from test/support/console.ts.",
    );
  }
  for (const { level, pattern, times, messages } of expectations) {
    const happened = times === undefined ? messages.length > 0 : messages.length === times;
    if (!happened) {
      const wanted = times === undefined ? 'at least once' : `${times} time${times === 1 ? '' : 's'}`;
      throw new Error(
        `expected console.${level} matching ${pattern} ${wanted} ${when}, got ${messages.length}${messages.length ? `:\n${messages.join('\n')}` : ''}`,
      );
    }
  }
}

/** The console's own `%s`/`%d`/`%o` substitution (React formats its warnings that way), then the rest. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(show).join(' ');
  const text = first.replace(/%[sdifoOc%]/g, (token) => {
    if (token === '%%') return '%';
    if (rest.length === 0) return token;
    const value = rest.shift();
    return token === '%c' ? '' : show(value);
  });
  return [text, ...rest.map(show)].join(' ');
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    // A cycle or a BigInt: name the kind of object rather than print "[object Object]".
    return `[${Object.prototype.toString.call(value).slice(8, -1)} that JSON cannot show]`;
  }
}

/** The caller's frames (not this file's), so a failure says which code logged. */
function whereLogged(): string {
  const frames = (new Error().stack ?? '').split('\n').filter((line) => /^\s+at /.test(line) && !line.includes('/test/support/console.ts'));
  const ours = frames.filter((line) => !line.includes('/node_modules/'));
  const shown = (ours.length ? ours : frames).slice(0, 4);
  return shown.length ? `\n${shown.join('\n')}` : '';
}
