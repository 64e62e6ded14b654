/**
 * The object store behind the emulated API server: one global resourceVersion counter, immutable stored objects,
 * an event history for watches, CRD registration and owner-reference garbage collection.
 */
import { alreadyExists, conflict, gone, invalid, namespaceNotFound, notFound } from './errors';
import { clone, deepEqual, newUid, nowIso, omit, randomSuffix, type KObject } from './objects';
import { apiVersionOf, Registry, typeKey, typesFromCrd, type ResourceType } from './resources';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  rt: ResourceType;
  /** The object after the write (for DELETED: its last state, with the deletion's resourceVersion). */
  object: KObject;
  /** The object before the write (absent for ADDED). */
  old?: KObject;
  rv: number;
}

export type StoreListener = (ev: StoreEvent) => void;

const HISTORY_LIMIT = 20000;

function objKey(ns: string, name: string): string {
  return ns ? `${ns}/${name}` : name;
}

export class Store {
  registry = new Registry();
  private readonly objects = new Map<string, Map<string, KObject>>();
  /** The global resourceVersion counter; starts above the values found in the fixture files. */
  private rv = 4_900_000;
  private history: StoreEvent[] = [];
  /** Every event with rv > historyFloor is still in `history`. */
  private historyFloor = 1;
  private readonly listeners = new Set<StoreListener>();

  get resourceVersion(): number {
    return this.rv;
  }

  subscribe(l: StoreListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private bucket(rt: ResourceType): Map<string, KObject> {
    const k = typeKey(rt.group, rt.plural);
    let b = this.objects.get(k);
    if (!b) {
      b = new Map<string, KObject>();
      this.objects.set(k, b);
    }
    return b;
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length > HISTORY_LIMIT) {
      const dropped = this.history.splice(0, this.history.length - HISTORY_LIMIT);
      const last = dropped[dropped.length - 1];
      if (last) this.historyFloor = last.rv + 1;
    }
    for (const l of [...this.listeners]) l(ev);
  }

  /** Events after `rv`, or a 410 when some of them are no longer kept. */
  eventsSince(rv: number): StoreEvent[] {
    if (rv < this.historyFloor) {
      throw gone(`too old resource version: ${rv} (${this.historyFloor})`);
    }
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.history[mid]?.rv ?? 0) <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /**
   * Starts a new history after a fixture load: the loaded objects form one snapshot, so a watch may start from
   * any resourceVersion >= `floor` (the first one stamped by the load); older ones get 410 Gone.
   */
  sealHistory(floor: number): void {
    this.history = [];
    this.historyFloor = floor;
  }

  /** Drops the whole history, as an etcd compaction would: watches from older resourceVersions get 410 Gone. */
  compact(): void {
    this.history = [];
    this.historyFloor = this.rv;
  }

  get(rt: ResourceType, ns: string, name: string): KObject | undefined {
    return this.bucket(rt).get(objKey(rt.namespaced ? ns : '', name));
  }

  mustGet(rt: ResourceType, ns: string, name: string): KObject {
    const o = this.get(rt, ns, name);
    if (!o) throw notFound(rt, name);
    return o;
  }

  /** Objects of a type, in one namespace or all, ordered by namespace then name. */
  list(rt: ResourceType, ns?: string): KObject[] {
    const out: KObject[] = [];
    for (const o of this.bucket(rt).values()) {
      if (ns && rt.namespaced && o.metadata.namespace !== ns) continue;
      out.push(o);
    }
    return out.sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  }

  count(rt: ResourceType): number {
    return this.bucket(rt).size;
  }

  private nextRv(): number {
    this.rv += 1;
    return this.rv;
  }

