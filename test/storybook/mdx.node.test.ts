// The docs pages (stories/*.mdx) compiled the way Storybook compiles them, with the options from
// .storybook/main.ts: MDX 3 alone leaves a GitHub-style table as a paragraph of `| a | b |` text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../.storybook/main.ts';

const STORIES = join(import.meta.dirname, '../../stories');

type MdxLoader = (this: object, source: string) => void;

/** The addon-docs options main.ts passes (`mdxPluginOptions`), found by addon name. */
function docsPluginOptions(): object {
  const entry = config.addons?.find((addon) => typeof addon === 'object' && addon.name === '@storybook/addon-docs');
  if (typeof entry !== 'object') throw new Error('.storybook/main.ts must list @storybook/addon-docs with its options');
  return (entry.options as { mdxPluginOptions?: object }).mdxPluginOptions ?? {};
}

/** Storybook's own MDX compiler (addon-docs' loader entry, the compile the Vite plugin runs). */
async function compileMdx(file: string): Promise<string> {
  // The loader entry ships no types: a `string` specifier keeps TypeScript from resolving it.
  const specifier: string = '@storybook/addon-docs/mdx-loader';
  const { default: loader } = (await import(specifier)) as { default: MdxLoader };
  return new Promise((resolve, reject) => {
    const context = {
      async: () => (error: Error | null, code: string) => (error ? reject(error) : resolve(code)),
      getOptions: docsPluginOptions,
      resourcePath: file,
    };
    loader.call(context, readFileSync(file, 'utf8'));
  });
}

describe('Storybook docs pages', () => {
  const pages = readdirSync(STORIES).filter((name) => name.endsWith('.mdx'));

  it('the Introduction renders its "Layers" table as a table: a header and one row per layer', async () => {
    const code = await compileMdx(join(STORIES, 'Introduction.mdx'));
    expect(code).toContain('_components.table');
    expect(code.match(/_components\.tr\b/g)).toHaveLength(7);
    expect(code).not.toContain('| layer |');
  });

  it.each(pages)('%s leaves no Markdown table, strikethrough or task list as raw text', async (page) => {
    const code = await compileMdx(join(STORIES, page));
    // A text node (a JS string literal in the compiled page) that starts like a table row, a
    // `~~struck~~` span or a `[ ]` task would be GFM syntax shown as typed.
    expect(code).not.toMatch(/"\|[^"\n]*\|/);
    expect(code).not.toMatch(/"[^"\n]*~~[^"\n]+~~/);
    expect(code).not.toMatch(/"\[[ x]\] /);
  });
});
