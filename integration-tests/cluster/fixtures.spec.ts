/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- API answers are asserted loosely with expect() */
import type { EmulatorServer } from './harness';
import { FIXTURE_NAMES } from './fixtures';
import { call, REPORTERS, TOKEN_SECRET, useServer, type Loose } from './test-utils';

let s: EmulatorServer;

useServer((server) => {
  s = server;
});

const names = (list: Loose): string[] =>
  (list.items as Loose[]).map(
    (i) => `${String(i.metadata.namespace ?? '')}/${String(i.metadata.name)}`,
  );
const TOKEN = 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj';

describe('fixtures', () => {
  it('default: one Reporter, License Service in the same namespace, the fixture token', async () => {
    await s.control.reset('default');
    expect(names((await call(s, REPORTERS)).body)).toEqual(['ibm-ls-reporter/instance']);
    const ls = (await call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicensings/instance')).body;
    expect(ls.spec.instanceNamespace).toBe('ibm-ls-reporter');
    const token = (await call(s, `/api/v1/namespaces/ibm-ls-reporter/secrets/${TOKEN_SECRET}`))
      .body;
    expect(token.data.token).toBe(TOKEN);
    const decoy = await call(s, '/api/v1/namespaces/ibm-ls-reporter/secrets/ibm-licensing-token');
    expect(decoy.status).toBe(200);
    const pods = names((await call(s, '/api/v1/pods')).body);
    expect(pods).toEqual([
      'ibm-ls-reporter/ibm-license-service-reporter-instance-grpft4jmlc-k7kxs',
      'ibm-ls-reporter/ibm-licensing-service-instance-wtgzrrk9rd-8khn2',
    ]);
    expect((await s.control.state()).reporterNamespaces).toEqual(['ibm-ls-reporter']);
  });

  it('other-namespace: two Reporters; License Service in ibm-licensing with its own unlabelled copy of the token', async () => {
    await s.control.reset('other-namespace');
    expect(names((await call(s, REPORTERS)).body)).toEqual([
      'ibm-licensing/ibm-lsr-instance',
      'ibm-ls-reporter/instance',
    ]);
    const custom = (
      await call(
        s,
        '/apis/operator.ibm.com/v1alpha1/namespaces/ibm-licensing/ibmlicenseservicereporters/ibm-lsr-instance',
      )
    ).body;
    expect(custom.spec.apiSecretToken).toBe('my-lsr-token');
    expect((await call(s, '/api/v1/namespaces/ibm-licensing/secrets/my-lsr-token')).status).toBe(
      200,
    );
    const copy = (await call(s, `/api/v1/namespaces/ibm-licensing/secrets/${TOKEN_SECRET}`)).body;
    expect(copy.data.token).toBe(TOKEN);
    expect(copy.metadata.labels).toBeUndefined();
    expect(copy.metadata.ownerReferences).toBeUndefined();
    const ls = (await call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicensings/instance')).body;
    expect(ls.spec.instanceNamespace).toBe('ibm-licensing');
    expect((await s.control.state()).reporterNamespaces).toEqual([
      'ibm-licensing',
      'ibm-ls-reporter',
    ]);
  });

  it('two-reporters: two Reporters, no License Service', async () => {
    await s.control.reset('two-reporters');
    expect(names((await call(s, REPORTERS)).body)).toHaveLength(2);
    const ls = await call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicensings');
    expect(ls.body.items).toEqual([]);
  });

  it('no-reporter: no Reporter CRD (404 on its URL, absent from discovery), namespaces only', async () => {
    await s.control.reset('no-reporter');
    const r = await call(s, REPORTERS);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    const rl = (await call(s, '/apis/operator.ibm.com/v1alpha1')).body;
    expect(rl.resources.map((x: Loose) => x.name)).toEqual([
      'ibmlicensings',
      'ibmlicensings/status',
    ]);
    const crds = names(
      (await call(s, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).body,
    );
    expect(crds).toEqual(['/ibmlicensings.operator.ibm.com']);
    expect((await call(s, '/api/v1/secrets')).body.items).toEqual([]);
    expect(names((await call(s, '/api/v1/namespaces')).body).length).toBeGreaterThanOrEqual(3);
    expect((await s.control.state()).reporterNamespaces).toEqual([]);
  });

  it('large: default plus >= 50 namespaces, >= 2,000 pods and >= 1,000 Secrets, loaded in < 2 s', async () => {
    const t0 = Date.now();
    const r = await s.control.reset('large');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.loadMs).toBeLessThan(2000);
    const ns = (await call(s, '/api/v1/namespaces')).body.items.length;
    const pods = (await call(s, '/api/v1/pods')).body.items as Loose[];
    const secrets = (await call(s, '/api/v1/secrets')).body.items.length;
    expect(ns).toBeGreaterThanOrEqual(50);
    expect(pods.length).toBeGreaterThanOrEqual(2000);
    expect(secrets).toBeGreaterThanOrEqual(1000);
    expect(names((await call(s, REPORTERS)).body)).toEqual(['ibm-ls-reporter/instance']);
    // Generated objects are clones of the fixture shapes, with consistent owner references.
    const pod = pods.find((p) => p.metadata.namespace === 'lsr-load-07');
    expect(pod.spec.containers.map((c: Loose) => c.name)).toEqual(
      expect.arrayContaining(['reporter-ui', 'receiver']),
    );
    const rsName = pod.metadata.ownerReferences[0].name as string;
    const rs = await call(s, `/apis/apps/v1/namespaces/lsr-load-07/replicasets/${rsName}`);
    expect(rs.status).toBe(200);
    expect(rs.body.metadata.uid).toBe(pod.metadata.ownerReferences[0].uid);
    expect(new Set(pods.map((p) => p.metadata.uid)).size).toBe(pods.length);
    const page = await call(s, '/api/v1/pods?limit=250');
    expect(page.body.items).toHaveLength(250);
    expect(page.body.metadata.remainingItemCount).toBe(pods.length - 250);
  });

  it('every fixture loads, and GET /state reports it', async () => {
    for (const f of FIXTURE_NAMES) {
      const r = await s.control.reset(f);
      expect(r.objects).toBeGreaterThan(3);
      const st = await s.control.state();
      expect(st.fixture).toBe(f);
      expect(st.fixtures).toEqual(FIXTURE_NAMES);
      expect(st.users.map((u) => u.name)).toEqual(['admin', 'viewer', 'outsider', 'rotator-ns']);
    }
  });

  it('refuses an unknown fixture', async () => {
    await expect(s.control.reset('nope' as never)).rejects.toThrow(/400/);
  });
});

describe('discovery', () => {
  beforeAll(async () => {
    await s.control.reset('default');
  });

  it('serves /api, /api/v1, /apis and /apis/<g>/<v> with the Reporter CRD installed', async () => {
    const api = (await call(s, '/api')).body;
    expect(api).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const v1 = (await call(s, '/api/v1')).body;
    expect(v1.kind).toBe('APIResourceList');
    expect(v1.groupVersion).toBe('v1');
    const secrets = v1.resources.find((r: Loose) => r.name === 'secrets');
    expect(secrets).toEqual({
      name: 'secrets',
      singularName: 'secret',
      namespaced: true,
      kind: 'Secret',
      verbs: expect.arrayContaining(['get', 'list', 'watch', 'patch', 'deletecollection']),
    });
    const groups = (await call(s, '/apis')).body;
    expect(groups.kind).toBe('APIGroupList');
    const op = groups.groups.find((g: Loose) => g.name === 'operator.ibm.com');
    expect(op).toEqual({
      name: 'operator.ibm.com',
      versions: [{ groupVersion: 'operator.ibm.com/v1alpha1', version: 'v1alpha1' }],
      preferredVersion: { groupVersion: 'operator.ibm.com/v1alpha1', version: 'v1alpha1' },
    });
    expect(groups.groups.map((g: Loose) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'route.openshift.io',
        'authorization.k8s.io',
        'apiextensions.k8s.io',
      ]),
    );
    const opRes = (await call(s, '/apis/operator.ibm.com/v1alpha1')).body;
    expect(
      opRes.resources.find((r: Loose) => r.name === 'ibmlicenseservicereporters'),
    ).toMatchObject({
      singularName: 'ibmlicenseservicereporter',
      namespaced: true,
      kind: 'IBMLicenseServiceReporter',
    });
    expect(opRes.resources.find((r: Loose) => r.name === 'ibmlicensings')).toMatchObject({
      namespaced: false,
      kind: 'IBMLicensing',
    });
    expect((await call(s, '/apis/operator.ibm.com')).body.kind).toBe('APIGroup');
    expect((await call(s, '/apis/nope.example.com/v1')).status).toBe(404);
  });

  it('adds and removes a group when a CRD is created and deleted', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true }],
      },
    };
    const c = await call(s, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      method: 'POST',
      body: crd,
    });
    expect(c.status).toBe(201);
    expect((await call(s, '/apis')).body.groups.map((g: Loose) => g.name)).toContain('example.com');
    const w = await call(s, '/apis/example.com/v1/namespaces/default/widgets', {
      method: 'POST',
      body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
    });
    expect(w.status).toBe(201);
    await call(s, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com', {
      method: 'DELETE',
    });
    expect((await call(s, '/apis')).body.groups.map((g: Loose) => g.name)).not.toContain(
      'example.com',
    );
    expect((await call(s, '/apis/example.com/v1/namespaces/default/widgets')).status).toBe(404);
  });
});
