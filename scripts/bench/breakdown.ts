/**
 * Where the full client kit's bytes go, and what a page really pays.
 * `node scripts/bench/run.mjs breakdown` prints three markdown tables (after `npm run build`):
 *
 * - pages: min+gzip of the imports a typical page makes (checkout form, pay button, landing,
 *   headless), against the per-page budgets that `npm test` guards;
 * - areas: what each group of exports adds to the full kit (full kit minus the kit without it);
 * - what-ifs: the full kit with whole features taken out of the build.
 *
 * Same esbuild settings as `size.ts`; the what-ifs edit dist/esm text while bundling and fail
 * loudly when an edit no longer matches the build.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { measureSource, PACKAGE_NAME, PAGE_BUDGETS, ROOT, type DistEdits } from './size.ts';

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
const entry = (names: readonly string[]) => `export { ${names.join(', ')} } from '${PACKAGE_NAME}';`;

/** What typical pages import; `budget` (bytes, min+gzip) is guarded by `npm test`. */
export const PAGES: readonly { id: string; label: string; names: readonly string[]; budget?: number; bundled?: readonly string[] }[] = [
  { id: 'checkout', label: 'checkout page: `IamportProvider` + `PaymentForm`', names: ['IamportProvider', 'PaymentForm'], budget: PAGE_BUDGETS.checkout },
  // The buyer picks an issuer: <CardFilterField> inside the form (the plain checkout does not bundle it).
  {
    id: 'checkout-issuer',
    label: 'checkout page with issuer choice: `IamportProvider` + `PaymentForm` + `CardFilterField`',
    names: ['IamportProvider', 'PaymentForm', 'CardFilterField'],
  },
  // react-hook-form is a peer, left out of every other figure (a shop with forms usually has it):
  // what the checkout costs a page that does not use it yet.
  {
    id: 'checkout-with-rhf',
    label: 'checkout page, react-hook-form counted too (an app that does not use it yet): `IamportProvider` + `PaymentForm`',
    names: ['IamportProvider', 'PaymentForm'],
    bundled: ['react-hook-form'],
  },
  { id: 'subscription', label: 'subscription page: `IamportProvider` + `BillingKeyForm`', names: ['IamportProvider', 'BillingKeyForm'] },
  { id: 'button', label: 'button page: `IamportProvider` + `PaymentButton`', names: ['IamportProvider', 'PaymentButton'], budget: PAGE_BUDGETS.button },
  { id: 'landing', label: 'landing page: `IamportProvider` + `RedirectLanding`', names: ['IamportProvider', 'RedirectLanding'], budget: PAGE_BUDGETS.landing },
  { id: 'headless', label: 'headless: `IamportProvider` + `usePayment`', names: ['IamportProvider', 'usePayment'], budget: PAGE_BUDGETS.headless },
];

/**
 * Min+gzip of one page's imports.
 *
 * @example
 * await measurePage(PAGES[3]) // { label: 'button page: …', gzip: 6682, minified: 15253 }
 */
export async function measurePage(page: (typeof PAGES)[number]): Promise<PageRow> {
  return { ...(await measure(page.label, page.names, undefined, page.bundled)), budget: page.budget, bundled: page.bundled };
}

/** Groups of the `.` exports; whatever is in no group is reported as "core helpers". */
export const AREAS: Record<string, readonly string[]> = {
  'provider and hooks': ['IamportProvider', 'useIamport', 'usePayment', 'useBillingKey'],
  'forms and fields': ['PaymentForm', 'BillingKeyForm', 'BuyerFields', 'PayMethodField', 'CardFilterField', 'buyerFieldError', 'BUYER_FIELD_SPECS'],
  buttons: ['PaymentButton', 'BillingKeyButton'],
  'landing (component, hook, parser, remembered requests)': [
    'RedirectLanding',
    'useRedirectResult',
    'parseRedirectResult',
    'REDIRECT_PARAMS',
    'rememberRequest',
    'recallRequest',
    'forgetRequest',
  ],
};

