/**
 * Test helpers: the cluster fixtures of ../shared/fixtures (relative to the repository root) as objects.
 * Used by unit tests only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type {
  LicensingKind,
  ReporterInstance,
  ReporterKind,
  RouteKind,
  SecretKind,
} from '../../reporter/types';
import { findSenders } from '../../reporter/senders';
import { secretKey, senderPodsKey, type PlanInput, type PodKind } from '../plan';
import { DEFAULT_TOKEN_SECRET } from '../../reporter/types';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures');

export type FixtureFile =
  | 'reporter-instance.yaml'
  | 'reporter-custom.yaml'
  | 'license-service-same-ns.yaml'
  | 'license-service-other-ns.yaml';

export const loadFixtures = (...files: FixtureFile[]): K8sResourceCommon[] =>
  files.flatMap((file) =>
    loadAll(fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8')).filter(
      (o): o is K8sResourceCommon => typeof o === 'object' && o !== null && 'kind' in o,
    ),
  );

export const ofKind = <T extends K8sResourceCommon>(
  objects: K8sResourceCommon[],
  kind: string,
): T[] => objects.filter((o) => o.kind === kind) as T[];

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- typed lookup for tests
export const find = <T extends K8sResourceCommon>(
  objects: K8sResourceCommon[],
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined =>
  objects.find(
    (o) => o.kind === kind && o.metadata?.name === name && o.metadata.namespace === namespace,
  ) as T | undefined;

export const matchesLabels = (o: K8sResourceCommon, selector: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => o.metadata?.labels?.[k] === v);

export const instanceOf = (cr: ReporterKind): ReporterInstance => {
  const crName = cr.metadata?.name ?? '';
  return {
    namespace: cr.metadata?.namespace ?? '',
    crName,
    secretName: cr.spec?.apiSecretToken ?? DEFAULT_TOKEN_SECRET,
    podSelector: { app: `ibm-license-service-reporter-${crName}`, licensing_cr: crName },
    deploymentName: `ibm-license-service-reporter-${crName}`,
    cr,
  };
};

/** Observed state for one Reporter, gathered from a set of fixture objects as the section watches it. */
export const inputFrom = (
  objects: K8sResourceCommon[],
  namespace: string,
  crName: string,
): PlanInput => {
  const cr = find<ReporterKind>(objects, 'IBMLicenseServiceReporter', namespace, crName);
  if (!cr) throw new Error(`no Reporter ${namespace}/${crName} in fixtures`);
  const instance = instanceOf(cr);
  const secret = find<SecretKind>(objects, 'Secret', namespace, instance.secretName);
  if (!secret) throw new Error('no token Secret in fixtures');
  const pods = ofKind<PodKind>(objects, 'Pod');
  const route = find<RouteKind>(objects, 'Route', namespace, 'ibm-license-service-reporter');
  const licensings = ofKind<LicensingKind>(objects, 'IBMLicensing');
  const { senders } = findSenders(instance, route, licensings);
  const senderSecrets: PlanInput['senderSecrets'] = {};
  const senderPods: PlanInput['senderPods'] = {};
  for (const s of senders) {
    const ref = { namespace: s.namespace, name: s.secretName };
    senderSecrets[secretKey(ref)] =
      find<SecretKind>(objects, 'Secret', s.namespace, s.secretName) ?? null;
    senderPods[senderPodsKey(s)] = pods.filter(
      (p) => p.metadata?.namespace === s.namespace && matchesLabels(p, s.podSelector),
    );
  }
  return {
    instance,
    secret,
    reporterPods: pods.filter(
      (p) => p.metadata?.namespace === namespace && matchesLabels(p, instance.podSelector),
    ),
    route,
    licensings,
    senderSecrets,
    senderPods,
  };
};
