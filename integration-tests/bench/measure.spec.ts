/** @jest-environment node */
import type { K8sRequest, Recorded, RotationRun } from './measure';
import {
  bundledLibraries,
  checkRotationWrites,
  contentMarkers,
  describeK8s,
  entryBreakdown,
  gzipSize,
  isUnscopedPodOrSecretRead,
  percentile,
  requestKey,
  sequentialPodWaits,
} from './measure';

const rec = (method: string, path: string, websocket = false): Recorded => ({
  method,
  url: `http://127.0.0.1${path}`,
  path,
  resourceType: websocket ? 'websocket' : 'fetch',
  websocket,
  started: 0,
  status: 200,
});

const k8s = (method: string, path: string, started = 0): K8sRequest => ({
  ...describeK8s(rec(method, `/api/kubernetes${path}`)),
  started,
});

describe('describeK8s', () => {
  it('names resource, verb, scope and selectors', () => {
    const r = describeK8s(
      rec(
        'GET',
        '/api/kubernetes/api/v1/namespaces/ns1/secrets?watch=true&fieldSelector=metadata.name%3Dtok',
        true,
      ),
    );
    expect(r).toMatchObject({
      resource: 'secrets',
      namespace: 'ns1',
      verb: 'watch',
      fieldSelector: 'metadata.name=tok',
    });
    expect(requestKey(r)).toBe('watch secrets ns/ns1 fieldSelector=metadata.name=tok');
    expect(describeK8s(rec('GET', '/api/kubernetes/apis/apps/v1')).verb).toBe('discovery');
    expect(
      describeK8s(rec('GET', '/api/kubernetes/apis/operator.ibm.com/v1alpha1/things?limit=250')),
    ).toMatchObject({ resource: 'things.operator.ibm.com', verb: 'list' });
    expect(
      describeK8s(rec('DELETE', '/api/kubernetes/api/v1/namespaces/a/pods?labelSelector=x%3Dy')),
    ).toMatchObject({ verb: 'deletecollection', labelSelector: 'x=y' });
  });

  it('flags Pod and Secret reads that are not scoped by namespace and selector', () => {
    expect(isUnscopedPodOrSecretRead(k8s('GET', '/api/v1/pods'))).toBe(true);
    expect(isUnscopedPodOrSecretRead(k8s('GET', '/api/v1/namespaces/a/secrets'))).toBe(true);
    expect(isUnscopedPodOrSecretRead(k8s('GET', '/api/v1/pods?labelSelector=app%3Dx'))).toBe(true);
    expect(
      isUnscopedPodOrSecretRead(k8s('GET', '/api/v1/namespaces/a/pods?labelSelector=app%3Dx')),
    ).toBe(false);
    expect(isUnscopedPodOrSecretRead(k8s('GET', '/api/v1/namespaces/a/secrets/s'))).toBe(false);
  });
});

describe('checkRotationWrites', () => {
  const targets = {
    secrets: ['a/tok', 'b/tok'],
    workloads: { 'a/ReplicaSet/r1': ['p1', 'p2'], 'b/ReplicaSet/r2': ['q1'] },
  };
  const run = (writes: K8sRequest[]): RotationRun => ({
    totalMs: 1,
    outcome: '',
    stepStatuses: ['done'],
    writes,
    readsByResource: {},
    targets,
  });
  const good = [
    k8s('PATCH', '/api/v1/namespaces/a/secrets/tok'),
    k8s('PATCH', '/api/v1/namespaces/b/secrets/tok'),
    k8s('DELETE', '/api/v1/namespaces/a/pods/p1'),
    k8s('DELETE', '/api/v1/namespaces/a/pods/p2'),
    k8s('DELETE', '/api/v1/namespaces/b/pods/q1'),
  ];

  it('accepts one write per copy and one delete per pod', () => {
    expect(checkRotationWrites(run(good))).toEqual({
      problems: [],
      byVerb: { 'DELETE pods': 3, 'PATCH secrets': 2 },
    });
  });

  it('accepts one collection delete or one restart patch per workload', () => {
    const writes = [
      ...good.slice(0, 2),
      k8s('DELETE', '/api/v1/namespaces/a/pods?labelSelector=app%3Dr'),
      k8s('PATCH', '/apis/apps/v1/namespaces/b/deployments/r2'),
    ];
    expect(checkRotationWrites(run(writes)).problems).toEqual([]);
  });

  it('reports a retried write, a missed copy, a missed pod and a stray write', () => {
    const problems = checkRotationWrites(
      run([
        good[0] as K8sRequest,
        good[0] as K8sRequest,
        k8s('PATCH', '/api/v1/namespaces/a/secrets/other'),
        k8s('DELETE', '/api/v1/namespaces/a/pods/p1'),
        k8s('DELETE', '/api/v1/namespaces/b/pods/q1'),
        k8s('DELETE', '/api/v1/namespaces/b/pods/q1'),
      ]),
    ).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'Secret a/tok written 2 times (expected 1)',
        'Secret b/tok written 0 times (expected 1)',
        'Secret a/other written but holds no token copy',
        expect.stringContaining('workload a/ReplicaSet/r1'),
        expect.stringContaining('workload b/ReplicaSet/r2'),
      ]),
    );
  });
});

