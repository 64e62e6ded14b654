/** The resource types the emulated API server serves: built-in kinds plus those defined by CRDs. */
import { getPath, isRecord, type KObject } from './objects';

export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  /** metadata.generation is kept and bumped when anything but metadata/status changes. */
  hasGeneration: boolean;
  /** `/status` subresource: writes to the main resource keep the stored status, and the reverse. */
  statusSubresource: boolean;
  /** Built-in types are listed without apiVersion/kind on their items, as kube-apiserver does. */
  builtin: boolean;
  /** Set when the type comes from a CustomResourceDefinition (its name). */
  crd?: string;
  /** Not stored: a create returns a computed answer (SelfSubjectAccessReview). */
  virtual?: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface BuiltinSpec {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  hasGeneration?: boolean;
  statusSubresource?: boolean;
  verbs?: string[];
  virtual?: boolean;
}

const BUILTINS: BuiltinSpec[] = [
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    statusSubresource: true,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    plural: 'pods',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    statusSubresource: true,
  },
  {
    group: '',
    version: 'v1',
    plural: 'services',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    statusSubresource: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
    statusSubresource: true,
  },
  {
    group: '',
    version: 'v1',
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'events',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    statusSubresource: true,
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    hasGeneration: true,
    statusSubresource: true,
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    hasGeneration: true,
    statusSubresource: true,
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    hasGeneration: true,
    statusSubresource: true,
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    hasGeneration: true,
    statusSubresource: true,
  },
  {
    group: 'route.openshift.io',
    version: 'v1',
    plural: 'routes',
    kind: 'Route',
    namespaced: true,
    statusSubresource: true,
  },
  {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    plural: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    hasGeneration: true,
    statusSubresource: true,
  },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    plural: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
    virtual: true,
  },
];

function toType(s: BuiltinSpec): ResourceType {
  const rt: ResourceType = {
    group: s.group,
    version: s.version,
    plural: s.plural,
    singular: s.kind.toLowerCase(),
    kind: s.kind,
    listKind: `${s.kind}List`,
    namespaced: s.namespaced,
    verbs: s.verbs ?? RW,
    hasGeneration: s.hasGeneration ?? false,
    statusSubresource: s.statusSubresource ?? false,
    builtin: true,
  };
  if (s.shortNames) rt.shortNames = s.shortNames;
  if (s.virtual) rt.virtual = true;
  return rt;
}

/** apiVersion of a type: `v1` or `group/version`. */
export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

export function typeKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** A plural for a kind that no built-in or CRD declares (best effort, lower case English). */
export function guessPlural(kind: string): string {
  const k = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

/** The types from one CRD object (each served version), or [] when it is not well formed. */
export function typesFromCrd(crd: KObject): ResourceType[] {
  const spec = crd.spec;
  if (!isRecord(spec) || !isRecord(spec.names) || typeof spec.group !== 'string') return [];
  const names = spec.names;
  const kind = typeof names.kind === 'string' ? names.kind : undefined;
  const plural = typeof names.plural === 'string' ? names.plural : undefined;
  if (!kind || !plural) return [];
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : [];
  const out: ResourceType[] = [];
  for (const v of versions) {
    if (typeof v.name !== 'string' || v.served === false) continue;
    const rt: ResourceType = {
      group: spec.group,
      version: v.name,
      plural,
      singular: typeof names.singular === 'string' ? names.singular : kind.toLowerCase(),
      kind,
      listKind: typeof names.listKind === 'string' ? names.listKind : `${kind}List`,
      namespaced: spec.scope !== 'Cluster',
      verbs: RW,
      hasGeneration: true,
      statusSubresource: getPath(v, 'subresources.status') !== undefined,
      builtin: false,
      crd: crd.metadata.name ?? `${plural}.${spec.group}`,
    };
    if (Array.isArray(names.shortNames)) {
      rt.shortNames = names.shortNames.filter((s): s is string => typeof s === 'string');
    }
    out.push(rt);
  }
  return out;
}

export class Registry {
  private readonly byResource = new Map<string, ResourceType>();
  private readonly byKind = new Map<string, ResourceType>();

  constructor() {
    for (const s of BUILTINS) this.add(toType(s));
  }

  add(rt: ResourceType): void {
    this.byResource.set(`${rt.group}/${rt.version}/${rt.plural}`, rt);
    this.byKind.set(`${rt.group}/${rt.version}/${rt.kind}`, rt);
  }

  removeCrd(crdName: string): ResourceType[] {
    const removed = [...this.byResource.values()].filter((rt) => rt.crd === crdName);
    for (const rt of removed) {
      this.byResource.delete(`${rt.group}/${rt.version}/${rt.plural}`);
      this.byKind.delete(`${rt.group}/${rt.version}/${rt.kind}`);
    }
    return removed;
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byResource.get(`${group}/${version}/${plural}`);
  }

  /** The type for an object's apiVersion/kind; unknown kinds are registered generically. */
  forObject(obj: KObject, registerUnknown: boolean): ResourceType | undefined {
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
    const { group, version } = splitApiVersion(obj.apiVersion);
    const found = this.byKind.get(`${group}/${version}/${obj.kind}`);
    if (found || !registerUnknown) return found;
    const rt: ResourceType = {
      group,
      version,
      plural: guessPlural(obj.kind),
      singular: obj.kind.toLowerCase(),
      kind: obj.kind,
      listKind: `${obj.kind}List`,
      namespaced: typeof obj.metadata.namespace === 'string' && obj.metadata.namespace !== '',
      verbs: RW,
      hasGeneration: typeof obj.metadata.generation === 'number',
      statusSubresource: false,
      builtin: false,
    };
    this.add(rt);
    return rt;
  }

  all(): ResourceType[] {
    return [...this.byResource.values()];
  }

  /** Groups with their versions, core group excluded, in a stable order. */
  groups(): { name: string; versions: string[] }[] {
    const m = new Map<string, Set<string>>();
    for (const rt of this.byResource.values()) {
      if (!rt.group) continue;
      let s = m.get(rt.group);
      if (!s) m.set(rt.group, (s = new Set()));
      s.add(rt.version);
    }
    return [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, versions]) => ({ name, versions: [...versions].sort().reverse() }));
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return [...this.byResource.values()]
      .filter((rt) => rt.group === group && rt.version === version)
      .sort((a, b) => a.plural.localeCompare(b.plural));
  }
}
