/** The REST and watch layer: URL routing, RBAC, faults, CRUD verbs, discovery, SelfSubjectAccessReview. */
import type * as http from 'node:http';
import { STATUS_CODES } from 'node:http';
import type * as stream from 'node:stream';
import { applyPatch, JsonPatchError, type Operation } from 'fast-json-patch';
import * as mergePatch from 'json-merge-patch';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authorizer, Attributes } from './rbac';
import type { Cluster, DeleteOptions } from './cluster';
import {
  ApiError,
  badRequest,
  forbidden,
  invalid,
  methodNotAllowed,
  pathNotFound,
  patchNotApplicable,
  unsupportedMediaType,
  withCode,
  type Status,
} from './errors';
import type { Faults, RequestAttributes } from './faults';
import { clone, isRecord, omit, type JsonObject, type KObject } from './objects';
import { apiVersionOf, type ResourceType } from './resources';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { compareKeys, keyOf } from './store';
import type { WatchEvent, WatchHub, WatchSink, WatchSpec } from './watch';

export interface RequestContext {
  user: string;
  /** URL path and query after the '/api/kubernetes' prefix. */
  path: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  user: string;
  /** 0 while the request is unanswered (for instance held by a hang fault). */
  status: number;
  time: string;
  watch?: boolean;
}

const LOG_LIMIT = 10000;
const BODY_LIMIT = 3 * 1024 * 1024;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  start(method: string, path: string, user: string, watch: boolean): RequestLogEntry {
    const e: RequestLogEntry = { method, path, user, status: 0, time: new Date().toISOString() };
    if (watch) e.watch = true;
    this.entries.push(e);
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT);
    return e;
  }

  all(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * Requests held by a hang fault. Clearing the faults releases them (they are then served as if they had just
 * arrived); a reset aborts them (the connection is destroyed). A request whose client goes away while held is
 * dropped and never served.
 */
export class Hangs {
  private readonly waiting = new Set<(released: boolean) => void>();

  /** Resolves true when released, false when aborted or when `connection` closed first. */
  wait(connection: stream.Duplex | http.ServerResponse, onAbort: () => void): Promise<boolean> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (released: boolean): void => {
        if (settled) return;
        settled = true;
        this.waiting.delete(done);
        connection.off('close', onClose);
        if (!released) onAbort();
        resolve(released);
      };
      const onClose = (): void => {
        done(false);
      };
      connection.on('close', onClose);
      this.waiting.add(done);
    });
  }

  get count(): number {
    return this.waiting.size;
  }

  releaseAll(): void {
    for (const f of [...this.waiting]) f(true);
  }

  abortAll(): void {
    for (const f of [...this.waiting]) f(false);
  }
}

export type Route =
  | {
      kind: 'discovery';
      doc: 'api' | 'apis' | 'group' | 'resources';
      group: string;
      version: string;
    }
  | {
      kind: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace: string;
      name?: string;
      subresource?: string;
      watchPrefix: boolean;
    }
  | { kind: 'unknown' };

export function parseRoute(pathname: string): Route {
  const segs = pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1) return { kind: 'discovery', doc: 'api', group: '', version: '' };
    group = '';
    version = segs[1] ?? '';
    rest = segs.slice(2);
    if (rest.length === 0) return { kind: 'discovery', doc: 'resources', group, version };
  } else if (segs[0] === 'apis') {
    if (segs.length === 1) return { kind: 'discovery', doc: 'apis', group: '', version: '' };
    group = segs[1] ?? '';
    if (segs.length === 2) return { kind: 'discovery', doc: 'group', group, version: '' };
    version = segs[2] ?? '';
    rest = segs.slice(3);
    if (rest.length === 0) return { kind: 'discovery', doc: 'resources', group, version };
  } else {
    return { kind: 'unknown' };
  }
  let watchPrefix = false;
  if (rest[0] === 'watch') {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    rest[2] !== 'status' &&
    rest[2] !== 'finalize'
  ) {
    namespace = rest[1] ?? '';
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return { kind: 'unknown' };
  const r: Route = {
    kind: 'resource',
    group,
    version,
    plural: rest[0] ?? '',
    namespace,
    watchPrefix,
  };
  if (rest[1] !== undefined) r.name = rest[1];
  if (rest[2] !== undefined) r.subresource = rest[2];
  return r;
}

