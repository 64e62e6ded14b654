/**
 * The performance budgets: limits on the figures that do not depend on the machine's speed. The
 * bench prints them beside its table; integration-tests/budget asserts them.
 */
import type {
  K8sRequest,
  FirstVisitFigures,
  RotationFigures,
  StartupFigures,
  BundledLibrary,
} from './measure';
import { isUnscopedPodOrSecretRead, requestKey } from './measure';

export const ENTRY_GZIP_LIMIT = 5_000;
export const FIRST_VISIT_GZIP_LIMIT = 20_000;

export interface BudgetResult {
  name: string;
  pass: boolean;
  /** The measured value, in words. */
  actual: string;
  limit: string;
}

export const entryBudget = (s: StartupFigures): BudgetResult => ({
  name: 'entry script (gzip)',
  limit: `≤ ${ENTRY_GZIP_LIMIT.toLocaleString('en-US')} B`,
  actual: s.entry ? `${s.entry.gzip.toLocaleString('en-US')} B` : 'entry script not fetched',
  pass: !!s.entry && s.entry.gzip <= ENTRY_GZIP_LIMIT,
});

export const startupChunksBudget = (s: StartupFigures): BudgetResult => ({
  name: `plugin chunks fetched on a page that is not the plugin's (${s.page})`,
  limit: '0',
  actual: s.chunks.length ? s.chunks.map((c) => c.file).join(', ') : '0',
  pass: s.chunks.length === 0 && !!s.entry,
});

export const firstVisitBudget = (f: FirstVisitFigures): BudgetResult => ({
  name: 'first visit JavaScript, console-provided PatternFly (gzip)',
  limit: `≤ ${FIRST_VISIT_GZIP_LIMIT.toLocaleString('en-US')} B`,
  actual: `${f.scriptGzip.toLocaleString('en-US')} B in ${String(f.scripts.length)} files`,
  pass: f.scripts.length > 0 && f.scriptGzip <= FIRST_VISIT_GZIP_LIMIT,
});

/** By the build's module map (`found`) and, independently, by the files' content. */
export const noBundledLibrariesBudget = (
  f: FirstVisitFigures,
  found: BundledLibrary[],
): BudgetResult => {
  const byContent = f.scripts.filter((s) => s.markers.length > 0);
  const problems = [
    ...found.map((b) => `${b.file}: ${b.library} (${String(b.modules)} modules)`),
    ...byContent.map((s) => `${s.file}: ${s.markers.join(', ')} code by content`),
  ];
  return {
    name: 'PatternFly or react-dom code fetched on first visit (console-provided PatternFly)',
    limit: 'none',
    actual: problems.length ? problems.join('; ') : `none in ${String(f.scripts.length)} files`,
    pass: problems.length === 0 && f.scripts.length > 0,
  };
};

export const largeScopedBudget = (
  large: { requests: K8sRequest[] },
  what = 'page open',
): BudgetResult => {
  const unscoped = large.requests.filter(isUnscopedPodOrSecretRead);
  return {
    name: `large fixture, ${what}: Pods/Secrets read without namespace and selector`,
    limit: 'none',
    actual: unscoped.length ? unscoped.map(requestKey).join('; ') : 'none',
    pass: unscoped.length === 0,
  };
};

export const largeCountBudget = (
  small: { requests: K8sRequest[] },
  large: { requests: K8sRequest[] },
  what = 'page open',
): BudgetResult => ({
  name: `large fixture, ${what}: as many requests as on the small fixture`,
  limit: `= ${String(small.requests.length)} (small)`,
  actual: String(large.requests.length),
  pass: large.requests.length === small.requests.length,
});

export const rotationWritesBudget = (r: RotationFigures): BudgetResult => ({
  name: 'rotation: one write per Secret copy, one delete per pod (or one per workload), no retries',
  limit: (() => {
    const pods = Object.values(r.targets.workloads).reduce((s, p) => s + p.length, 0);
    const secrets = r.targets.secrets.length;
    return `${String(secrets)} Secret write${secrets === 1 ? '' : 's'}, ${String(pods)} pod delete${pods === 1 ? '' : 's'}`;
  })(),
  actual: r.problems.length
    ? r.problems.join('; ')
    : Object.entries(r.writesByVerb)
        .map(([k, n]) => `${k}: ${String(n)}`)
        .join(', '),
  pass: r.runs > 0 && r.problems.length === 0 && r.outcomes.length > 0,
});
