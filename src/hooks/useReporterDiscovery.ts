import { gvkOf, ReporterModel } from '../models';
import { discoveryOf } from '../reporter/discover';
import type { ReporterDiscovery } from '../reporter/discover';
import { namespaceProblemOf } from '../reporter/namespace';
import type { ReporterKind } from '../reporter/types';
import { useWatch } from './useWatch';

export type ReporterDiscoveryResult = {
  /** What the page can show: cluster-wide, or in `namespace` when listing cluster-wide is refused. */
  discovery: ReporterDiscovery;
  /** True when the user may not list Reporters in all namespaces. */
  clusterWideForbidden: boolean;
};

/**
 * Watches every IBMLicenseServiceReporter in all namespaces. When that is refused (403) and a
 * valid `namespace` is given (typed by the user or from the URL), watches the CRs of that
 * namespace instead.
 */
export const useReporterDiscovery = (namespace: string | undefined): ReporterDiscoveryResult => {
  const groupVersionKind = gvkOf(ReporterModel);
  const all = useWatch<ReporterKind[]>({ groupVersionKind, isList: true });
  const clusterWide = discoveryOf(all.data, all.loaded, all.error, undefined);
  const clusterWideForbidden = clusterWide.state === 'forbidden';
  const scopedNamespace =
    clusterWideForbidden && namespace && !namespaceProblemOf(namespace) ? namespace : undefined;
  const scoped = useWatch<ReporterKind[]>(
    scopedNamespace ? { groupVersionKind, isList: true, namespace: scopedNamespace } : null,
  );
  return {
    discovery: scopedNamespace
      ? discoveryOf(scoped.data, scoped.loaded, scoped.error, scopedNamespace)
      : clusterWide,
    clusterWideForbidden,
  };
};
