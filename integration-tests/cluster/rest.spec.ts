/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are asserted loosely with expect() */
import type { EmulatorServer } from './harness';
import {
  call,
  jsonPatch,
  mergePatch,
  NS,
  PODS,
  SECRETS,
  TOKEN_SECRET,
  useServer,
  type Loose,
} from './test-utils';

let s: EmulatorServer;

useServer(
  (server) => {
    s = server;
  },
  { podReadyDelayMs: 200, podTerminationDelayMs: 50 },
);

const names = (list: Loose): string[] =>
  (list.items as Loose[]).map((i) => i.metadata.name as string);

describe('get and list', () => {
  it('gets the token Secret with the fixture value, labels and owner', async () => {
    const r = await call(s, `${SECRETS}/${TOKEN_SECRET}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      data: { token: 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj' },
      metadata: {
        name: TOKEN_SECRET,
        namespace: NS,
        labels: { 'app.kubernetes.io/instance': 'ibm-license-service-reporter' },
        ownerReferences: [{ kind: 'IBMLicenseServiceReporter', name: 'instance' }],
      },
    });
  });

  it('answers a missing object with a NotFound Status worded as kube-apiserver does', async () => {
    const r = await call(s, `${SECRETS}/nope`);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'secrets "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'secrets' },
      code: 404,
    });
    const g = await call(s, `/apis/apps/v1/namespaces/${NS}/deployments/nope`);
    expect(g.body.message).toBe('deployments.apps "nope" not found');
    expect(g.body.details).toEqual({ name: 'nope', group: 'apps', kind: 'deployments' });
  });

  it('lists with a list kind, a resourceVersion, and items without apiVersion/kind for built-in types', async () => {
    const r = await call(s, SECRETS);
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe('SecretList');
    expect(r.body.apiVersion).toBe('v1');
    expect(Number(r.body.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(r.body.items[0].kind).toBeUndefined();
    const crs = await call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicenseservicereporters');
    expect(crs.body.kind).toBe('IBMLicenseServiceReporterList');
    expect(crs.body.items[0]).toMatchObject({
      apiVersion: 'operator.ibm.com/v1alpha1',
      kind: 'IBMLicenseServiceReporter',
    });
  });

  it('lists cluster-scoped resources and namespaced ones across namespaces', async () => {
    const ns = await call(s, '/api/v1/namespaces');
    expect(names(ns.body)).toEqual(expect.arrayContaining(['default', NS]));
    const licensing = await call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicensings/instance');
    expect(licensing.status).toBe(200);
    expect(licensing.body.metadata.namespace).toBeUndefined();
    const allPods = await call(s, '/api/v1/pods');
    expect(allPods.body.items.length).toBe(2);
  });

  it('filters by label selectors (=, ==, !=, in, notin, exists, !exists)', async () => {
    const sel = async (q: string): Promise<string[]> =>
      names((await call(s, `${SECRETS}?labelSelector=${encodeURIComponent(q)}`)).body);
    const all = names((await call(s, SECRETS)).body);
    const reporterOwned = await sel('app.kubernetes.io/instance=ibm-license-service-reporter');
    expect(reporterOwned).toContain(TOKEN_SECRET);
    expect(reporterOwned).not.toContain('ibm-licensing-token');
    expect(await sel('app.kubernetes.io/instance==ibm-license-service-reporter')).toEqual(
      reporterOwned,
    );
    const notReporter = await sel('app.kubernetes.io/instance!=ibm-license-service-reporter');
    expect([...notReporter, ...reporterOwned].sort()).toEqual([...all].sort());
    expect(await sel('app.kubernetes.io/instance in (ibm-license-service-reporter,other)')).toEqual(
      reporterOwned,
    );
    expect(await sel('app.kubernetes.io/instance notin (ibm-license-service-reporter)')).toEqual(
      notReporter,
    );
    expect((await sel('app.kubernetes.io/instance')).length).toBeGreaterThanOrEqual(
      reporterOwned.length,
    );
    const withoutLabel = await sel('!app.kubernetes.io/instance');
    expect(withoutLabel.every((n) => !reporterOwned.includes(n))).toBe(true);
    const pods = names(
      (
        await call(
          s,
          `${PODS}?labelSelector=${encodeURIComponent('licensing_cr=instance,app in (ibm-license-service-reporter-instance)')}`,
        )
      ).body,
    );
    expect(pods).toHaveLength(1);
    expect(pods[0]).toMatch(/^ibm-license-service-reporter-instance-/);
  });

  it('rejects a malformed label selector with 400', async () => {
    const r = await call(s, `${SECRETS}?labelSelector=${encodeURIComponent('a in (b')}`);
    expect(r.status).toBe(400);
    expect(r.body.reason).toBe('BadRequest');
  });

  it('filters by field selectors (metadata.name, metadata.namespace, status.phase) and rejects unknown fields', async () => {
    const byName = await call(
      s,
      `${SECRETS}?fieldSelector=${encodeURIComponent(`metadata.name=${TOKEN_SECRET}`)}`,
    );
    expect(names(byName.body)).toEqual([TOKEN_SECRET]);
    const notName = await call(
      s,
      `${SECRETS}?fieldSelector=${encodeURIComponent(`metadata.name!=${TOKEN_SECRET}`)}`,
    );
    expect(names(notName.body)).not.toContain(TOKEN_SECRET);
    const byNs = await call(
      s,
      `/api/v1/secrets?fieldSelector=${encodeURIComponent('metadata.namespace=default')}`,
    );
    expect(byNs.body.items).toEqual([]);
    const running = await call(
      s,
      `/api/v1/pods?fieldSelector=${encodeURIComponent('status.phase=Running')}`,
    );
    expect(running.body.items).toHaveLength(2);
    const pending = await call(
      s,
      `/api/v1/pods?fieldSelector=${encodeURIComponent('status.phase=Pending')}`,
    );
    expect(pending.body.items).toHaveLength(0);
    const bad = await call(s, `${SECRETS}?fieldSelector=${encodeURIComponent('spec.foo=bar')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('field label not supported: spec.foo');
  });

  it('paginates with limit and continue, keeping the first page resourceVersion', async () => {
    const all = names((await call(s, SECRETS)).body);
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cont: string | undefined;
    let rv: string | undefined;
    let pages = 0;
    do {
      const r = await call(
        s,
        `${SECRETS}?limit=4${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(4);
      rv ??= r.body.metadata.resourceVersion as string;
      expect(r.body.metadata.resourceVersion).toBe(rv);
      if (r.body.metadata.continue)
        expect(r.body.metadata.remainingItemCount).toBe(all.length - seen.length - 4);
      seen.push(...names(r.body));
      cont = r.body.metadata.continue as string | undefined;
      pages++;
    } while (cont);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(seen).toEqual(all);
    const bad = await call(s, `${SECRETS}?limit=2&continue=garbage`);
    expect(bad.status).toBe(400);
  });
});

describe('writes', () => {
  const cm = (name: string, data: Record<string, string> = { a: '1' }): Loose => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, labels: { team: 'x' } },
    data,
  });

  it('creates, reads, updates and deletes, bumping the global resourceVersion each time', async () => {
    const before = Number((await call(s, SECRETS)).body.metadata.resourceVersion);
    const created = await call(s, `/api/v1/namespaces/${NS}/configmaps`, {
      method: 'POST',
      body: cm('c1'),
    });
    expect(created.status).toBe(201);
    const rv1 = Number(created.body.metadata.resourceVersion);
    expect(rv1).toBeGreaterThan(before);
    expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.metadata.creationTimestamp).toMatch(/Z$/);
    expect(created.body.metadata.namespace).toBe(NS);

    const dup = await call(s, `/api/v1/namespaces/${NS}/configmaps`, {
      method: 'POST',
      body: cm('c1'),
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'configmaps "c1" already exists',
    });

    const upd = await call(s, `/api/v1/namespaces/${NS}/configmaps/c1`, {
      method: 'PUT',
      body: { ...created.body, data: { a: '2' } },
    });
    expect(upd.status).toBe(200);
    expect(upd.body.data).toEqual({ a: '2' });
    expect(Number(upd.body.metadata.resourceVersion)).toBeGreaterThan(rv1);
    expect(upd.body.metadata.uid).toBe(created.body.metadata.uid);

    const del = await call(s, `/api/v1/namespaces/${NS}/configmaps/c1`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'c1', kind: 'configmaps', uid: created.body.metadata.uid },
    });
    expect((await call(s, `/api/v1/namespaces/${NS}/configmaps/c1`)).status).toBe(404);
  });

  it('answers a PUT with a stale resourceVersion with 409 Conflict', async () => {
    const cur = (await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body;
    const first = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PUT',
      body: { ...cur, data: { token: 'QUJD' } },
    });
    expect(first.status).toBe(200);
    const stale = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PUT',
      body: { ...cur, data: { token: 'REVG' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
      message: `Operation cannot be fulfilled on secrets "${TOKEN_SECRET}": the object has been modified; please apply your changes to the latest version and try again`,
    });
    expect((await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body.data.token).toBe('QUJD');
  });

  it('rejects a PUT whose body names another object', async () => {
    const cur = (await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body;
    const r = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PUT',
      body: { ...cur, metadata: { ...cur.metadata, name: 'other' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(
      `the name of the object (other) does not match the name on the URL (${TOKEN_SECRET})`,
    );
  });

  it('applies a JSON patch, keeping labels, and honours test operations (422 when one fails)', async () => {
    const cur = (await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body;
    const ok = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'test', path: '/data/token', value: cur.data.token },
      { op: 'replace', path: '/data/token', value: 'TmV3VG9rZW4=' },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.data.token).toBe('TmV3VG9rZW4=');
    expect(ok.body.metadata.labels).toEqual(cur.metadata.labels);
    expect(ok.body.metadata.ownerReferences).toEqual(cur.metadata.ownerReferences);
    expect(Number(ok.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(cur.metadata.resourceVersion),
    );

    const failed = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'test', path: '/data/token', value: cur.data.token },
      { op: 'replace', path: '/data/token', value: 'WFhY' },
    ]);
    expect(failed.status).toBe(422);
    expect(failed.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
    });
    expect((await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body.data.token).toBe('TmV3VG9rZW4=');

    const rvTest = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'test', path: '/metadata/resourceVersion', value: cur.metadata.resourceVersion },
      { op: 'replace', path: '/data/token', value: 'WFhY' },
    ]);
    expect(rvTest.status).toBe(422);
  });

  it('answers a JSON patch into a missing map with 422 and a malformed patch with 400', async () => {
    const missing = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'add', path: '/metadata/annotations/x', value: 'y' },
    ]);
    expect(missing.status).toBe(422);
    const malformed = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PATCH',
      body: { op: 'add' },
      contentType: 'application/json-patch+json',
    });
    expect(malformed.status).toBe(400);
    const unknownOp = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'frobnicate', path: '/data' },
    ]);
    expect(unknownOp.status).toBe(400);
  });

  it('answers a patch that sets a stale resourceVersion with 409', async () => {
    const r = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/metadata/resourceVersion', value: '1' },
    ]);
    expect(r.status).toBe(409);
    expect(r.body.reason).toBe('Conflict');
  });

  it('applies merge patches (strategic merge treated as merge) and refuses other patch types', async () => {
    const m = await mergePatch(s, `${SECRETS}/${TOKEN_SECRET}`, {
      metadata: { annotations: { note: 'hi' } },
      data: { extra: 'eA==' },
    });
    expect(m.status).toBe(200);
    expect(m.body.metadata.annotations).toEqual({ note: 'hi' });
    expect(m.body.data).toEqual({ token: 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj', extra: 'eA==' });
    const remove = await mergePatch(s, `${SECRETS}/${TOKEN_SECRET}`, { data: { extra: null } });
    expect(remove.body.data).toEqual({ token: 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj' });
    const smp = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PATCH',
      body: { metadata: { labels: { extra: 'y' } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(smp.status).toBe(200);
    expect(smp.body.metadata.labels).toMatchObject({
      extra: 'y',
      'app.kubernetes.io/instance': 'ibm-license-service-reporter',
    });
    const other = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'PATCH',
      body: {},
      contentType: 'application/json',
    });
    expect(other.status).toBe(415);
  });

  it('validates Secret data as base64 and turns stringData into data', async () => {
    const bad = await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/data/token', value: 'not base64!' },
    ]);
    expect(bad.status).toBe(400);
    const created = await call(s, SECRETS, {
      method: 'POST',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's1' },
        stringData: { token: 'abc' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ token: 'YWJj' });
    expect(created.body.stringData).toBeUndefined();
    expect(created.body.type).toBe('Opaque');
  });

  it('bumps generation on spec changes only', async () => {
    const path = `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters/instance`;
    const cur = (await call(s, path)).body;
    const g0 = cur.metadata.generation as number;
    const labels = await mergePatch(s, path, { metadata: { labels: { a: 'b' } } });
    expect(labels.body.metadata.generation).toBe(g0);
    const spec = await mergePatch(s, path, { spec: { apiSecretToken: 'x' } });
    expect(spec.body.metadata.generation).toBe(g0 + 1);
  });

  it('refuses to create in a namespace that does not exist, and supports generateName', async () => {
    const r = await call(s, '/api/v1/namespaces/nowhere/configmaps', {
      method: 'POST',
      body: cm('c'),
    });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('namespaces "nowhere" not found');
    const ns = await call(s, '/api/v1/namespaces', {
      method: 'POST',
      body: { metadata: { name: 'created' } },
    });
    expect(ns.body).toMatchObject({
      status: { phase: 'Active' },
      metadata: { labels: { 'kubernetes.io/metadata.name': 'created' } },
    });
    const g = await call(s, `/api/v1/namespaces/${NS}/configmaps`, {
      method: 'POST',
      body: { metadata: { generateName: 'gen-' }, data: {} },
    });
    expect(g.status).toBe(201);
    expect(g.body.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    const noName = await call(s, `/api/v1/namespaces/${NS}/configmaps`, {
      method: 'POST',
      body: { metadata: {} },
    });
    expect(noName.status).toBe(422);
    expect(noName.body.reason).toBe('Invalid');
  });

  it('deletes a collection by label selector and answers the deleted items', async () => {
    for (const [n, team] of [
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
    ] as const) {
      await call(s, `/api/v1/namespaces/${NS}/configmaps`, {
        method: 'POST',
        body: { metadata: { name: n, labels: { team } } },
      });
    }
    const r = await call(s, `/api/v1/namespaces/${NS}/configmaps?labelSelector=team%3Dx`, {
      method: 'DELETE',
    });
    expect(r.status).toBe(200);
    expect(r.body.kind).toBe('ConfigMapList');
    expect(names(r.body).sort()).toEqual(['a', 'b']);
    expect(names((await call(s, `/api/v1/namespaces/${NS}/configmaps`)).body)).toEqual(['c']);
  });

  it('honours delete preconditions', async () => {
    const r = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      method: 'DELETE',
      body: { preconditions: { uid: 'not-the-uid' } },
    });
    expect(r.status).toBe(409);
    expect(r.body.message).toContain('Precondition failed: UID in precondition: not-the-uid');
  });

  it('garbage-collects dependents: deleting a Reporter CR deletes the Secrets it owns', async () => {
    const r = await call(
      s,
      `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters/instance`,
      { method: 'DELETE' },
    );
    expect(r.status).toBe(200);
    expect((await call(s, `${SECRETS}/${TOKEN_SECRET}`)).status).toBe(404);
    expect((await call(s, `${SECRETS}/ibm-licensing-token`)).status).toBe(200);
  });

  it('keeps status on main-resource writes and spec on /status writes', async () => {
    const path = `/apis/apps/v1/namespaces/${NS}/deployments/ibm-license-service-reporter-instance`;
    const cur = (await call(s, path)).body;
    const main = await mergePatch(s, path, {
      status: { replicas: 42 },
      metadata: { labels: { x: 'y' } },
    });
    expect(main.body.status.replicas).toBe(cur.status.replicas);
    const status = await mergePatch(s, `${path}/status`, {
      status: { replicas: 42 },
      metadata: { labels: { z: 'w' } },
    });
    expect(status.body.status.replicas).toBe(42);
    expect(status.body.metadata.labels.z).toBeUndefined();
  });

  it('answers unknown paths and methods with Status errors', async () => {
    expect((await call(s, '/api/v1/namespaces/x/widgets')).status).toBe(404);
    expect((await call(s, '/apis/nope.example.com/v1/things')).status).toBe(404);
    const r = await call(s, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(r.status).toBe(405);
    expect(r.body.reason).toBe('MethodNotAllowed');
  });
});