const WITHOUT_VALIDATION: DistEdits = {
  'core/validation/validate.js': (text) => text.replace(/function runRules\(params, billing\) \{[\s\S]*?\n\}\n/, 'function runRules() {}\n'),
};
const WITHOUT_ENGLISH: DistEdits = {
  'components/messages.js': (text) => text.replace(/\n {4}en: \{[\s\S]*?\n {4}\},?\n/, '\n'),
};

export interface BreakdownRow {
  label: string;
  gzip: number;
  minified: number;
}

/** A page's figure; `bundled` peers (e.g. react-hook-form) are counted in it. */
export type PageRow = BreakdownRow & { budget?: number; bundled?: readonly string[] };

export interface Breakdown {
  full: BreakdownRow;
  pages: PageRow[];
  areas: BreakdownRow[];
  whatIfs: BreakdownRow[];
}

async function exportNames(): Promise<string[]> {
  const module = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Record<string, unknown>;
  return Object.keys(module).sort();
}

async function measure(label: string, names: readonly string[], edits?: DistEdits, bundled?: readonly string[]): Promise<BreakdownRow> {
  const { gzip, minified } = await measureSource(entry(names), edits, bundled);
  return { label, gzip, minified };
}

export async function measureBreakdown(): Promise<Breakdown> {
  const all = await exportNames();
  const grouped = new Set(Object.values(AREAS).flat());
  const unknown = [...grouped].filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`bench: breakdown names exports that \`.\` no longer has: ${unknown.join(', ')}`);
  const areas = { ...AREAS, 'core helpers (validators, loader, card tables, ids, …)': all.filter((name) => !grouped.has(name)) };
  const without = (names: readonly string[]) => all.filter((name) => !names.includes(name));
  const landing = AREAS['landing (component, hook, parser, remembered requests)']!;

  // The headline figure is the bench's (`export *`); differences are taken against the same exports listed by name.
  const kit = await measureSource(`export * from '${PACKAGE_NAME}';`);
  const full = { label: 'full client kit', gzip: kit.gzip, minified: kit.minified };
  const named = await measure('full client kit, exports named', all);
  const pages = await Promise.all(PAGES.map(measurePage));
  const areaRows = await Promise.all(
    Object.entries(areas).map(async ([label, names]) => {
      const rest = await measure(label, without(names));
      return { label, gzip: named.gzip - rest.gzip, minified: named.minified - rest.minified };
    }),
  );
  const whatIfs = await Promise.all([
    measure('without English messages (Korean only)', all, WITHOUT_ENGLISH),
    measure('without any request validation', all, WITHOUT_VALIDATION),
    measure('without the landing (component, hook, parser)', without(landing)),
    measure('all three removed: the floor of the remaining features', without(landing), { ...WITHOUT_ENGLISH, ...WITHOUT_VALIDATION }),
  ]);
  return { full, pages, areas: areaRows.sort((a, b) => b.gzip - a.gzip), whatIfs };
}

export function formatBreakdown({ full, pages, areas, whatIfs }: Breakdown): string {
  const table = (head: string[], rows: string[][]) => [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const budget = ({ gzip, budget: limit }: { gzip: number; budget?: number }) =>
    limit === undefined ? 'reported' : gzip <= limit ? `≤ ${bytes(limit)} ✅` : `≤ ${bytes(limit)} ❌ +${bytes(gzip - limit)}`;
  return [
    `Full client kit: **${bytes(full.gzip)}** min+gzip (min ${bytes(full.minified)}), reported, not guarded: no page imports all of it.`,
    '',
    table(
      ['What a page imports (every byte it loads)', 'min+gzip', 'min', 'budget'],
      pages.map((row) => [row.label, bytes(row.gzip), bytes(row.minified), budget(row)]),
    ),
    '',
    table(
      ['Area of the full kit', 'adds (min+gzip)', 'adds (min)'],
      areas.map((row) => [row.label, bytes(row.gzip), bytes(row.minified)]),
    ),
    '',
    table(
      ['What if the full kit had…', 'min+gzip', 'min'],
      whatIfs.map((row) => [row.label, bytes(row.gzip), bytes(row.minified)]),
    ),
  ].join('\n');
}

/** `node scripts/bench/run.mjs breakdown`. */
export async function main(): Promise<void> {
  console.log(formatBreakdown(await measureBreakdown()));
}
