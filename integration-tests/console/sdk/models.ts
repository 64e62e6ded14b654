import { useSyncExternalStore } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './console-fetch';
import { getReference, getReferenceForModel, toReference } from './k8s-ref';
import { K8S_BASE_PATH } from './k8s-url';
import { Store } from './store';

type APIResource = {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
};
type APIResourceList = { groupVersion: string; resources: APIResource[] };
type APIGroupList = {
  groups: { name: string; versions: { groupVersion: string; version: string }[] }[];
};

/** Groups the console has static models for: anything else it marks as a CRD. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'rbac.authorization.k8s.io',
  'authorization.k8s.io',
  'authentication.k8s.io',
  'apiextensions.k8s.io',
  'networking.k8s.io',
  'storage.k8s.io',
  'coordination.k8s.io',
  'route.openshift.io',
  'project.openshift.io',
  'config.openshift.io',
  'user.openshift.io',
  'console.openshift.io',
  'operator.openshift.io',
]);

const kindToAbbr = (kind: string): string =>
  (kind.replace(/[^A-Z]/g, '') || kind.toUpperCase()).slice(0, 4);

const toModels = ({ groupVersion, resources }: APIResourceList): K8sModel[] => {
  const [group, version] = groupVersion.includes('/')
    ? (groupVersion.split('/') as [string, string])
    : ['', groupVersion];
  return resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      kind: r.kind,
      label: r.kind,
      labelPlural: `${r.kind}${r.kind.endsWith('s') ? 'es' : 's'}`,
      plural: r.name,
      apiVersion: version,
      ...(group ? { apiGroup: group } : {}),
      abbr: kindToAbbr(r.kind),
      namespaced: r.namespaced,
      verbs: r.verbs as K8sModel['verbs'],
      shortNames: r.shortNames,
      id: r.singularName,
      crd: !BUILT_IN_GROUPS.has(group),
    }));
};

export type ModelsState = { models: Record<string, K8sModel>; loaded: boolean; error?: unknown };

export const modelsStore = new Store<ModelsState>({ models: {}, loaded: false });

/** API discovery the way the console does it: /api/v1, /apis, then every group version. */
export const discoverModels = async (): Promise<ModelsState> => {
  try {
    const core = (await consoleFetchJSON(`${K8S_BASE_PATH}/api/v1`)) as APIResourceList;
    const groups = (await consoleFetchJSON(`${K8S_BASE_PATH}/apis`)) as APIGroupList;
    const lists = await Promise.all(
      groups.groups.flatMap((g) =>
        g.versions.map(
          (v) =>
            consoleFetchJSON(`${K8S_BASE_PATH}/apis/${v.groupVersion}`) as Promise<APIResourceList>,
        ),
      ),
    );
    const models: Record<string, K8sModel> = {};
    [core, ...lists].flatMap(toModels).forEach((m) => {
      models[getReferenceForModel(m)] = m;
    });
    const state = { models, loaded: true };
    modelsStore.set(state);
    return state;
  } catch (error) {
    const state = { models: {}, loaded: true, error };
    modelsStore.set(state);
    return state;
  }
};

export const findModel = (
  state: ModelsState,
  gvk: SDK.K8sGroupVersionKind | string | undefined,
): K8sModel | undefined => {
  const ref = toReference(gvk);
  if (!ref) {
    return undefined;
  }
  const exact = state.models[ref];
  if (exact || ref.includes('~')) {
    return exact;
  }
  // A bare kind (the deprecated `kind` form) matches a model of the core group.
  return Object.values(state.models).find((m) => !m.apiGroup && m.kind === ref);
};

export const useModelsState = (): ModelsState =>
  useSyncExternalStore(modelsStore.subscribe, modelsStore.get);

export const useK8sModel: typeof SDK.useK8sModel = (groupVersionKind) => {
  const state = useModelsState();
  return [findModel(state, groupVersionKind) as K8sModel, !state.loaded];
};

export const useK8sModels: typeof SDK.useK8sModels = () => {
  const state = useModelsState();
  return [state.models, !state.loaded];
};

export { getReference };
