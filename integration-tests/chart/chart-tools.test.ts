/** @jest-environment node */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureChartTools } from '../../scripts/chart-tools';
import { repoRoot } from './helm';

describe('scripts/chart-tools.ts', () => {
  it('unpacks Helm and kubectl once, into a git-ignored cache', () => {
    const first = ensureChartTools();
    const mtimes = [first.helm, first.kubectl].map((f) => fs.statSync(f).mtimeMs);
    const second = ensureChartTools();
    expect(second).toEqual(first);
    expect([second.helm, second.kubectl].map((f) => fs.statSync(f).mtimeMs)).toEqual(mtimes);
    for (const file of [first.helm, first.kubectl]) {
      expect(path.relative(repoRoot, file)).toMatch(/^node_modules\/\.cache\/lsr-helm\//);
      const ignored = spawnSync('git', ['check-ignore', '-q', file], { cwd: repoRoot });
      expect(ignored.status).toBe(0);
    }
  });

  it('provides working official binaries', () => {
    const { helm, kubectl } = ensureChartTools();
    expect(execFileSync(helm, ['version', '--short'], { encoding: 'utf8' })).toMatch(
      /^v[34]\.\d+\.\d+/,
    );
    expect(
      execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }),
    ).toContain('"gitVersion": "v1.');
  });

  it('runs them from the command line', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/chart-tools.ts', 'paths'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(ensureChartTools());
  });
});
