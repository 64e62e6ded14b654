/** @jest-environment node */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { ServiceAccount, type IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import {
  PodDisruptionBudget,
  type IPodDisruptionBudget,
} from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import {
  ClusterRole,
  type IClusterRole,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import {
  ClusterRoleBinding,
  type IClusterRoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { K8sObject } from './helm';
import {
  chartDir,
  ciValuesFile,
  helm,
  pick,
  renderChart,
  renderChartResult,
  repoRoot,
} from './helm';

interface PackageJson {
  consolePlugin: { name: string; displayName: string };
}
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
const pluginName = pkg.consolePlugin.name;
const nginxConfSource = fs.readFileSync(path.join(chartDir, 'files/nginx.conf'), 'utf8');
const scriptSource = fs.readFileSync(path.join(chartDir, 'files/console-plugins.sh'), 'utf8');

/** A rendered object seen through its Kubernetes type (the schema checks below validate it). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of parsed YAML
const as = <T>(o: K8sObject): T => o as unknown as T;

function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`the rendered chart has no ${what}`);
  return value;
}

interface ConsolePluginSpec {
  displayName: string;
  backend: {
    type: string;
    service: { name: string; namespace: string; port: number; basePath: string };
  };
  i18n: { loadType: string };
}

const validators: Record<string, (o: K8sObject) => void> = {
  ConfigMap: (o) => {
    new ConfigMap(as<IConfigMap>(o)).validate();
  },
  Service: (o) => {
    new Service(as<IService>(o)).validate();
  },
  ServiceAccount: (o) => {
    new ServiceAccount(as<IServiceAccount>(o)).validate();
  },
  Deployment: (o) => {
    new Deployment(as<IDeployment>(o)).validate();
  },
  Job: (o) => {
    new Job(as<IJob>(o)).validate();
  },
  PodDisruptionBudget: (o) => {
    new PodDisruptionBudget(as<IPodDisruptionBudget>(o)).validate();
  },
  ClusterRole: (o) => {
    new ClusterRole(as<IClusterRole>(o)).validate();
  },
  ClusterRoleBinding: (o) => {
    new ClusterRoleBinding(as<IClusterRoleBinding>(o)).validate();
  },
};

function validateCoreObjects(objects: K8sObject[]): number {
  let validated = 0;
  for (const o of objects) {
    const validate = validators[o.kind];
    if (o.kind === 'ConsolePlugin') continue; // OpenShift kind: checked field by field below
    if (!validate) throw new Error(`no schema check for rendered kind ${o.kind}`);
    validate(o);
    validated += 1;
  }
  return validated;
}

const kindsAndNames = (objects: K8sObject[]) =>
  objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

const podSpec = (o: K8sObject): IPodSpec =>
  must(as<IDeployment | IJob>(o).spec?.template.spec, `pod spec in ${o.kind}/${o.metadata.name}`);
const firstContainer = (o: K8sObject) =>
  must(podSpec(o).containers[0], `container in ${o.metadata.name}`);
const volume = (o: K8sObject, name: string) =>
  must(
    podSpec(o).volumes?.find((v) => v.name === name),
    `volume ${name}`,
  );
const mount = (o: K8sObject, name: string) =>
  must(
    firstContainer(o).volumeMounts?.find((m) => m.name === name),
    `mount ${name}`,
  );
const deploymentSpec = (o: K8sObject) => must(as<IDeployment>(o).spec, 'Deployment spec');
const rules = (objects: K8sObject[], name: string) =>
  must(as<IClusterRole>(pick(objects, 'ClusterRole', name)).rules, `rules of ${name}`);
const configData = (objects: K8sObject[], name: string) =>
  must(as<IConfigMap>(pick(objects, 'ConfigMap', name)).data, `data of ${name}`);

const tokenSecret = 'ibm-license-service-reporter-token';
const crRule = {
  apiGroups: ['operator.ibm.com'],
  resources: ['ibmlicenseservicereporters', 'ibmlicensings'],
  verbs: ['get', 'list', 'watch'],
};
const routeRule = {
  apiGroups: ['route.openshift.io'],
  resources: ['routes'],
  verbs: ['get', 'list', 'watch'],
};

describe('helm lint', () => {
  it('passes --strict with the CI values', () => {
    const result = helm(['lint', '--strict', chartDir, '--values', ciValuesFile]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('passes --strict with non-default values too', () => {
    const result = helm([
      'lint',
      '--strict',
      chartDir,
      '--namespace',
      'console-plugins',
      '--values',
      ciValuesFile,
      '--set',
      'consoleJobs.enabled=false,rbac.rotator.groups={lsr-admins},rbac.viewer.users={alice}',
      '--set',
      'plugin.replicas=3,plugin.podDisruptionBudget.enabled=false,plugin.i18nLoadType=Lazy',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('fails on a value the schema rejects', () => {
    const result = helm([
      'lint',
      '--strict',
      chartDir,
      '--values',
      ciValuesFile,
      '--set',
      'plugin.replicas=two',
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("at '/plugin/replicas': got string, want integer");
  });
});

describe('rendered with default values', () => {
  const { objects } = renderChart({ namespace: 'lsr-token-plugin' });
  const deployment = pick(objects, 'Deployment', pluginName);

  it('renders exactly the expected objects', () => {
    expect(kindsAndNames(objects)).toEqual(
      [
        'ClusterRole/lsr-token-plugin-console-patcher',
        'ClusterRole/lsr-token-plugin-rotator',
        'ClusterRole/lsr-token-plugin-viewer',
        'ClusterRoleBinding/lsr-token-plugin-console-patcher',
        'ConfigMap/lsr-token-plugin-console-script',
        'ConfigMap/lsr-token-plugin-nginx',
        'ConsolePlugin/lsr-token-plugin',
        'Deployment/lsr-token-plugin',
        'Job/lsr-token-plugin-console-disable',
        'Job/lsr-token-plugin-console-enable',
        'PodDisruptionBudget/lsr-token-plugin',
        'Service/lsr-token-plugin',
        'ServiceAccount/lsr-token-plugin',
        'ServiceAccount/lsr-token-plugin-console',
      ].sort(),
    );
    for (const o of objects) {
      if (o.kind.startsWith('Cluster') || o.kind === 'ConsolePlugin')
        expect(o.metadata.namespace).toBeUndefined();
      else expect(o.metadata.namespace).toBe('lsr-token-plugin');
    }
  });

  it('validates every core object against the Kubernetes schemas', () => {
    expect(validateCoreObjects(objects)).toBe(objects.length - 1);
  });

  it('registers the ConsolePlugin under the name in package.json, backed by the Service', () => {
    const plugin = pick(objects, 'ConsolePlugin', pkg.consolePlugin.name);
    expect(plugin.apiVersion).toBe('console.openshift.io/v1');
    expect(plugin.spec).toEqual({
      displayName: pkg.consolePlugin.displayName,
      backend: {
        type: 'Service',
        service: { name: pluginName, namespace: 'lsr-token-plugin', port: 9443, basePath: '/' },
      },
      i18n: { loadType: 'Preload' },
    });
  });

  it('runs two nginx replicas over HTTPS on 9443 with probes, resources and a PDB', () => {
    const spec = deploymentSpec(deployment);
    expect(spec.replicas).toBe(2);
    expect(podSpec(deployment).containers).toHaveLength(1);
    const container = firstContainer(deployment);
    expect(container.image).toBe('quay.io/example/lsr-token-plugin:0.1.0');
    expect(container.command).toEqual([
      'nginx',
      '-c',
      '/etc/nginx/lsr-token-plugin/nginx.conf',
      '-e',
      '/dev/stderr',
    ]);
    expect(container.ports).toEqual([{ name: 'https', containerPort: 9443, protocol: 'TCP' }]);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe?.httpGet).toEqual({
        scheme: 'HTTPS',
        port: 'https',
        path: '/plugin-manifest.json',
      });
      expect(probe?.periodSeconds).toBeGreaterThan(0);
    }
    expect(container.resources?.requests).toEqual({ cpu: '10m', memory: '32Mi' });
    expect(container.resources?.limits).toEqual({ cpu: '200m', memory: '128Mi' });

    const pdb = must(
      as<IPodDisruptionBudget>(pick(objects, 'PodDisruptionBudget', pluginName)).spec,
      'PDB spec',
    );
    expect(pdb.maxUnavailable).toBe(1);
    expect(pdb.selector?.matchLabels).toEqual(spec.selector.matchLabels);
    const spread = podSpec(deployment).topologySpreadConstraints;
    expect(spread).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: spec.selector.matchLabels },
      },
    ]);
  });

  it('locks the web server down: non-root, read-only root, no privileges, no API token', () => {
    const pod = podSpec(deployment);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe(pluginName);
    expect(
      as<IServiceAccount>(pick(objects, 'ServiceAccount', pluginName)).automountServiceAccountToken,
    ).toBe(false);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(firstContainer(deployment).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    // The only writable mount is the /tmp emptyDir, where the configuration puts the pid and temp files.
    const writable = firstContainer(deployment).volumeMounts?.filter((m) => m.readOnly !== true);
    expect(writable).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(volume(deployment, 'tmp').emptyDir).toBeDefined();
    expect(nginxConfSource).toMatch(/^pid \/tmp\/nginx\.pid;$/m);
    for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
      expect(nginxConfSource).toMatch(new RegExp(`^\\s*${kind}_temp_path /tmp/\\w+;$`, 'm'));
    }
  });

  it('mounts the service-ca serving certificate the Service asks for, and the ConfigMap nginx reads', () => {
    const service = pick(objects, 'Service', pluginName);
    const certSecret =
      service.metadata.annotations?.['service.beta.openshift.io/serving-cert-secret-name'];
    expect(certSecret).toBe('lsr-token-plugin-cert');
    const serviceSpec = must(as<IService>(service).spec, 'Service spec');
    expect(serviceSpec.ports).toEqual([
      { name: 'https', protocol: 'TCP', port: 9443, targetPort: 'https' },
    ]);
    const spec = deploymentSpec(deployment);
    expect(serviceSpec.selector).toEqual(spec.selector.matchLabels);
    expect(spec.template.metadata?.labels).toMatchObject(must(serviceSpec.selector, 'selector'));

    expect(volume(deployment, 'serving-cert').secret?.secretName).toBe(certSecret);
    expect(mount(deployment, 'serving-cert').mountPath).toBe('/var/serving-cert');
    expect(nginxConfSource).toContain('ssl_certificate /var/serving-cert/tls.crt;');
    expect(nginxConfSource).toContain('ssl_certificate_key /var/serving-cert/tls.key;');

    expect(volume(deployment, 'nginx-config').configMap?.name).toBe('lsr-token-plugin-nginx');
    expect(mount(deployment, 'nginx-config').mountPath).toBe('/etc/nginx/lsr-token-plugin');
    expect(configData(objects, 'lsr-token-plugin-nginx')['nginx.conf']).toBe(nginxConfSource);
    expect(spec.template.metadata?.annotations?.['checksum/nginx-config']).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it('listens with TLS only, on 9443', () => {
    const listens = nginxConfSource.match(/^\s*listen\s+[^;]+;/gm) ?? [];
    expect(listens.map((l) => l.trim())).toEqual(['listen 9443 ssl;', 'listen [::]:9443 ssl;']);
  });

  it('enables the plugin after install and upgrade, and disables it before delete, with hook Jobs', () => {
    const enable = pick(objects, 'Job', 'lsr-token-plugin-console-enable');
    const disable = pick(objects, 'Job', 'lsr-token-plugin-console-disable');
    expect(enable.metadata.annotations).toEqual({
      'helm.sh/hook': 'post-install,post-upgrade',
      'helm.sh/hook-weight': '0',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    expect(disable.metadata.annotations).toEqual({
      'helm.sh/hook': 'pre-delete',
      'helm.sh/hook-weight': '0',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    for (const [job, action] of [
      [enable, 'enable'],
      [disable, 'disable'],
    ] as const) {
      const pod = podSpec(job);
      expect(pod.serviceAccountName).toBe('lsr-token-plugin-console');
      expect(pod.restartPolicy).toBe('Never');
      expect(pod.securityContext).toEqual({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      const container = firstContainer(job);
      expect(container.image).toBe('quay.io/openshift/origin-cli:4.22');
      expect(container.command).toEqual([
        '/bin/sh',
        '/scripts/console-plugins.sh',
        action,
        pluginName,
      ]);
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(volume(job, 'script').configMap?.name).toBe('lsr-token-plugin-console-script');
    }
    expect(configData(objects, 'lsr-token-plugin-console-script')['console-plugins.sh']).toBe(
      scriptSource,
    );
  });

  it('gives the Jobs only get and patch on consoles.operator.openshift.io/cluster', () => {
    expect(rules(objects, 'lsr-token-plugin-console-patcher')).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = pick(objects, 'ClusterRoleBinding', 'lsr-token-plugin-console-patcher');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'lsr-token-plugin-console-patcher',
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'lsr-token-plugin-console', namespace: 'lsr-token-plugin' },
    ]);
  });

  it('defines the rotator and viewer roles with exactly the verbs a rotation and a view need', () => {
    expect(rules(objects, 'lsr-token-plugin-rotator')).toEqual([
      crRule,
      {
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: [tokenSecret],
        verbs: ['get', 'list', 'watch', 'patch'],
      },
      routeRule,
      { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch', 'delete'] },
    ]);
    expect(rules(objects, 'lsr-token-plugin-viewer')).toEqual([
      crRule,
      {
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: [tokenSecret],
        verbs: ['get', 'watch'],
      },
      routeRule,
    ]);
    // No bindings until subjects are given.
    expect(objects.filter((o) => o.kind === 'ClusterRoleBinding')).toHaveLength(1);
  });
});

describe('rendered with non-default values', () => {
  const { objects } = renderChart({
    release: 'other',
    namespace: 'console-plugins',
    values: {
      plugin: {
        image: {
          repository: 'registry.example.com/team/lsr-token-plugin',
          tag: 'ignored-when-digest-set',
          digest: `sha256:${'a'.repeat(64)}`,
          pullPolicy: 'Always',
        },
        imagePullSecrets: [{ name: 'pull-secret' }],
        replicas: 3,
        i18nLoadType: 'Lazy',
        podDisruptionBudget: { enabled: false },
        spreadAcrossNodes: false,
      },
      consoleJobs: { enabled: false },
      rbac: {
        tokenSecretNames: [tokenSecret, 'my-lsr-token'],
        rotator: { groups: ['lsr-admins'], users: ['alice'] },
        viewer: { groups: ['auditors', 'finance'], users: [] },
      },
    },
  });
  const deployment = pick(objects, 'Deployment', pluginName);

  it('renders in the release namespace, without the Jobs and the PDB, with the user bindings', () => {
    expect(kindsAndNames(objects)).toEqual(
      [
        'ClusterRole/lsr-token-plugin-rotator',
        'ClusterRole/lsr-token-plugin-viewer',
        'ClusterRoleBinding/lsr-token-plugin-rotator',
        'ClusterRoleBinding/lsr-token-plugin-viewer',
        'ConfigMap/lsr-token-plugin-nginx',
        'ConsolePlugin/lsr-token-plugin',
        'Deployment/lsr-token-plugin',
        'Service/lsr-token-plugin',
        'ServiceAccount/lsr-token-plugin',
      ].sort(),
    );
    expect(validateCoreObjects(objects)).toBe(objects.length - 1);
    const plugin = as<{ spec: ConsolePluginSpec }>(pick(objects, 'ConsolePlugin', pluginName)).spec;
    expect(plugin.backend.service.namespace).toBe('console-plugins');
    expect(plugin.i18n.loadType).toBe('Lazy');
    for (const o of objects.filter(
      (x) => !x.kind.startsWith('Cluster') && x.kind !== 'ConsolePlugin',
    )) {
      expect(o.metadata.namespace).toBe('console-plugins');
    }
  });

  it('uses the image by digest, the pull secret and the replica count', () => {
    const pod = podSpec(deployment);
    expect(firstContainer(deployment).image).toBe(
      `registry.example.com/team/lsr-token-plugin@sha256:${'a'.repeat(64)}`,
    );
    expect(firstContainer(deployment).imagePullPolicy).toBe('Always');
    expect(pod.imagePullSecrets).toEqual([{ name: 'pull-secret' }]);
    expect(deploymentSpec(deployment).replicas).toBe(3);
    expect(pod.topologySpreadConstraints).toBeUndefined();
  });

  it('binds the roles to the given groups and users', () => {
    const group = (name: string) => ({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name,
    });
    const user = (name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name });
    const rotator = pick(objects, 'ClusterRoleBinding', 'lsr-token-plugin-rotator');
    expect(rotator.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'lsr-token-plugin-rotator',
    });
    expect(rotator.subjects).toEqual([group('lsr-admins'), user('alice')]);
    const viewer = pick(objects, 'ClusterRoleBinding', 'lsr-token-plugin-viewer');
    expect(viewer.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'lsr-token-plugin-viewer',
    });
    expect(viewer.subjects).toEqual([group('auditors'), group('finance')]);
  });

  it('restricts the Secret rules to the configured token Secret names', () => {
    for (const role of ['lsr-token-plugin-rotator', 'lsr-token-plugin-viewer']) {
      const secrets = rules(objects, role).filter((r) => r.resources?.includes('secrets'));
      expect(secrets).toHaveLength(1);
      expect(secrets[0]?.resourceNames).toEqual([tokenSecret, 'my-lsr-token']);
    }
  });

  it('drops the name restriction only when asked to', () => {
    const { objects: open } = renderChart({ set: ['rbac.restrictSecretsByName=false'] });
    expect(rules(open, 'lsr-token-plugin-rotator')[1]).toEqual({
      apiGroups: [''],
      resources: ['secrets'],
      verbs: ['get', 'list', 'watch', 'patch'],
    });
  });

  it('renders no roles when rbac.create is false', () => {
    const { objects: none } = renderChart({
      set: ['rbac.create=false', 'rbac.rotator.groups={admins}'],
    });
    expect(none.filter((o) => o.kind === 'ClusterRole').map((o) => o.metadata.name)).toEqual([
      'lsr-token-plugin-console-patcher',
    ]);
    expect(none.filter((o) => o.kind === 'ClusterRoleBinding').map((o) => o.metadata.name)).toEqual(
      ['lsr-token-plugin-console-patcher'],
    );
  });

  it('uses another Job image when given', () => {
    const { objects: custom } = renderChart({
      set: [
        'consoleJobs.image.repository=registry.example.com/ose-cli',
        'consoleJobs.image.tag=v4.22',
      ],
    });
    const job = pick(custom, 'Job', 'lsr-token-plugin-console-enable');
    expect(firstContainer(job).image).toBe('registry.example.com/ose-cli:v4.22');
  });
});

describe('invalid values', () => {
  const failure = (options: Parameters<typeof renderChartResult>[0]) => {
    const result = renderChartResult(options);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  it('refuses to render without an image, with the required message', () => {
    expect(failure({ valuesFiles: [] })).toContain(
      'plugin.image.repository is required: the image to run',
    );
    expect(failure({ set: ['plugin.image.tag='] })).toContain(
      'plugin.image.tag (or plugin.image.digest) is required',
    );
  });

  it('rejects wrong types, unknown enum values and unknown keys through the schema', () => {
    expect(failure({ set: ['plugin.replicas=two'] })).toMatch(
      /values don't meet the specifications of the schema[\s\S]*replicas/,
    );
    expect(failure({ set: ['plugin.i18nLoadType=Eager'] })).toMatch(/i18nLoadType/);
    expect(failure({ set: ['plugin.image.pullPolicy=Sometimes'] })).toMatch(/pullPolicy/);
    expect(failure({ set: ['consoleJobs.enabled=yes'] })).toMatch(/enabled/);
    expect(failure({ set: ['plugin.replica=3'] })).toMatch(/replica/);
    expect(failure({ set: ['rbac.tokenSecretNames={Not_A_Name}'] })).toMatch(/tokenSecretNames/);
  });

  it('refuses an empty Secret name list that would open every Secret', () => {
    expect(failure({ values: { rbac: { tokenSecretNames: [] } } })).toContain(
      'rbac.tokenSecretNames must name at least one Secret',
    );
  });
});

describe('the schema check itself', () => {
  it('rejects a broken Deployment (so passing checks mean something)', () => {
    const { objects } = renderChart();
    const deployment = structuredClone(pick(objects, 'Deployment', pluginName));
    Object.assign(must(as<IDeployment>(deployment).spec, 'spec'), { replicas: 'two' });
    expect(() => {
      validateCoreObjects([deployment]);
    }).toThrow();
  });
});

describe('NOTES.txt', () => {
  it('says where the page is and how to grant the roles', () => {
    const result = helm([
      'install',
      'lsr-token-plugin',
      chartDir,
      '--dry-run=client',
      '--namespace',
      'lsr-token-plugin',
      '--values',
      ciValuesFile,
      '--set',
      'rbac.rotator.groups={lsr-admins}',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    expect(notes).toContain('Administration → License Service Reporter token');
    expect(notes).toContain('/license-service-reporter/api-token');
    expect(notes).toContain(
      'oc adm policy add-cluster-role-to-group lsr-token-plugin-rotator <group>',
    );
    expect(notes).toContain('lsr-token-plugin-viewer');
    expect(notes).toContain('Rotators (groups): lsr-admins');
  });
});
