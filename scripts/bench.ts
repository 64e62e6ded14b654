/**
 * `npm run bench`: builds the production plugin and the stand-in console, measures the plugin in
 * headless Chromium (integration-tests/bench/measure.ts), prints a table and writes the figures to
 * docs/bench/latest.json.
 *
 * Env: BENCH_IDLE_SECONDS (60), BENCH_RUNS (20 page loads), BENCH_ROTATIONS (10),
 * BENCH_POD_READY_MS (1000: emulated pod start delay), BENCH_SKIP_BUILD=1 (reuse the last build),
 * BENCH_OUTPUT (docs/bench/latest.json).
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from '@playwright/test';
import * as prettier from 'prettier';
import {
  entryBudget,
  firstVisitBudget,
  largeCountBudget,
  largeScopedBudget,
  noBundledLibrariesBudget,
  rotationWritesBudget,
  startupChunksBudget,
} from '../integration-tests/bench/budgets';
import type { BudgetResult } from '../integration-tests/bench/budgets';
import {
  bundledLibraries,
  entryBreakdown,
  largestModules,
  measureFirstVisit,
  measureIdle,
  measurePageOpen,
  measureRotationOpen,
  measureStartup,
  measureTimeToToken,
  readModuleMap,
  runRotation,
  sharedModulesInEntry,
  summarizeRotations,
} from '../integration-tests/bench/measure';
import type {
  BundledLibrary,
  FirstVisitFigures,
  PageOpenFigures,
  PluginFile,
  RotationRun,
} from '../integration-tests/bench/measure';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  PLUGIN_DIST,
  buildForBench,
  startStandIn,
} from '../integration-tests/bench/stand-in';
import type { StandIn } from '../integration-tests/bench/stand-in';

const root = path.resolve(__dirname, '..');
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const IDLE_SECONDS = num('BENCH_IDLE_SECONDS', 60);
const RUNS = num('BENCH_RUNS', 20);
const ROTATIONS = num('BENCH_ROTATIONS', 10);
const POD_READY_MS = num('BENCH_POD_READY_MS', 1000);
const OUTPUT = path.resolve(root, process.env.BENCH_OUTPUT ?? 'docs/bench/latest.json');

const B = (n: number) => `${Math.round(n).toLocaleString('en-US')} B`;
const ms = (n: number) => `${String(Math.round(n))} ms`;
const files = (list: PluginFile[]) =>
  list.map((f) => `${f.kind} ${B(f.gzip)}`).join(', ') || 'none';
const counts = (c: Record<string, number>) => Object.values(c).reduce((s, n) => s + n, 0);

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

const librariesSummary = (found: BundledLibrary[]) => {
  if (!found.length) return 'none';
  return (['patternfly', 'react-dom'] as const)
    .map((lib) => {
      const of = found.filter((f) => f.library === lib);
      return of.length
        ? `${lib}: ${plural(
            of.reduce((s, f) => s + f.modules, 0),
            'module',
          )} in ${plural(of.length, 'file')}`
        : '';
    })
    .filter(Boolean)
    .join(', ');
};

const t0 = Date.now();
const log = (msg: string) => {
  process.stderr.write(`bench [${String(Math.round((Date.now() - t0) / 1000))} s]: ${msg}\n`);
};

const pageOpenSummary = (p: PageOpenFigures) => ({
  requests: p.requests.length,
  pluginRequests: p.pluginRequestCount,
  websockets: p.websockets,
  byResource: p.byResource,
  heapUsedBytes: p.heapUsedBytes,
  timeToTokenMs: Math.round(p.timeToTokenMs),
});

const visitSummary = (f: FirstVisitFigures) => ({
  files: f.scripts.length,
  gzipBytes: f.scriptGzip,
  scripts: f.scripts,
  laterScripts: f.laterScripts,
});

const main = async () => {
  const started = Date.now();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the production plugin and the stand-in console…');
    const t = buildForBench();
    log(`built (plugin ${ms(t.pluginMs)}, console ${ms(t.consoleMs)})`);
  }
  const map = readModuleMap(PLUGIN_DIST);
  const servers: StandIn[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const [main, idleServer] = await Promise.all([
      startStandIn({ podReadyDelayMs: POD_READY_MS }),
      startStandIn(),
    ]);
    servers.push(main, idleServer);
    // The idle page has a cluster of its own: the resets and rotations below do not disturb it.
    log(`idle page: ${String(IDLE_SECONDS)} s, alongside the rest`);
    const idle = measureIdle(browser, idleServer.baseURL, IDLE_SECONDS);

    log('start-up on a page that is not the plugin’s…');
    const startup = await measureStartup(browser, main.baseURL);
    log('first visit (console PatternFly, then none)…');
    const visit = await measureFirstVisit(browser, main.baseURL, 'console');
    const visitNoPf = await measureFirstVisit(browser, main.baseURL, 'none');
    const libraries = bundledLibraries(
      visit.scripts.map((s) => s.file),
      map,
    );
    // A console page where the plugin contributes an action: the token Secret's details page.
    const secretPage = await measureStartup(browser, main.baseURL, visit.secretPage);
    const entry = startup.entry
      ? entryBreakdown(fs.readFileSync(path.join(PLUGIN_DIST, startup.entry.file)))
      : undefined;
    const librariesNoPf = bundledLibraries(
      visitNoPf.scripts.map((s) => s.file),
      map,
    );

    log('page open, default and large fixtures…');
    const small = await measurePageOpen(browser, main.baseURL);
    const smallRotationOpen = await measureRotationOpen(browser, main.baseURL);
    const largeReset = await main.emulator.reset('large', { podReadyDelayMs: POD_READY_MS });
    const large = await measurePageOpen(browser, main.baseURL);
    const largeRotationOpen = await measureRotationOpen(browser, main.baseURL);
    await main.emulator.reset('default', { podReadyDelayMs: POD_READY_MS });

    log(`time to token, ${String(RUNS)} cold loads…`);
    const ttt = await measureTimeToToken(browser, main.baseURL, RUNS);

    log(`rotation, ${String(ROTATIONS)} runs…`);
    const rotationRuns: RotationRun[] = [];
    for (let i = 0; i < ROTATIONS; i++) {
      // No termination delay: the figure nets out the start delay only.
      await main.emulator.reset('default', {
        podReadyDelayMs: POD_READY_MS,
        podTerminationDelayMs: 0,
      });
      rotationRuns.push(await runRotation(browser, main.baseURL));
    }
    const rotation = summarizeRotations(rotationRuns, POD_READY_MS);

    log('waiting for the idle page…');
    const idleFigures = await idle;

    const budgets: BudgetResult[] = [
      entryBudget(startup),
      startupChunksBudget(startup),
      firstVisitBudget(visit),
      noBundledLibrariesBudget(visit, libraries),
      largeScopedBudget(large),
      largeCountBudget(small, large),
      largeScopedBudget(largeRotationOpen, 'rotation section'),
      largeCountBudget(smallRotationOpen, largeRotationOpen, 'rotation section'),
      rotationWritesBudget(rotation),
    ];

    const rows: [string, string][] = [
      ['Entry script (gzip)', startup.entry ? B(startup.entry.gzip) : 'not fetched'],
      [
        'Entry script: PatternFly modules shared / chunks named',
        entry
          ? `${String(entry.patternflyModules)} (their names ≈ ${B(entry.patternflyNamesGzip)}) / ${String(entry.chunksNamed)} (chunk map ≈ ${B(entry.chunkMapGzip)})`
          : 'not fetched',
      ],
      [
        `Start-up fetches on ${startup.page} (gzip)`,
        startup.files.map((f) => `${f.kind} ${B(f.gzip)}`).join(', '),
      ],
      ['Plugin chunks at start-up', String(startup.chunks.length)],
      [
        'Plugin chunks on the token Secret’s page (its action)',
        `${plural(secretPage.chunks.length, 'file')}, ${B(secretPage.chunks.reduce((n, c) => n + c.gzip, 0))}`,
      ],
      [
        'First visit JS, console PatternFly',
        `${B(visit.scriptGzip)} in ${String(visit.scripts.length)} files (${files(visit.scripts)})`,
      ],
      [
        'First visit JS, no PatternFly from the host',
        `${B(visitNoPf.scriptGzip)} in ${String(visitNoPf.scripts.length)} files (${librariesSummary(librariesNoPf)})`,
      ],
      ['PatternFly / react-dom code on first visit', librariesSummary(libraries)],
      [
        'Requests on page open (default)',
        `${String(small.requests.length)} (${String(small.pluginRequestCount)} by the plugin, ${plural(small.websockets, 'WebSocket')}; ${String(small.requests.length - small.pluginRequestCount)} host API discovery)`,
      ],
      [
        `Requests in the next ${String(IDLE_SECONDS)} s`,
        `${String(idleFigures.requests.length)}: ${String(idleFigures.sdkRepolls)} SDK re-polls of watched objects (every ~${String(Math.round(idleFigures.repollIntervalSeconds))} s), ${String(idleFigures.other.length)} other`,
      ],
      [
        'Time to masked token (median / p95)',
        `${ms(ttt.tokenMedianMs)} / ${ms(ttt.tokenP95Ms)} (${String(ttt.runs)} runs)`,
      ],
      ['Stand-in shell render (median / p95)', `${ms(ttt.shellMedianMs)} / ${ms(ttt.shellP95Ms)}`],
      ['Time to token / shell render', ttt.ratio.toFixed(2)],
      [
        'Requests on page open (large)',
        `${String(large.requests.length)} (${String(large.pluginRequestCount)} by the plugin)`,
      ],
      [
        'Rotation section opened: JS loaded on demand',
        `${B(smallRotationOpen.scriptGzip)} in ${plural(smallRotationOpen.scripts.length, 'file')}`,
      ],
      [
        'Rotation section opened: requests, default / large',
        `${String(smallRotationOpen.requests.length)} / ${String(largeRotationOpen.requests.length)}`,
      ],
      [
        'JS heap after load, default / large',
        `${(small.heapUsedBytes / 1e6).toFixed(1)} MB / ${(large.heapUsedBytes / 1e6).toFixed(1)} MB (ratio ${(large.heapUsedBytes / small.heapUsedBytes).toFixed(2)})`,
      ],
      [
        'Rotation, confirm to done (median)',
        `${ms(rotation.medianMs)}; ${ms(rotation.medianNetMs)} without ${String(rotation.podWaits)} × ${ms(POD_READY_MS)} pod start (workloads in sequence); ${String(rotation.runs)} runs`,
      ],
      [
        'Rotation writes',
        Object.entries(rotation.writesByVerb)
          .map(([k, n]) => `${k} ×${String(n)}`)
          .join(', ') || 'none',
      ],
    ];

    const table = [
      '| Figure | Measured |',
      '| --- | --- |',
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ].join('\n');
    const budgetTable = [
      '| Budget | Limit | Measured | |',
      '| --- | --- | --- | --- |',
      ...budgets.map(
        (b) => `| ${b.name} | ${b.limit} | ${b.actual} | ${b.pass ? 'pass' : 'FAIL'} |`,
      ),
    ].join('\n');
    process.stdout.write(`\n${table}\n\n${budgetTable}\n\n`);

    const record = {
      date: new Date().toISOString(),
      settings: {
        idleSeconds: IDLE_SECONDS,
        runs: RUNS,
        rotations: ROTATIONS,
        podReadyDelayMs: POD_READY_MS,
      },
      startup: {
        page: startup.page,
        entry: startup.entry,
        files: startup.files,
        chunks: startup.chunks.length,
        patternflyModulesInEntry: sharedModulesInEntry(map),
        entryBreakdown: entry,
        secretPage: { page: secretPage.page, chunks: secretPage.chunks },
      },
      firstVisit: {
        consolePatternfly: visitSummary(visit),
        noPatternfly: visitSummary(visitNoPf),
        bundledLibraries: libraries,
        largestModules: largestModules(
          visit.scripts.map((f) => f.file),
          map,
          10,
        ),
        bundledLibrariesNoPatternfly: librariesNoPf,
      },
      pageOpen: {
        default: pageOpenSummary(small),
        large: { ...pageOpenSummary(large), fixtureObjects: largeReset.objects },
        heapRatio: large.heapUsedBytes / small.heapUsedBytes,
      },
      rotationOpen: {
        scripts: smallRotationOpen.scripts,
        scriptGzip: smallRotationOpen.scriptGzip,
        default: smallRotationOpen.byResource,
        large: largeRotationOpen.byResource,
      },
      idle: {
        seconds: idleFigures.seconds,
        requests: idleFigures.requests.length,
        byResource: idleFigures.byResource,
        sdkRepolls: idleFigures.sdkRepolls,
        repollIntervalSeconds: idleFigures.repollIntervalSeconds,
        other: idleFigures.other.map((r) => `${r.method} ${r.path}`),
      },
      timeToToken: {
        runs: ttt.runs,
        tokenMedianMs: ttt.tokenMedianMs,
        tokenP95Ms: ttt.tokenP95Ms,
        shellMedianMs: ttt.shellMedianMs,
        shellP95Ms: ttt.shellP95Ms,
        ratio: ttt.ratio,
      },
      rotation: {
        runs: rotation.runs,
        podReadyDelayMs: rotation.podReadyDelayMs,
        medianMs: rotation.medianMs,
        podWaits: rotation.podWaits,
        medianNetMs: rotation.medianNetMs,
        totalMs: rotation.totalMs.map(Math.round),
        writesByVerb: rotation.writesByVerb,
        writes: counts(rotation.writesByVerb),
        readsByResource: rotation.readsByResource,
        targets: rotation.targets,
        outcomes: rotation.outcomes,
        problems: rotation.problems,
      },
      budgets,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    // Formatted as the repository's Prettier check expects (the file is committed).
    const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
    fs.writeFileSync(
      OUTPUT,
      await prettier.format(JSON.stringify(record), { ...options, filepath: OUTPUT }),
    );
    log(`wrote ${path.relative(root, OUTPUT)} (${String(record.durationSeconds)} s)`);
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
