/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { NoModelError } from './http-error';
import { findModel, useModelsState } from './models';
import { acquireWatch, getWatchSnapshot, makeWatchId, subscribeWatch } from './watch';
import type { WatchQuery, WatchSnapshot } from './watch';

const sortKeys = (_k: string, v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
      )
    : v;

/** JSON with sorted keys; `undefined` (which JSON.stringify returns for it) as a string. */
const stableStringify = (value: unknown): string =>
  value === undefined ? 'undefined' : JSON.stringify(value, sortKeys);

/** Keeps the previous reference while the value is deeply equal (callers pass fresh literals). */
export const useDeepCompareMemoize = <T>(value: T): T => {
  const ref = useRef<{ key: string; value: T }>(undefined);
  const key = stableStringify(value);
  if (!ref.current || ref.current.key !== key) {
    ref.current = { key, value };
  }
  return ref.current.value;
};

const makeQuery = (r: WatchK8sResource): WatchQuery => ({
  ...(r.selector && Object.keys(r.selector).length ? { labelSelector: r.selector } : {}),
  ...(r.namespace ? { ns: r.namespace } : {}),
  ...(r.name ? { name: r.name } : {}),
  ...(r.fieldSelector ? { fieldSelector: r.fieldSelector } : {}),
  ...(r.limit ? { limit: r.limit } : {}),
});

type Watch = { id: string; model: K8sModel; query: WatchQuery; resource: WatchK8sResource };

const toWatch = (resource: WatchK8sResource | null, model: K8sModel | undefined): Watch | null => {
  if (!resource || !model) {
    return null;
  }
  const query = makeQuery(resource);
  return { id: makeWatchId(model, query), model, query, resource };
};

const useWatches = (watches: (Watch | null)[]): (WatchSnapshot | undefined)[] => {
  const ids = watches.map((w) => w?.id ?? null);
  const idsKey = ids.join('\n');
  useEffect(() => {
    const releases = watches.map((w) =>
      w
        ? acquireWatch(w.id, w.model, w.query, !!w.resource.isList, !!w.resource.partialMetadata)
        : null,
    );
    return () => {
      releases.forEach((release) => release?.());
    };
    // idsKey captures everything a watch depends on.
  }, [idsKey]);
  const cache = useRef<(WatchSnapshot | undefined)[]>([]);
  const subscribe = useMemo(
    () => (listener: () => void) => {
      const unsubs = idsKey
        .split('\n')
        .filter(Boolean)
        .map((id) => subscribeWatch(id, listener));
      return () => {
        unsubs.forEach((u) => {
          u();
        });
      };
    },
    [idsKey],
  );
  const getSnapshot = () => {
    const next = ids.map((id) => (id ? getWatchSnapshot(id) : undefined));
    const prev = cache.current;
    if (prev.length !== next.length || next.some((s, i) => s !== prev[i])) {
      cache.current = next;
    }
    return cache.current;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
};

const result = (
  resource: WatchK8sResource,
  model: K8sModel | undefined,
  modelsLoaded: boolean,
  snapshot: WatchSnapshot | undefined,
): [unknown, boolean, unknown] => {
  if (!snapshot) {
    const data = resource.isList ? [] : {};
    return modelsLoaded && !model ? [data, true, new NoModelError()] : [data, false, undefined];
  }
  return [snapshot.data, snapshot.loaded, snapshot.loadError];
};

export const useK8sWatchResource: typeof SDK.useK8sWatchResource = (initResource) => {
  const resource = useDeepCompareMemoize(initResource);
  const models = useModelsState();
  const model = resource
    ? findModel(models, resource.groupVersionKind ?? resource.kind)
    : undefined;
  const watch = useMemo(() => toWatch(resource, model), [resource, model]);
  const [snapshot] = useWatches([watch]);
  return useMemo(() => {
    if (!resource) {
      return [undefined, true, undefined];
    }
    return result(resource, model, models.loaded, snapshot);
  }, [resource, model, models.loaded, snapshot]) as never;
};

export const useK8sWatchResources: typeof SDK.useK8sWatchResources = (initResources) => {
  const resources = useDeepCompareMemoize(initResources);
  const models = useModelsState();
  const keys = Object.keys(resources);
  const watchModels = keys.map((k) => {
    const r = resources[k];
    return r ? findModel(models, r.groupVersionKind ?? r.kind) : undefined;
  });
  const modelsKey = watchModels.map((m) => (m ? makeWatchId(m, {}) : '')).join('|');
  const watches = useMemo(
    () => keys.map((k, i) => toWatch(resources[k] ?? null, watchModels[i])),
    // modelsKey stands for watchModels.
    [resources, modelsKey],
  );
  const snapshots = useWatches(watches);
  return useMemo(
    () =>
      Object.fromEntries(
        keys.map((k, i) => {
          const r = resources[k] as WatchK8sResource;
          const [data, loaded, loadError] = result(r, watchModels[i], models.loaded, snapshots[i]);
          return [k, { data, loaded, loadError }];
        }),
      ),
    [resources, modelsKey, models.loaded, snapshots],
  ) as never;
};
