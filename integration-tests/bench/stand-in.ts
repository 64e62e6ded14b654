/**
 * Builds what the measurements load (the production plugin and the stand-in console, each into a
 * directory of its own under integration-tests/.tmp/bench/) and starts stand-in console servers on
 * them (integration-tests/server.ts, one emulated cluster each).
 */
import { spawn, spawnSync } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { EmulatorControl } from '../cluster/control-client';
import type { FixtureName } from '../cluster/control-client';

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

export const BENCH_DIR = path.join(root, 'integration-tests', '.tmp', 'bench');
export const PLUGIN_DIST = process.env.BENCH_PLUGIN_DIST ?? path.join(BENCH_DIR, 'plugin-dist');
export const CONSOLE_DIST = path.join(BENCH_DIR, 'console-dist');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const run = (what: string, cmd: string, args: string[], env: Record<string, string>) => {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`${what} failed (${String(r.status ?? r.signal)}):\n${r.stdout}\n${r.stderr}`);
  }
  return Date.now() - started;
};

/** Production plugin build and stand-in console build; returns how long each took. */
export const buildForBench = (): { pluginMs: number; consoleMs: number } => ({
  pluginMs: run(
    'plugin build',
    bin('webpack'),
    ['--config', 'integration-tests/bench/webpack.config.ts', '--stats', 'errors-warnings'],
    { NODE_ENV: 'production', BENCH_PLUGIN_DIST: PLUGIN_DIST },
  ),
  consoleMs: run(
    'stand-in console build',
    bin('webpack'),
    ['--config', 'integration-tests/console/webpack.config.ts', '--output-path', CONSOLE_DIST],
    {},
  ),
});

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });

export interface StandIn {
  baseURL: string;
  emulator: EmulatorControl;
  stop: () => Promise<void>;
}

/** Starts a stand-in console server (its own emulated cluster) on a free port. */
export const startStandIn = async (
  opts: { fixture?: FixtureName; podReadyDelayMs?: number } = {},
): Promise<StandIn> => {
  const port = await freePort();
  const child = spawn(bin('tsx'), ['integration-tests/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      FIXTURE: opts.fixture ?? 'default',
      POD_READY_DELAY_MS: String(opts.podReadyDelayMs ?? 300),
      PLUGIN_DIST,
      CONSOLE_DIST,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const baseURL = `http://127.0.0.1:${String(port)}`;
  const emulator = new EmulatorControl(`${baseURL}/__emulator`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stand-in server exited:\n${stderr}`);
    try {
      await emulator.state();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`stand-in server did not start:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    baseURL,
    emulator,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};
