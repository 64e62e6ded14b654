/**
 * What the plugin costs the console, measured in the stand-in console with headless Chromium.
 * Shared by `npm run bench` (scripts/bench.ts: prints and records every figure) and
 * `npm run test:budget` (integration-tests/budget: asserts the figures that do not depend on the
 * machine's speed). Every function takes a Playwright Browser and the stand-in's base URL; none
 * needs the Playwright test runner.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { DataTest } from '../../src/data-test';
import { tokenPageHref } from '../../src/reporter/links';
import { MODULE_MAP_FILE } from './module-map';
import type { EmittedFile } from './module-map';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  consolePlugin: { name: string };
};
const extensions = JSON.parse(
  fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8'),
) as { type: string; properties: { path?: string } }[];

export const PLUGIN_NAME = pkg.consolePlugin.name;
export const PLUGIN_PREFIX = `/api/plugins/${PLUGIN_NAME}/`;
export const K8S_PREFIX = '/api/kubernetes/';
/** The plugin's page, as its console.page/route extension declares it. */
export const TOKEN_PAGE = (() => {
  const route = extensions.find((e) => e.type === 'console.page/route')?.properties.path;
  if (!route) throw new Error('console-extensions.json declares no console.page/route');
  return route;
})();
/** A console page that is not the plugin's: the stand-in's home page. */
export const OTHER_PAGE = '/';
/** The host's main navigation: rendered once the shell has started (plugins loaded, flags set). */
const SHELL_SELECTOR = 'nav[aria-label="Global"]';
const TOKEN_SELECTOR = `[data-test="${DataTest.tokenValue}"]`;
const CONFIRM_SELECTOR = `[data-test="${DataTest.rotationConfirm}"]`;
const DONE_SELECTOR = `[data-test="${DataTest.rotationDone}"]`;
const ACCESS_REVIEWS = /\/apis\/authorization\.k8s\.io\/v1\/self\w+reviews$/;

export const gzipSize = (bytes: Buffer): number =>
  zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }).length;

export const median = (values: number[]): number => percentile(values, 50);

/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
};

// ---------------------------------------------------------------------------------------------
// Recording what a page fetches

export type PluginFileKind = 'manifest' | 'entry' | 'chunk' | 'locale' | 'other';

export interface Recorded {
  method: string;
  url: string;
  /** Path and query, without the origin. */
  path: string;
  resourceType: string;
  websocket: boolean;
  /** Epoch milliseconds the request started (WebSockets: when Playwright saw them). */
  started: number;
  status?: number;
  body?: Buffer;
}

