/** @jest-environment node */
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IIoK8sApiRbacV1PolicyRule as PolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { AccessNeed } from '../../src/rotation/access';
import { requiredAccess } from '../../src/rotation/access';
import { buildPlan } from '../../src/rotation/plan';
import type { FixtureFile } from '../../src/rotation/testing/fixtures';
import { inputFrom, loadFixtures } from '../../src/rotation/testing/fixtures';
import { pick, renderChart } from './helm';

/**
 * The chart's user roles against what the plugin really asks the API server for: the access reviews of a
 * rotation (src/rotation/access.ts, from plans built on the shared fixture clusters) and the watches the
 * page opens. A named watch is a GET plus a WATCH with fieldSelector metadata.name; a list watch is a
 * LIST plus a WATCH.
 */
interface Request {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

/** Kubernetes RBAC rule matching for one request (no wildcards are used by the chart, but honour them). */
function allows(rules: PolicyRule[], r: Request): boolean {
  const has = (list: string[] | undefined, value: string) =>
    (list ?? []).includes(value) || (list ?? []).includes('*');
  return rules.some(
    (rule) =>
      has(rule.apiGroups, r.group) &&
      has(rule.resources, r.resource) &&
      has(rule.verbs, r.verb) &&
      (rule.resourceNames === undefined ||
        rule.resourceNames.length === 0 ||
        (r.name !== undefined && rule.resourceNames.includes(r.name))),
  );
}

const namedWatch = (
  group: string,
  resource: string,
  namespace: string,
  name: string,
): Request[] => [
  { verb: 'get', group, resource, namespace, name },
  { verb: 'watch', group, resource, namespace, name },
];
const listWatch = (group: string, resource: string, namespace?: string): Request[] => [
  { verb: 'list', group, resource, namespace },
  { verb: 'watch', group, resource, namespace },
];

const { objects } = renderChart({
  values: { rbac: { tokenSecretNames: ['ibm-license-service-reporter-token', 'my-lsr-token'] } },
});
const rulesOf = (name: string) =>
  (pick(objects, 'ClusterRole', name) as unknown as IClusterRole).rules ?? [];
const rotator = rulesOf('lsr-token-plugin-rotator');
const viewer = rulesOf('lsr-token-plugin-viewer');

const scenarios: { name: string; files: FixtureFile[]; namespace: string; crName: string }[] = [
  {
    name: 'Reporter alone',
    files: ['reporter-instance.yaml'],
    namespace: 'ibm-ls-reporter',
    crName: 'instance',
  },
  {
    name: 'License Service in the same namespace',
    files: ['reporter-instance.yaml', 'license-service-same-ns.yaml'],
    namespace: 'ibm-ls-reporter',
    crName: 'instance',
  },
  {
    name: 'License Service in another namespace',
    files: ['reporter-instance.yaml', 'license-service-other-ns.yaml'],
    namespace: 'ibm-ls-reporter',
    crName: 'instance',
  },
  {
    name: 'Reporter with a custom token Secret name',
    files: ['reporter-instance.yaml', 'license-service-other-ns.yaml', 'reporter-custom.yaml'],
    namespace: 'ibm-licensing',
    crName: 'ibm-lsr-instance',
  },
];

const asRequest = (n: AccessNeed): Request => ({ ...n });

describe.each(scenarios)('$name', ({ files, namespace, crName }) => {
  const plan = buildPlan(inputFrom(loadFixtures(...files), namespace, crName));
  const needs = requiredAccess(plan).map(asRequest);
  const secrets = plan.steps.flatMap((s) => (s.kind === 'patch-secret' ? [s.secret] : []));
  const podNamespaces = plan.steps.flatMap((s) => (s.kind === 'restart-pods' ? [s.namespace] : []));

  it('the rotator may do every step the access review checks', () => {
    expect(needs.length).toBeGreaterThan(0);
    expect(needs.filter((n) => !allows(rotator, n))).toEqual([]);
  });

  it('the rotator may open every watch the rotation section opens', () => {
    const watches = [
      ...listWatch('operator.ibm.com', 'ibmlicenseservicereporters'),
      ...listWatch('operator.ibm.com', 'ibmlicensings'),
      ...namedWatch('route.openshift.io', 'routes', namespace, 'ibm-license-service-reporter'),
      ...secrets.flatMap((s) => namedWatch('', 'secrets', s.namespace, s.name)),
      ...podNamespaces.flatMap((ns) => listWatch('', 'pods', ns)),
    ];
    expect(watches.filter((w) => !allows(rotator, w))).toEqual([]);
  });

  it('the viewer may show and copy the token, and nothing that changes it', () => {
    const reporterSecret = secrets[0];
    expect(reporterSecret).toBeDefined();
    if (!reporterSecret) return;
    const view = [
      ...listWatch('operator.ibm.com', 'ibmlicenseservicereporters'),
      ...namedWatch('route.openshift.io', 'routes', namespace, 'ibm-license-service-reporter'),
      ...namedWatch('', 'secrets', reporterSecret.namespace, reporterSecret.name),
    ];
    expect(view.filter((v) => !allows(viewer, v))).toEqual([]);
    const changes = needs.filter((n) => n.verb === 'patch' || n.verb === 'delete');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((n) => allows(viewer, n))).toEqual([]);
  });
});

describe('what the roles do not allow', () => {
  const outside: Request[] = [
    {
      verb: 'get',
      group: '',
      resource: 'secrets',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-credentials',
    },
    {
      verb: 'get',
      group: '',
      resource: 'secrets',
      namespace: 'ibm-licensing',
      name: 'ibm-licensing-token',
    },
    { verb: 'list', group: '', resource: 'secrets', namespace: 'ibm-ls-reporter' },
    {
      verb: 'create',
      group: '',
      resource: 'secrets',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-token',
    },
    {
      verb: 'delete',
      group: '',
      resource: 'secrets',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-token',
    },
    {
      verb: 'update',
      group: '',
      resource: 'secrets',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-token',
    },
    { verb: 'deletecollection', group: '', resource: 'pods', namespace: 'ibm-ls-reporter' },
    {
      verb: 'patch',
      group: 'apps',
      resource: 'deployments',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-instance',
    },
    {
      verb: 'patch',
      group: 'operator.ibm.com',
      resource: 'ibmlicenseservicereporters',
      namespace: 'ibm-ls-reporter',
      name: 'instance',
    },
    { verb: 'create', group: '', resource: 'pods', namespace: 'ibm-ls-reporter' },
  ];

  it.each(
    outside.map(
      (r) => [`${r.verb} ${r.group || 'core'}/${r.resource} ${r.name ?? '(all)'}`, r] as const,
    ),
  )('neither role may %s', (_label, request) => {
    expect({ rotator: allows(rotator, request), viewer: allows(viewer, request) }).toEqual({
      rotator: false,
      viewer: false,
    });
  });
});
