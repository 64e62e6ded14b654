/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './helm';
import type { PluginServer } from './nginx-server';
import { renderedNginxConf, startPluginServer } from './nginx-server';

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(server: PluginServer, urlPath: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      new URL(urlPath.replace(/^\//, ''), server.url),
      { ca: server.caCert },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
  });
}

function getPlainHttp(port: number, urlPath: string): Promise<Response | Error> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', resolve);
  });
}

const mediaType = (r: Response) => (r.headers['content-type'] ?? '').split(';')[0]?.trim();
const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED_CHUNK = /-chunk\.[0-9a-f]{8,}\.min\.js$/;

function expectServed(r: Response, type: string, cache: string, what: string) {
  expect({
    what,
    status: r.status,
    type: mediaType(r),
    cache: r.headers['cache-control'],
    nosniff: r.headers['x-content-type-options'],
  }).toEqual({
    what,
    status: 200,
    type,
    cache,
    nosniff: 'nosniff',
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

/** A copy of the built dist/ (built first when missing), so a concurrent rebuild cannot change it mid-test. */
function snapshotBuiltDist(): string {
  const source = process.env.LSR_DIST_DIR ?? path.join(repoRoot, 'dist');
  if (!fs.existsSync(path.join(source, 'plugin-manifest.json'))) {
    execFileSync('npm', ['run', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
      timeout: 10 * 60 * 1000,
    });
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-dist-'));
  fs.chmodSync(copy, 0o755);
  fs.cpSync(source, copy, { recursive: true });
  return copy;
}

describe('the chart nginx serving the built plugin', () => {
  let server: PluginServer;
  let dist: string;
  let manifest: { name: string; loadScripts: string[] };

  beforeAll(async () => {
    dist = snapshotBuiltDist();
    manifest = JSON.parse(
      fs.readFileSync(path.join(dist, 'plugin-manifest.json'), 'utf8'),
    ) as typeof manifest;
    server = await startPluginServer({ distDir: dist });
  });

  afterAll(async () => {
    // Both are unset when beforeAll failed: report that failure, not a second one here.
    await (server as PluginServer | undefined)?.stop();
    if ((dist as string | undefined) !== undefined)
      fs.rmSync(dist, { recursive: true, force: true });
  });

  it('runs the ConfigMap configuration with only the documented rewrites', () => {
    const original = renderedNginxConf().split('\n');
    const ran = server.config.split('\n');
    // The IPv6 wildcard listener is the one line dropped; every other line is kept in place.
    const kept = original.filter((line) => line.trim() !== 'listen [::]:9443 ssl;');
    expect(original.length - kept.length).toBe(1);
    expect(ran).toHaveLength(kept.length);
    const changed = kept.flatMap((line, i) =>
      line === ran[i] ? [] : [[line.trim(), ran[i]?.trim()]],
    );
    expect(changed.map(([from]) => from)).toEqual([
      'pid /tmp/nginx.pid;',
      'client_body_temp_path /tmp/client_temp;',
      'proxy_temp_path /tmp/proxy_temp;',
      'fastcgi_temp_path /tmp/fastcgi_temp;',
      'uwsgi_temp_path /tmp/uwsgi_temp;',
      'scgi_temp_path /tmp/scgi_temp;',
      'listen 9443 ssl;',
      'ssl_certificate /var/serving-cert/tls.crt;',
      'ssl_certificate_key /var/serving-cert/tls.key;',
      'root /opt/app-root/src;',
    ]);
    expect(changed.map(([, to]) => to)).toContain(`listen 127.0.0.1:${server.port} ssl;`);
    expect(changed.map(([, to]) => to)).toContain(`root ${dist};`);
  });

  it('serves the manifest as JSON, never cached', async () => {
    const r = await get(server, '/plugin-manifest.json');
    expectServed(r, 'application/json', NO_CACHE, 'plugin-manifest.json');
    expect((JSON.parse(r.body) as { name: string }).name).toBe(manifest.name);
  });

  it('serves the entry script as JavaScript, never cached, and every chunk it names, cached for good', async () => {
    expect(manifest.loadScripts.length).toBeGreaterThan(0);
    for (const entry of manifest.loadScripts) {
      const r = await get(server, `/${entry}`);
      expectServed(r, 'application/javascript', NO_CACHE, entry);
      expect(r.body).toContain(`__load_plugin_entry__("${manifest.name}"`);

      // The production entry maps chunk ids to content hashes: {180:"78a1613d",...}
      const hashes = [...r.body.matchAll(/(?:\d+|"[^"]+"):"([0-9a-f]{8,})"/g)].map((m) => m[1]);
      const files = listFiles(dist);
      if (/\.[0-9a-f]{8,}\.min\.js$/.test(entry)) expect(hashes.length).toBeGreaterThan(0);
      for (const hash of hashes) {
        const chunk = files.find((f) => f.endsWith(`-chunk.${String(hash)}.min.js`));
        expect({ hash, chunk }).toEqual({ hash, chunk: expect.any(String) as string });
        expectServed(
          await get(server, `/${String(chunk)}`),
          'application/javascript',
          IMMUTABLE,
          String(chunk),
        );
      }
    }
  });

  it('serves every file of dist with its type and cache policy', async () => {
    const files = listFiles(dist);
    expect(files).toContain('locales/en/plugin__lsr-token-plugin.json');
    for (const file of files) {
      const r = await get(server, `/${file}`);
      const type = file.endsWith('.js')
        ? 'application/javascript'
        : file.endsWith('.json') || file.endsWith('.map')
          ? 'application/json'
          : file.endsWith('.txt')
            ? 'text/plain'
            : 'application/octet-stream';
      expectServed(r, type, HASHED_CHUNK.test(file) ? IMMUTABLE : NO_CACHE, file);
      expect(Buffer.byteLength(r.body)).toBe(fs.statSync(path.join(dist, file)).size);
    }
  });

  it('answers 404 for missing paths and directories, with no listing', async () => {
    for (const missing of [
      '/nope.js',
      '/plugin-entry.0000000000.min.js',
      '/locales/en/missing.json',
      '/0-chunk.00000000.min.js',
    ]) {
      expect({ missing, status: (await get(server, missing)).status }).toEqual({
        missing,
        status: 404,
      });
    }
    for (const dir of ['/', '/locales/', '/locales/en/', '/locales']) {
      const r = await get(server, dir);
      expect({ dir, status: r.status }).toEqual({ dir, status: 404 });
      expect(r.body).not.toContain('plugin__lsr-token-plugin.json');
      expect(r.body).not.toContain('Index of');
    }
  });

  it('refuses plain HTTP on its port', async () => {
    // nginx has no plain listener: its TLS port answers a plain request with 400 and serves nothing.
    const r = await getPlainHttp(server.port, '/plugin-manifest.json');
    if (r instanceof Error) throw r;
    expect(r.status).toBe(400);
    expect(r.body).toContain('The plain HTTP request was sent to HTTPS port');
    expect(r.body).not.toContain(manifest.name);
  });
});

describe('the chart nginx cache and type rules, on a fixture dist', () => {
  let server: PluginServer;
  let dist: string;
  const files: Record<string, { type: string; cache: string }> = {
    'plugin-manifest.json': { type: 'application/json', cache: NO_CACHE },
    'plugin-entry.0123456789abcdef0123.min.js': { type: 'application/javascript', cache: NO_CACHE },
    'plugin-entry.js': { type: 'application/javascript', cache: NO_CACHE },
    '180-chunk.78a1613d.min.js': { type: 'application/javascript', cache: IMMUTABLE },
    'exposed-TokenPage-chunk.9ef4860e.min.js': { type: 'application/javascript', cache: IMMUTABLE },
    '180-chunk.78a1613d.min.js.LICENSE.txt': { type: 'text/plain', cache: NO_CACHE },
    'exposed-TokenPage-chunk.js': { type: 'application/javascript', cache: NO_CACHE },
    'exposed-TokenPage-chunk.js.map': { type: 'application/json', cache: NO_CACHE },
    'locales/en/plugin__lsr-token-plugin.json': { type: 'application/json', cache: NO_CACHE },
    'locales/fr/plugin__lsr-token-plugin.json': { type: 'application/json', cache: NO_CACHE },
  };

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lsr-fixture-dist-'));
    fs.chmodSync(dist, 0o755);
    for (const file of Object.keys(files)) {
      fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true, mode: 0o755 });
      fs.writeFileSync(
        path.join(dist, file),
        file.endsWith('.json') ? '{"name":"lsr-token-plugin"}' : `/* ${file} */`,
      );
    }
    server = await startPluginServer({ distDir: dist });
  });

  afterAll(async () => {
    // Both are unset when beforeAll failed: report that failure, not a second one here.
    await (server as PluginServer | undefined)?.stop();
    if ((dist as string | undefined) !== undefined)
      fs.rmSync(dist, { recursive: true, force: true });
  });

  it.each(Object.entries(files))('%s', async (file, { type, cache }) => {
    expectServed(await get(server, `/${file}`), type, cache, file);
  });

  it('does not treat a name that only looks hashed elsewhere as immutable', async () => {
    fs.writeFileSync(path.join(dist, 'notes-chunk.12345678.min.js.txt'), 'x');
    expectServed(
      await get(server, '/notes-chunk.12345678.min.js.txt'),
      'text/plain',
      NO_CACHE,
      'txt',
    );
  });
});