describe('sequentialPodWaits', () => {
  const run = (starts: number[]): RotationRun => ({
    totalMs: 0,
    outcome: '',
    stepStatuses: [],
    readsByResource: {},
    targets: { secrets: [], workloads: { w1: ['p1'], w2: ['p2'] } },
    writes: starts.map((t, i) => k8s('DELETE', `/api/v1/namespaces/n/pods/p${String(i + 1)}`, t)),
  });
  it('counts workloads whose pods were deleted after the previous ones started', () => {
    expect(sequentialPodWaits(run([0, 1050]), 1000)).toBe(2);
    expect(sequentialPodWaits(run([0, 20]), 1000)).toBe(1);
    expect(sequentialPodWaits(run([]), 1000)).toBe(0);
  });
});

describe('bundledLibraries', () => {
  it('finds PatternFly and react-dom modules, not shared-module stubs', () => {
    const map = [
      {
        file: 'a.js',
        chunkNames: [],
        modules: [
          {
            name: 'consume shared module (default) @patternfly/react-core/dist/dynamic/components/Button@^6.4.2 (strict) (fallback: ../node_modules/@patternfly/react-core/dist/esm/index.js)',
            size: 42,
          },
          { name: './components/TokenPage.tsx', size: 100 },
        ],
      },
      {
        file: 'b.js',
        chunkNames: [],
        modules: [
          {
            name: '../node_modules/@patternfly/react-core/dist/esm/components/Button/Button.js',
            size: 10,
          },
          { name: '../node_modules/react-dom/cjs/react-dom.production.min.js', size: 20 },
        ],
      },
    ];
    expect(bundledLibraries(['a.js'], map)).toEqual([]);
    expect(bundledLibraries(['a.js', 'b.js'], map)).toEqual([
      { file: 'b.js', library: 'patternfly', modules: 1, sourceBytes: 10 },
      { file: 'b.js', library: 'react-dom', modules: 1, sourceBytes: 20 },
    ]);
  });
});

describe('figures', () => {
  it('percentile is nearest-rank', () => {
    const v = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(10);
    expect(percentile(v, 95)).toBe(19);
    expect(percentile([], 50)).toBeNaN();
  });
  it('gzipSize compresses at level 9', () => {
    const text = Buffer.from('a'.repeat(10_000));
    expect(gzipSize(text)).toBeLessThan(100);
    expect(gzipSize(Buffer.alloc(0))).toBe(20);
  });
});

describe('entryBreakdown', () => {
  it('prices the chunk map and the PatternFly module names by difference', () => {
    const entry = Buffer.from(
      `n.u=e=>e+"-chunk."+{87:"8a5c4383",152:"08d7c3d9"}[e]+".min.js";` +
        `s("@patternfly/react-core/dist/dynamic/components/Alert","6.4.2");` +
        `s("@patternfly/react-icons/dist/dynamic/icons/eye-icon","6.4.0");`,
    );
    const b = entryBreakdown(entry);
    expect(b.chunksNamed).toBe(2);
    expect(b.patternflyModules).toBe(2);
    expect(b.chunkMapGzip).toBeGreaterThan(0);
    expect(b.patternflyNamesGzip).toBeGreaterThan(0);
    expect(b.gzip).toBe(gzipSize(entry));
  });
});

describe('contentMarkers', () => {
  it('recognises PatternFly component code and react-dom, not the plugin’s own classes', () => {
    expect(contentMarkers(Buffer.from('const s={button:"pf-v6-c-button"};'))).toEqual([
      'patternfly',
    ]);
    expect(contentMarkers(Buffer.from('var k="__reactFiber$"+r;'))).toEqual(['react-dom']);
    expect(
      contentMarkers(Buffer.from('className:"pf-v6-screen-reader lsr-token-plugin__value"')),
    ).toEqual([]);
  });
});
