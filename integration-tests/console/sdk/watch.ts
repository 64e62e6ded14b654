import type { K8sModel, K8sResourceCommon, Selector } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './console-fetch';
import { getReferenceForModel } from './k8s-ref';
import { listResources } from './k8s-resource';
import { resourceURL, selectorToString } from './k8s-url';
import { WatchSocket } from './watch-socket';
import type { WatchEvent } from './watch-socket';

export type WatchQuery = {
  ns?: string;
  labelSelector?: Selector;
  fieldSelector?: string;
  name?: string;
  limit?: number;
};

export type WatchSnapshot = {
  data: K8sResourceCommon | K8sResourceCommon[] | undefined;
  loaded: boolean;
  loadError: unknown;
};

const PAGE_LIMIT = 250;
const RELIST_DELAY_MS = 15 * 1000;
const OBJECT_POLL_MS = 30 * 1000;
const LIST_WS_TIMEOUT_MS = 60 * 1000;
const FLUSH_INTERVAL_MS = 500;

const PARTIAL_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';
const PARTIAL_ACCEPT =
  'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io,application/json';

type Entry = {
  refCount: number;
  ws?: WatchSocket;
  timer?: ReturnType<typeof setTimeout>;
  interval?: ReturnType<typeof setInterval>;
  items: Map<string, K8sResourceCommon>;
};

const entries = new Map<string, Entry>();
const snapshots = new Map<string, WatchSnapshot>();
const listeners = new Map<string, Set<() => void>>();

/** The console's redux ID: model reference plus the query. */
export const makeWatchId = (model: K8sModel, query: WatchQuery): string =>
  `${getReferenceForModel(model)}${Object.keys(query).length ? `---${JSON.stringify(query)}` : ''}`;

export const getWatchSnapshot = (id: string): WatchSnapshot | undefined => snapshots.get(id);

export const subscribeWatch = (id: string, listener: () => void): (() => void) => {
  const set = listeners.get(id) ?? new Set<() => void>();
  set.add(listener);
  listeners.set(id, set);
  return () => {
    set.delete(listener);
  };
};

const update = (id: string, patch: Partial<WatchSnapshot>): void => {
  const prev = snapshots.get(id) ?? { data: undefined, loaded: false, loadError: undefined };
  snapshots.set(id, { ...prev, ...patch });
  listeners.get(id)?.forEach((l) => {
    l();
  });
};

const keyOf = (o: K8sResourceCommon): string =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

const watchPath = (model: K8sModel, query: WatchQuery, resourceVersion?: string): string => {
  const queryParams: Record<string, string> = { watch: 'true' };
  if (query.labelSelector) {
    const selector = encodeURIComponent(selectorToString(query.labelSelector));
    if (selector) {
      queryParams.labelSelector = selector;
    }
  }
  if (query.fieldSelector) {
    queryParams.fieldSelector = encodeURIComponent(query.fieldSelector);
  }
  if (resourceVersion) {
    queryParams.resourceVersion = encodeURIComponent(resourceVersion);
  }
  return resourceURL(model, { ...(query.ns ? { ns: query.ns } : {}), queryParams });
};

const withoutName = (query: WatchQuery): Omit<WatchQuery, 'name'> =>
  Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'name'));

const canWatch = (model: K8sModel): boolean => (model.verbs ?? ['watch']).includes('watch');

