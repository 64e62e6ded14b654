import { expect, test } from '@playwright/test';
import {
  entryBudget,
  firstVisitBudget,
  largeCountBudget,
  largeScopedBudget,
  noBundledLibrariesBudget,
  rotationWritesBudget,
  startupChunksBudget,
} from '../bench/budgets';
import type { BudgetResult } from '../bench/budgets';
import {
  bundledLibraries,
  measureFirstVisit,
  measurePageOpen,
  measureRotationOpen,
  measureStartup,
  readModuleMap,
  runRotation,
  summarizeRotations,
} from '../bench/measure';
import { PLUGIN_DIST, startStandIn } from '../bench/stand-in';
import type { StandIn } from '../bench/stand-in';

const POD_READY_MS = 200;
let standIn: StandIn;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  standIn = await startStandIn({ podReadyDelayMs: POD_READY_MS });
});

test.afterAll(async () => {
  await standIn.stop();
});

const expectWithin = (b: BudgetResult) => {
  expect(b.pass, `${b.name}: measured ${b.actual}, limit ${b.limit}`).toBe(true);
};

test('start-up: a small entry script and no plugin chunk on a page that is not the plugin’s', async ({
  browser,
}) => {
  const startup = await measureStartup(browser, standIn.baseURL);
  expect(startup.files.map((f) => f.kind).sort()).toEqual(['entry', 'locale', 'manifest']);
  expectWithin(entryBudget(startup));
  expectWithin(startupChunksBudget(startup));
});

test('first visit with the console’s PatternFly: small, and no PatternFly or react-dom code', async ({
  browser,
}) => {
  const visit = await measureFirstVisit(browser, standIn.baseURL, 'console');
  expectWithin(firstVisitBudget(visit));
  const found = bundledLibraries(
    visit.scripts.map((s) => s.file),
    readModuleMap(PLUGIN_DIST),
  );
  expectWithin(noBundledLibrariesBudget(visit, found));
});

test('the PatternFly and react-dom check finds them when the host provides no PatternFly', async ({
  browser,
}) => {
  // The same check on the worst case: the plugin's fallback copies must be seen.
  const visit = await measureFirstVisit(browser, standIn.baseURL, 'none');
  const found = bundledLibraries(
    visit.scripts.map((s) => s.file),
    readModuleMap(PLUGIN_DIST),
  );
  expect(found.map((b) => b.library)).toContain('patternfly');
  expect(found.map((b) => b.library)).toContain('react-dom');
  const byContent = visit.scripts.flatMap((s) => s.markers);
  expect(byContent).toContain('patternfly');
  expect(byContent).toContain('react-dom');
});

test('page open on the large fixture: scoped reads, as many requests as on the small one', async ({
  browser,
}) => {
  await standIn.emulator.reset('default', { podReadyDelayMs: POD_READY_MS });
  const small = await measurePageOpen(browser, standIn.baseURL);
  await standIn.emulator.reset('large', { podReadyDelayMs: POD_READY_MS });
  const large = await measurePageOpen(browser, standIn.baseURL);
  expect(small.pluginRequestCount).toBeGreaterThan(0);
  expectWithin(largeScopedBudget(large));
  expectWithin(largeCountBudget(small, large));
});

test('rotation section on the large fixture: scoped reads, as many requests as on the small one', async ({
  browser,
}) => {
  await standIn.emulator.reset('default', { podReadyDelayMs: POD_READY_MS });
  const small = await measureRotationOpen(browser, standIn.baseURL);
  await standIn.emulator.reset('large', { podReadyDelayMs: POD_READY_MS });
  const large = await measureRotationOpen(browser, standIn.baseURL);
  expect(small.requests.filter((r) => r.resource === 'pods').length).toBeGreaterThan(0);
  expectWithin(largeScopedBudget(large, 'rotation section'));
  expectWithin(largeCountBudget(small, large, 'rotation section'));
});

for (const [fixture, instance] of [
  ['default', undefined],
  ['other-namespace', { namespace: 'ibm-ls-reporter', name: 'instance' }],
] as const) {
  test(`rotation on the ${fixture} fixture: one write per Secret copy, one delete per pod`, async ({
    browser,
  }) => {
    await standIn.emulator.reset(fixture, {
      podReadyDelayMs: POD_READY_MS,
      podTerminationDelayMs: 0,
    });
    const run = await runRotation(browser, standIn.baseURL, instance);
    const figures = summarizeRotations([run], POD_READY_MS);
    expect(figures.targets.secrets.length).toBeGreaterThan(0);
    expect(Object.keys(figures.targets.workloads).length).toBeGreaterThan(0);
    expectWithin(rotationWritesBudget(figures));
  });
}