/** Records every request and WebSocket of one page, with response bodies of plugin files. */
export class PageRecorder {
  readonly entries: Recorded[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(page: Page) {
    const byRequest = new Map<Request, Recorded>();
    page.on('request', (r) => {
      const u = new URL(r.url());
      const e: Recorded = {
        method: r.method(),
        url: r.url(),
        path: u.pathname + u.search,
        resourceType: r.resourceType(),
        websocket: false,
        started: Date.now(),
      };
      byRequest.set(r, e);
      this.entries.push(e);
    });
    const finished = (r: Request) => {
      const e = byRequest.get(r);
      if (!e) return;
      this.pending.push(
        (async () => {
          const response = await r.response().catch(() => null);
          const timing = r.timing();
          if (timing.startTime > 0) e.started = timing.startTime;
          e.status = response?.status() ?? 0;
          if (response && isPluginPath(e.path)) {
            e.body = await response.body().catch(() => undefined);
          }
        })(),
      );
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    page.on('websocket', (ws) => {
      const u = new URL(ws.url());
      this.entries.push({
        method: 'GET',
        url: ws.url(),
        path: u.pathname + u.search,
        resourceType: 'websocket',
        websocket: true,
        started: Date.now(),
      });
    });
  }

  /** Waits for the bodies of finished requests. */
  async settled(): Promise<Recorded[]> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
    return this.entries;
  }

  /** Waits until no request matching `filter` has started for `quietMs` (at most `maxMs`). */
  async quiet(
    filter: (e: Recorded) => boolean,
    { quietMs = 1500, maxMs = 20_000 }: { quietMs?: number; maxMs?: number } = {},
  ): Promise<void> {
    const start = Date.now();
    let last = this.entries.filter(filter).length;
    let since = Date.now();
    while (Date.now() - start < maxMs) {
      await sleep(100);
      const n = this.entries.filter(filter).length;
      if (n !== last) {
        last = n;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) {
        return;
      }
    }
  }
}

/** By data-test ID (outside the test runner, getByTestId reads data-testid). */
const byTest = (page: Page, id: string) => page.locator(`[data-test="${id}"]`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const isPluginPath = (p: string): boolean =>
  p.startsWith(PLUGIN_PREFIX) ||
  (p.startsWith('/locales/resource.json') && p.includes(`ns=plugin__${PLUGIN_NAME}`));
export const isK8sPath = (p: string): boolean => p.startsWith(K8S_PREFIX);

// ---------------------------------------------------------------------------------------------
// In-page marks: when the shell and the masked token first appear, when rotation is confirmed/done

export interface Marks {
  /** Milliseconds since navigation start. */
  shell?: number;
  token?: number;
  confirm?: number;
  done?: number;
  /** performance.timeOrigin (epoch ms), to compare with request start times. */
  origin: number;
}

/**
 * Page script (a string: the function bodies tsx compiles carry helpers the page does not have).
 * A MutationObserver notes the first time each element is present with text; a capturing click
 * listener notes the rotation's confirm.
 */
const marksScript = (selectors: Record<'shell' | 'token' | 'confirm' | 'done', string>) => `(() => {
  const sel = ${JSON.stringify(selectors)};
  const marks = { origin: performance.timeOrigin };
  window.__lsrBenchMarks = marks;
  const present = (s) => {
    const el = document.querySelector(s);
    return !!el && (el.textContent || '').trim() !== '';
  };
  const check = () => {
    const now = performance.now();
    if (marks.shell === undefined && present(sel.shell)) marks.shell = now;
    if (marks.token === undefined && present(sel.token)) marks.token = now;
    if (marks.confirm !== undefined && marks.done === undefined && present(sel.done)) marks.done = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest(sel.confirm) : null;
    if (target && target.getAttribute('aria-disabled') !== 'true') {
      marks.confirm = performance.now();
      delete marks.done;
    }
  }, true);
})();`;

export const newMeasuredPage = async (
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; recorder: PageRecorder }> => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(
    marksScript({
      shell: SHELL_SELECTOR,
      token: TOKEN_SELECTOR,
      confirm: CONFIRM_SELECTOR,
      done: DONE_SELECTOR,
    }),
  );
  const page = await context.newPage();
  return { context, page, recorder: new PageRecorder(page) };
};

export const marksOf = (page: Page): Promise<Marks> =>
  page.evaluate(() => ({
    ...(window as unknown as { __lsrBenchMarks: Marks }).__lsrBenchMarks,
  }));

const waitForMark = async (page: Page, mark: keyof Marks, timeout = 30_000): Promise<Marks> => {
  await page.waitForFunction(
    (m) =>
      (window as unknown as { __lsrBenchMarks?: Record<string, number> }).__lsrBenchMarks?.[m] !==
      undefined,
    mark,
    { timeout, polling: 50 },
  );
  return marksOf(page);
};

// ---------------------------------------------------------------------------------------------
// Plugin files: what they are, their gzip size, what webpack put in them

export interface PluginFile {
  /** Path under the plugin's origin path, without query (locale: the console's locale URL). */
  file: string;
  kind: PluginFileKind;
  bytes: number;
  gzip: number;
  /** Libraries recognised in the file's content (see contentMarkers). */
  markers: BundledLibrary['library'][];
}

/**
 * Libraries recognised by content, without the build's module map: PatternFly's component code
 * carries its CSS class names (`"pf-v6-c-…"`, from @patternfly/react-styles; the plugin's own code
 * uses no such class), react-dom the property prefix it stores fibers under (`__reactFiber$`).
 */
export const contentMarkers = (body: Buffer): BundledLibrary['library'][] => {
  const text = body.toString('utf8');
  return [
    ...(/["'`]pf-v6-c-[a-z]/.test(text) ? (['patternfly'] as const) : []),
    ...(text.includes('__reactFiber$') ? (['react-dom'] as const) : []),
  ];
};

const kindOf = (file: string): PluginFileKind => {
  if (file.startsWith('/locales/') || file.startsWith('locales/')) return 'locale';
  if (file === 'plugin-manifest.json') return 'manifest';
  if (/^plugin-entry\..*\.js$/.test(file)) return 'entry';
  if (file.endsWith('.js')) return 'chunk';
  return 'other';
};

const pluginFiles = (entries: Recorded[]): PluginFile[] =>
  entries
    .filter((e) => !e.websocket && isPluginPath(e.path))
    .map((e) => {
      const file = e.path.startsWith(PLUGIN_PREFIX)
        ? e.path.slice(PLUGIN_PREFIX.length).replace(/\?.*$/, '')
        : e.path;
      const body = e.body ?? Buffer.alloc(0);
      return {
        file,
        kind: kindOf(file),
        bytes: body.length,
        gzip: gzipSize(body),
        markers: contentMarkers(body),
      };
    });

/** The module map the bench build writes beside the plugin (integration-tests/bench/webpack.config.ts). */
export const readModuleMap = (pluginDist: string): EmittedFile[] =>
  JSON.parse(fs.readFileSync(path.join(pluginDist, MODULE_MAP_FILE), 'utf8')) as EmittedFile[];

export interface BundledLibrary {
  file: string;
  /** Which library webpack bundled into the file. */
  library: 'patternfly' | 'react-dom';
  modules: number;
  sourceBytes: number;
}

/**
 * PatternFly or react-dom code inside emitted files, by the modules webpack put there: a
 * `node_modules/@patternfly/...` or `node_modules/react-dom/...` module. Provide/consume-shared
 * stubs (a few bytes each in the entry and chunks) are not code of the library and do not count.
 */
export const bundledLibraries = (files: string[], map: EmittedFile[]): BundledLibrary[] => {
  const found: BundledLibrary[] = [];
  for (const file of files) {
    const emitted = map.find((m) => m.file === file);
    if (!emitted) continue;
    for (const library of ['patternfly', 'react-dom'] as const) {
      const pattern =
        library === 'patternfly'
          ? /(^|[\\/])node_modules[\\/]@patternfly[\\/]/
          : /(^|[\\/])node_modules[\\/]react-dom[\\/]/;
      const modules = emitted.modules.filter(
        (m) => pattern.test(m.name) && !/^(consume|provide) shared module/.test(m.name),
      );
      if (modules.length) {
        found.push({
          file,
          library,
          modules: modules.length,
          sourceBytes: modules.reduce((s, m) => s + m.size, 0),
        });
      }
    }
  }
  return found;
};

/** The largest modules (source bytes before minification) in the given emitted files. */
export const largestModules = (
  files: string[],
  map: EmittedFile[],
  count: number,
): { file: string; module: string; size: number }[] =>
  map
    .filter((m) => files.includes(m.file))
    .flatMap((m) => m.modules.map((x) => ({ file: m.file, module: x.name, size: x.size })))
    .sort((a, b) => b.size - a.size)
    .slice(0, count);

/** PatternFly modules the entry script lists as shared (each costs bytes in the entry). */
export const sharedModulesInEntry = (map: EmittedFile[]): string[] => {
  const entry = map.find((m) => /^plugin-entry\./.test(m.file));
  return (entry?.modules ?? [])
    .map((m) => /^provide shared module \(default\) (\S+?)@/.exec(m.name)?.[1])
    .filter((n): n is string => !!n)
    .sort();
};

export interface EntryBreakdown {
  gzip: number;
  /** Chunks named in the entry's chunk-filename map (one id and hash each). */
  chunksNamed: number;
  /** Gzip bytes the chunk-filename map costs (the entry with the map emptied, subtracted). */
  chunkMapGzip: number;
  /** Shared PatternFly modules the entry registers (provide and consume). */
  patternflyModules: number;
  /** Gzip bytes those registrations' module names cost (the entry with them blanked, subtracted). */
  patternflyNamesGzip: number;
}

/**
 * What the entry script's bytes go to, by difference: gzip of the entry minus gzip of the entry
 * without the part. Estimates (gzip is not additive), for locating a cost, not for budgets.
 */
export const entryBreakdown = (entry: Buffer): EntryBreakdown => {
  const text = entry.toString('utf8');
  const gzip = gzipSize(entry);
  const without = (t: string) => gzip - gzipSize(Buffer.from(t, 'utf8'));
  const chunkMap = /\{\d+:"[0-9a-f]{8}"(?:,\d+:"[0-9a-f]{8}")*\}/.exec(text)?.[0] ?? '';
  const names = new Set(text.match(/"@patternfly\/[^"]+"/g) ?? []);
  let blanked = text;
  for (const n of names) blanked = blanked.split(n).join('""');
  return {
    gzip,
    chunksNamed: chunkMap ? chunkMap.split(',').length : 0,
    chunkMapGzip: chunkMap ? without(text.replace(chunkMap, '{}')) : 0,
    patternflyModules: names.size,
    patternflyNamesGzip: without(blanked),
  };
};

// ---------------------------------------------------------------------------------------------
// Kubernetes requests, by resource

export interface K8sRequest {
  method: string;
  websocket: boolean;
  /** 'discovery' for API discovery documents (the host's, not the plugin's). */
  resource: string;
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  verb: string;
  path: string;
  status?: number;
  started: number;
}

export const describeK8s = (e: Recorded): K8sRequest => {
  const u = new URL(e.path, 'http://x');
  const parts = u.pathname.slice(K8S_PREFIX.length).split('/').filter(Boolean);
  // api/v1/... or apis/<group>/<version>/...
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  const group = parts[0] === 'api' ? '' : (parts[1] ?? '');
  let namespace: string | undefined;
  let resourceParts = rest;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    resourceParts = rest.slice(2);
  }
  const plural = resourceParts[0];
  const name = resourceParts[1];
  const labelSelector = u.searchParams.get('labelSelector') ?? undefined;
  const fieldSelector = u.searchParams.get('fieldSelector') ?? undefined;
  const watch = e.websocket || u.searchParams.get('watch') === 'true';
  const resource = plural ? (group ? `${plural}.${group}` : plural) : 'discovery';
  const verb = !plural
    ? 'discovery'
    : watch
      ? 'watch'
      : e.method === 'GET'
        ? name
          ? 'get'
          : 'list'
        : e.method === 'POST'
          ? 'create'
          : e.method === 'DELETE'
            ? name
              ? 'delete'
              : 'deletecollection'
            : e.method.toLowerCase();
  return {
    method: e.method,
    websocket: e.websocket,
    resource,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(labelSelector !== undefined ? { labelSelector } : {}),
    ...(fieldSelector !== undefined ? { fieldSelector } : {}),
    verb,
    path: e.path.slice(K8S_PREFIX.length - 1),
    ...(e.status !== undefined ? { status: e.status } : {}),
    started: e.started,
  };
};

/** `watch secrets ns=ibm-ls-reporter name=…` style key for counting. */
export const requestKey = (r: K8sRequest): string => {
  if (r.verb === 'discovery') return 'API discovery (host)';
  const scope = r.namespace
    ? `ns/${r.namespace}`
    : r.verb === 'list' || r.verb === 'watch'
      ? 'all namespaces'
      : '';
  const sel = [
    r.labelSelector ? `labelSelector=${r.labelSelector}` : '',
    r.fieldSelector ? `fieldSelector=${r.fieldSelector}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [r.verb, r.resource, scope, r.name ? `/${r.name}` : '', sel].filter(Boolean).join(' ');
};

export const countBy = <T>(items: T[], key: (t: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const i of items) counts[key(i)] = (counts[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
};

/** A request that reads Pods or Secrets across namespaces, or a whole namespace of them. */
export const isUnscopedPodOrSecretRead = (r: K8sRequest): boolean =>
  (r.resource === 'pods' || r.resource === 'secrets') &&
  (r.verb === 'list' || r.verb === 'watch') &&
  (!r.namespace || (!r.labelSelector && !r.fieldSelector));

// ---------------------------------------------------------------------------------------------
// Measurements

export interface StartupFigures {
  page: string;
  files: PluginFile[];
  entry: PluginFile | undefined;
  chunks: PluginFile[];
}

/** Opens a console page that is not the plugin's and lists what the plugin made the browser fetch. */
export const measureStartup = async (
  browser: Browser,
  baseURL: string,
  at: string = OTHER_PAGE,
): Promise<StartupFigures> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    await page.goto(at);
    await waitForMark(page, 'shell');
    await recorder.quiet((e) => isPluginPath(e.path) || isK8sPath(e.path));
    const files = pluginFiles(await recorder.settled());
    return {
      page: at,
      files,
      entry: files.find((f) => f.kind === 'entry'),
      chunks: files.filter((f) => f.kind === 'chunk'),
    };
  } finally {
    await context.close();
  }
};

export interface FirstVisitFigures {
  patternfly: 'console' | 'none';
  /** JavaScript fetched from the plugin's origin path until the masked token was shown. */
  scripts: PluginFile[];
  scriptGzip: number;
  /** Further plugin scripts fetched once the page had settled (prefetches). */
  laterScripts: PluginFile[];
  /** The console page of the token Secret (from the page's link). */
  secretPage: string;
  timeToTokenMs: number;
}

/**
 * Navigates to the token page and lists the plugin's scripts fetched until the masked token was
 * shown. `patternfly: 'none'` uses the stand-in's `?pf=none`: a host that provides no PatternFly.
 */
export const measureFirstVisit = async (
  browser: Browser,
  baseURL: string,
  patternfly: 'console' | 'none',
): Promise<FirstVisitFigures> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    await page.goto(patternfly === 'none' ? `${TOKEN_PAGE}?pf=none` : TOKEN_PAGE);
    const marks = await waitForMark(page, 'token');
    await recorder.quiet((e) => isPluginPath(e.path) || isK8sPath(e.path));
    const entries = await recorder.settled();
    const tokenAt = marks.origin + (marks.token ?? 0);
    const isScript = (e: Recorded) => isPluginPath(e.path) && /\.js(\?|$)/.test(e.path);
    const scripts = pluginFiles(entries.filter((e) => isScript(e) && e.started <= tokenAt));
    const laterScripts = pluginFiles(entries.filter((e) => isScript(e) && e.started > tokenAt));
    return {
      patternfly,
      scripts,
      scriptGzip: scripts.reduce((s, f) => s + f.gzip, 0),
      laterScripts,
      secretPage: await secretPageOf(page),
      timeToTokenMs: marks.token ?? NaN,
    };
  } finally {
    await context.close();
  }
};

export interface PageOpenFigures {
  requests: K8sRequest[];
  /** Requests and WebSockets by `requestKey`. */
  byResource: Record<string, number>;
  /** Without the host's API discovery. */
  pluginRequestCount: number;
  websockets: number;
  heapUsedBytes: number;
  timeToTokenMs: number;
  shellMs: number;
}

const heapUsed = async (page: Page): Promise<number> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach();
  }
};

/**
 * Opens the token page, waits for the masked token and then for the Kubernetes traffic to stop,
 * and lists the requests and WebSockets it made to /api/kubernetes/, with the JS heap afterwards.
 * `keepOpen` returns the page (for an idle measurement) instead of closing it.
 */
export const measurePageOpen = async (
  browser: Browser,
  baseURL: string,
): Promise<PageOpenFigures> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    return await openAndSettle(page, recorder);
  } finally {
    await context.close();
  }
};

const openAndSettle = async (page: Page, recorder: PageRecorder): Promise<PageOpenFigures> => {
  await page.goto(TOKEN_PAGE);
  const marks = await waitForMark(page, 'token');
  await recorder.quiet((e) => isK8sPath(e.path), { quietMs: 2000 });
  const requests = (await recorder.settled()).filter((e) => isK8sPath(e.path)).map(describeK8s);
  return {
    requests,
    byResource: countBy(requests, requestKey),
    pluginRequestCount: requests.filter((r) => r.verb !== 'discovery').length,
    websockets: requests.filter((r) => r.websocket).length,
    heapUsedBytes: await heapUsed(page),
    timeToTokenMs: marks.token ?? NaN,
    shellMs: marks.shell ?? NaN,
  };
};

export interface RotationOpenFigures {
  /** Kubernetes requests from clicking Rotate until the rotation data has loaded and settled. */
  requests: K8sRequest[];
  byResource: Record<string, number>;
  /** Plugin scripts loaded on demand for the rotation section. */
  scripts: PluginFile[];
  scriptGzip: number;
}

/** Opens the token page, then the rotation section, and lists what opening the section cost. */
export const measureRotationOpen = async (
  browser: Browser,
  baseURL: string,
): Promise<RotationOpenFigures> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    await openAndSettle(page, recorder);
    const from = recorder.entries.length;
    await byTest(page, DataTest.rotateButton).click();
    await byTest(page, DataTest.rotationSection).waitFor();
    await byTest(page, DataTest.rotationLoading).waitFor({ state: 'detached', timeout: 30_000 });
    await recorder.quiet((e) => isK8sPath(e.path) || isPluginPath(e.path), { quietMs: 2000 });
    const entries = (await recorder.settled()).slice(from);
    const requests = entries.filter((e) => isK8sPath(e.path)).map(describeK8s);
    const scripts = pluginFiles(
      entries.filter((e) => isPluginPath(e.path) && /\.js(\?|$)/.test(e.path)),
    );
    return {
      requests,
      byResource: countBy(requests, requestKey),
      scripts,
      scriptGzip: scripts.reduce((n, f) => n + f.gzip, 0),
    };
  } finally {
    await context.close();
  }
};

export interface IdleFigures {
  seconds: number;
  /** Requests after the page had settled. */
  requests: K8sRequest[];
  byResource: Record<string, number>;
  /** GETs of a named object the page also watches: the SDK's re-poll of watched objects. */
  sdkRepolls: number;
  /** Median seconds between two re-polls of the same object. */
  repollIntervalSeconds: number;
  /** Anything else: the plugin's own polling or reconnects. */
  other: K8sRequest[];
}

/** Opens the token page, lets it settle, then records its Kubernetes traffic for `seconds`. */
export const measureIdle = async (
  browser: Browser,
  baseURL: string,
  seconds: number,
): Promise<IdleFigures> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    const open = await openAndSettle(page, recorder);
    const from = recorder.entries.length;
    await sleep(seconds * 1000);
    const requests = (await recorder.settled())
      .slice(from)
      .filter((e) => isK8sPath(e.path))
      .map(describeK8s);
    const watched = new Set(
      open.requests
        .filter((r) => r.verb === 'watch' && r.fieldSelector?.startsWith('metadata.name='))
        .map((r) => `${r.resource}/${r.namespace ?? ''}/${r.fieldSelector?.slice(14) ?? ''}`),
    );
    const isRepoll = (r: K8sRequest) =>
      r.verb === 'get' && watched.has(`${r.resource}/${r.namespace ?? ''}/${r.name ?? ''}`);
    const repolls = requests.filter(isRepoll);
    // Intervals between successive GETs of each object, the page's own first GET included.
    const keyOf = (r: K8sRequest) => `${r.resource}/${r.namespace ?? ''}/${r.name ?? ''}`;
    const lastOf = new Map<string, number>();
    for (const o of open.requests) {
      if (o.verb === 'get' && !lastOf.has(keyOf(o))) lastOf.set(keyOf(o), o.started);
    }
    const intervals: number[] = [];
    for (const r of repolls) {
      const last = lastOf.get(keyOf(r));
      if (last !== undefined) intervals.push((r.started - last) / 1000);
      lastOf.set(keyOf(r), r.started);
    }
    return {
      seconds,
      requests,
      byResource: countBy(requests, requestKey),
      sdkRepolls: repolls.length,
      repollIntervalSeconds: median(intervals),
      other: requests.filter((r) => !isRepoll(r)),
    };
  } finally {
    await context.close();
  }
};

export interface TimeToTokenFigures {
  runs: number;
  tokenMs: number[];
  shellMs: number[];
  tokenMedianMs: number;
  tokenP95Ms: number;
  shellMedianMs: number;
  shellP95Ms: number;
  /** Median time to token over median shell render time. */
  ratio: number;
}

/** Cold loads of the token page (a fresh browser context each): masked token vs host shell. */
export const measureTimeToToken = async (
  browser: Browser,
  baseURL: string,
  runs: number,
): Promise<TimeToTokenFigures> => {
  const tokenMs: number[] = [];
  const shellMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newMeasuredPage(browser, baseURL);
    try {
      await page.goto(TOKEN_PAGE);
      const marks = await waitForMark(page, 'token');
      tokenMs.push(marks.token ?? NaN);
      shellMs.push(marks.shell ?? NaN);
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    tokenMs,
    shellMs,
    tokenMedianMs: median(tokenMs),
    tokenP95Ms: percentile(tokenMs, 95),
    shellMedianMs: median(shellMs),
    shellP95Ms: percentile(shellMs, 95),
    ratio: median(tokenMs) / median(shellMs),
  };
};

// ---------------------------------------------------------------------------------------------
// Rotation

interface KubeList<T> {
  items: T[];
}
interface SecretObject {
  metadata: { name: string; namespace: string };
  data?: Record<string, string>;
}
interface PodObject {
  metadata: {
    name: string;
    namespace: string;
    ownerReferences?: { kind: string; name: string }[];
  };
  spec?: {
    volumes?: { secret?: { secretName?: string } }[];
    containers?: {
      env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[];
      envFrom?: { secretRef?: { name?: string } }[];
    }[];
  };
}

/** What the cluster holds before a rotation: every Secret copy of the token, every pod reading one. */
export interface RotationTargets {
  secrets: string[];
  /** Pods by workload (`<namespace>/<owner kind>/<owner name>`). */
  workloads: Record<string, string[]>;
}

const secretsReadBy = (pod: PodObject): string[] =>
  [
    ...(pod.spec?.volumes ?? []).map((v) => v.secret?.secretName),
    ...(pod.spec?.containers ?? []).flatMap((c) => [
      ...(c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name),
      ...(c.envFrom ?? []).map((e) => e.secretRef?.name),
    ]),
  ].filter((n): n is string => !!n);

/**
 * Reads the cluster through the API (as the stand-in's default user): Secrets that hold `token`
 * under any key, and the pods that mount or read one of them.
 */
export const rotationTargets = async (page: Page, token: string): Promise<RotationTargets> => {
  const get = async <T>(p: string): Promise<T> => {
    const res = await page.request.get(`${K8S_PREFIX.slice(0, -1)}${p}`);
    if (!res.ok()) throw new Error(`GET ${p}: ${String(res.status())}`);
    return (await res.json()) as T;
  };
  const encoded = Buffer.from(token, 'utf8').toString('base64');
  const secrets = (await get<KubeList<SecretObject>>('/api/v1/secrets')).items.filter((s) =>
    Object.values(s.data ?? {}).includes(encoded),
  );
  const names = new Set(secrets.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  const workloads: Record<string, string[]> = {};
  for (const pod of (await get<KubeList<PodObject>>('/api/v1/pods')).items) {
    const { namespace, name } = pod.metadata;
    if (!secretsReadBy(pod).some((s) => names.has(`${namespace}/${s}`))) continue;
    const owner = pod.metadata.ownerReferences?.[0];
    const key = `${namespace}/${owner ? `${owner.kind}/${owner.name}` : `Pod/${name}`}`;
    (workloads[key] ??= []).push(name);
  }
  return { secrets: [...names].sort(), workloads };
};

export interface RotationRun {
  /** Confirm click to the Done button, milliseconds. */
  totalMs: number;
  outcome: string;
  stepStatuses: string[];
  /** Writes (anything but GET and access reviews), in order. */
  writes: K8sRequest[];
  /** Reads, access reviews and WebSockets during the run, by `requestKey`. */
  readsByResource: Record<string, number>;
  targets: RotationTargets;
}

/** The console page of the token Secret, as the token page links it. */
export const secretPageOf = (page: Page): Promise<string> =>
  page.evaluate(
    (sel) => document.querySelector(sel)?.getAttribute('href') ?? '',
    `[data-test="${DataTest.secretLink}"]`,
  );

/** Reads the masked token's real value from the API (the page never puts it in the DOM). */
const currentToken = async (page: Page): Promise<string> => {
  const tokenSecret = await page.evaluate((s) => {
    const link = document.querySelector(s);
    return link?.getAttribute('href') ?? '';
  }, `[data-test="${DataTest.secretLink}"]`);
  const m = /\/k8s\/ns\/([^/]+)\/secrets\/([^/?#]+)/.exec(tokenSecret);
  if (!m?.[1] || !m[2]) throw new Error(`No Secret link on the token page (${tokenSecret})`);
  const res = await page.request.get(`${K8S_PREFIX}api/v1/namespaces/${m[1]}/secrets/${m[2]}`);
  const secret = (await res.json()) as SecretObject;
  const b64 = secret.data?.token;
  if (!b64) throw new Error(`No token in ${m[1]}/${m[2]}`);
  return Buffer.from(b64, 'base64').toString('utf8');
};

/**
 * Drives the rotation UI on the token page: generate a new token, review, confirm, and wait for
 * the run to end (the Done button). The cluster should be freshly reset.
 */
export const runRotation = async (
  browser: Browser,
  baseURL: string,
  instance?: { namespace: string; name: string },
): Promise<RotationRun> => {
  const { context, page, recorder } = await newMeasuredPage(browser, baseURL);
  try {
    await page.goto(instance ? tokenPageHref(instance.namespace, instance.name) : TOKEN_PAGE);
    await waitForMark(page, 'token');
    const targets = await rotationTargets(page, await currentToken(page));
    await byTest(page, DataTest.rotateButton).click();
    await byTest(page, DataTest.rotationGenerate).click();
    const review = byTest(page, DataTest.rotationReview);
    await page.waitForFunction(
      (s) => document.querySelector(s)?.getAttribute('aria-disabled') !== 'true',
      `[data-test="${DataTest.rotationReview}"]`,
    );
    await review.click();
    await page.waitForFunction(
      (s) => {
        const b = document.querySelector(s);
        return !!b && b.getAttribute('aria-disabled') !== 'true';
      },
      CONFIRM_SELECTOR,
      { timeout: 20_000 },
    );
    const from = recorder.entries.length;
    await page.locator(CONFIRM_SELECTOR).click();
    const marks = await waitForMark(page, 'done', 60_000);
    const entries = (await recorder.settled()).slice(from);
    const writes = entries
      .filter((e) => isK8sPath(e.path) && e.method !== 'GET' && !ACCESS_REVIEWS.test(e.path))
      .map(describeK8s);
    const reads = entries
      .filter((e) => isK8sPath(e.path) && (e.method === 'GET' || ACCESS_REVIEWS.test(e.path)))
      .map(describeK8s);
    const stepStatuses = await byTest(page, DataTest.rotationStep).evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-status') ?? ''),
    );
    const outcome = (await byTest(page, DataTest.rotationOutcome).innerText())
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 160);
    return {
      totalMs: (marks.done ?? NaN) - (marks.confirm ?? NaN),
      outcome,
      stepStatuses,
      writes,
      readsByResource: countBy(reads, requestKey),
      targets,
    };
  } finally {
    await context.close();
  }
};

export interface WriteCheck {
  problems: string[];
  byVerb: Record<string, number>;
}

/**
 * Checks a rotation's writes against the cluster's token copies and reader pods: one write per
 * Secret copy (and none to other Secrets), and per workload either one delete per pod, one
 * collection delete or one restart patch; nothing else, nothing twice.
 */
export const checkRotationWrites = (run: RotationRun): WriteCheck => {
  const problems: string[] = [];
  const { writes, targets } = run;
  const secretWrites = writes.filter((w) => w.resource === 'secrets');
  const key = (w: K8sRequest) => `${w.namespace ?? ''}/${w.name ?? ''}`;
  const secretCounts = countBy(secretWrites, key);
  for (const s of targets.secrets) {
    if ((secretCounts[s] ?? 0) !== 1) {
      problems.push(`Secret ${s} written ${String(secretCounts[s] ?? 0)} times (expected 1)`);
    }
  }
  for (const s of Object.keys(secretCounts)) {
    if (!targets.secrets.includes(s)) problems.push(`Secret ${s} written but holds no token copy`);
  }
  const used = new Set<K8sRequest>(secretWrites);
  for (const [workload, pods] of Object.entries(targets.workloads)) {
    const ns = workload.split('/')[0];
    const podDeletes = writes.filter(
      (w) => w.resource === 'pods' && w.verb === 'delete' && w.namespace === ns,
    );
    const collection = writes.filter(
      (w) => w.resource === 'pods' && w.verb === 'deletecollection' && w.namespace === ns,
    );
    const restarts = writes.filter(
      (w) => w.resource.startsWith('deployments.') && w.verb === 'patch' && w.namespace === ns,
    );
    const mine = podDeletes.filter((w) => pods.includes(w.name ?? ''));
    const counts = countBy(mine, key);
    const eachOnce = pods.every((p) => counts[`${ns}/${p}`] === 1);
    if (eachOnce && mine.length === pods.length) {
      mine.forEach((w) => used.add(w));
    } else if (collection.length >= 1 && mine.length === 0) {
      collection.slice(0, 1).forEach((w) => used.add(w));
    } else if (restarts.length >= 1 && mine.length === 0) {
      restarts.slice(0, 1).forEach((w) => used.add(w));
    } else {
      problems.push(
        `workload ${workload}: pods ${pods.join(', ')} got ${String(mine.length)} deletes (${JSON.stringify(counts)})`,
      );
    }
  }
  for (const w of writes) {
    if (!used.has(w))
      problems.push(`unexpected write: ${w.method} ${w.path} (${String(w.status)})`);
  }
  return { problems, byVerb: countBy(writes, (w) => `${w.method} ${w.resource}`) };
};

export interface RotationFigures {
  runs: number;
  podReadyDelayMs: number;
  totalMs: number[];
  medianMs: number;
  /** Pod start delays each run waited for in sequence (workloads restarted one after another). */
  podWaits: number;
  /** Median of (confirm to done minus the pod start delays waited for in sequence). */
  medianNetMs: number;
  outcomes: string[];
  writesByVerb: Record<string, number>;
  /** Reads during the first run. */
  readsByResource: Record<string, number>;
  problems: string[];
  targets: RotationTargets;
}

/**
 * How many pod start delays a run waited for one after another: workloads whose first pod delete
 * came at least ~the delay after the previous workload's started a wait of their own.
 */
export const sequentialPodWaits = (run: RotationRun, podReadyDelayMs: number): number => {
  const starts = Object.values(run.targets.workloads)
    .map((pods) =>
      Math.min(
        ...run.writes
          .filter((w) => w.resource === 'pods' && pods.includes(w.name ?? ''))
          .map((w) => w.started),
      ),
    )
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (starts.length === 0) return 0;
  if (podReadyDelayMs <= 0) return starts.length;
  return 1 + starts.slice(1).filter((t, i) => t - (starts[i] ?? t) >= 0.8 * podReadyDelayMs).length;
};

export const summarizeRotations = (
  runs: RotationRun[],
  podReadyDelayMs: number,
): RotationFigures => {
  const totalMs = runs.map((r) => r.totalMs);
  const waits = runs.map((r) => sequentialPodWaits(r, podReadyDelayMs));
  const checks = runs.map(checkRotationWrites);
  return {
    runs: runs.length,
    podReadyDelayMs,
    totalMs,
    medianMs: median(totalMs),
    podWaits: median(waits),
    medianNetMs: median(runs.map((r, i) => r.totalMs - podReadyDelayMs * (waits[i] ?? 0))),
    outcomes: [...new Set(runs.map((r) => r.outcome))],
    writesByVerb: checks[0]?.byVerb ?? {},
    readsByResource: runs[0]?.readsByResource ?? {},
    problems: [
      ...new Set([
        ...checks.flatMap((c) => c.problems),
        ...runs
          .filter((r) => r.stepStatuses.length === 0 || r.stepStatuses.some((st) => st !== 'done'))
          .map(
            (r) => `run ended with steps ${r.stepStatuses.join(', ') || '(none)'}: ${r.outcome}`,
          ),
      ]),
    ],
    targets: runs[0]?.targets ?? { secrets: [], workloads: {} },
  };
};
