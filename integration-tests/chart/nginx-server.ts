/**
 * Runs the chart's own nginx configuration (taken from the rendered ConfigMap) with Debian's nginx, outside a
 * container, serving a dist directory over HTTPS on 127.0.0.1.
 *
 *   const server = await startPluginServer({ distDir: 'dist' });
 *   // server.url === 'https://127.0.0.1:<port>/', trust server.caCert (PEM) or ignore HTTPS errors
 *   await server.stop();
 *
 * Only the paths that differ outside the pod are rewritten (see rewriteForLocalRun); everything else (MIME
 * types, cache headers, locations, TLS-only listener) is exactly what the pod runs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { renderChart } from './helm';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export interface PluginServer {
  /** https://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** PEM of the throw-away self-signed certificate the server presents (CN and SAN 127.0.0.1). */
  caCert: string;
  /** The nginx configuration as run. */
  config: string;
  /** Recent nginx output (stdout and stderr). */
  logs: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Directory to serve, e.g. the built dist/. */
  distDir: string;
  /** TCP port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** nginx.conf to run; the one from the rendered chart when omitted. */
  nginxConf?: string;
}

/** The nginx.conf of the chart's ConfigMap, from a real `helm template`. */
export function renderedNginxConf(): string {
  const { objects } = renderChart();
  const configMap = objects.find(
    (o) => o.kind === 'ConfigMap' && o.metadata.name === 'lsr-token-plugin-nginx',
  );
  const conf = (configMap?.data as Record<string, string> | undefined)?.['nginx.conf'];
  if (!conf)
    throw new Error('the rendered chart has no ConfigMap lsr-token-plugin-nginx with nginx.conf');
  return conf;
}

interface Rewrite {
  what: string;
  from: string | RegExp;
  to: string;
  count: number;
}

/**
 * The rewrites needed to run the pod's configuration as an ordinary process: each must match exactly
 * `count` times, so a change to the configuration that they no longer fit fails loudly.
 */
export function localRewrites(opts: {
  tmpDir: string;
  certDir: string;
  distDir: string;
  port: number;
}): Rewrite[] {
  return [
    {
      what: 'listen on a loopback test port',
      from: 'listen 9443 ssl;',
      to: `listen 127.0.0.1:${opts.port} ssl;`,
      count: 1,
    },
    {
      what: 'no IPv6 wildcard listener',
      from: /^[ \t]*listen \[::\]:9443 ssl;\n/m,
      to: '',
      count: 1,
    },
    {
      what: 'pid and temporary paths in a private directory',
      from: / \/tmp\//g,
      to: ` ${opts.tmpDir}/`,
      count: 6,
    },
    {
      what: 'the test certificate',
      from: /\/var\/serving-cert\//g,
      to: `${opts.certDir}/`,
      count: 2,
    },
    {
      what: 'the served directory',
      from: 'root /opt/app-root/src;',
      to: `root ${opts.distDir};`,
      count: 1,
    },
  ];
}

export function rewriteForLocalRun(conf: string, rewrites: Rewrite[]): string {
  let out = conf;
  for (const r of rewrites) {
    const matches =
      typeof r.from === 'string'
        ? out.split(r.from).length - 1
        : (
            out.match(
              new RegExp(
                r.from.source,
                r.from.flags.includes('g') ? r.from.flags : `${r.from.flags}g`,
              ),
            ) ?? []
          ).length;
    if (matches !== r.count) {
      throw new Error(
        `nginx.conf rewrite "${r.what}": expected ${r.count} match(es) of ${String(r.from)}, found ${matches}`,
      );
    }
    out = typeof r.from === 'string' ? out.split(r.from).join(r.to) : out.replace(r.from, r.to);
  }
  return out;
}

function requireNginx(): void {
  const probe = spawnSync(NGINX_BIN, ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${NGINX_BIN} is not runnable (apt-get install nginx): ${probe.error?.message ?? probe.stderr}`,
    );
  }
}

function makeCertificate(dir: string): string {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error('openssl is not installed (apt-get install openssl)');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, 'tls.key'),
      '-out',
      path.join(dir, 'tls.crt'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  return fs.readFileSync(path.join(dir, 'tls.crt'), 'utf8');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function tlsReady(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, servername: undefined }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Starts nginx with the chart's configuration serving `distDir`. Rejects with nginx's output on failure. */
export async function startPluginServer(options: StartOptions): Promise<PluginServer> {
  requireNginx();
  const distDir = path.resolve(options.distDir);
  if (!fs.existsSync(path.join(distDir, 'plugin-manifest.json'))) {
    throw new Error(
      `${distDir} has no plugin-manifest.json: build the plugin first (npm run build)`,
    );
  }
  const port = options.port ?? (await freePort());
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-nginx-'));
  // Run as root, nginx hands requests to unprivileged workers: they must reach the files below.
  fs.chmodSync(baseDir, 0o755);
  const tmpDir = path.join(baseDir, 'tmp');
  const certDir = path.join(baseDir, 'cert');
  fs.mkdirSync(tmpDir, { mode: 0o755 });
  fs.mkdirSync(certDir, { mode: 0o755 });
  const caCert = makeCertificate(certDir);
  const config = rewriteForLocalRun(
    options.nginxConf ?? renderedNginxConf(),
    localRewrites({ tmpDir, certDir, distDir, port }),
  );
  const confFile = path.join(baseDir, 'nginx.conf');
  fs.writeFileSync(confFile, config);

  const args = ['-p', `${baseDir}/`, '-c', confFile, '-e', '/dev/stderr'];
  // nginx logs to /dev/stdout and /dev/stderr, as in the pod. Node's pipes are sockets, which cannot be
  // reopened through /dev/std*: give nginx a plain file instead.
  const logFile = path.join(baseDir, 'nginx.log');
  const logs = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-20000) : '');
  const runNginx = (extra: string[]) => {
    const fd = fs.openSync(logFile, 'a');
    try {
      return spawn(NGINX_BIN, [...args, ...extra], { stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
  };

  const checkStatus = await new Promise<number | null>((resolve, reject) => {
    const check = runNginx(['-t']);
    check.once('error', reject);
    check.once('exit', resolve);
  });
  if (checkStatus !== 0) {
    const output = logs();
    fs.rmSync(baseDir, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the configuration:\n${output}`);
  }

  const child = runNginx([]);
  const state = { exited: false };
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      state.exited = true;
      resolve();
    });
  });

  // Never leave nginx behind when this process ends without calling stop().
  const killOnExit = () => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!state.exited) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    fs.rmSync(baseDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10000;
  while (!(await tlsReady(port, caCert))) {
    if (state.exited || Date.now() > deadline) {
      const output = logs();
      await stop();
      throw new Error(`nginx did not start serving on 127.0.0.1:${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return { url: `https://127.0.0.1:${port}/`, port, caCert, config, logs, stop };
}

/** npx tsx integration-tests/chart/nginx-server.ts [distDir] [port]: serve a build until interrupted. */
if (require.main === module) {
  const [distDir = 'dist', port] = process.argv.slice(2);
  void startPluginServer({ distDir, port: Number(port) || undefined }).then(
    (server) => {
      process.stdout.write(`serving ${path.resolve(distDir)} at ${server.url} (Ctrl-C stops)\n`);
      const stop = () => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
