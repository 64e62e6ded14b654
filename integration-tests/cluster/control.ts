/** The test-control API (JSON over HTTP, under /__emulator). */
import type * as http from 'node:http';
import { ApiError, badRequest, notFound, pathNotFound } from './errors';
import { faultMatches, type FaultSpec } from './faults';
import { FIXTURE_NAMES, FIXTURES, isFixtureName } from './fixtures';
import { isKObject, isRecord, type KObject } from './objects';
import { USERS } from './rbac';
import { parseRoute } from './api';
import type { EmulatorState, ResetOptions } from './index';
import type { ResourceType } from './resources';

function send(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve({});
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(badRequest('the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function optionalNumber(b: Record<string, unknown>, key: string): number | undefined {
  const v = b[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw badRequest(`${key} must be a non-negative number`);
  return v;
}

function faultSpec(b: unknown): FaultSpec {
  if (!isRecord(b)) throw badRequest('a fault is a JSON object');
  const f: FaultSpec = {};
  for (const k of ['method', 'resource', 'namespace', 'name', 'message'] as const) {
    const v = b[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw badRequest(`${k} must be a string`);
    f[k] = v;
  }
  const status = optionalNumber(b, 'status');
  if (status !== undefined) {
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw badRequest('status must be an HTTP error code (400-599)');
    f.status = status;
  }
  const times = optionalNumber(b, 'times');
  if (times !== undefined) {
    if (!Number.isInteger(times) || times < 1) throw badRequest('times must be a positive integer');
    f.times = times;
  }
  for (const k of ['hang', 'dropWatch'] as const) {
    const v = b[k];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw badRequest(`${k} must be a boolean`);
    f[k] = v;
  }
  if (f.hang && f.dropWatch)
    throw badRequest('a fault either hangs requests or drops watches, not both');
  if (!f.hang && !f.dropWatch && f.status === undefined) f.status = 500;
  return f;
}

function objectTarget(
  state: EmulatorState,
  apiPath: string | null,
): { rt: ResourceType; ns: string; name: string } {
  if (!apiPath) throw badRequest('path is required, e.g. /api/v1/namespaces/<ns>/secrets/<name>');
  // Accept console URLs too (with the '/api/kubernetes' prefix).
  const pathname = new URL(apiPath, 'http://emulator').pathname.replace(
    /^\/api\/kubernetes(?=\/)/,
    '',
  );
  const route = parseRoute(pathname);
  if (route.kind !== 'resource' || route.name === undefined || route.subresource !== undefined) {
    throw badRequest(`not the path of one object: ${apiPath}`);
  }
  const rt = state.cluster.store.registry.find(route.group, route.version, route.plural);
  if (!rt) throw pathNotFound();
  return { rt, ns: route.namespace, name: route.name };
}

async function route(
  state: EmulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
): Promise<void> {
  const url = new URL(path || '/', 'http://emulator');
  const method = (req.method ?? 'GET').toUpperCase();
  const p = url.pathname.replace(/\/+$/, '') || '/';
  const store = state.cluster.store;
  switch (`${method} ${p}`) {
    case 'GET /state':
      send(res, 200, {
        fixture: state.fixture,
        fixtures: FIXTURE_NAMES,
        fixtureDescriptions: FIXTURES,
        users: USERS,
        reporterNamespaces: state.reporterNamespaceList,
        podReadyDelayMs: state.cluster.options.podReadyDelayMs,
        podTerminationDelayMs: state.cluster.options.podTerminationDelayMs,
        reporterOperator: state.operator.enabled,
        resourceVersion: String(store.resourceVersion),
        faults: state.faults.all(),
        neverReady: state.cluster.neverReadyRules(),
        watches: state.hub.active().length,
        hangingRequests: state.hangs.count,
      });
      return;
    case 'POST /reset': {
      const b = await readJson(req);
      if (!isRecord(b)) throw badRequest('expected {fixture, podReadyDelayMs?}');
      const fixture = b.fixture ?? 'default';
      if (!isFixtureName(fixture))
        throw badRequest(
          `unknown fixture ${JSON.stringify(fixture)}; one of ${FIXTURE_NAMES.join(', ')}`,
        );
      const opts: ResetOptions = {};
      const ready = optionalNumber(b, 'podReadyDelayMs');
      const term = optionalNumber(b, 'podTerminationDelayMs');
      if (ready !== undefined) opts.podReadyDelayMs = ready;
      if (term !== undefined) opts.podTerminationDelayMs = term;
      if (b.reporterOperator !== undefined) {
        if (typeof b.reporterOperator !== 'boolean')
          throw badRequest('reporterOperator must be a boolean');
        opts.reporterOperator = b.reporterOperator;
      }
      const t0 = Date.now();
      const objects = state.reset(fixture, opts);
      send(res, 200, {
        fixture,
        objects,
        loadMs: Date.now() - t0,
        resourceVersion: String(store.resourceVersion),
      });
      return;
    }
    case 'POST /faults': {
      const f = faultSpec(await readJson(req));
      if (f.dropWatch) {
        const dropped = state.hub.drop((w) => {
          const a = {
            method: 'GET',
            verb: 'watch',
            resource: w.spec.rt.plural,
            namespace: w.spec.namespace,
          };
          const name = w.spec.fields.find((x) => x.field === 'metadata.name' && !x.negate)?.value;
          return faultMatches(f, name !== undefined ? { ...a, name } : a);
        });
        // With `times`, the next matching watches are dropped too, right after they open.
        const id = f.times !== undefined ? state.faults.add(f).id : `drop-${Date.now()}`;
        send(res, 201, { id, dropped });
        return;
      }
      send(res, 201, { id: state.faults.add(f).id });
      return;
    }
    case 'GET /faults':
      send(res, 200, state.faults.all());
      return;
    case 'DELETE /faults':
      state.faults.clear();
      state.hangs.releaseAll();
      send(res, 200, { cleared: true });
      return;
    case 'POST /never-ready': {
      const b = await readJson(req);
      if (!isRecord(b) || typeof b.namespace !== 'string' || typeof b.labelSelector !== 'string') {
        throw badRequest('expected {namespace, labelSelector}');
      }
      send(res, 201, { id: state.cluster.addNeverReady(b.namespace, b.labelSelector) });
      return;
    }
    case 'DELETE /never-ready':
      state.cluster.clearNeverReady();
      send(res, 200, { cleared: true });
      return;
    case 'GET /object': {
      const t = objectTarget(state, url.searchParams.get('path'));
      const o = store.get(t.rt, t.ns, t.name);
      if (!o) throw notFound(t.rt, t.name);
      send(res, 200, o);
      return;
    }
    case 'PUT /object': {
      const t = objectTarget(state, url.searchParams.get('path'));
      const b = await readJson(req);
      if (!isKObject(b)) throw badRequest('expected a Kubernetes object with metadata');
      const obj: KObject = { ...b, metadata: { ...b.metadata, name: t.name } };
      if (t.rt.namespaced) obj.metadata.namespace = t.ns;
      const exists = store.get(t.rt, t.ns, t.name);
      send(
        res,
        exists ? 200 : 201,
        exists ? store.update(t.rt, obj) : store.create(t.rt, obj, t.ns),
      );
      return;
    }
    case 'DELETE /object': {
      const t = objectTarget(state, url.searchParams.get('path'));
      send(res, 200, state.cluster.delete(t.rt, t.ns, t.name, { gracePeriodSeconds: 0 }).object);
      return;
    }
    case 'POST /compact':
      store.compact();
      send(res, 200, { resourceVersion: String(store.resourceVersion) });
      return;
    case 'GET /requests':
      send(res, 200, state.log.all());
      return;
    case 'DELETE /requests':
      state.log.clear();
      send(res, 200, { cleared: true });
      return;
    case 'GET /watches':
      send(
        res,
        200,
        state.hub.active().map((w) => ({
          id: w.id,
          user: w.user,
          resource: w.spec.rt.plural,
          group: w.spec.rt.group,
          namespace: w.spec.namespace,
        })),
      );
      return;
    default:
      throw new ApiError(404, 'NotFound', `no control endpoint ${method} ${p}`, {});
  }
}

export function handleControl(
  state: EmulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
): void {
  route(state, req, res, path).catch((e: unknown) => {
    const err =
      e instanceof ApiError ? e : new ApiError(500, 'InternalError', (e as Error).message, {});
    if (!res.headersSent) send(res, err.code, err.toStatus());
  });
}
