/**
 * The plan of one token rotation, built from observed cluster state. Pure: the review dialog shows
 * exactly this plan and the runner executes exactly this plan.
 *
 * Order: every Secret that holds the token is patched first (the Reporter's, then each License
 * Service copy that is a different object), then the Reporter pods are restarted, then each License
 * Service's pods. So every restarted pod reads the new token, and a refused patch stops the run before
 * any pod is touched.
 */
import type { K8sResourceCommon, Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { Sender } from '../reporter/senders';
import { findSenders, routeHosts } from '../reporter/senders';
import type { LicensingKind, ReporterInstance, RouteKind, SecretKind } from '../reporter/types';
import { ROTATED_AT_ANNOTATION, TOKEN_KEY } from '../reporter/types';
import { reporterKey } from './key';

export type PodKind = K8sResourceCommon & {
  spec?: { containers?: { name: string }[]; [key: string]: unknown };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string }[];
    [key: string]: unknown;
  };
};

export type SecretRef = { namespace: string; name: string };

export const secretKey = (ref: SecretRef) => `${ref.namespace}/${ref.name}`;
export const senderPodsKey = (sender: Pick<Sender, 'namespace' | 'crName'>) =>
  `${sender.namespace}/${sender.crName}`;

export type PatchSecretStep = {
  id: string;
  kind: 'patch-secret';
  target: 'reporter' | 'sender';
  secret: SecretRef;
  /** resourceVersion the plan was built on: the patch tests it, so a changed Secret is never overwritten. */
  resourceVersion: string;
  /** License Service CRs that read this Secret (for the Reporter's Secret: those in its namespace). */
  readBy: string[];
};

export type RestartPodsStep = {
  id: string;
  kind: 'restart-pods';
  target: 'reporter' | 'sender';
  namespace: string;
  selector: Record<string, string>;
  /** Deployment that owns the pods (it replaces them). */
  workload: string;
  /** Pods matching the selector when the plan was built. */
  podNames: string[];
  runningCount: number;
  /** Deleting the pods means a short outage (the Reporter's Deployment uses the Recreate strategy). */
  outage: boolean;
  /** The License Service CR, for sender steps. */
  senderCr?: string;
};

export type PlanStep = PatchSecretStep | RestartPodsStep;

export type ManualItem =
  | { kind: 'sender-secret-missing'; crName: string; secret: SecretRef }
  | { kind: 'sender-namespace-unknown'; crName: string };

export type RotationPlan = {
  /** Store key of the Reporter: `<namespace>/<crName>`. */
  key: string;
  reporter: { namespace: string; crName: string; secret: SecretRef; deploymentName: string };
  steps: PlanStep[];
  /** License Services on this cluster that send to this Reporter. */
  senders: Sender[];
  /** Sender copies not patched because they are the Reporter's own Secret. */
  sharedSecret: { crName: string; secret: SecretRef }[];
  /** What the plan cannot do and the user must handle. */
  manual: ManualItem[];
  /** The Reporter API URL that senders on other clusters use (from the Route), when known. */
  reporterUrl?: string;
};

export type PlanInput = {
  instance: ReporterInstance;
  /** The Reporter's token Secret as observed. */
  secret: SecretKind;
  /** Pods matching instance.podSelector. */
  reporterPods: PodKind[];
  /** The Reporter's `ibm-license-service-reporter` Route, when there is one. */
  route: RouteKind | undefined;
  licensings: LicensingKind[];
  /** Sender copies by secretKey: the object, or null when it does not exist. */
  senderSecrets: Record<string, SecretKind | null | undefined>;
  /** Pods of each sender by senderPodsKey. */
  senderPods: Record<string, PodKind[] | undefined>;
};

export const isPodReady = (pod: PodKind): boolean =>
  !pod.metadata?.deletionTimestamp &&
  pod.status?.phase === 'Running' &&
  (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

const podNames = (pods: PodKind[]) =>
  pods
    .map((p) => p.metadata?.name)
    .filter((n): n is string => !!n)
    .sort();

const running = (pods: PodKind[]) =>
  pods.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp).length;

export { reporterKey };

