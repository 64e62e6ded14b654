/**
 * Fixture clusters, built from the shared YAML fixtures (objects shaped as the IBM operators make them).
 * The 'large' cluster is generated at load time by cloning and renaming those objects.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAll } from 'js-yaml';
import { clone, deepEqual, isKObject, newUid, type KObject, type OwnerReference } from './objects';
import type { Store } from './store';

export type FixtureName = 'default' | 'other-namespace' | 'two-reporters' | 'no-reporter' | 'large';

export const FIXTURES: { name: FixtureName; description: string }[] = [
  {
    name: 'default',
    description: 'Reporter "instance" in ibm-ls-reporter; License Service in the same namespace',
  },
  {
    name: 'other-namespace',
    description:
      'Reporter "instance" in ibm-ls-reporter; License Service in ibm-licensing with its own copy of the token Secret; Reporter "ibm-lsr-instance" (spec.apiSecretToken my-lsr-token) in ibm-licensing',
  },
  {
    name: 'two-reporters',
    description:
      'Reporters "instance" (ibm-ls-reporter) and "ibm-lsr-instance" (ibm-licensing); no License Service',
  },
  {
    name: 'no-reporter',
    description: 'No Reporter CRD and no Reporter; the IBMLicensing CRD and a few namespaces only',
  },
  {
    name: 'large',
    description:
      "'default' plus 50 namespaces holding 2,000 pods (200 Deployments) and 1,000 Secrets cloned from the fixture objects",
  },
];

export const FIXTURE_NAMES: FixtureName[] = FIXTURES.map((f) => f.name);

export function isFixtureName(v: unknown): v is FixtureName {
  return typeof v === 'string' && (FIXTURE_NAMES as string[]).includes(v);
}

const REPORTER_CRD = 'ibmlicenseservicereporters.operator.ibm.com';

export function sharedDir(): string {
  return process.env.LSR_SHARED_DIR ?? path.resolve(__dirname, '../../../shared');
}

const parsed = new Map<string, KObject[]>();

/** The objects of one fixture file (parsed once, cloned for every use). */
export function fixtureFile(file: string): KObject[] {
  const full = path.join(sharedDir(), 'fixtures', file);
  let docs = parsed.get(full);
  if (!docs) {
    docs = loadAll(readFileSync(full, 'utf8')).filter(isKObject);
    parsed.set(full, docs);
  }
  return clone(docs);
}

/** Namespaces every cluster has, cloned from the fixture Namespace's shape. */
function baseNamespaces(shape: KObject): KObject[] {
  return ['default', 'kube-system', 'openshift-console'].map((name) => namespaceLike(shape, name));
}

function namespaceLike(shape: KObject, name: string): KObject {
  const ns = clone(shape);
  ns.metadata = {
    ...ns.metadata,
    name,
    labels: { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name },
  };
  delete ns.metadata.uid;
  delete ns.metadata.resourceVersion;
  return ns;
}

function namespaceShape(): KObject {
  const ns = fixtureFile('reporter-instance.yaml').find((o) => o.kind === 'Namespace');
  if (!ns) throw new Error('reporter-instance.yaml has no Namespace');
  return ns;
}

function objectsOf(fixture: FixtureName): KObject[] {
  const crds = fixtureFile('crds.yaml');
  const shape = namespaceShape();
  switch (fixture) {
    case 'default':
    case 'large':
      return [
        ...crds,
        ...baseNamespaces(shape),
        ...fixtureFile('reporter-instance.yaml'),
        ...fixtureFile('license-service-same-ns.yaml'),
      ];
    case 'other-namespace':
      return [
        ...crds,
        ...baseNamespaces(shape),
        ...fixtureFile('reporter-instance.yaml'),
        ...fixtureFile('license-service-other-ns.yaml'),
        ...fixtureFile('reporter-custom.yaml'),
      ];
    case 'two-reporters':
      return [
        ...crds,
        ...baseNamespaces(shape),
        ...fixtureFile('reporter-instance.yaml'),
        ...fixtureFile('reporter-custom.yaml'),
      ];
    case 'no-reporter':
      return [
        ...crds.filter((c) => c.metadata.name !== REPORTER_CRD),
        ...baseNamespaces(shape),
        namespaceLike(shape, 'ibm-licensing'),
        namespaceLike(shape, 'team-a'),
      ];
  }
}

