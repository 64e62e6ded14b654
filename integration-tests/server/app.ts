import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import type * as stream from 'stream';

/** What the stand-in server needs from the Kubernetes API emulator (integration-tests/cluster). */
export interface EmulatorLike {
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ctx: { user: string; path: string },
  ): void;
  handleUpgrade(
    req: http.IncomingMessage,
    socket: stream.Duplex,
    head: Buffer,
    ctx: { user: string; path: string },
  ): void;
  handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string): void;
  users: { name: string; description: string }[];
  close(): void;
}

export interface StandInOptions {
  emulator: EmulatorLike;
  /** Directory of the host build (integration-tests/.tmp/console-dist). */
  consoleDist: string;
  /** Directory of the plugin build served at /api/plugins/<name>/ (dist/). */
  pluginDist: string;
  /** When set, /api/plugins/<name>/ is proxied to this origin instead (self-signed TLS accepted). */
  pluginOrigin?: string;
  pluginName: string;
  fixture: string;
  fixtures: string[];
  releaseVersion?: string;
}

export const CONSOLE_RELEASE = '4.22.0';
const DEFAULT_USER = 'admin';
const K8S_PREFIX = '/api/kubernetes';
const CONTROL_PREFIX = '/__emulator';

const MIME: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        const name = i < 0 ? c : c.slice(0, i);
        const value = i < 0 ? '' : c.slice(i + 1);
        try {
          return [name, decodeURIComponent(value)];
        } catch {
          return [name, value];
        }
      }),
  );

const userOf = (req: http.IncomingMessage): string =>
  parseCookies(req.headers.cookie)['lsr-user'] || DEFAULT_USER;

const sendText = (res: http.ServerResponse, status: number, text: string) => {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
};

const sendJSON = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
};

/** Resolves a URL path inside a directory, refusing anything that escapes it. */
const safeJoin = (dir: string, urlPath: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = path.resolve(dir, `.${path.posix.normalize(`/${decoded}`)}`);
  return full === dir || full.startsWith(dir + path.sep) ? full : undefined;
};

/**
 * Content-hashed chunks (`name-chunk.0123abcd.min.js`) never change. The manifest and the entry
 * script (its name changes per build, but the manifest that names it must be fresh) are no-cache.
 */
const isImmutable = (file: string) => {
  const base = path.basename(file);
  return !base.startsWith('plugin-entry') && /[.-][0-9a-f]{8,}\.(min\.)?js$/.test(base);
};

const serveFile = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: string,
  noCache: boolean,
): boolean => {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': noCache ? 'no-cache' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
  } else {
    fs.createReadStream(file).pipe(res);
  }
  return true;
};

/** Escapes JSON for an inline <script>. */
const inlineJSON = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * Forwards to the plugin's own server as the console's bridge does: `/api/plugins/<name>/<file>`
 * becomes `<origin><basePath><file>` (the origin's path is the ConsolePlugin's basePath).
 */
const proxy = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
  relativePath: string,
) => {
  const target = new URL(relativePath, origin.endsWith('/') ? origin : `${origin}/`);
  const client = target.protocol === 'https:' ? https : http;
  const upstream = client.request(
    target,
    {
      method: req.method,
      headers: { ...req.headers, host: target.host },
      ...(target.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) {
      sendText(res, 502, `Plugin origin ${origin} unreachable: ${e.message}`);
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
};

export const createStandInServer = (options: StandInOptions): http.Server => {
  const { emulator, pluginName } = options;
  const consoleDist = path.resolve(options.consoleDist);
  const pluginDist = path.resolve(options.pluginDist);
  const pluginPrefix = `/api/plugins/${pluginName}/`;

  const indexHTML = (user: string) => {
    const serverFlags = {
      basePath: '/',
      releaseVersion: options.releaseVersion ?? CONSOLE_RELEASE,
      consolePlugins: [pluginName],
      i18nNamespaces: [`plugin__${pluginName}`],
    };
    const standIn = {
      users: emulator.users,
      user,
      fixture: options.fixture,
      fixtures: options.fixtures,
    };
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>OpenShift console (stand-in)</title>
    <script>window.SERVER_FLAGS = ${inlineJSON(serverFlags)}; window.STAND_IN = ${inlineJSON(standIn)};</script>
    <script defer src="/host.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;
  };

  const serveIndex = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!fs.existsSync(path.join(consoleDist, 'host.js'))) {
      sendText(
        res,
        503,
        `The stand-in console is not built (${consoleDist}): run npm run build:console`,
      );
      return;
    }
    const cookies = parseCookies(req.headers.cookie);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (!cookies['csrf-token']) {
      headers['Set-Cookie'] =
        `csrf-token=${crypto.randomBytes(32).toString('hex')}; Path=/; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    res.end(indexHTML(userOf(req)));
  };

  const csrfOK = (req: http.IncomingMessage) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      return true;
    }
    const cookie = parseCookies(req.headers.cookie)['csrf-token'];
    const header = req.headers['x-csrftoken'];
    return !!cookie && header === cookie;
  };

  /** The console forwards /locales/resource.json to the plugin's own locales/ files. */
  const serveLocales = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const lng = url.searchParams.get('lng') ?? 'en';
    const ns = url.searchParams.get('ns') ?? '';
    if (ns !== `plugin__${pluginName}` || !/^[a-zA-Z-]+$/.test(lng)) {
      sendJSON(res, 200, {});
      return;
    }
    if (options.pluginOrigin) {
      proxy(req, res, options.pluginOrigin, `locales/${lng}/${ns}.json`);
      return;
    }
    const file = path.join(pluginDist, 'locales', lng, `${ns}.json`);
    try {
      sendJSON(res, 200, JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      sendJSON(res, 404, {});
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const { pathname } = url;
    if (pathname === K8S_PREFIX || pathname.startsWith(`${K8S_PREFIX}/`)) {
      if (!csrfOK(req)) {
        sendText(res, 403, 'Invalid CSRF token');
        return;
      }
      emulator.handle(req, res, {
        user: userOf(req),
        path: (req.url ?? '').slice(K8S_PREFIX.length),
      });
      return;
    }
    if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      emulator.handleControl(req, res, (req.url ?? '').slice(CONTROL_PREFIX.length));
      return;
    }
    if (pathname.startsWith(pluginPrefix)) {
      if (options.pluginOrigin) {
        proxy(req, res, options.pluginOrigin, (req.url ?? pathname).slice(pluginPrefix.length));
        return;
      }
      const rel = pathname.slice(pluginPrefix.length);
      const file = safeJoin(pluginDist, rel);
      if (!file || !serveFile(req, res, file, !isImmutable(file))) {
        sendText(res, 404, `Not found: ${pathname}`);
      }
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (pathname === '/locales/resource.json') {
      serveLocales(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed');
      return;
    }
    if (pathname !== '/' && pathname !== '/index.html') {
      const file = safeJoin(consoleDist, pathname);
      if (file && serveFile(req, res, file, true)) {
        return;
      }
      if (path.extname(pathname) && !pathname.startsWith('/k8s/')) {
        sendText(res, 404, `Not found: ${pathname}`);
        return;
      }
    }
    serveIndex(req, res);
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: stream.Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const origin = req.headers.origin;
    const sameOrigin = !origin || new URL(origin).host === req.headers.host;
    if (!url.pathname.startsWith(`${K8S_PREFIX}/`) || !sameOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    emulator.handleUpgrade(req, socket, head, {
      user: userOf(req),
      path: (req.url ?? '').slice(K8S_PREFIX.length),
    });
  });

  server.on('close', () => {
    emulator.close();
  });
  return server;
};
