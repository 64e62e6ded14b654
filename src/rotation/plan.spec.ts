import type { LicensingKind, SecretKind } from '../reporter/types';
import { buildPlan, secretShape, staleSecrets, tokenPatch } from './plan';
import { find, inputFrom, loadFixtures, type FixtureFile } from './testing/fixtures';

const planOf = (files: FixtureFile[], namespace = 'ibm-ls-reporter', crName = 'instance') =>
  buildPlan(inputFrom(loadFixtures(...files), namespace, crName));

const REPORTER_PATCH = {
  id: 'patch-secret:ibm-ls-reporter/ibm-license-service-reporter-token',
  kind: 'patch-secret',
  target: 'reporter',
  secret: { namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' },
  resourceVersion: '4822210',
  readBy: [],
};

const REPORTER_RESTART = {
  id: 'restart-pods:ibm-ls-reporter/ibm-license-service-reporter-instance',
  kind: 'restart-pods',
  target: 'reporter',
  namespace: 'ibm-ls-reporter',
  selector: { app: 'ibm-license-service-reporter-instance', licensing_cr: 'instance' },
  workload: 'ibm-license-service-reporter-instance',
  podNames: ['ibm-license-service-reporter-instance-grpft4jmlc-k7kxs'],
  runningCount: 1,
  outage: true,
};

describe('buildPlan from fixture clusters', () => {
  it('Reporter alone (no License Service on this cluster): its Secret, then its pods', () => {
    const plan = planOf(['reporter-instance.yaml']);
    expect(plan.steps).toEqual([REPORTER_PATCH, REPORTER_RESTART]);
    expect(plan.senders).toEqual([]);
    expect(plan.manual).toEqual([]);
    expect(plan.key).toBe('ibm-ls-reporter/instance');
    expect(plan.reporterUrl).toBe(
      'https://ibm-license-service-reporter-ibm-ls-reporter.apps.ocp4.example.com',
    );
  });

  it('License Service in the same namespace: one Secret (shared), both sets of pods', () => {
    const plan = planOf(['reporter-instance.yaml', 'license-service-same-ns.yaml']);
    expect(plan.steps).toEqual([
      { ...REPORTER_PATCH, readBy: ['instance'] },
      REPORTER_RESTART,
      {
        id: 'restart-pods:ibm-ls-reporter/ibm-licensing-service-instance',
        kind: 'restart-pods',
        target: 'sender',
        namespace: 'ibm-ls-reporter',
        selector: { app: 'ibm-licensing-service-instance', licensing_cr: 'instance' },
        workload: 'ibm-licensing-service-instance',
        podNames: ['ibm-licensing-service-instance-wtgzrrk9rd-8khn2'],
        runningCount: 1,
        outage: false,
        senderCr: 'instance',
      },
    ]);
    expect(plan.sharedSecret).toEqual([
      {
        crName: 'instance',
        secret: { namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' },
      },
    ]);
    expect(plan.senders.map((s) => s.match)).toEqual(['service']);
  });

  it('License Service in another namespace: both Secrets first, then both sets of pods', () => {
    const plan = planOf(['reporter-instance.yaml', 'license-service-other-ns.yaml']);
    expect(plan.steps).toEqual([
      REPORTER_PATCH,
      {
        id: 'patch-secret:ibm-licensing/ibm-license-service-reporter-token',
        kind: 'patch-secret',
        target: 'sender',
        secret: { namespace: 'ibm-licensing', name: 'ibm-license-service-reporter-token' },
        resourceVersion: '4826761',
        readBy: ['instance'],
      },
      REPORTER_RESTART,
      {
        id: 'restart-pods:ibm-licensing/ibm-licensing-service-instance',
        kind: 'restart-pods',
        target: 'sender',
        namespace: 'ibm-licensing',
        selector: { app: 'ibm-licensing-service-instance', licensing_cr: 'instance' },
        workload: 'ibm-licensing-service-instance',
        podNames: ['ibm-licensing-service-instance-ksszdbvxqm-7pwwr'],
        runningCount: 1,
        outage: false,
        senderCr: 'instance',
      },
    ]);
    expect(plan.sharedSecret).toEqual([]);
    expect(plan.senders.map((s) => s.match)).toEqual(['route-host']);
  });

  it('several Reporters: each plan touches only its own objects (custom CR name and Secret name)', () => {
    const files: FixtureFile[] = [
      'reporter-instance.yaml',
      'reporter-custom.yaml',
      'license-service-other-ns.yaml',
    ];
    const custom = planOf(files, 'ibm-licensing', 'ibm-lsr-instance');
    expect(custom.steps).toEqual([
      {
        id: 'patch-secret:ibm-licensing/my-lsr-token',
        kind: 'patch-secret',
        target: 'reporter',
        secret: { namespace: 'ibm-licensing', name: 'my-lsr-token' },
        resourceVersion: '4828747',
        readBy: [],
      },
      {
        id: 'restart-pods:ibm-licensing/ibm-license-service-reporter-ibm-lsr-instance',
        kind: 'restart-pods',
        target: 'reporter',
        namespace: 'ibm-licensing',
        selector: {
          app: 'ibm-license-service-reporter-ibm-lsr-instance',
          licensing_cr: 'ibm-lsr-instance',
        },
        workload: 'ibm-license-service-reporter-ibm-lsr-instance',
        podNames: ['ibm-license-service-reporter-ibm-lsr-instance-b7hkd6756x-dt2ff'],
        runningCount: 1,
        outage: true,
      },
    ]);
    // the License Service sends to the other Reporter (its URL is that Reporter's Route host)
    expect(custom.senders).toEqual([]);
    const first = planOf(files);
    expect(first.steps.map((s) => s.id)).toEqual([
      'patch-secret:ibm-ls-reporter/ibm-license-service-reporter-token',
      'patch-secret:ibm-licensing/ibm-license-service-reporter-token',
      'restart-pods:ibm-ls-reporter/ibm-license-service-reporter-instance',
      'restart-pods:ibm-licensing/ibm-licensing-service-instance',
    ]);
  });
});

describe('buildPlan edge cases', () => {
  const base = () =>
    inputFrom(loadFixtures('reporter-instance.yaml'), 'ibm-ls-reporter', 'instance');
  const licensing = (name: string, spec: LicensingKind['spec']): LicensingKind => ({
    apiVersion: 'operator.ibm.com/v1alpha1',
    kind: 'IBMLicensing',
    metadata: { name },
    spec,
  });

  it('a sender whose copy of the Secret does not exist is left to the user, its pods untouched', () => {
    const input = base();
    input.licensings = [
      licensing('ls2', {
        instanceNamespace: 'team-a',
        sender: {
          reporterURL:
            'https://ibm-license-service-reporter.ibm-ls-reporter.svc.cluster.local:8080',
          reporterSecretToken: 'lsr-token-copy',
        },
      }),
    ];
    input.senderSecrets = { 'team-a/lsr-token-copy': null };
    const plan = buildPlan(input);
    expect(plan.steps.map((s) => s.id)).toEqual([REPORTER_PATCH.id, REPORTER_RESTART.id]);
    expect(plan.manual).toEqual([
      {
        kind: 'sender-secret-missing',
        crName: 'ls2',
        secret: { namespace: 'team-a', name: 'lsr-token-copy' },
      },
    ]);
  });

  it('a sender without instanceNamespace cannot be planned and is reported', () => {
    const input = base();
    input.licensings = [
      licensing('ls3', {
        sender: {
          reporterURL: 'ibm-license-service-reporter-ibm-ls-reporter.apps.ocp4.example.com',
        },
      }),
    ];
    expect(buildPlan(input).manual).toEqual([{ kind: 'sender-namespace-unknown', crName: 'ls3' }]);
  });

  it('no Pods running: the restart step says so', () => {
    const input = base();
    input.reporterPods = [];
    const restart = buildPlan(input).steps[1];
    expect(restart).toMatchObject({ kind: 'restart-pods', podNames: [], runningCount: 0 });
  });

  it('License Services sending elsewhere are ignored', () => {
    const input = base();
    input.licensings = [
      licensing('far', {
        instanceNamespace: 'x',
        sender: { reporterURL: 'https://reporter.other-cluster.example.com' },
      }),
      licensing('bare-other-ns', {
        instanceNamespace: 'x',
        sender: { reporterURL: 'https://ibm-license-service-reporter:8080' },
      }),
      licensing('no-sender', { instanceNamespace: 'x' }),
    ];
    expect(buildPlan(input).senders).toEqual([]);
  });
});

describe('staleSecrets', () => {
  it('names the Secrets whose resourceVersion moved since the plan', () => {
    const plan = planOf(['reporter-instance.yaml', 'license-service-other-ns.yaml']);
    expect(
      staleSecrets(plan, {
        'ibm-ls-reporter/ibm-license-service-reporter-token': '4822210',
        'ibm-licensing/ibm-license-service-reporter-token': '4900000',
      }),
    ).toEqual([{ namespace: 'ibm-licensing', name: 'ibm-license-service-reporter-token' }]);
    expect(staleSecrets(plan, {})).toEqual([]);
  });
});

describe('tokenPatch', () => {
  it('tests the resourceVersion, replaces data.token and adds the rotated-at annotation', () => {
    const secret = find<SecretKind>(
      loadFixtures('reporter-instance.yaml'),
      'Secret',
      'ibm-ls-reporter',
      'ibm-license-service-reporter-token',
    );
    if (!secret) throw new Error('fixture missing');
    expect(tokenPatch(secretShape(secret), 'bmV3', '2026-12-04T16:00:00.000Z')).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '4822210' },
      { op: 'replace', path: '/data/token', value: 'bmV3' },
      { op: 'add', path: '/metadata/annotations', value: {} },
      {
        op: 'add',
        path: '/metadata/annotations/lsr-token-plugin.ibm.com~1rotated-at',
        value: '2026-12-04T16:00:00.000Z',
      },
    ]);
  });

  it('keeps existing annotations (no map added) and adds a missing key', () => {
    expect(
      tokenPatch(
        { resourceVersion: '7', hasData: true, hasTokenKey: false, hasAnnotations: true },
        'dA==',
        't',
      ),
    ).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '7' },
      { op: 'add', path: '/data/token', value: 'dA==' },
      { op: 'add', path: '/metadata/annotations/lsr-token-plugin.ibm.com~1rotated-at', value: 't' },
    ]);
  });
});