export const buildPlan = (input: PlanInput): RotationPlan => {
  const { instance, secret } = input;
  const reporterSecret: SecretRef = { namespace: instance.namespace, name: instance.secretName };
  const { senders, unresolved } = findSenders(instance, input.route, input.licensings);
  const steps: PlanStep[] = [];
  const sharedSecret: RotationPlan['sharedSecret'] = [];
  const manual: ManualItem[] = unresolved.map((u) => ({
    kind: 'sender-namespace-unknown',
    crName: u.crName,
  }));

  const reporterStep: PatchSecretStep = {
    id: `patch-secret:${secretKey(reporterSecret)}`,
    kind: 'patch-secret',
    target: 'reporter',
    secret: reporterSecret,
    resourceVersion: secret.metadata?.resourceVersion ?? '',
    readBy: [],
  };
  steps.push(reporterStep);

  const copies = new Map<string, PatchSecretStep>();
  const restartable: Sender[] = [];
  for (const sender of senders) {
    const ref: SecretRef = { namespace: sender.namespace, name: sender.secretName };
    const key = secretKey(ref);
    if (key === secretKey(reporterSecret)) {
      sharedSecret.push({ crName: sender.crName, secret: ref });
      reporterStep.readBy.push(sender.crName);
      restartable.push(sender);
      continue;
    }
    const observed = input.senderSecrets[key];
    if (!observed) {
      manual.push({ kind: 'sender-secret-missing', crName: sender.crName, secret: ref });
      continue;
    }
    const existing = copies.get(key);
    if (existing) {
      existing.readBy.push(sender.crName);
    } else {
      const step: PatchSecretStep = {
        id: `patch-secret:${key}`,
        kind: 'patch-secret',
        target: 'sender',
        secret: ref,
        resourceVersion: observed.metadata?.resourceVersion ?? '',
        readBy: [sender.crName],
      };
      copies.set(key, step);
      steps.push(step);
    }
    restartable.push(sender);
  }

  steps.push({
    id: `restart-pods:${instance.namespace}/${instance.deploymentName}`,
    kind: 'restart-pods',
    target: 'reporter',
    namespace: instance.namespace,
    selector: { ...instance.podSelector },
    workload: instance.deploymentName,
    podNames: podNames(input.reporterPods),
    runningCount: running(input.reporterPods),
    outage: true,
  });

  const restarted = new Set<string>();
  for (const sender of restartable) {
    const id = `restart-pods:${sender.namespace}/${sender.deploymentName}`;
    if (restarted.has(id)) continue;
    restarted.add(id);
    const pods = input.senderPods[senderPodsKey(sender)] ?? [];
    steps.push({
      id,
      kind: 'restart-pods',
      target: 'sender',
      namespace: sender.namespace,
      selector: { ...sender.podSelector },
      workload: sender.deploymentName,
      podNames: podNames(pods),
      runningCount: running(pods),
      outage: false,
      senderCr: sender.crName,
    });
  }

  const host = routeHosts(input.route)[0];
  return {
    key: reporterKey(instance),
    reporter: {
      namespace: instance.namespace,
      crName: instance.crName,
      secret: reporterSecret,
      deploymentName: instance.deploymentName,
    },
    steps,
    senders,
    sharedSecret,
    manual,
    ...(host ? { reporterUrl: `https://${host}` } : {}),
  };
};

/** Secrets of the plan whose observed resourceVersion differs from the one the plan was built on. */
export const staleSecrets = (
  plan: RotationPlan,
  observed: Record<string, string | undefined>,
): SecretRef[] =>
  plan.steps
    .filter((s): s is PatchSecretStep => s.kind === 'patch-secret')
    .filter((s) => {
      const rv = observed[secretKey(s.secret)];
      return rv !== undefined && rv !== s.resourceVersion;
    })
    .map((s) => s.secret);

/** The JSON Pointer of the rotated-at annotation (`/` in the key escaped as `~1`). */
export const ROTATED_AT_PATH = `/metadata/annotations/${ROTATED_AT_ANNOTATION.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The JSON Patch that rotates the token of one Secret: test the resourceVersion, replace data.token,
 * record the time. Labels, other keys and other annotations are left as they are.
 */
export const tokenPatch = (
  shape: {
    resourceVersion: string;
    hasData: boolean;
    hasTokenKey: boolean;
    hasAnnotations: boolean;
  },
  base64Token: string,
  rotatedAt: string,
): Patch[] => {
  const ops: Patch[] = [
    { op: 'test', path: '/metadata/resourceVersion', value: shape.resourceVersion },
  ];
  if (!shape.hasData) ops.push({ op: 'add', path: '/data', value: {} });
  ops.push({
    op: shape.hasData && shape.hasTokenKey ? 'replace' : 'add',
    path: `/data/${TOKEN_KEY}`,
    value: base64Token,
  });
  if (!shape.hasAnnotations) ops.push({ op: 'add', path: '/metadata/annotations', value: {} });
  ops.push({ op: 'add', path: ROTATED_AT_PATH, value: rotatedAt });
  return ops;
};

export const secretShape = (secret: SecretKind) => ({
  resourceVersion: secret.metadata?.resourceVersion ?? '',
  hasData: secret.data !== undefined,
  hasTokenKey: secret.data?.[TOKEN_KEY] !== undefined,
  hasAnnotations: secret.metadata?.annotations !== undefined,
});
