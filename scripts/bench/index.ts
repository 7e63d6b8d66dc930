/**
 * `npm run bench`: every measurement of issue 8 in one markdown table, written to
 * bench-results.json as well. Needs `npm run build` first (everything is measured on dist/).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { formatBreakdown, measureBreakdown, type Breakdown } from './breakdown.ts';
import { measureCommits, type CommitCounts, type CommitsResult } from './commits.ts';
import { measureLatency, type LatencyResult } from './latency.ts';
import { measureRatios, RATIO_BUDGETS, type RatiosResult } from './ratios.ts';
import { measureScriptRequests, type ScriptRequestsResult } from './script-requests.ts';
import { measureSandboxServer, SANDBOX_SERVER_BUDGETS, type SandboxServerBenchResult } from './sandbox-server.ts';
import { measureServer, type ServerResult } from './server.ts';
import { measureSizes, ROOT, type SizeResult } from './size.ts';

export interface BenchResults {
  date: string;
  environment: { node: string; chromium: string; cpus: number };
  sizes: { ours: SizeResult[]; anchors: SizeResult[] };
  latency: LatencyResult;
  /** The kit's cost against what a shop writes without it, interleaved in one Chromium page. */
  ratios: RatiosResult;
  commits: CommitsResult;
  scriptRequests: ScriptRequestsResult;
  server: ServerResult;
  /** iamport-sandbox at 50,000 payments (scripts/bench/sandbox-server.ts). */
  sandboxServer: SandboxServerBenchResult;
  /** Pages, areas and what-ifs of the full kit (scripts/bench/breakdown.ts). */
  breakdown: Breakdown;
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const per = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const check = (ok: boolean) => (ok ? '✅' : '❌');

const times = (n: number) => `${n.toFixed(2)}×`;

function commitsCell({ formPerKeystroke, fieldPerKeystroke }: CommitCounts): string {
  return `form ${per(formPerKeystroke)} · field ${per(fieldPerKeystroke)}`;
}

