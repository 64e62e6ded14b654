/**
 * The observed state a rotation plan is built from, through watches: the Reporter's API Route, the
 * IBMLicensing CRs, the Reporter pods, and each same-cluster sender's Secret copy and pods. Pod lists
 * are also published to the pod feed, so the runner follows replacements through these watches.
 */
import { useEffect, useMemo } from 'react';
import {
  useK8sWatchResource,
  useK8sWatchResources,
  type WatchK8sResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { gvkOf, LicensingModel, PodModel, RouteModel, SecretModel } from '../models';
import { findSenders, type Sender } from '../reporter/senders';
import type { LicensingKind, ReporterInstance, RouteKind, SecretKind } from '../reporter/types';
import { REPORTER_API_ROUTE } from '../reporter/types';
import { secretKey, senderPodsKey, type PlanInput, type PodKind } from './plan';
import { feedKey, publishPods } from './pod-feed';
import { httpStatus } from './run';

export type LoadProblem = {
  what: 'route' | 'licensings' | 'pods' | 'sender';
  error: unknown;
  /** The read that failed, as a permission (what to ask for when it is a 403). */
  permission: { verb: string; resource: string; namespace?: string; name?: string };
};

export type RotationData = {
  loaded: boolean;
  /** Problems that make a plan impossible or incomplete. */
  problems: LoadProblem[];
  input?: PlanInput;
  senders: Sender[];
};

/** A watch error that means "no such object" rather than a failure. */
const isNotFound = (e: unknown) => httpStatus(e) === 404;

const usePublishedPods = (
  namespace: string,
  selector: Record<string, string>,
  pods: PodKind[] | undefined,
  loaded: boolean,
) => {
  const key = feedKey(namespace, selector);
  useEffect(() => {
    if (loaded && pods) publishPods(key, pods);
  }, [key, pods, loaded]);
};

export const useRotationData = (instance: ReporterInstance, secret: SecretKind): RotationData => {
  const routeWatch = useK8sWatchResource<RouteKind>({
    groupVersionKind: gvkOf(RouteModel),
    name: REPORTER_API_ROUTE,
    namespace: instance.namespace,
  });
  const licensingsWatch = useK8sWatchResource<LicensingKind[]>({
    groupVersionKind: gvkOf(LicensingModel),
    isList: true,
  });
  const podsWatch = useK8sWatchResource<PodKind[]>({
    groupVersionKind: gvkOf(PodModel),
    namespace: instance.namespace,
    isList: true,
    selector: { matchLabels: instance.podSelector },
  });
  const [route, routeLoaded] = routeWatch;
  const routeError: unknown = routeWatch[2];
  const [licensings, licensingsLoaded] = licensingsWatch;
  const licensingsError: unknown = licensingsWatch[2];
  const [reporterPods, podsLoaded] = podsWatch;
  const podsError: unknown = podsWatch[2];
  usePublishedPods(instance.namespace, instance.podSelector, reporterPods, podsLoaded);

  // "Model does not exist" (no IBMLicensing CRD) means no License Service on this cluster.
  const noLicensingCrd =
    !!licensingsError &&
    (isNotFound(licensingsError) ||
      (licensingsError instanceof Error && /model does not exist/i.test(licensingsError.message)));
  const routeMissing = !!routeError && isNotFound(routeError);
  const routeObject = routeLoaded && !routeError ? route : undefined;
  const licensingList = useMemo(
    () => (licensingsLoaded && !licensingsError && Array.isArray(licensings) ? licensings : []),
    [licensings, licensingsLoaded, licensingsError],
  );

  const { senders } = useMemo(
    () => findSenders(instance, routeObject, licensingList),
    [instance, routeObject, licensingList],
  );

  const resources = useMemo(() => {
    const r: Record<string, WatchK8sResource> = {};
    for (const s of senders) {
      const ref = { namespace: s.namespace, name: s.secretName };
      if (
        secretKey(ref) !== secretKey({ namespace: instance.namespace, name: instance.secretName })
      ) {
        r[`secret:${secretKey(ref)}`] = {
          groupVersionKind: gvkOf(SecretModel),
          name: s.secretName,
          namespace: s.namespace,
        };
      }
      r[`pods:${senderPodsKey(s)}`] = {
        groupVersionKind: gvkOf(PodModel),
        namespace: s.namespace,
        isList: true,
        selector: { matchLabels: s.podSelector },
      };
    }
    return r;
  }, [senders, instance.namespace, instance.secretName]);
  const watched = useK8sWatchResources<Record<string, SecretKind | PodKind[]>>(resources);

  useEffect(() => {
    for (const s of senders) {
      const w = watched[`pods:${senderPodsKey(s)}`] as
        { data: PodKind[]; loaded: boolean; loadError: unknown } | undefined;
      if (w?.loaded && !w.loadError && Array.isArray(w.data)) {
        publishPods(feedKey(s.namespace, s.podSelector), w.data);
      }
    }
  }, [senders, watched]);

  return useMemo(() => {
    const problems: LoadProblem[] = [];
    if (routeError && !routeMissing) {
      problems.push({
        what: 'route',
        error: routeError,
        permission: {
          verb: 'get',
          resource: 'routes.route.openshift.io',
          namespace: instance.namespace,
          name: REPORTER_API_ROUTE,
        },
      });
    }
    if (licensingsError && !noLicensingCrd)
      problems.push({
        what: 'licensings',
        error: licensingsError,
        permission: { verb: 'list', resource: 'ibmlicensings.operator.ibm.com' },
      });
    if (podsError) {
      problems.push({
        what: 'pods',
        error: podsError,
        permission: { verb: 'list', resource: 'pods', namespace: instance.namespace },
      });
    }
    let loaded =
      (routeLoaded || !!routeError) && (licensingsLoaded || !!licensingsError) && podsLoaded;
    const senderSecrets: PlanInput['senderSecrets'] = {};
    const senderPods: PlanInput['senderPods'] = {};
    for (const [key, result] of Object.entries(watched)) {
      const r = result as { data: unknown; loaded: boolean; loadError: unknown } | undefined;
      if (!r) {
        loaded = false;
        continue;
      }
      if (key.startsWith('secret:')) {
        const k = key.slice('secret:'.length);
        if (r.loadError) {
          if (isNotFound(r.loadError)) senderSecrets[k] = null;
          else {
            const [namespace = '', name = ''] = k.split('/');
            problems.push({
              what: 'sender',
              error: r.loadError,
              permission: { verb: 'get', resource: 'secrets', namespace, name },
            });
          }
        } else if (r.loaded) {
          senderSecrets[k] = r.data as SecretKind;
        } else {
          loaded = false;
        }
      } else {
        const k = key.slice('pods:'.length);
        if (r.loadError) {
          problems.push({
            what: 'sender',
            error: r.loadError,
            permission: { verb: 'list', resource: 'pods', namespace: k.split('/')[0] ?? '' },
          });
        } else if (r.loaded) senderPods[k] = r.data as PodKind[];
        else loaded = false;
      }
    }
    if (Object.keys(watched).length < Object.keys(resources).length) loaded = false;
    const input: PlanInput | undefined =
      loaded && problems.length === 0
        ? {
            instance,
            secret,
            reporterPods: Array.isArray(reporterPods) ? reporterPods : [],
            route: routeObject,
            licensings: licensingList,
            senderSecrets,
            senderPods,
          }
        : undefined;
    return { loaded, problems, senders, ...(input ? { input } : {}) };
  }, [
    routeError,
    routeMissing,
    licensingsError,
    noLicensingCrd,
    podsError,
    routeLoaded,
    licensingsLoaded,
    podsLoaded,
    watched,
    resources,
    instance,
    secret,
    reporterPods,
    routeObject,
    licensingList,
    senders,
  ]);
};