function identity(o: KObject): string {
  return `${o.apiVersion ?? ''}|${o.kind ?? ''}|${o.metadata.namespace ?? ''}|${o.metadata.name ?? ''}`;
}

/** Loads a fixture into an empty store; returns how many objects were stored. */
export function loadFixture(store: Store, fixture: FixtureName): number {
  const seen = new Map<string, KObject>();
  const ordered: KObject[] = [];
  for (const o of objectsOf(fixture)) {
    const id = identity(o);
    const prev = seen.get(id);
    if (prev) {
      // The same object may appear in two files (a shared Namespace); different content is a fixture error.
      if (!deepEqual(prev, o))
        throw new Error(`fixture ${fixture}: two different definitions of ${id}`);
      continue;
    }
    seen.set(id, o);
    ordered.push(o);
  }
  // CRDs first so that their kinds are known, then namespaces, then the rest.
  const rank = (o: KObject): number =>
    o.kind === 'CustomResourceDefinition' ? 0 : o.kind === 'Namespace' ? 1 : 2;
  ordered.sort((a, b) => rank(a) - rank(b));
  for (const o of ordered) {
    const rt = store.registry.forObject(o, true);
    if (!rt) throw new Error(`fixture ${fixture}: object without apiVersion/kind: ${identity(o)}`);
    store.load(rt, o);
  }
  let count = ordered.length;
  if (fixture === 'large') count += generateLarge(store);
  return count;
}

export const LARGE = {
  namespaces: 50,
  workloadsPerNamespace: 4,
  podsPerWorkload: 10,
  secretsPerNamespace: 20,
};

/** A deterministic 5-character pod name suffix in the Kubernetes suffix alphabet. */
function indexSuffix(i: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  let n = i;
  for (let k = 0; k < 5; k++) {
    s = (alphabet[n % alphabet.length] ?? 'b') + s;
    n = Math.floor(n / alphabet.length);
  }
  return s;
}

interface WorkloadShape {
  deployment: KObject;
  replicaSet: KObject;
  pod: KObject;
  name: string;
}

function workloadShapes(): WorkloadShape[] {
  const out: WorkloadShape[] = [];
  for (const file of ['reporter-instance.yaml', 'license-service-same-ns.yaml']) {
    const objs = fixtureFile(file);
    const pod = objs.find((o) => o.kind === 'Pod');
    const rsName = pod?.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet')?.name;
    const replicaSet = objs.find((o) => o.kind === 'ReplicaSet' && o.metadata.name === rsName);
    const depName = replicaSet?.metadata.ownerReferences?.find(
      (r) => r.kind === 'Deployment',
    )?.name;
    const deployment = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === depName);
    if (!pod || !replicaSet || !deployment || !depName)
      throw new Error(`${file}: no Deployment/ReplicaSet/Pod chain`);
    out.push({ deployment, replicaSet, pod, name: depName });
  }
  return out;
}

function secretShapes(): KObject[] {
  const files = ['reporter-instance.yaml', 'license-service-same-ns.yaml'];
  return files.flatMap((f) => fixtureFile(f).filter((o) => o.kind === 'Secret'));
}

function ownerRef(o: KObject, kind: string, apiVersion: string): OwnerReference {
  return {
    apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind,
    name: o.metadata.name ?? '',
    uid: o.metadata.uid ?? '',
  };
}

/** Renames a workload: every occurrence of the Deployment name (names, labels, selectors) gets the new one. */
function renamed(o: KObject, from: string, to: string, ns: string): KObject {
  const out = JSON.parse(JSON.stringify(o).split(from).join(to)) as KObject;
  out.metadata.namespace = ns;
  out.metadata.uid = newUid();
  delete out.metadata.resourceVersion;
  return out;
}

