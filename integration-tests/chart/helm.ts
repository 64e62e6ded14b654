/** Runs the real Helm binary on charts/lsr-token-plugin. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { ensureChartTools } from '../../scripts/chart-tools';

export const repoRoot = path.resolve(__dirname, '../..');
export const chartDir = path.join(repoRoot, 'charts/lsr-token-plugin');
/** Values that make the chart renderable: the plugin image has no default. */
export const ciValuesFile = path.join(chartDir, 'ci/test-values.yaml');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function helm(args: string[]): HelmResult {
  const { helm: helmBin } = ensureChartTools();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-helm-home-'));
  try {
    const result = spawnSync(helmBin, args, {
      encoding: 'utf8',
      cwd: repoRoot,
      // A private Helm home: no user repositories, plugins or cache leak into the tests.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        HELM_CACHE_HOME: path.join(home, 'cache'),
        HELM_CONFIG_HOME: path.join(home, 'config'),
        HELM_DATA_HOME: path.join(home, 'data'),
        KUBECONFIG: path.join(home, 'no-kubeconfig'),
      },
      maxBuffer: 32 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export interface RenderOptions {
  release?: string;
  namespace?: string;
  /** Values files, in order; the CI values file when omitted. Pass [] for none. */
  valuesFiles?: string[];
  /** Values as an object, applied after the files. */
  values?: Record<string, unknown>;
  /** --set expressions, applied last. */
  set?: string[];
}

function templateArgs(options: RenderOptions, tmp: string): string[] {
  const args = [
    'template',
    options.release ?? 'lsr-token-plugin',
    chartDir,
    '--namespace',
    options.namespace ?? 'lsr-token-plugin',
  ];
  for (const file of options.valuesFiles ?? [ciValuesFile]) args.push('--values', file);
  if (options.values) {
    const file = path.join(tmp, 'values.yaml');
    fs.writeFileSync(file, yaml.dump(options.values));
    args.push('--values', file);
  }
  for (const s of options.set ?? []) args.push('--set', s);
  return args;
}

/** `helm template` that is expected to fail: returns Helm's output. */
export function renderChartResult(options: RenderOptions = {}): HelmResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-chart-'));
  try {
    return helm(templateArgs(options, tmp));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** `helm template`, parsed into objects; throws with Helm's message when rendering fails. */
export function renderChart(options: RenderOptions = {}): {
  objects: K8sObject[];
  manifest: string;
} {
  const result = renderChartResult(options);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  const objects = yaml
    .loadAll(result.stdout)
    .filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
  return { objects, manifest: result.stdout };
}

/** The one object of this kind and name; throws when absent or repeated. */
export function pick(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) {
    const have = objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
    throw new Error(`expected one ${kind}/${name}, found ${found.length} (rendered: ${have})`);
  }
  return found[0] as K8sObject;
}