function verbOf(method: string, r: Extract<Route, { kind: 'resource' }>, watch: boolean): string {
  switch (method) {
    case 'GET':
      if (r.name !== undefined) return watch ? 'watch' : 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return r.name !== undefined ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) {
      resolve('');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(
          new ApiError(
            413,
            'RequestEntityTooLarge',
            'Request entity too large: limit is 3145728',
            {},
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw badRequest(`json parse error: ${(e as Error).message}`);
  }
}

function parseObjectBody(text: string, rt: ResourceType): KObject {
  const v = parseJson(text);
  if (!isRecord(v))
    throw badRequest(`the object provided is unrecognized (must be of type ${rt.kind})`);
  if (v.kind !== undefined && v.kind !== rt.kind) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${rt.kind}): kind ${JSON.stringify(v.kind)}`,
    );
  }
  if (v.metadata === undefined) v.metadata = {};
  if (!isRecord(v.metadata)) throw badRequest('metadata must be an object');
  return v as KObject;
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What the API server does to a Secret on write: stringData into data, base64 values checked. */
function normalizeSecret(rt: ResourceType, obj: KObject): KObject {
  if (rt.group !== '' || rt.plural !== 'secrets') return obj;
  const data: Record<string, unknown> = isRecord(obj.data) ? { ...obj.data } : {};
  if (isRecord(obj.stringData)) {
    for (const [k, v] of Object.entries(obj.stringData))
      data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    delete obj.stringData;
  }
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string' || !BASE64_RE.test(v)) {
      throw badRequest(
        `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0 (data.${k})`,
      );
    }
  }
  if (obj.data !== undefined || Object.keys(data).length > 0) obj.data = data;
  obj.type ??= 'Opaque';
  return obj;
}

/** List items of built-in types come without apiVersion/kind, as kube-apiserver serves them. */
function listItem(rt: ResourceType, o: KObject): KObject {
  if (!rt.builtin) return o;
  return { ...omit(o, ['apiVersion', 'kind']), metadata: o.metadata };
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString(
    'base64url',
  );
}

function decodeContinue(s: string): ContinueToken {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (isRecord(v) && typeof v.rv === 'number' && typeof v.start === 'string')
      return { rv: v.rv, start: v.start };
  } catch {
    // handled below
  }
  throw badRequest(`continue key is not valid: ${s}`);
}

export class ApiServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly cluster: Cluster,
    private readonly authz: Authorizer,
    private readonly faults: Faults,
    private readonly hub: WatchHub,
    private readonly log: RequestLog,
    private readonly hangs: Hangs,
  ) {}

  private get store() {
    return this.cluster.store;
  }

  handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: RequestContext): void {
    const url = new URL(ctx.path, 'http://emulator');
    const watch =
      req.method === 'GET' &&
      (isTrue(url.searchParams.get('watch')) || /\/watch\//.test(url.pathname));
    const entry = this.log.start(req.method ?? 'GET', ctx.path, ctx.user, watch);
    const reply = (code: number, body: unknown): void => {
      entry.status = code;
      if (!res.headersSent && !res.destroyed) sendJson(res, code, body);
    };
    this.serve(req, res, ctx, url, watch, (code) => (entry.status = code), reply).catch(
      (e: unknown) => {
        const err =
          e instanceof ApiError
            ? e
            : withCode(500, `Internal error occurred: ${(e as Error).message}`);
        reply(err.code, err.toStatus());
      },
    );
  }

  private async serve(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ctx: RequestContext,
    url: URL,
    watch: boolean,
    setStatus: (code: number) => void,
    reply: (code: number, body: unknown) => void,
  ): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!ctx.user) throw new ApiError(401, 'Unauthorized', 'Unauthorized', {});
    const route = parseRoute(url.pathname);
    const attrs = this.faultAttributes(method, route, watch);
    const fault = this.faults.take(attrs);
    if (fault?.hang) {
      const released = await this.hangs.wait(res, () => res.destroy());
      if (!released) return;
    } else if (fault) {
      const err = withCode(fault.status ?? 500, fault.message);
      throw err;
    }
    if (route.kind === 'unknown') throw pathNotFound();
    if (route.kind === 'discovery') {
      if (method !== 'GET') throw methodNotAllowed();
      reply(200, this.discovery(route));
      return;
    }
    const verb = verbOf(method, route, watch);
    this.authorize(ctx.user, route, verb);
    const rt = this.store.registry.find(route.group, route.version, route.plural);
    if (!rt) throw pathNotFound();
    if (!rt.namespaced && route.namespace) throw pathNotFound();
    if (rt.namespaced && !route.namespace && route.name !== undefined) throw pathNotFound();
    if (!rt.verbs.includes(verb) && !(verb === 'watch' && rt.verbs.includes('list')))
      throw methodNotAllowed();
    if (
      route.subresource !== undefined &&
      !(route.subresource === 'status' && rt.statusSubresource)
    ) {
      throw pathNotFound();
    }
    const q = url.searchParams;
    switch (verb) {
      case 'get':
        reply(200, this.store.mustGet(rt, route.namespace, route.name ?? ''));
        return;
      case 'list':
        reply(200, this.list(rt, route.namespace, q));
        return;
      case 'watch':
        this.httpWatch(rt, route, q, ctx.user, res, setStatus);
        return;
      case 'create': {
        const body = await readBody(req);
        if (rt.virtual) {
          reply(201, this.accessReview(ctx.user, body));
          return;
        }
        reply(201, this.create(rt, route.namespace, body));
        return;
      }
      case 'update': {
        const body = await readBody(req);
        reply(200, this.update(rt, route, body));
        return;
      }
      case 'patch': {
        const body = await readBody(req);
        reply(200, this.patch(rt, route, body, req.headers['content-type'] ?? ''));
        return;
      }
      case 'delete': {
        const body = await readBody(req);
        reply(200, this.deleteOne(rt, route, q, body));
        return;
      }
      case 'deletecollection': {
        const body = await readBody(req);
        reply(200, this.deleteCollection(rt, route.namespace, q, body));
        return;
      }
      default:
        throw methodNotAllowed();
    }
  }

  private faultAttributes(method: string, route: Route, watch: boolean): RequestAttributes {
    if (route.kind !== 'resource')
      return {
        method,
        verb: method === 'GET' ? 'get' : method.toLowerCase(),
        resource: '',
        namespace: '',
      };
    const a: RequestAttributes = {
      method,
      verb: verbOf(method, route, watch),
      resource: route.plural,
      namespace: route.namespace,
    };
    if (route.name !== undefined) a.name = route.name;
    if (route.subresource !== undefined) a.subresource = route.subresource;
    return a;
  }

  private rbacAttributes(route: Extract<Route, { kind: 'resource' }>, verb: string): Attributes {
    const a: Attributes = {
      verb,
      group: route.group,
      resource: route.plural,
      namespace: route.namespace,
    };
    if (route.name !== undefined) a.name = route.name;
    if (route.subresource !== undefined) a.subresource = route.subresource;
    // A namespace's own object is authorized in that namespace (as kube-apiserver does).
    if (route.group === '' && route.plural === 'namespaces' && route.name !== undefined)
      a.namespace = route.name;
    return a;
  }

  private authorize(user: string, route: Extract<Route, { kind: 'resource' }>, verb: string): void {
    const a = this.rbacAttributes(route, verb);
    if (this.authz.authorize(user, a).allowed) return;
    const f: Parameters<typeof forbidden>[0] = {
      user,
      verb,
      group: a.group,
      resource: a.resource,
      namespace: a.namespace,
    };
    if (a.name !== undefined) f.name = a.name;
    if (a.subresource !== undefined) f.subresource = a.subresource;
    throw forbidden(f);
  }

  // ------------------------------------------------------------------ discovery

  private discovery(r: Extract<Route, { kind: 'discovery' }>): unknown {
    const reg = this.store.registry;
    const groupDoc = (g: { name: string; versions: string[] }): JsonObject => {
      const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
      return { name: g.name, versions, preferredVersion: versions[0] ?? {} };
    };
    switch (r.doc) {
      case 'api':
        return {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
          ],
        };
      case 'apis':
        return { kind: 'APIGroupList', apiVersion: 'v1', groups: reg.groups().map(groupDoc) };
      case 'group': {
        const g = reg.groups().find((x) => x.name === r.group);
        if (!g) throw pathNotFound();
        return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g) };
      }
      case 'resources': {
        if (r.group === '' && r.version !== 'v1') throw pathNotFound();
        const types = reg.inGroupVersion(r.group, r.version);
        if (types.length === 0) throw pathNotFound();
        const resources: JsonObject[] = [];
        for (const rt of types) {
          const entry: JsonObject = {
            name: rt.plural,
            singularName: rt.singular,
            namespaced: rt.namespaced,
            kind: rt.kind,
            verbs: rt.verbs,
          };
          if (rt.shortNames) entry.shortNames = rt.shortNames;
          resources.push(entry);
          if (rt.statusSubresource) {
            resources.push({
              name: `${rt.plural}/status`,
              singularName: '',
              namespaced: rt.namespaced,
              kind: rt.kind,
              verbs: ['get', 'patch', 'update'],
            });
          }
        }
        const doc: JsonObject = {
          kind: 'APIResourceList',
          groupVersion: r.group ? `${r.group}/${r.version}` : 'v1',
          resources,
        };
        if (r.group) doc.apiVersion = 'v1';
        return doc;
      }
    }
  }

  // ------------------------------------------------------------------ verbs

  private list(rt: ResourceType, ns: string, q: URLSearchParams): JsonObject {
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(q.get('fieldSelector'), rt);
    const limitParam = q.get('limit');
    const limit = limitParam ? Number(limitParam) : 0;
    if (limitParam && (!Number.isInteger(limit) || limit < 0))
      throw badRequest(`invalid limit: ${limitParam}`);
    const cont = q.get('continue');
    let listRv = this.store.resourceVersion;
    let items = this.store
      .list(rt, ns || undefined)
      .filter((o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o));
    if (cont) {
      const t = decodeContinue(cont);
      listRv = t.rv;
      items = items.filter((o) => compareKeys(keyOf(o), t.start) > 0);
    }
    const metadata: JsonObject = { resourceVersion: String(listRv) };
    if (limit > 0 && items.length > limit) {
      const page = items.slice(0, limit);
      const last = page[page.length - 1];
      metadata.continue = encodeContinue({ rv: listRv, start: last ? keyOf(last) : '' });
      metadata.remainingItemCount = items.length - limit;
      items = page;
    }
    return {
      kind: rt.listKind,
      apiVersion: apiVersionOf(rt),
      metadata,
      items: items.map((o) => listItem(rt, o)),
    };
  }

  private create(rt: ResourceType, ns: string, body: string): KObject {
    const obj = normalizeSecret(rt, parseObjectBody(body, rt));
    if (rt.namespaced && obj.metadata.namespace && obj.metadata.namespace !== ns) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    const isPod = rt.group === '' && rt.plural === 'pods';
    const isNamespace = rt.group === '' && rt.plural === 'namespaces';
    if (rt.statusSubresource) {
      if (isPod) obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
      else if (isNamespace) obj.status = { phase: 'Active' };
      else delete obj.status;
    }
    if (isNamespace) {
      obj.spec = { finalizers: ['kubernetes'], ...(isRecord(obj.spec) ? obj.spec : {}) };
      if (obj.metadata.name) {
        obj.metadata.labels = {
          ...(obj.metadata.labels ?? {}),
          'kubernetes.io/metadata.name': obj.metadata.name,
        };
      }
    }
    delete obj.metadata.resourceVersion;
    const created = this.store.create(rt, obj, ns);
    // The kubelet starts every pod, owned or not.
    if (isPod) this.cluster.startPod(created);
    return created;
  }

  private update(
    rt: ResourceType,
    route: Extract<Route, { kind: 'resource' }>,
    body: string,
  ): KObject {
    const obj = normalizeSecret(rt, parseObjectBody(body, rt));
    const name = route.name ?? '';
    if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    if (rt.namespaced && obj.metadata.namespace && obj.metadata.namespace !== route.namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    obj.metadata.name = name;
    if (rt.namespaced) obj.metadata.namespace = route.namespace;
    const rv = obj.metadata.resourceVersion;
    const opts: { expectedRv?: string; subresource?: 'status' } = {};
    if (typeof rv === 'string' && rv !== '') opts.expectedRv = rv;
    if (route.subresource === 'status') opts.subresource = 'status';
    return this.store.update(rt, obj, opts);
  }

  private patch(
    rt: ResourceType,
    route: Extract<Route, { kind: 'resource' }>,
    body: string,
    contentType: string,
  ): KObject {
    const name = route.name ?? '';
    const current = this.store.mustGet(rt, route.namespace, name);
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    let patched: unknown;
    if (type === 'application/json-patch+json') {
      const ops = parseJson(body);
      if (!Array.isArray(ops))
        throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      try {
        patched = applyPatch(clone(current), ops as Operation[], true, true).newDocument;
      } catch (e) {
        if (e instanceof JsonPatchError) {
          const malformed = [
            'SEQUENCE_NOT_AN_ARRAY',
            'OPERATION_NOT_AN_OBJECT',
            'OPERATION_OP_INVALID',
            'OPERATION_PATH_INVALID',
            'OPERATION_FROM_REQUIRED',
            'OPERATION_VALUE_REQUIRED',
            'OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED',
          ];
          if (malformed.includes(e.name))
            throw badRequest(`invalid JSON patch: ${e.message.split('\n')[0] ?? e.name}`);
          throw patchNotApplicable();
        }
        throw e;
      }
    } else if (
      type === 'application/merge-patch+json' ||
      type === 'application/strategic-merge-patch+json'
    ) {
      const p = parseJson(body);
      if (!isRecord(p)) throw badRequest('a merge patch must be a JSON object');
      patched = mergePatch.apply(clone(current), p);
    } else {
      throw unsupportedMediaType(type);
    }
    if (!isRecord(patched) || !isRecord(patched.metadata)) throw patchNotApplicable();
    const obj = patched as KObject;
    if (obj.metadata.name !== name) {
      throw invalid(
        rt,
        name,
        'metadata.name',
        'FieldValueInvalid',
        `Invalid value: ${JSON.stringify(obj.metadata.name)}: field is immutable`,
      );
    }
    if (rt.namespaced && obj.metadata.namespace !== route.namespace) {
      throw invalid(
        rt,
        name,
        'metadata.namespace',
        'FieldValueInvalid',
        `Invalid value: ${JSON.stringify(obj.metadata.namespace)}: field is immutable`,
      );
    }
    normalizeSecret(rt, obj);
    const opts: { expectedRv?: string; subresource?: 'status' } = {};
    const rv = obj.metadata.resourceVersion;
    if (typeof rv === 'string' && rv !== '') opts.expectedRv = rv;
    if (route.subresource === 'status') opts.subresource = 'status';
    return this.store.update(rt, obj, opts);
  }

  private deleteOptions(q: URLSearchParams, body: string): DeleteOptions {
    const opts: DeleteOptions = {};
    if (body.trim() !== '') {
      const b = parseJson(body);
      if (isRecord(b)) {
        if (typeof b.gracePeriodSeconds === 'number')
          opts.gracePeriodSeconds = b.gracePeriodSeconds;
        if (isRecord(b.preconditions)) {
          const p: { uid?: string; resourceVersion?: string } = {};
          if (typeof b.preconditions.uid === 'string') p.uid = b.preconditions.uid;
          if (typeof b.preconditions.resourceVersion === 'string')
            p.resourceVersion = b.preconditions.resourceVersion;
          opts.preconditions = p;
        }
        if (typeof b.propagationPolicy === 'string') opts.propagationPolicy = b.propagationPolicy;
      }
    }
    const g = q.get('gracePeriodSeconds');
    if (g !== null && g !== '' && Number.isFinite(Number(g))) opts.gracePeriodSeconds = Number(g);
    return opts;
  }

  private deleteOne(
    rt: ResourceType,
    route: Extract<Route, { kind: 'resource' }>,
    q: URLSearchParams,
    body: string,
  ): unknown {
    const name = route.name ?? '';
    const { object } = this.cluster.delete(rt, route.namespace, name, this.deleteOptions(q, body));
    if (rt.group === '' && rt.plural === 'pods') return object;
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name,
        ...(rt.group ? { group: rt.group } : {}),
        kind: rt.plural,
        ...(object.metadata.uid ? { uid: object.metadata.uid } : {}),
      },
      code: 200,
    };
    return status;
  }

  private deleteCollection(
    rt: ResourceType,
    ns: string,
    q: URLSearchParams,
    body: string,
  ): JsonObject {
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(q.get('fieldSelector'), rt);
    const opts = this.deleteOptions(q, body);
    const deleted: KObject[] = [];
    for (const o of this.store.list(rt, ns || undefined)) {
      if (!matchesLabels(labels, o.metadata.labels) || !matchesFields(fields, o)) continue;
      const name = o.metadata.name ?? '';
      if (!this.store.get(rt, o.metadata.namespace ?? '', name)) continue;
      deleted.push(this.cluster.delete(rt, o.metadata.namespace ?? '', name, opts).object);
    }
    return {
      kind: rt.listKind,
      apiVersion: apiVersionOf(rt),
      metadata: { resourceVersion: String(this.store.resourceVersion) },
      items: deleted.map((o) => listItem(rt, o)),
    };
  }

  /** SelfSubjectAccessReview: the same rule table as every request's authorization. */
  private accessReview(user: string, body: string): JsonObject {
    const v = parseJson(body);
    const spec = isRecord(v) && isRecord(v.spec) ? v.spec : {};
    const ra = isRecord(spec.resourceAttributes) ? spec.resourceAttributes : undefined;
    const nra = isRecord(spec.nonResourceAttributes) ? spec.nonResourceAttributes : undefined;
    const rt = {
      group: 'authorization.k8s.io',
      plural: 'selfsubjectaccessreviews',
      kind: 'SelfSubjectAccessReview',
    };
    if ((ra === undefined) === (nra === undefined)) {
      throw invalid(
        rt,
        '',
        'spec.resourceAttributes',
        'FieldValueInvalid',
        'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
      );
    }
    const str = (x: unknown): string => (typeof x === 'string' ? x : '');
    let decision;
    if (ra) {
      const a: Attributes = {
        verb: str(ra.verb),
        group: str(ra.group),
        resource: str(ra.resource),
        namespace: str(ra.namespace),
      };
      if (str(ra.name)) a.name = str(ra.name);
      if (str(ra.subresource)) a.subresource = str(ra.subresource);
      decision = this.authz.authorize(user, a);
    } else {
      decision = this.authz.authorizeNonResource(user, str(nra?.path), str(nra?.verb));
    }
    const status: JsonObject = { allowed: decision.allowed };
    if (decision.reason) status.reason = decision.reason;
    return {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status,
    };
  }

  // ------------------------------------------------------------------ watch

  private watchSpec(
    rt: ResourceType,
    route: Extract<Route, { kind: 'resource' }>,
    q: URLSearchParams,
  ): WatchSpec {
    const spec: WatchSpec = {
      rt,
      namespace: route.namespace,
      labels: parseLabelSelector(q.get('labelSelector')),
      fields: parseFieldSelector(q.get('fieldSelector'), rt),
    };
    if (route.name !== undefined) {
      spec.fields = [...spec.fields, { field: 'metadata.name', negate: false, value: route.name }];
    }
    const rv = q.get('resourceVersion');
    if (rv !== null && rv !== '') {
      const n = Number(rv);
      if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid resource version: ${rv}`);
      spec.sinceRv = n;
    }
    return spec;
  }

  private startWatch(
    spec: WatchSpec,
    user: string,
    sink: WatchSink,
    timeoutSeconds: number | undefined,
    attrs: RequestAttributes,
  ): void {
    let w;
    try {
      w = this.hub.start(spec, user, sink);
    } catch (e) {
      if (e instanceof ApiError) {
        sink.send({ type: 'ERROR', object: e.toStatus() });
        sink.end();
        return;
      }
      throw e;
    }
    const active = w;
    if (timeoutSeconds !== undefined && timeoutSeconds > 0) {
      const t = setTimeout(() => {
        this.hub.stop(active);
        sink.end();
      }, timeoutSeconds * 1000);
      t.unref();
    }
    if (this.faults.takeDrop(attrs)) {
      this.hub.stop(active);
      sink.drop();
    }
  }

  private httpWatch(
    rt: ResourceType,
    route: Extract<Route, { kind: 'resource' }>,
    q: URLSearchParams,
    user: string,
    res: http.ServerResponse,
    setStatus: (code: number) => void,
  ): void {
    const spec = this.watchSpec(rt, route, q);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    setStatus(200);
    let open = true;
    const sink: WatchSink = {
      send: (ev: WatchEvent) => {
        if (open) res.write(`${JSON.stringify(ev)}\n`);
      },
      end: () => {
        if (open) res.end();
        open = false;
      },
      drop: () => {
        open = false;
        res.destroy();
      },
    };
    const timeout = q.get('timeoutSeconds');
    this.startWatch(
      spec,
      user,
      sink,
      timeout ? Number(timeout) : undefined,
      this.faultAttributes('GET', route, true),
    );
    res.on('close', () => {
      open = false;
      for (const w of this.hub.active()) if (w.sink === sink) this.hub.stop(w);
    });
  }

  handleUpgrade(
    req: http.IncomingMessage,
    socket: stream.Duplex,
    head: Buffer,
    ctx: RequestContext,
  ): void {
    const url = new URL(ctx.path, 'http://emulator');
    const entry = this.log.start('GET', ctx.path, ctx.user, true);
    const refuse = (err: ApiError): void => {
      entry.status = err.code;
      const body = JSON.stringify(err.toStatus());
      socket.end(
        `HTTP/1.1 ${err.code} ${STATUS_CODES[err.code] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    const run = async (): Promise<void> => {
      if (!ctx.user) throw new ApiError(401, 'Unauthorized', 'Unauthorized', {});
      const route = parseRoute(url.pathname);
      const watch =
        isTrue(url.searchParams.get('watch')) || (route.kind === 'resource' && route.watchPrefix);
      if (route.kind !== 'resource' || !watch || (req.method ?? 'GET') !== 'GET') {
        throw badRequest(
          'only watch requests (GET with watch=true) can be upgraded to a WebSocket',
        );
      }
      const attrs = this.faultAttributes('GET', route, true);
      const fault = this.faults.take(attrs);
      if (fault?.hang) {
        const released = await this.hangs.wait(socket, () => socket.destroy());
        if (!released) return;
      } else if (fault) {
        throw withCode(fault.status ?? 500, fault.message);
      }
      this.authorize(ctx.user, route, 'watch');
      const rt = this.store.registry.find(route.group, route.version, route.plural);
      if (!rt || (!rt.namespaced && route.namespace) || !rt.verbs.includes('watch'))
        throw pathNotFound();
      const spec = this.watchSpec(rt, route, url.searchParams);
      const timeout = url.searchParams.get('timeoutSeconds');
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        entry.status = 101;
        this.sockets.add(ws);
        const sink: WatchSink = {
          send: (ev) => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(ev));
          },
          end: () => {
            ws.close(1000);
          },
          drop: () => {
            ws.terminate();
          },
        };
        ws.on('close', () => {
          this.sockets.delete(ws);
          for (const w of this.hub.active()) if (w.sink === sink) this.hub.stop(w);
        });
        ws.on('error', () => {
          ws.terminate();
        });
        this.startWatch(spec, ctx.user, sink, timeout ? Number(timeout) : undefined, attrs);
      });
    };
    run().catch((e: unknown) => {
      refuse(
        e instanceof ApiError
          ? e
          : withCode(500, `Internal error occurred: ${(e as Error).message}`),
      );
    });
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }
}
