/**
 * The demo users and their rights: one rule table, used both to authorize every API request and to answer
 * SelfSubjectAccessReviews, so the two always agree.
 */

export interface Rule {
  verbs: string[];
  apiGroups: string[];
  /** Plural names, `plural/subresource`, or `*`. */
  resources: string[];
  /** Restricts the rule to these object names. */
  resourceNames?: string[];
}

export interface Role {
  kind: 'ClusterRole';
  name: string;
  rules: Rule[];
}

/** A binding of a role to a user, cluster-wide or in some namespaces. */
export interface Binding {
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  name: string;
  role: Role;
  users: string[];
  /** For RoleBindings: which namespaces hold one. 'reporter-namespaces' = those of the fixture's Reporter CRs. */
  namespaces?: string[] | 'reporter-namespaces';
}

export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  /** '' = cluster scope (a cluster-scoped resource, or a namespaced one across all namespaces). */
  namespace: string;
  name?: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

export interface User {
  name: string;
  description: string;
}

const READ = ['get', 'list', 'watch'];
const OPERATOR = 'operator.ibm.com';

const clusterAdmin: Role = {
  kind: 'ClusterRole',
  name: 'cluster-admin',
  rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
};

const basicUser: Role = {
  kind: 'ClusterRole',
  name: 'system:basic-user',
  rules: [
    {
      verbs: ['create'],
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    },
  ],
};

const reporterReader: Role = {
  kind: 'ClusterRole',
  name: 'lsr-reporter-reader',
  rules: [
    {
      verbs: READ,
      apiGroups: [OPERATOR],
      resources: ['ibmlicenseservicereporters', 'ibmlicensings'],
    },
  ],
};

const namespaceViewer: Role = {
  kind: 'ClusterRole',
  name: 'lsr-namespace-viewer',
  rules: [
    { verbs: ['get'], apiGroups: [''], resources: ['namespaces'] },
    {
      verbs: READ,
      apiGroups: [''],
      resources: [
        'secrets',
        'pods',
        'services',
        'configmaps',
        'persistentvolumeclaims',
        'serviceaccounts',
        'events',
      ],
    },
    { verbs: READ, apiGroups: ['apps'], resources: ['deployments', 'replicasets'] },
    { verbs: READ, apiGroups: ['route.openshift.io'], resources: ['routes'] },
    { verbs: READ, apiGroups: [OPERATOR], resources: ['ibmlicenseservicereporters'] },
  ],
};

const tokenRotator: Role = {
  kind: 'ClusterRole',
  name: 'lsr-token-rotator',
  rules: [
    { verbs: ['get'], apiGroups: [''], resources: ['namespaces'] },
    { verbs: READ, apiGroups: [OPERATOR], resources: ['ibmlicenseservicereporters'] },
    { verbs: [...READ, 'patch'], apiGroups: [''], resources: ['secrets'] },
    { verbs: [...READ, 'delete'], apiGroups: [''], resources: ['pods'] },
    { verbs: [...READ, 'patch'], apiGroups: ['apps'], resources: ['deployments'] },
    { verbs: READ, apiGroups: ['apps'], resources: ['replicasets'] },
    { verbs: READ, apiGroups: ['route.openshift.io'], resources: ['routes'] },
  ],
};

export const USERS: User[] = [
  { name: 'admin', description: 'cluster-admin: every verb on every resource, cluster-wide' },
  {
    name: 'viewer',
    description:
      'reads Reporter and License Service CRs cluster-wide; reads Secrets, Pods, Routes, Deployments (and more) in the Reporter namespaces; cannot patch or delete anything',
  },
  {
    name: 'outsider',
    description:
      'may only review its own access: cannot list Reporter CRs nor read the Reporter namespaces',
  },
  {
    name: 'rotator-ns',
    description:
      'no cluster-wide rights; in the Reporter namespaces: read Reporter CRs, get/list/watch/patch Secrets, get/list/watch/delete Pods, patch Deployments',
  },
];

export const BINDINGS: Binding[] = [
  { kind: 'ClusterRoleBinding', name: 'cluster-admin', role: clusterAdmin, users: ['admin'] },
  { kind: 'ClusterRoleBinding', name: 'system:basic-user', role: basicUser, users: ['*'] },
  { kind: 'ClusterRoleBinding', name: 'lsr-viewer', role: reporterReader, users: ['viewer'] },
  {
    kind: 'RoleBinding',
    name: 'lsr-viewer',
    role: namespaceViewer,
    users: ['viewer'],
    namespaces: 'reporter-namespaces',
  },
  {
    kind: 'RoleBinding',
    name: 'lsr-rotator',
    role: tokenRotator,
    users: ['rotator-ns'],
    namespaces: 'reporter-namespaces',
  },
];

function ruleAllows(rule: Rule, a: Attributes): boolean {
  const verbOk = rule.verbs.includes('*') || rule.verbs.includes(a.verb);
  const groupOk = rule.apiGroups.includes('*') || rule.apiGroups.includes(a.group);
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resOk =
    rule.resources.includes('*') ||
    rule.resources.includes(res) ||
    (a.subresource !== undefined && rule.resources.includes(`${a.resource}/*`)) ||
    (a.subresource !== undefined && rule.resources.includes(`*/${a.subresource}`));
  const nameOk =
    !rule.resourceNames || (a.name !== undefined && rule.resourceNames.includes(a.name));
  return verbOk && groupOk && resOk && nameOk;
}

export class Authorizer {
  constructor(
    private readonly reporterNamespaces: () => string[],
    private readonly bindings: Binding[] = BINDINGS,
  ) {}

  private bindingNamespaces(b: Binding): string[] {
    if (b.namespaces === 'reporter-namespaces') return this.reporterNamespaces();
    return b.namespaces ?? [];
  }

  authorize(user: string, a: Attributes): Decision {
    for (const b of this.bindings) {
      if (!b.users.includes(user) && !b.users.includes('*')) continue;
      if (b.kind === 'RoleBinding') {
        if (!a.namespace || !this.bindingNamespaces(b).includes(a.namespace)) continue;
      }
      if (b.role.rules.some((r) => ruleAllows(r, a))) {
        const where =
          b.kind === 'RoleBinding'
            ? `RoleBinding "${b.name}/${a.namespace}"`
            : `ClusterRoleBinding "${b.name}"`;
        return {
          allowed: true,
          reason: `RBAC: allowed by ${where} of ClusterRole "${b.role.name}" to User "${user}"`,
        };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** Non-resource URLs (discovery is served to everyone; others only to cluster admins). */
  authorizeNonResource(user: string, path: string, verb: string): Decision {
    if (
      verb === 'get' &&
      (path === '/api' ||
        path.startsWith('/api/') ||
        path === '/apis' ||
        path.startsWith('/apis/') ||
        path === '/version')
    ) {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
      };
    }
    if (user === 'admin') {
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to User "admin"',
      };
    }
    return { allowed: false, reason: '' };
  }

  /** The rights table, for documentation and the control API. */
  describe(): { binding: string; users: string[]; scope: string; rules: Rule[] }[] {
    return this.bindings.map((b) => ({
      binding: `${b.kind}/${b.name}`,
      users: b.users,
      scope: b.kind === 'ClusterRoleBinding' ? 'cluster' : this.bindingNamespaces(b).join(', '),
      rules: b.role.rules,
    }));
  }
}
