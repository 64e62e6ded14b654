import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './console-fetch';
import { resourceURL, selectorToString } from './k8s-url';
import type { ResourceURLOptions } from './k8s-url';

type BaseOptions = {
  name?: string;
  ns?: string;
  path?: string;
  queryParams?: Record<string, string | undefined>;
};

/** The console passes only the options that are set on to resourceURL. */
const urlOptions = ({ name, ns, path, queryParams }: BaseOptions): ResourceURLOptions => ({
  ...(name ? { name } : {}),
  ...(ns ? { ns } : {}),
  ...(path ? { path } : {}),
  ...(queryParams ? { queryParams } : {}),
});

export const k8sGet: typeof SDK.k8sGet = async (options) => {
  const { model, name, ns, requestInit } = options;
  return (await consoleFetchJSON(
    resourceURL(model, {
      ns,
      name,
      ...urlOptions({ path: options.path, queryParams: options.queryParams }),
    }),
    'GET',
    requestInit ?? {},
  )) as never;
};

export const k8sCreate: typeof SDK.k8sCreate = async (options) => {
  const { model, data } = options;
  return (await consoleFetchJSON.post(
    resourceURL(model, { ns: data.metadata?.namespace, ...urlOptions(options) }),
    data,
  )) as never;
};

export const k8sUpdate: typeof SDK.k8sUpdate = async (options) => {
  const { model, data, ns, name } = options;
  return (await consoleFetchJSON.put(
    resourceURL(model, {
      ...urlOptions(options),
      ns: ns || data.metadata?.namespace,
      name: name || data.metadata?.name,
    }),
    data,
  )) as never;
};

export const k8sPatch: typeof SDK.k8sPatch = async (options) => {
  const { model, resource, data } = options;
  const patches = data.filter(Boolean);
  if (patches.length === 0) {
    // The console resolves with the resource as given and sends nothing.
    return resource;
  }
  return (await consoleFetchJSON.patch(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      ...urlOptions(options),
    }),
    patches,
  )) as never;
};

type ModelWithPolicy = K8sModel & { propagationPolicy?: string };

export const k8sDelete: typeof SDK.k8sDelete = async (options) => {
  const { model, resource, requestInit, json } = options;
  const { propagationPolicy } = model as ModelWithPolicy;
  const body =
    json ??
    (propagationPolicy ? { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy } : null);
  return (await consoleFetchJSON.delete(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      ...urlOptions(options),
    }),
    body,
    requestInit ?? {},
  )) as never;
};

type ListResult = K8sResourceCommon & { items?: K8sResourceCommon[] };

/** GET a collection; `labelSelector` is serialised from a selector object, every value URL-encoded. */
export const listResources = async (
  model: K8sModel,
  queryParams: Record<string, unknown> = {},
  raw = false,
  requestInit: RequestInit = {},
): Promise<K8sResourceCommon[] | ListResult> => {
  const query = Object.entries(queryParams)
    .filter(([k]) => k !== 'ns')
    .map(([k, v]) => {
      const value =
        k === 'labelSelector' ? selectorToString(v as Record<string, unknown>) : String(v);
      return `${encodeURIComponent(k)}=${encodeURIComponent(value)}`;
    })
    .join('&');
  const ns = typeof queryParams.ns === 'string' ? queryParams.ns : undefined;
  const result = (await consoleFetchJSON(
    `${resourceURL(model, { ns })}?${query}`,
    'GET',
    requestInit,
  )) as ListResult;
  const items = result.items?.map((i) => ({
    kind: model.kind,
    apiVersion: result.apiVersion,
    ...i,
  }));
  return raw ? { ...result, items: items ?? [] } : (items ?? []);
};

export const k8sList: typeof SDK.k8sList = async ({ model, queryParams, requestInit }) =>
  (await listResources(model, queryParams, false, requestInit)) as never;

export const k8sListItems: typeof SDK.k8sListItems = async (options) => {
  const response = await listResources(
    options.model,
    options.queryParams,
    false,
    options.requestInit,
  );
  return (Array.isArray(response) ? response : (response.items ?? [])) as never;
};
