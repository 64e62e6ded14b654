import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/** `group~version~kind`, with `core` for the legacy group: the console's key for a model. */
export const getReference = ({ group, version, kind }: K8sGroupVersionKind): string =>
  [group || 'core', version, kind].join('~');

export const getReferenceForModel = (model: K8sModel): string =>
  getReference({ group: model.apiGroup, version: model.apiVersion, kind: model.kind });

export const getAPIVersionForModel: typeof SDK.getAPIVersionForModel = (model) =>
  !model.apiGroup ? model.apiVersion : `${model.apiGroup}/${model.apiVersion}`;

export const getGroupVersionKindForModel: typeof SDK.getGroupVersionKindForModel = ({
  apiGroup,
  apiVersion: version,
  kind,
}) => ({ ...(apiGroup ? { group: apiGroup } : {}), version, kind });

export const getGroupVersionKindForResource: typeof SDK.getGroupVersionKindForResource = (
  resource,
) => {
  const { apiVersion, kind } = resource;
  const parts = apiVersion?.split('/');
  if (parts && parts.length > 2) {
    throw new Error('Provided resource has invalid apiVersion.');
  }
  if (!apiVersion || !kind || !parts) {
    return undefined as unknown as K8sGroupVersionKind;
  }
  return parts.length === 2
    ? { group: parts[0], version: parts[1] ?? '', kind }
    : { version: apiVersion, kind };
};

/** Accepts both a K8sGroupVersionKind and the deprecated `group~version~kind` string. */
export const toReference = (gvk: K8sGroupVersionKind | string | undefined): string | undefined =>
  gvk === undefined ? undefined : typeof gvk === 'string' ? gvk : getReference(gvk);