  /** Loads an object as it is (fixture loading): keeps its uid, stamps a new resourceVersion, emits no event. */
  load(rt: ResourceType, obj: KObject): void {
    const name = obj.metadata.name ?? '';
    const ns = rt.namespaced ? (obj.metadata.namespace ?? '') : '';
    const stored: KObject = { apiVersion: apiVersionOf(rt), kind: rt.kind, ...obj };
    stored.metadata = { ...obj.metadata };
    if (!rt.namespaced) delete stored.metadata.namespace;
    stored.metadata.uid ??= newUid();
    stored.metadata.creationTimestamp ??= nowIso();
    stored.metadata.resourceVersion = String(this.nextRv());
    this.bucket(rt).set(objKey(ns, name), stored);
    if (rt.group === 'apiextensions.k8s.io' && rt.plural === 'customresourcedefinitions') {
      for (const t of typesFromCrd(stored)) this.registry.add(t);
    }
  }

  private requireNamespace(rt: ResourceType, ns: string): void {
    if (!rt.namespaced) return;
    const nsType = this.registry.find('', 'v1', 'namespaces');
    if (nsType && !this.get(nsType, '', ns)) throw namespaceNotFound(ns);
  }

  /** Creates an object (metadata.name or generateName required). Returns the stored object. */
  create(rt: ResourceType, input: KObject, ns: string): KObject {
    const obj = clone(input);
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    const meta = obj.metadata;
    if (rt.namespaced) meta.namespace = ns;
    else delete meta.namespace;
    if (!meta.name) {
      if (meta.generateName) {
        meta.name = meta.generateName + randomSuffix(5);
      } else {
        throw invalid(
          rt,
          '',
          'metadata.name',
          'FieldValueRequired',
          'Required value: name or generateName is required',
        );
      }
    }
    this.requireNamespace(rt, ns);
    const key = objKey(rt.namespaced ? ns : '', meta.name);
    const b = this.bucket(rt);
    if (b.has(key)) throw alreadyExists(rt, meta.name);
    meta.uid = newUid();
    meta.creationTimestamp = nowIso();
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (rt.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    const rv = this.nextRv();
    meta.resourceVersion = String(rv);
    b.set(key, obj);
    if (rt.group === 'apiextensions.k8s.io' && rt.plural === 'customresourcedefinitions') {
      for (const t of typesFromCrd(obj)) this.registry.add(t);
    }
    this.emit({ type: 'ADDED', rt, object: obj, rv });
    return obj;
  }

  /**
   * Replaces an object. `expectedRv` (when given) must equal the stored resourceVersion. Identity fields
   * (uid, creationTimestamp, generation) come from the stored object; generation is bumped when anything
   * outside metadata and status changed. Returns the stored object (the same one when nothing changed).
   */
  update(
    rt: ResourceType,
    input: KObject,
    opts: { expectedRv?: string; subresource?: 'status' } = {},
  ): KObject {
    const name = input.metadata.name ?? '';
    const ns = rt.namespaced ? (input.metadata.namespace ?? '') : '';
    const current = this.get(rt, ns, name);
    if (!current) throw notFound(rt, name);
    if (opts.expectedRv !== undefined && opts.expectedRv !== current.metadata.resourceVersion) {
      throw conflict(rt, name);
    }
    let obj = clone(input);
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    if (rt.statusSubresource) {
      if (opts.subresource === 'status') {
        // A status write changes status only.
        obj = { ...clone(current), status: obj.status };
        if (obj.status === undefined) delete obj.status;
      } else if (current.status !== undefined) {
        obj.status = clone(current.status);
      } else {
        delete obj.status;
      }
    }
    const meta = obj.metadata;
    meta.name = name;
    if (rt.namespaced) meta.namespace = ns;
    else delete meta.namespace;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    if (current.metadata.deletionTimestamp) {
      meta.deletionTimestamp = current.metadata.deletionTimestamp;
      if (current.metadata.deletionGracePeriodSeconds !== undefined) {
        meta.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
      }
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (rt.hasGeneration) {
      const gen = current.metadata.generation ?? 1;
      meta.generation = specChanged(current, obj) ? gen + 1 : gen;
    } else if (current.metadata.generation !== undefined) {
      meta.generation = current.metadata.generation;
    } else {
      delete meta.generation;
    }
    meta.resourceVersion = current.metadata.resourceVersion;
    if (deepEqual(obj, current)) return current;
    const rv = this.nextRv();
    meta.resourceVersion = String(rv);
    this.bucket(rt).set(objKey(ns, name), obj);
    if (rt.group === 'apiextensions.k8s.io' && rt.plural === 'customresourcedefinitions') {
      for (const t of typesFromCrd(obj)) this.registry.add(t);
    }
    this.emit({ type: 'MODIFIED', rt, object: obj, old: current, rv });
    return obj;
  }

  /** Starts a graceful deletion: sets deletionTimestamp (now + grace) and deletionGracePeriodSeconds. */
  markDeleting(rt: ResourceType, ns: string, name: string, graceSeconds: number): KObject {
    const current = this.mustGet(rt, ns, name);
    if (current.metadata.deletionTimestamp) return current;
    const rv = this.nextRv();
    const at = new Date(Date.now() + graceSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const obj: KObject = {
      ...current,
      metadata: {
        ...current.metadata,
        deletionTimestamp: at,
        deletionGracePeriodSeconds: graceSeconds,
        resourceVersion: String(rv),
      },
    };
    this.bucket(rt).set(objKey(rt.namespaced ? ns : '', name), obj);
    this.emit({ type: 'MODIFIED', rt, object: obj, old: current, rv });
    return obj;
  }

  /** Removes an object now; its dependents (owner references) and, for a namespace, its contents, follow. */
  remove(rt: ResourceType, ns: string, name: string): KObject {
    const key = objKey(rt.namespaced ? ns : '', name);
    const b = this.bucket(rt);
    const current = b.get(key);
    if (!current) throw notFound(rt, name);
    b.delete(key);
    const rv = this.nextRv();
    const last: KObject = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: String(rv) },
    };
    this.emit({ type: 'DELETED', rt, object: last, old: current, rv });
    if (rt.group === '' && rt.plural === 'namespaces') this.removeNamespaceContents(name);
    if (rt.group === 'apiextensions.k8s.io' && rt.plural === 'customresourcedefinitions') {
      for (const t of this.registry.removeCrd(name)) {
        for (const o of this.list(t))
          this.remove(t, o.metadata.namespace ?? '', o.metadata.name ?? '');
      }
    }
    return last;
  }

  private removeNamespaceContents(ns: string): void {
    for (const rt of this.registry.all()) {
      if (!rt.namespaced || rt.virtual) continue;
      for (const o of this.list(rt, ns)) {
        if (this.get(rt, ns, o.metadata.name ?? '')) this.remove(rt, ns, o.metadata.name ?? '');
      }
    }
  }

  /** Objects whose ownerReferences name `uid` (garbage-collection dependents). */
  dependentsOf(uid: string, ns: string | undefined): { rt: ResourceType; obj: KObject }[] {
    const out: { rt: ResourceType; obj: KObject }[] = [];
    const seen = new Set<string>();
    for (const rt of this.registry.all()) {
      const k = typeKey(rt.group, rt.plural);
      if (seen.has(k) || rt.virtual) continue;
      seen.add(k);
      for (const o of this.bucket(rt).values()) {
        if (ns && rt.namespaced && o.metadata.namespace !== ns) continue;
        if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push({ rt, obj: o });
      }
    }
    return out;
  }

  /** Drops every object and the history; the counter keeps growing. */
  clear(): void {
    this.objects.clear();
    this.history = [];
    this.registry = new Registry();
    this.historyFloor = this.rv + 1;
  }
}

function sortKey(o: KObject): string {
  return objKey(o.metadata.namespace ?? '', o.metadata.name ?? '');
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function keyOf(o: KObject): string {
  return sortKey(o);
}

function specChanged(a: KObject, b: KObject): boolean {
  const strip = (o: KObject): Record<string, unknown> =>
    omit(o, ['metadata', 'status', 'apiVersion', 'kind']);
  return !deepEqual(strip(a), strip(b));
}
