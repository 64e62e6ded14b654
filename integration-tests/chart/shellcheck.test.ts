/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helm';

const SHELL_SHEBANG = /^#!\s*(\/bin\/(ba)?sh|\/usr\/bin\/env (ba)?sh)\b/;

/** Every shell script under dir: *.sh files, and files without extension that start with a sh/bash shebang. */
function shellScripts(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : shellScripts(file);
    if (entry.name.endsWith('.sh')) return [file];
    if (path.extname(entry.name) !== '') return [];
    return SHELL_SHEBANG.test(fs.readFileSync(file, 'utf8').slice(0, 100)) ? [file] : [];
  });
}

const scripts = ['scripts', 'charts', 'integration-tests/chart'].flatMap((dir) =>
  shellScripts(path.join(repoRoot, dir)),
);

describe('shellcheck', () => {
  it('is installed', () => {
    const version = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
    expect(version.error).toBeUndefined();
    expect(version.status).toBe(0);
  });

  it('finds the scripts it must check', () => {
    const names = scripts.map((s) => path.relative(repoRoot, s));
    expect(names).toEqual(
      expect.arrayContaining([
        'charts/lsr-token-plugin/files/console-plugins.sh',
        'scripts/start-console.sh',
        'integration-tests/chart/fixtures/console-shims/oc',
      ]),
    );
  });

  it.each(scripts.map((s) => [path.relative(repoRoot, s), s]))('%s passes', (_name, file) => {
    const result = spawnSync('shellcheck', ['--external-sources', file], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
