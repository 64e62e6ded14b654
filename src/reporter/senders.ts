/**
 * License Services on this cluster that send to a given Reporter: IBMLicensing CRs (cluster-scoped) whose
 * `spec.sender.reporterURL` points at the Reporter's API Route host or at its in-cluster Service. Pure.
 */
import type { LicensingKind, ReporterInstance, RouteKind } from './types';
import { DEFAULT_TOKEN_SECRET, REPORTER_API_ROUTE } from './types';

/** Name of the Reporter's Service (fixed by its operator, one Reporter per namespace). */
export const REPORTER_SERVICE = 'ibm-license-service-reporter';

export type SenderMatch =
  /** reporterURL host is the host of the Reporter's API Route. */
  | 'route-host'
  /** reporterURL host is the Reporter Service's in-cluster DNS name. */
  | 'service';

export type Sender = {
  /** metadata.name of the IBMLicensing CR. */
  crName: string;
  /** spec.instanceNamespace: where License Service runs and where its copy of the token lives. */
  namespace: string;
  /** spec.sender.reporterSecretToken or the default name. */
  secretName: string;
  /** Labels of the License Service pods: app=ibm-licensing-service-<crName>, licensing_cr=<crName>. */
  podSelector: Record<string, string>;
  /** ibm-licensing-service-<crName>. */
  deploymentName: string;
  match: SenderMatch;
};

/** A License Service that targets this Reporter, but whose namespace cannot be determined. */
export type UnresolvedSender = { crName: string; reason: 'no-instance-namespace' };

export type SenderSearch = { senders: Sender[]; unresolved: UnresolvedSender[] };

export const licensingPodSelector = (crName: string): Record<string, string> => ({
  app: `ibm-licensing-service-${crName}`,
  licensing_cr: crName,
});

/** Every host of a Route: spec.host and the hosts admitted by routers. Lower case, no trailing dot. */
export const routeHosts = (route: RouteKind | undefined): string[] => {
  if (!route) return [];
  const hosts = [route.spec?.host, ...(route.status?.ingress ?? []).map((i) => i.host)];
  return [...new Set(hosts.filter((h): h is string => !!h).map(normalizeHost))];
};

const normalizeHost = (host: string) => host.trim().toLowerCase().replace(/\.$/, '');

/** The host of a reporterURL (a scheme is optional), or undefined when it is not a URL. */
export const urlHost = (url: string | undefined): string | undefined => {
  if (!url?.trim()) return undefined;
  const text = url.trim();
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return parsed.hostname ? normalizeHost(parsed.hostname) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Whether a host names the Reporter Service of `namespace` from a pod in `fromNamespace`:
 * `<svc>.<ns>`, `<svc>.<ns>.svc`, `<svc>.<ns>.svc.<cluster domain>`, or the bare `<svc>` from the same namespace.
 */
export const isReporterServiceHost = (
  host: string,
  namespace: string,
  fromNamespace: string | undefined,
): boolean => {
  const ns = namespace.toLowerCase();
  if (host === REPORTER_SERVICE) return fromNamespace?.toLowerCase() === ns;
  if (host === `${REPORTER_SERVICE}.${ns}` || host === `${REPORTER_SERVICE}.${ns}.svc`) return true;
  return host.startsWith(`${REPORTER_SERVICE}.${ns}.svc.`);
};

/**
 * License Services on this cluster whose sender targets `instance`. `route` is the Reporter's
 * `ibm-license-service-reporter` Route (undefined when there is none or it cannot be read).
 */
export const findSenders = (
  instance: Pick<ReporterInstance, 'namespace'>,
  route: RouteKind | undefined,
  licensings: LicensingKind[],
): SenderSearch => {
  const hosts = new Set(
    route?.metadata?.name === undefined || route.metadata.name === REPORTER_API_ROUTE
      ? routeHosts(route)
      : [],
  );
  const senders: Sender[] = [];
  const unresolved: UnresolvedSender[] = [];
  for (const cr of licensings) {
    const crName = cr.metadata?.name;
    const host = urlHost(cr.spec?.sender?.reporterURL);
    if (!crName || !host) continue;
    const namespace = cr.spec?.instanceNamespace?.trim() || undefined;
    let match: SenderMatch | undefined;
    if (hosts.has(host)) match = 'route-host';
    else if (isReporterServiceHost(host, instance.namespace, namespace)) match = 'service';
    if (!match) continue;
    if (!namespace) {
      unresolved.push({ crName, reason: 'no-instance-namespace' });
      continue;
    }
    senders.push({
      crName,
      namespace,
      secretName: cr.spec?.sender?.reporterSecretToken?.trim() || DEFAULT_TOKEN_SECRET,
      podSelector: licensingPodSelector(crName),
      deploymentName: `ibm-licensing-service-${crName}`,
      match,
    });
  }
  // Code-unit order: the plan is the same in every browser locale.
  senders.sort((a, b) => (a.crName < b.crName ? -1 : a.crName > b.crName ? 1 : 0));
  return { senders, unresolved };
};
