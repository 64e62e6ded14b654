/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { ensureChartTools } from '../../scripts/chart-tools';
import { chartDir } from './helm';

/**
 * files/console-plugins.sh, the script of the hook Jobs, run with /bin/sh and bash against recorded
 * consoles.operator.openshift.io objects. A `kubectl` stand-in on PATH keeps the object; the real kubectl
 * evaluates the script's go-template and applies its JSON patches (`kubectl patch --local`).
 */
const script = path.join(chartDir, 'files/console-plugins.sh');
const shimDir = path.join(__dirname, 'fixtures/kubectl-shim');
const consolesDir = path.join(__dirname, 'fixtures/consoles');
const { kubectl } = ensureChartTools();

interface ConsoleObject {
  metadata: { name: string; resourceVersion: string; annotations?: Record<string, string> };
  spec?: { plugins?: string[]; managementState?: string; [key: string]: unknown };
  status?: unknown;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[][];
  patches: unknown[];
  object: ConsoleObject | undefined;
}

let workDir: string;
beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-console-script-'));
});
afterEach(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function load(fixture: string): ConsoleObject {
  return yaml.load(fs.readFileSync(path.join(consolesDir, fixture), 'utf8')) as ConsoleObject;
}

interface RunOptions {
  shell?: string;
  /** The stored object; undefined = not found. */
  object: ConsoleObject | undefined;
  /** JSON patches a concurrent writer applies, one before each of the script's patches. */
  concurrent?: unknown[][];
  failGets?: number;
  attempts?: number;
  /** PATH for the script; the kubectl stand-in first, then the system's. */
  path?: string;
}

function run(action: string, plugin: string, options: RunOptions): Run {
  const state = path.join(workDir, 'console.json');
  const log = path.join(workDir, 'calls.log');
  const concurrent = path.join(workDir, 'concurrent.json');
  fs.rmSync(state, { force: true });
  if (options.object) fs.writeFileSync(state, JSON.stringify(options.object));
  if (options.concurrent) fs.writeFileSync(concurrent, JSON.stringify(options.concurrent));
  fs.writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = {
    PATH: options.path ?? `${shimDir}:/usr/local/bin:/usr/bin:/bin`,
    REAL_KUBECTL: kubectl,
    SHIM_STATE: state,
    SHIM_LOG: log,
    SHIM_CONCURRENT: concurrent,
    SHIM_FAIL_GETS: String(options.failGets ?? 0),
    RETRY_DELAY: '0',
    ATTEMPTS: String(options.attempts ?? 10),
    HOME: workDir,
  };
  const result = spawnSync(options.shell ?? 'sh', [script, action, plugin], {
    env,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  const calls = fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    calls,
    patches: calls
      .filter((c) => c[0] === 'patch')
      .map((c) => JSON.parse(c[c.length - 1] ?? 'null') as unknown),
    object: fs.existsSync(state)
      ? (JSON.parse(fs.readFileSync(state, 'utf8')) as ConsoleObject)
      : undefined,
  };
}

const plugins = (r: Run) => r.object?.spec?.plugins;
const verbs = (r: Run) => r.calls.map((c) => c[0]);

describe.each(['sh', 'bash'])('console-plugins.sh under %s', (shell) => {
  it('adds the plugin once, after the others, testing the list it read', () => {
    const original = load('with-plugins.yaml');
    const r = run('enable', 'lsr-token-plugin', { shell, object: original });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual([
      'monitoring-plugin',
      'networking-console-plugin',
      'odf-console',
      'lsr-token-plugin',
    ]);
    expect(r.patches).toEqual([
      [
        {
          op: 'test',
          path: '/spec/plugins',
          value: ['monitoring-plugin', 'networking-console-plugin', 'odf-console'],
        },
        { op: 'add', path: '/spec/plugins/-', value: 'lsr-token-plugin' },
      ],
    ]);
    // Nothing else in the object changes.
    expect({
      ...r.object,
      metadata: { ...r.object?.metadata, resourceVersion: 'x' },
      spec: { ...r.object?.spec, plugins: [] },
    }).toEqual({
      ...original,
      metadata: { ...original.metadata, resourceVersion: 'x' },
      spec: { ...original.spec, plugins: [] },
    });

    const again = run('enable', 'lsr-token-plugin', { shell, object: r.object });
    expect(again.status).toBe(0);
    expect(verbs(again)).toEqual(['get']);
    expect(again.stdout).toContain('already enabled');
    expect(plugins(again)).toEqual(plugins(r));
  });

  it('creates the list when it is absent, guarded by the resourceVersion', () => {
    const original = load('no-plugins.yaml');
    const r = run('enable', 'lsr-token-plugin', { shell, object: original });
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual(['lsr-token-plugin']);
    expect(r.object?.spec?.managementState).toBe('Managed');
    expect(r.patches).toEqual([
      [
        { op: 'test', path: '/metadata/resourceVersion', value: '4811302' },
        { op: 'add', path: '/spec/plugins', value: ['lsr-token-plugin'] },
      ],
    ]);
  });

  it('fills an empty list', () => {
    const r = run('enable', 'lsr-token-plugin', { shell, object: load('empty-plugins.yaml') });
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual(['lsr-token-plugin']);
  });

  it('creates spec when the object has none', () => {
    const object = load('no-plugins.yaml');
    delete object.spec;
    const r = run('enable', 'lsr-token-plugin', { shell, object });
    expect(r.status).toBe(0);
    expect(r.object?.spec).toEqual({ plugins: ['lsr-token-plugin'] });
  });

  it('changes nothing when the plugin is already listed', () => {
    const r = run('enable', 'lsr-token-plugin', { shell, object: load('already-enabled.yaml') });
    expect(r.status).toBe(0);
    expect(verbs(r)).toEqual(['get']);
    expect(plugins(r)).toEqual(['monitoring-plugin', 'lsr-token-plugin']);
    expect(r.object?.metadata.resourceVersion).toBe('4811302');
  });

  it('removes the plugin on uninstall, keeping the others in order, and is idempotent', () => {
    const r = run('disable', 'lsr-token-plugin', { shell, object: load('already-enabled.yaml') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual(['monitoring-plugin']);
    expect(r.patches).toEqual([
      [
        { op: 'test', path: '/spec/plugins', value: ['monitoring-plugin', 'lsr-token-plugin'] },
        { op: 'remove', path: '/spec/plugins/1' },
      ],
    ]);
    const again = run('disable', 'lsr-token-plugin', { shell, object: r.object });
    expect(again.status).toBe(0);
    expect(verbs(again)).toEqual(['get']);
    expect(plugins(again)).toEqual(['monitoring-plugin']);
  });

  it('removes every copy when the plugin was listed twice', () => {
    const object = load('with-plugins.yaml');
    object.spec = {
      ...object.spec,
      plugins: ['lsr-token-plugin', 'monitoring-plugin', 'lsr-token-plugin', 'odf-console'],
    };
    const r = run('disable', 'lsr-token-plugin', { shell, object });
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual(['monitoring-plugin', 'odf-console']);
  });

  it('leaves an absent or empty list alone on uninstall', () => {
    for (const fixture of ['no-plugins.yaml', 'empty-plugins.yaml', 'with-plugins.yaml']) {
      const original = load(fixture);
      const r = run('disable', 'lsr-token-plugin', { shell, object: original });
      expect({ fixture, status: r.status, verbs: verbs(r) }).toEqual({
        fixture,
        status: 0,
        verbs: ['get'],
      });
      expect(r.object).toEqual(original);
    }
  });

  it('keeps a plugin a concurrent writer added, by failing the test and retrying', () => {
    const r = run('enable', 'lsr-token-plugin', {
      shell,
      object: load('with-plugins.yaml'),
      concurrent: [[{ op: 'add', path: '/spec/plugins/-', value: 'other-plugin' }]],
    });
    expect(r.status).toBe(0);
    expect(verbs(r)).toEqual(['get', 'patch', 'get', 'patch']);
    expect(r.stderr).toContain('testing value /spec/plugins failed');
    expect(plugins(r)).toEqual([
      'monitoring-plugin',
      'networking-console-plugin',
      'odf-console',
      'other-plugin',
      'lsr-token-plugin',
    ]);
  });

  it('keeps a list a concurrent writer created, by testing the resourceVersion', () => {
    const r = run('enable', 'lsr-token-plugin', {
      shell,
      object: load('no-plugins.yaml'),
      concurrent: [[{ op: 'add', path: '/spec/plugins', value: ['other-plugin'] }]],
    });
    expect(r.status).toBe(0);
    expect(verbs(r)).toEqual(['get', 'patch', 'get', 'patch']);
    expect(plugins(r)).toEqual(['other-plugin', 'lsr-token-plugin']);
  });

  it('keeps what a concurrent writer did during an uninstall', () => {
    const r = run('disable', 'lsr-token-plugin', {
      shell,
      object: load('already-enabled.yaml'),
      concurrent: [[{ op: 'add', path: '/spec/plugins/0', value: 'other-plugin' }]],
    });
    expect(r.status).toBe(0);
    expect(plugins(r)).toEqual(['other-plugin', 'monitoring-plugin']);
  });

  it('gives up after the configured attempts when every patch conflicts', () => {
    const writes = [1, 2, 3].map((n) => [
      { op: 'add', path: '/spec/plugins/-', value: `writer-${n}` },
    ]);
    const r = run('enable', 'lsr-token-plugin', {
      shell,
      object: load('with-plugins.yaml'),
      concurrent: writes,
      attempts: 3,
    });
    expect(r.status).toBe(1);
    expect(verbs(r)).toEqual(['get', 'patch', 'get', 'patch', 'get', 'patch']);
    expect(r.stderr).toContain(
      'could not enable lsr-token-plugin in consoles.operator.openshift.io/cluster after 3 attempts',
    );
    expect(plugins(r)).toEqual([
      'monitoring-plugin',
      'networking-console-plugin',
      'odf-console',
      'writer-1',
      'writer-2',
      'writer-3',
    ]);
  });

  it('retries a failed read', () => {
    const r = run('enable', 'lsr-token-plugin', {
      shell,
      object: load('empty-plugins.yaml'),
      failGets: 2,
    });
    expect(r.status).toBe(0);
    expect(verbs(r)).toEqual(['get', 'get', 'get', 'patch']);
    expect(plugins(r)).toEqual(['lsr-token-plugin']);
  });

  it('fails to enable when there is no console operator object, and succeeds to disable', () => {
    const enable = run('enable', 'lsr-token-plugin', { shell, object: undefined });
    expect(enable.status).toBe(1);
    expect(enable.stderr).toContain('consoles.operator.openshift.io/cluster not found');
    const disable = run('disable', 'lsr-token-plugin', { shell, object: undefined });
    expect(disable.status).toBe(0);
    expect(disable.stdout).toContain('nothing to remove');
  });

  it('refuses bad arguments without calling kubectl', () => {
    for (const [action, plugin] of [
      ['enable', 'Not A Name'],
      ['enable', 'x"]}'],
      ['toggle', 'lsr-token-plugin'],
    ] as const) {
      const r = run(action, plugin, { shell, object: load('with-plugins.yaml') });
      expect({ action, plugin, status: r.status, calls: r.calls }).toEqual({
        action,
        plugin,
        status: 2,
        calls: [],
      });
    }
  });
});

describe('console-plugins.sh in an image with oc only', () => {
  /** A PATH holding the script's tools, node for the stand-in, and the stand-in installed as `oc`. */
  function ocOnlyPath(withOc: boolean): string {
    const bin = path.join(workDir, 'bin');
    fs.mkdirSync(bin);
    for (const tool of ['sh', 'grep', 'sed', 'cut', 'sort', 'sleep', 'env', 'node']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], {
        encoding: 'utf8',
      }).stdout.trim();
      expect({ tool, found: found !== '' }).toEqual({ tool, found: true });
      fs.symlinkSync(found, path.join(bin, tool));
    }
    if (withOc) fs.symlinkSync(path.join(shimDir, 'kubectl'), path.join(bin, 'oc'));
    return bin;
  }

  it('uses oc when kubectl is not installed', () => {
    const r = run('enable', 'lsr-token-plugin', {
      object: load('empty-plugins.yaml'),
      path: ocOnlyPath(true),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(verbs(r)).toEqual(['get', 'patch']);
    expect(plugins(r)).toEqual(['lsr-token-plugin']);
  });

  it('fails clearly when neither is installed', () => {
    const r = run('enable', 'lsr-token-plugin', {
      object: load('empty-plugins.yaml'),
      path: ocOnlyPath(false),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('neither kubectl nor oc found on PATH');
    expect(r.calls).toEqual([]);
  });
});
