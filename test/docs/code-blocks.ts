// Extracts the `ts` / `tsx` code blocks of the README and docs/*.md and typechecks them against
// the package's sources, each block as its own module (one without imports/exports becomes one).
//
// - A line `// some/path.tsx` (optionally followed by words) at the start of a line names the file
//   the code below it is: a block can hold several files, and files of one markdown document import
//   each other by relative path or by `@/…` (Next.js's alias for the app root).
// - A block that is a fragment on purpose opts out with the marker on the line above its fence:
//
//   <!-- docs-typecheck: skip (why) -->
//   ```ts
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SKIP_MARKER = /^<!--\s*docs-typecheck:\s*skip\b.*-->$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)[^\n]*$/;
const CHECKED = new Set(['ts', 'tsx', 'typescript']);

export interface CodeBlock {
  /** Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the first line inside the fence. */
  line: number;
  lang: 'ts' | 'tsx';
  code: string;
  skipped: boolean;
}

/** The README and every docs/*.md, relative to the root. */
export function markdownFiles(): string[] {
  return [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${name}`),
  ];
}

/** The `ts` / `tsx` blocks of one markdown file (its text read from disk unless given). */
export function codeBlocks(file: string, markdown = readFileSync(join(ROOT, file), 'utf8')): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !(lines[end]!.trim().startsWith(fence!) && lines[end]!.trim().replace(/[`~]/g, '') === '')) end++;
    if (CHECKED.has(lang!)) {
      blocks.push({
        file,
        line: start + 1,
        lang: lang === 'tsx' ? 'tsx' : 'ts',
        code: lines
          .slice(start, end)
          .map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line))
          .join('\n'),
        skipped: SKIP_MARKER.test(lines[index - 1]?.trim() ?? ''),
      });
    }
    index = end;
  }
  return blocks;
}

/** A file the compiler sees: a module under .docs-typecheck/ (next to the sources, so imports resolve as in the repo). */
interface VirtualFile {
  block: CodeBlock;
  /** Line of the block's code (0-based) where this file starts. */
  firstLine: number;
  text: string;
}

const FILE_NAME = /^\/\/ ((?:[\w.@()[\]-]+\/)*[\w.@()[\]-]+\.tsx?)(?:[\s:,]|$)/;
const VIRTUAL = join(ROOT, '.docs-typecheck');
/** The virtual app root of one markdown document: `@/…` and relative imports resolve inside it. */
const documentRoot = (file: string) => join(VIRTUAL, file.replace(/[/.]/g, '_'));

/**
 * Split blocks into files (at `// path.ts` lines), each at a path of its own in its document's root.
 * A block that names a file an earlier block of the document already has is a variant of that app
 * (another `lib/iamport.ts` for another example): its files get a root of their own, `block-N/`,
 * where its `@/…` imports look first.
 */
function virtualFiles(blocks: CodeBlock[]): Map<string, VirtualFile> {
  const files = new Map<string, VirtualFile>();
  blocks.forEach((block, blockIndex) => {
    const lines = block.code.split('\n');
    const sections: { name?: string; start: number; end: number }[] = [];
    let start = 0;
    let name: string | undefined;
    lines.forEach((line, index) => {
      const named = FILE_NAME.exec(line);
      if (!named) return;
      sections.push({ name, start, end: index });
      start = index;
      name = named[1];
    });
    sections.push({ name, start, end: lines.length });
    const document = documentRoot(block.file);
    const variant = sections.some((section) => section.name !== undefined && files.has(join(document, section.name)));
    const root = variant ? join(document, `block-${blockIndex}`) : document;
    for (const section of sections) {
      const text = lines.slice(section.start, section.end).join('\n');
      if (text.trim() === '') continue;
      const path = join(root, section.name ?? `block-${blockIndex}-${section.start}.${block.lang}`);
      if (files.has(path)) throw new Error(`${block.file}:${block.line + section.start}: ${section.name} is named twice in one block`);
      // Code without import/export would be a global script: make it a module, as a file in an app is.
      files.set(path, { block, firstLine: section.start, text: /^\s*(import|export)\s/m.test(text) ? text : `${text}\nexport {};` });
    }
  });
  return files;
}

/** Where `@/…` looks from a file: its variant block's root first (see virtualFiles), then its document's root. */
function appRoots(containingFile: string): string[] {
  const [document, maybeBlock] = relative(VIRTUAL, containingFile).split('/');
  const root = join(VIRTUAL, document!);
  return maybeBlock && /^block-\d+$/.test(maybeBlock) ? [join(root, maybeBlock), root] : [root];
}

/**
 * Typecheck blocks with the repository's compiler options (the package name maps to src/), each
 * block a module of its own. Returns `file:line:column TS#### message` per problem, lines in the markdown.
 */
export function typecheckBlocks(blocks: CodeBlock[]): string[] {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true, types: ['node'] },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('docs typecheck: cannot read tsconfig.json');
  const files = virtualFiles(blocks);
  const options = config.options;
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  const isDirectory = (path: string) => [...files.keys()].some((file) => file.startsWith(`${path}/`));
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.directoryExists = (path) => isDirectory(path) || ts.sys.directoryExists(path);
  host.readFile = (path) => files.get(path)?.text ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const virtual = files.get(path);
    return virtual ? ts.createSourceFile(path, virtual.text, language, true) : getSourceFile.call(host, path, language, onError, create);
  };
  const resolve = (name: string, containingFile: string, redirected: ts.ResolvedProjectReference | undefined) =>
    ts.resolveModuleName(name, containingFile, options, host, undefined, redirected);
  // `@/x` inside a document's files is `x` from that document's root (Next.js's default alias).
  host.resolveModuleNameLiterals = (literals, containingFile, redirected) =>
    literals.map((literal) => {
      if (!containingFile.startsWith(`${VIRTUAL}/`) || !literal.text.startsWith('@/')) return resolve(literal.text, containingFile, redirected);
      const tries = appRoots(containingFile).map((root) => resolve(join(root, literal.text.slice(2)), containingFile, redirected));
      return tries.find((attempt) => attempt.resolvedModule) ?? tries.at(-1)!;
    });
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });

  const problems: string[] = [];
  for (const [path, { block, firstLine }] of files) {
    const source = program.getSourceFile(path)!;
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
      problems.push(`${block.file}:${block.line + firstLine + line}:${character + 1} TS${diagnostic.code} ${message}`);
    }
  }
  return problems;
}
