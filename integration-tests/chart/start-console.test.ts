/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './helm';
import { freePort } from './nginx-server';

/**
 * scripts/start-console.sh with stand-ins for `oc` and the container engine: the console container is not
 * run, but everything the script does around it is (the plugin server it starts is real and fetched).
 */
interface Recorded {
  args: string[];
  env: Record<string, string>;
  envFileMode: string;
  responses: {
    url: string;
    status?: number;
    headers?: Record<string, string>;
    body?: string;
    error?: string;
  }[];
}

const shims = path.join(__dirname, 'fixtures/console-shims');

describe('npm run start-console', () => {
  let work: string;
  let dist: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-start-console-'));
    dist = path.join(work, 'dist');
    fs.mkdirSync(path.join(dist, 'locales/en'), { recursive: true });
    fs.writeFileSync(
      path.join(dist, 'plugin-manifest.json'),
      JSON.stringify({ name: 'lsr-token-plugin', loadScripts: ['plugin-entry.js'] }),
    );
    fs.writeFileSync(path.join(dist, 'plugin-entry.js'), '/* entry */');
  });
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('runs the console against the oc login, loading the plugin from a local server', async () => {
    const port = await freePort();
    const log = path.join(work, 'podman.json');
    const result = spawnSync('bash', [path.join(repoRoot, 'scripts/start-console.sh')], {
      encoding: 'utf8',
      timeout: 30000,
      env: {
        PATH: `${shims}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        HOME: work,
        CONTAINER_ENGINE: 'podman',
        NO_WATCH: '1',
        DIST_DIR: dist,
        PLUGIN_PORT: String(port),
        SHIM_LOG: log,
      },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('http://localhost:9000/license-service-reporter/api-token');

    const recorded = JSON.parse(fs.readFileSync(log, 'utf8')) as Recorded;
    expect(recorded.args[0]).toBe('run');
    expect(recorded.args[recorded.args.length - 1]).toBe('quay.io/openshift/origin-console:4.22');
    expect(recorded.args).toContain('--rm');
    if (os.platform() === 'linux') expect(recorded.args).toContain('--network=host');
    // The token travels in a private env file, never on the command line.
    expect(recorded.args.join(' ')).not.toContain('sha256~test-token-not-real');
    expect(recorded.envFileMode).toBe('600');
    expect(recorded.env).toEqual({
      BRIDGE_USER_AUTH: 'disabled',
      BRIDGE_K8S_MODE: 'off-cluster',
      BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT: 'https://api.cluster.example.test:6443',
      BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS: 'true',
      BRIDGE_K8S_AUTH: 'bearer-token',
      BRIDGE_K8S_AUTH_BEARER_TOKEN: 'sha256~test-token-not-real',
      BRIDGE_USER_SETTINGS_LOCATION: 'localstorage',
      BRIDGE_LISTEN: 'http://127.0.0.1:9000',
      BRIDGE_PLUGINS: `lsr-token-plugin=http://127.0.0.1:${port}/`,
      BRIDGE_I18N_NAMESPACES: 'plugin__lsr-token-plugin',
    });

    const [manifest, entry, missing] = recorded.responses;
    expect(manifest).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    });
    expect(entry).toMatchObject({
      status: 200,
      body: '/* entry */',
      headers: { 'content-type': 'application/javascript' },
    });
    expect(missing).toMatchObject({ status: 404 });

    // The plugin server is stopped when the console exits.
    const after = spawnSync('bash', ['-c', `(exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null`]);
    expect(after.status).not.toBe(0);
  });

  it('stops with a clear message when not logged in', () => {
    const noLogin = path.join(work, 'no-login');
    fs.mkdirSync(noLogin, { recursive: true });
    fs.writeFileSync(
      path.join(noLogin, 'oc'),
      '#!/bin/sh\necho "error: You must be logged in to the server (Unauthorized)" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const result = spawnSync('bash', [path.join(repoRoot, 'scripts/start-console.sh')], {
      encoding: 'utf8',
      env: {
        PATH: `${noLogin}:${shims}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        HOME: work,
        CONTAINER_ENGINE: 'podman',
        NO_WATCH: '1',
        DIST_DIR: dist,
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not logged in: run oc login first');
  });
});