function generateLarge(store: Store): number {
  const shapes = workloadShapes();
  const secrets = secretShapes();
  const nsShape = namespaceShape();
  const reg = store.registry;
  const nsType = reg.find('', 'v1', 'namespaces');
  const depType = reg.find('apps', 'v1', 'deployments');
  const rsType = reg.find('apps', 'v1', 'replicasets');
  const podType = reg.find('', 'v1', 'pods');
  const secretType = reg.find('', 'v1', 'secrets');
  if (!nsType || !depType || !rsType || !podType || !secretType)
    throw new Error('built-in types missing');
  let count = 0;
  let podIndex = 0;
  for (let n = 1; n <= LARGE.namespaces; n++) {
    const ns = `lsr-load-${String(n).padStart(2, '0')}`;
    store.load(nsType, namespaceLike(nsShape, ns));
    count++;
    for (let w = 0; w < LARGE.workloadsPerNamespace; w++) {
      const shape = shapes[w % shapes.length];
      if (!shape) continue;
      const name = `${shape.name}-w${w + 1}`;
      const dep = renamed(shape.deployment, shape.name, name, ns);
      delete dep.metadata.ownerReferences;
      const spec = dep.spec as { replicas?: number };
      spec.replicas = LARGE.podsPerWorkload;
      dep.status = {
        ...(dep.status as object),
        replicas: LARGE.podsPerWorkload,
        readyReplicas: LARGE.podsPerWorkload,
        availableReplicas: LARGE.podsPerWorkload,
        updatedReplicas: LARGE.podsPerWorkload,
      };
      store.load(depType, dep);
      const rs = renamed(shape.replicaSet, shape.name, name, ns);
      rs.metadata.ownerReferences = [ownerRef(dep, 'Deployment', 'apps/v1')];
      (rs.spec as { replicas?: number }).replicas = LARGE.podsPerWorkload;
      rs.status = {
        ...(rs.status as object),
        replicas: LARGE.podsPerWorkload,
        readyReplicas: LARGE.podsPerWorkload,
        availableReplicas: LARGE.podsPerWorkload,
        fullyLabeledReplicas: LARGE.podsPerWorkload,
      };
      store.load(rsType, rs);
      const podBase = renamed(shape.pod, shape.name, name, ns);
      const rsName = rs.metadata.name ?? name;
      const podStatus = podBase.status as Record<string, unknown>;
      for (let p = 0; p < LARGE.podsPerWorkload; p++) {
        podIndex++;
        const ip = `10.129.${Math.floor(podIndex / 250)}.${(podIndex % 250) + 2}`;
        // Pods of one workload share their (immutable) spec; each write replaces the whole object.
        const pod: KObject = {
          ...podBase,
          metadata: {
            ...podBase.metadata,
            name: `${rsName}-${indexSuffix(podIndex)}`,
            uid: newUid(),
            ownerReferences: [ownerRef(rs, 'ReplicaSet', 'apps/v1')],
          },
          status: { ...podStatus, podIP: ip, podIPs: [{ ip }] },
        };
        store.load(podType, pod);
        count++;
      }
      count += 2;
    }
    for (let s = 0; s < LARGE.secretsPerNamespace; s++) {
      const shape = secrets[s % secrets.length];
      if (!shape) continue;
      const round = Math.floor(s / secrets.length);
      const secret = clone(shape);
      secret.metadata = { ...secret.metadata, namespace: ns, uid: newUid() };
      if (round > 0) secret.metadata.name = `${shape.metadata.name ?? 'secret'}-${round + 1}`;
      // The owner (a Reporter or License Service CR) is not in this namespace.
      delete secret.metadata.ownerReferences;
      delete secret.metadata.resourceVersion;
      store.load(secretType, secret);
      count++;
    }
  }
  return count;
}
