/** Watches: replay from a resourceVersion, then live events, filtered by namespace and selectors. */
import type { KObject } from './objects';
import type { ResourceType } from './resources';
import {
  matchesFields,
  matchesLabels,
  type FieldRequirement,
  type LabelRequirement,
} from './selectors';
import { typeKey } from './resources';
import type { Store, StoreEvent } from './store';
import type { Status } from './errors';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';
  object: KObject | Status;
}

export interface WatchSpec {
  rt: ResourceType;
  namespace: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  /** Undefined or 0: start with an ADDED event per existing object. */
  sinceRv?: number;
}

export interface WatchSink {
  send(ev: WatchEvent): void;
  /** Ends the watch normally. */
  end(): void;
  /** Ends the watch abnormally (connection dropped). */
  drop(): void;
}

export interface ActiveWatch {
  readonly id: number;
  readonly spec: WatchSpec;
  readonly user: string;
  readonly sink: WatchSink;
}

export class WatchHub {
  private readonly watches = new Map<number, ActiveWatch>();
  private seq = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    this.unsubscribe = store.subscribe((ev) => {
      this.dispatch(ev);
    });
  }

  private matches(spec: WatchSpec, o: KObject | undefined): boolean {
    if (!o) return false;
    if (spec.namespace && spec.rt.namespaced && o.metadata.namespace !== spec.namespace)
      return false;
    return matchesLabels(spec.labels, o.metadata.labels) && matchesFields(spec.fields, o);
  }

  /** The event a watcher sees for a store event, after selector filtering (or none). */
  private translate(spec: WatchSpec, ev: StoreEvent): WatchEvent | undefined {
    if (typeKey(ev.rt.group, ev.rt.plural) !== typeKey(spec.rt.group, spec.rt.plural))
      return undefined;
    const now = this.matches(spec, ev.object);
    const before = ev.type !== 'ADDED' && this.matches(spec, ev.old);
    if (ev.type === 'DELETED') return before ? { type: 'DELETED', object: ev.object } : undefined;
    if (now && ev.type === 'ADDED') return { type: 'ADDED', object: ev.object };
    if (now && before) return { type: 'MODIFIED', object: ev.object };
    if (now && !before) return { type: 'ADDED', object: ev.object };
    if (!now && before) return { type: 'DELETED', object: ev.object };
    return undefined;
  }

  /** Starts a watch; throws an ApiError (410) if sinceRv is older than the kept history. */
  start(spec: WatchSpec, user: string, sink: WatchSink): ActiveWatch {
    const backlog: WatchEvent[] = [];
    if (spec.sinceRv === undefined || spec.sinceRv === 0) {
      for (const o of this.store.list(spec.rt, spec.namespace || undefined)) {
        if (this.matches(spec, o)) backlog.push({ type: 'ADDED', object: o });
      }
    } else {
      for (const ev of this.store.eventsSince(spec.sinceRv)) {
        const t = this.translate(spec, ev);
        if (t) backlog.push(t);
      }
    }
    const w: ActiveWatch = { id: ++this.seq, spec, user, sink };
    this.watches.set(w.id, w);
    for (const ev of backlog) sink.send(ev);
    return w;
  }

  stop(w: ActiveWatch): void {
    this.watches.delete(w.id);
  }

  private dispatch(ev: StoreEvent): void {
    for (const w of this.watches.values()) {
      const t = this.translate(w.spec, ev);
      if (t) w.sink.send(t);
    }
  }

  active(): ActiveWatch[] {
    return [...this.watches.values()];
  }

  /** Drops (abnormally) the watches `pick` selects; returns how many. */
  drop(pick: (w: ActiveWatch) => boolean): number {
    let n = 0;
    for (const w of [...this.watches.values()]) {
      if (!pick(w)) continue;
      this.watches.delete(w.id);
      w.sink.drop();
      n++;
    }
    return n;
  }

  /** Ends every watch normally. */
  endAll(): void {
    for (const w of [...this.watches.values()]) {
      this.watches.delete(w.id);
      w.sink.end();
    }
  }

  close(): void {
    this.endAll();
    this.unsubscribe();
  }
}