/** The one table: our figures, the anchors side by side (with ours ÷ theirs), budgets. */
export function formatTable(results: BenchResults): string {
  const { sizes, latency, ratios, commits, scriptRequests, server, sandboxServer } = results;
  const { fill, lookup, throughput } = sandboxServer;
  const [paypal, stripe] = sizes.anchors as [SizeResult, SizeResult];
  const ratio = (ours: SizeResult, anchor: SizeResult) => `ours ÷ this = ${(ours.gzip / anchor.gzip).toFixed(2)}×`;
  const rows: string[][] = [
    ['Measure', 'react-iamport-jtnet', '@paypal/react-paypal-js', '@stripe/react-stripe-js', 'Budget / expected'],
    [
      'Anchor size, min+gzip (what is imported)',
      '—',
      `${bytes(paypal.gzip)} (min ${bytes(paypal.minified)}; ${paypal.note})`,
      `${bytes(stripe.gzip)} (min ${bytes(stripe.minified)}; ${stripe.note})`,
      '—',
    ],
    ...sizes.ours.map((ours) => [
      `Size, min+gzip: ${ours.label}`,
      `**${bytes(ours.gzip)}** (min ${bytes(ours.minified)})${ours.lazyChunks ? `; code-split: ${bytes(ours.initialGzip)} before \`import()\`, ${ours.lazyChunks} lazy chunk` : ''}`,
      ratio(ours, paypal),
      ratio(ours, stripe),
      '—',
    ]),
    ...results.breakdown.pages.map((page) => [
      `Page size, min+gzip, every byte it loads: ${page.label}`,
      `**${bytes(page.gzip)}** (min ${bytes(page.minified)})`,
      `ours ÷ this = ${(page.gzip / paypal.gzip).toFixed(2)}×`,
      `ours ÷ this = ${(page.gzip / stripe.gzip).toFixed(2)}×`,
      page.budget === undefined ? 'reported' : `≤ ${bytes(page.budget)} ${check(page.gzip <= page.budget)}`,
    ]),
    [
      `mount → usable, Chromium: \`<IamportProvider sdk>\` + \`<PaymentForm>\` ÷ a plain react-hook-form form with the same fields (median of ${ratios.mount.pairs} interleaved pairs, main-thread CPU time)`,
      `**${times(ratios.mount.ratio)}** (${ms(ratios.mount.oursMs)} vs ${ms(ratios.mount.baselineMs)}; wall clock ${ms(ratios.mount.oursWallMs)} vs ${ms(ratios.mount.baselineWallMs)})`,
      '—',
      '—',
      `≤ ${times(RATIO_BUDGETS.mount)} ${check(ratios.mount.ratio <= RATIO_BUDGETS.mount)}`,
    ],
    [
      `click → \`request_pay\`, Chromium: \`<PaymentButton>\` ÷ \`onClick={() => IMP.request_pay(…)}\` (median of ${ratios.click.pairs} interleaved pairs, main-thread CPU time)`,
      `**${times(ratios.click.ratio)}** (${ms(ratios.click.oursMs)} vs ${ms(ratios.click.baselineMs)}; wall clock ${ms(ratios.click.oursWallMs)} vs ${ms(ratios.click.baselineWallMs)})`,
      '—',
      '—',
      `≤ ${times(RATIO_BUDGETS.click)} ${check(ratios.click.ratio <= RATIO_BUDGETS.click)}; in the click's task ${ratios.click.inClickTask}/${ratios.click.pairs} ${check(ratios.click.inClickTask === ratios.click.pairs)}`,
    ],
    [
      `click → \`request_pay\`, Chromium, SDK ready (median of ${latency.clicks})`,
      `**${ms(latency.medianFromListenerMs)}** from a capturing click listener (p95 ${ms(latency.p95FromListenerMs)}); ${ms(latency.medianFromTimeStampMs)} from \`event.timeStamp\``,
      '—',
      '—',
      `in the click's task ${latency.inClickTask}/${latency.clicks} ${check(latency.inClickTask === latency.clicks)}`,
    ],
    [
      `React commits per keystroke in \`<PaymentForm>\` (${commits.beforeSubmit.keystrokes} keys), before the first submit`,
      `**${commitsCell(commits.beforeSubmit)}**`,
      '—',
      '—',
      `0 · 0 ${check(commits.beforeSubmit.formPerKeystroke === 0 && commits.beforeSubmit.fieldPerKeystroke === 0)}`,
    ],
    [
      `… after a failed submit (re-validation on change, ${commits.afterFailedSubmit.keystrokes} keys)`,
      commitsCell(commits.afterFailedSubmit),
      '—',
      '—',
      'only when an error message changes',
    ],
    [
      `SDK script requests: StrictMode, ${scriptRequests.providers} providers, ${scriptRequests.hookUsers} hook users`,
      `**${scriptRequests.requests}** (${scriptRequests.scriptTags} \`<script>\` tag)`,
      '—',
      '—',
      `1 ${check(scriptRequests.requests === 1)}`,
    ],
    [
      `Server: ${server.calls.toLocaleString('en-US')} concurrent \`verifyPayment\` vs \`iamport-sandbox\``,
      `**${server.tokenRequests}** token request; ${server.verified}/${server.calls} verified in ${ms(server.wallMs)} (${server.httpRequests} HTTP requests)`,
      '—',
      '—',
      `1 token request ${check(server.tokenRequests === 1)}`,
    ],
    [
      `\`iamport-sandbox\`: fill ${fill.payments.toLocaleString('en-US')} payments over HTTP (16 connections)`,
      `**${(fill.ms / 1000).toFixed(2)} s**; an insert at 50k ÷ at 1k ${fill.growth.toFixed(2)}× (interleaved batches; 1 = flat insert cost)`,
      '—',
      '—',
      `≤ ${SANDBOX_SERVER_BUDGETS.fillMs / 1000} s ${check(fill.ms <= SANDBOX_SERVER_BUDGETS.fillMs)}`,
    ],
    [
      `… p50 lookup at ${lookup.large.toLocaleString('en-US')} ÷ at ${lookup.small.toLocaleString('en-US')} payments (${lookup.samples} each, interleaved)`,
      `by imp_uid **${lookup.impUid.ratio.toFixed(2)}×** (${ms(lookup.impUid.largeP50)} vs ${ms(lookup.impUid.smallP50)}); by merchant_uid **${lookup.merchantUid.ratio.toFixed(2)}×** (${ms(lookup.merchantUid.largeP50)} vs ${ms(lookup.merchantUid.smallP50)})`,
      '—',
      '—',
      `≤ ${SANDBOX_SERVER_BUDGETS.lookupRatio}× ${check(Math.max(lookup.impUid.ratio, lookup.merchantUid.ratio) <= SANDBOX_SERVER_BUDGETS.lookupRatio)}`,
    ],
    [
      `… GET /payments/{imp_uid} throughput ÷ bare \`node:http\` with the same JSON (median of ${throughput.rounds} interleaved rounds)`,
      `**${throughput.ratio.toFixed(2)}×** (${Math.round(throughput.sandboxRps).toLocaleString('en-US')} vs ${Math.round(throughput.bareRps).toLocaleString('en-US')} req/s)`,
      '—',
      '—',
      `≥ ${SANDBOX_SERVER_BUDGETS.throughputRatio}× ${check(throughput.ratio >= SANDBOX_SERVER_BUDGETS.throughputRatio)}`,
    ],
  ];
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

export async function runBench(): Promise<BenchResults> {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('bench: dist/ is missing; run `npm run build` first (the bench measures the built package).');
  return {
    date: new Date().toISOString(),
    environment: { node: process.version, chromium: await chromiumVersion(), cpus: cpus().length },
    sizes: await measureSizes(),
    latency: await measureLatency(50),
    ratios: await measureRatios(),
    commits: await measureCommits(),
    scriptRequests: await measureScriptRequests(),
    server: await measureServer(1000),
    sandboxServer: await measureSandboxServer(),
    breakdown: await measureBreakdown(),
  };
}

export async function main(): Promise<void> {
  const results = await runBench();
  const file = join(ROOT, 'bench-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\n### Where the full kit's bytes go\n\n${formatBreakdown(results.breakdown)}`);
  console.log(
    `\nNode ${results.environment.node}, Chromium ${results.environment.chromium}, ${results.environment.cpus} CPUs; raw figures in bench-results.json`,
  );
}
