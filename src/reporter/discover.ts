import { errorMessageOf, httpStatusOf, isMissingModelError } from './load-error';
import { DEFAULT_TOKEN_SECRET } from './types';
import type { ReporterInstance, ReporterKind } from './types';

/** Name of the CR's token Secret: spec.apiSecretToken, or the operator's default. */
export const tokenSecretNameOf = (cr: ReporterKind): string => {
  const custom = cr.spec?.apiSecretToken;
  return typeof custom === 'string' && custom.trim() !== '' ? custom.trim() : DEFAULT_TOKEN_SECRET;
};

/** The Reporter instance a CR describes, or undefined when the CR lacks a name or namespace. */
export const reporterInstanceOf = (cr: ReporterKind): ReporterInstance | undefined => {
  const crName = cr.metadata?.name;
  const namespace = cr.metadata?.namespace;
  if (!crName || !namespace) return undefined;
  return {
    namespace,
    crName,
    secretName: tokenSecretNameOf(cr),
    podSelector: { app: `ibm-license-service-reporter-${crName}`, licensing_cr: crName },
    deploymentName: `ibm-license-service-reporter-${crName}`,
    cr,
  };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every Reporter instance among the observed CRs, sorted by namespace then CR name (a stable,
 * locale-independent order), without duplicates (same namespace and name seen twice).
 */
export const discoverReporters = (crs: readonly ReporterKind[] | undefined): ReporterInstance[] => {
  const byKey = new Map<string, ReporterInstance>();
  for (const cr of crs ?? []) {
    const instance = reporterInstanceOf(cr);
    if (instance) byKey.set(`${instance.namespace}/${instance.crName}`, instance);
  }
  return [...byKey.values()].sort(
    (a, b) => compare(a.namespace, b.namespace) || compare(a.crName, b.crName),
  );
};

/** The instance named in the URL (`?ns=&name=`), else the first of `ns`, else the first one. */
export const pickInstance = (
  instances: readonly ReporterInstance[],
  ns: string | null,
  name: string | null,
): ReporterInstance | undefined =>
  instances.find((i) => i.namespace === ns && i.crName === name) ??
  (ns ? instances.find((i) => i.namespace === ns) : undefined) ??
  instances[0];

/** `namespace/crName`, the value a selector uses for an instance. */
export const instanceKey = (instance: Pick<ReporterInstance, 'namespace' | 'crName'>): string =>
  `${instance.namespace}/${instance.crName}`;

/** What the page knows about the Reporters it may see. */
export type ReporterDiscovery =
  | { state: 'loading' }
  /** The IBMLicenseServiceReporter CRD is not installed. */
  | { state: 'not-installed' }
  /** Listing the CRs was refused (cluster-wide when `namespace` is undefined). */
  | { state: 'forbidden'; namespace: string | undefined }
  | { state: 'error'; namespace: string | undefined; message: string }
  /** `instances` may be empty: no Reporter is installed (in `namespace`, when set). */
  | { state: 'ready'; namespace: string | undefined; instances: ReporterInstance[] };

/** Discovery state from one list watch (all namespaces when `namespace` is undefined). */
export const discoveryOf = (
  crs: readonly ReporterKind[] | undefined,
  loaded: boolean,
  loadError: unknown,
  namespace: string | undefined,
): ReporterDiscovery => {
  if (loadError) {
    if (isMissingModelError(loadError)) return { state: 'not-installed' };
    const status = httpStatusOf(loadError);
    if (status === 403) return { state: 'forbidden', namespace };
    if (status === 404) return { state: 'not-installed' };
    return { state: 'error', namespace, message: errorMessageOf(loadError) };
  }
  if (!loaded) return { state: 'loading' };
  return { state: 'ready', namespace, instances: discoverReporters(crs) };
};