const startList = (
  id: string,
  model: K8sModel,
  query: WatchQuery,
  partial: boolean,
  entry: Entry,
) => {
  const publish = () => {
    update(id, { data: Array.from(entry.items.values()), loaded: true, loadError: undefined });
  };
  const loadPages = async (): Promise<string | undefined> => {
    let continueToken = '';
    let first = true;
    for (;;) {
      const { ns, ...rest } = withoutName(query);
      const response = (await listResources(
        model,
        {
          limit: PAGE_LIMIT,
          ...(ns ? { ns } : {}),
          ...rest,
          ...(continueToken ? { continue: continueToken } : {}),
        },
        true,
        partial ? { headers: { Accept: PARTIAL_LIST_ACCEPT } } : {},
      )) as K8sResourceCommon & { items: K8sResourceCommon[]; metadata?: { continue?: string } };
      if (entry.refCount <= 0) {
        return undefined;
      }
      if (first) {
        entry.items.clear();
        first = false;
      }
      response.items.forEach((o) => entry.items.set(keyOf(o), o));
      publish();
      continueToken = response.metadata?.continue ?? '';
      if (!continueToken) {
        return response.metadata?.resourceVersion;
      }
    }
  };
  const scheduleRelist = () => {
    if (!entry.timer && entry.refCount > 0) {
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        void pollAndWatch();
      }, RELIST_DELAY_MS);
    }
  };
  const onEvents = (events: WatchEvent[]) => {
    let relist = false;
    for (const e of events) {
      const o = e.object as K8sResourceCommon;
      if (e.type === 'ADDED' || e.type === 'MODIFIED') {
        entry.items.set(keyOf(o), o);
      } else if (e.type === 'DELETED') {
        entry.items.delete(keyOf(o));
      } else if (e.type === 'ERROR') {
        // e.g. 410 Gone for an expired resourceVersion: start over from a fresh list.
        relist = true;
      }
    }
    publish();
    if (relist) {
      entry.ws?.destroy(true);
    }
  };
  const pollAndWatch = async () => {
    let resourceVersion: string | undefined;
    try {
      resourceVersion = await loadPages();
    } catch (e) {
      if (entry.refCount <= 0) {
        return;
      }
      update(id, { loadError: e });
      scheduleRelist();
      return;
    }
    if (entry.refCount <= 0) {
      return;
    }
    if (!canWatch(model)) {
      scheduleRelist();
      return;
    }
    entry.ws = new WatchSocket(watchPath(model, query, resourceVersion), {
      reconnect: true,
      timeout: LIST_WS_TIMEOUT_MS,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      onBulkMessage: onEvents,
      onClose: (event) => {
        if (event.code === 1006) {
          console.log('WS closed abnormally');
          entry.ws?.destroy(true);
        }
      },
      onDestroy: (timedOut) => {
        if (!timedOut) {
          return;
        }
        console.log(`WS ${id} timed out - restarting polling`);
        entry.ws = undefined;
        scheduleRelist();
      },
    });
  };
  void pollAndWatch();
};

const startObject = (
  id: string,
  model: K8sModel,
  query: WatchQuery,
  partial: boolean,
  entry: Entry,
) => {
  const { name = '', ns } = query;
  const poll = () => {
    consoleFetchJSON(
      resourceURL(model, { ...(ns ? { ns } : {}), name }),
      'GET',
      partial ? { headers: { Accept: PARTIAL_ACCEPT } } : {},
    ).then(
      (o) => {
        if (entry.refCount > 0) {
          update(id, { data: o as K8sResourceCommon, loaded: true, loadError: undefined });
        }
      },
      (e: unknown) => {
        if (entry.refCount > 0) {
          update(id, { loadError: e });
        }
      },
    );
  };
  entry.interval = setInterval(poll, OBJECT_POLL_MS);
  poll();
  if (!canWatch(model)) {
    return;
  }
  if (model.namespaced && !ns) {
    console.error('Namespace required to watch namespaced resource: ', model.kind, name);
    return;
  }
  const rest = withoutName(query);
  entry.ws = new WatchSocket(
    watchPath(model, { ...rest, fieldSelector: `metadata.name=${name}` }),
    {
      reconnect: true,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      onBulkMessage: (events) => {
        const last = events.filter((e) => e.type !== 'ERROR' && e.type !== 'BOOKMARK').pop();
        if (last && entry.refCount > 0) {
          update(id, {
            data: last.object as K8sResourceCommon,
            loaded: true,
            loadError: undefined,
          });
        }
      },
    },
  );
};

/** Starts (or joins) a watch; returns the function that leaves it. */
export const acquireWatch = (
  id: string,
  model: K8sModel,
  query: WatchQuery,
  isList: boolean,
  partialMetadata = false,
): (() => void) => {
  const existing = entries.get(id);
  if (existing) {
    existing.refCount += 1;
  } else {
    const entry: Entry = { refCount: 1, items: new Map() };
    entries.set(id, entry);
    update(id, { data: isList ? [] : {}, loaded: false, loadError: undefined });
    (isList ? startList : startObject)(id, model, query, partialMetadata, entry);
  }
  let released = false;
  return () => {
    if (released) {
      return;
    }
    released = true;
    const entry = entries.get(id);
    if (!entry) {
      return;
    }
    entry.refCount -= 1;
    if (entry.refCount > 0) {
      return;
    }
    entry.ws?.destroy();
    clearTimeout(entry.timer);
    clearInterval(entry.interval);
    entries.delete(id);
    snapshots.delete(id);
  };
};
