/**
 * The cluster behind the API: the store plus what controllers and the kubelet would do: graceful pod deletion,
 * garbage collection through owner references, ReplicaSets that replace deleted pods, Deployments that roll out a
 * new ReplicaSet when their pod template changes, and pods that become Ready after a delay.
 */
import { preconditionFailed } from './errors';
import {
  clone,
  controllerOf,
  deepEqual,
  isRecord,
  nowIso,
  randomSuffix,
  type JsonObject,
  type KObject,
} from './objects';
import type { ResourceType } from './resources';
import { matchesLabels, parseLabelSelector, type LabelRequirement } from './selectors';
import { Store, type StoreEvent } from './store';

export interface ClusterOptions {
  /** From a pod's creation until it is Ready. */
  podReadyDelayMs: number;
  /** From a graceful pod deletion until the pod is gone. 0 deletes pods at once. */
  podTerminationDelayMs: number;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: string;
}

interface NeverReadyRule {
  id: string;
  namespace: string;
  selector: LabelRequirement[];
  labelSelector: string;
}

const REVISION = 'deployment.kubernetes.io/revision';

type PodStage = 'Pending' | 'Started' | 'Ready' | 'NotReady';

export class Cluster {
  readonly store = new Store();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly dirtyRs = new Set<string>();
  private readonly dirtyDeployments = new Map<string, { templateChanged: boolean }>();
  private scheduled = false;
  private neverReady: NeverReadyRule[] = [];
  private neverReadySeq = 0;
  private closed = false;

  constructor(public options: ClusterOptions) {
    this.store.subscribe((ev) => {
      this.onEvent(ev);
    });
  }

  private type(group: string, plural: string): ResourceType {
    const rt = this.store.registry.find(group, group ? 'v1' : 'v1', plural);
    if (!rt) throw new Error(`missing type ${group}/${plural}`);
    return rt;
  }

  get pods(): ResourceType {
    return this.type('', 'pods');
  }
  get replicaSets(): ResourceType {
    return this.type('apps', 'replicasets');
  }
  get deployments(): ResourceType {
    return this.type('apps', 'deployments');
  }

  /** Stops every timer and forgets pending work (before a reset or on close). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.dirtyRs.clear();
    this.dirtyDeployments.clear();
    this.neverReady = [];
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  /** Runs `fn` after `ms` unless the cluster is stopped first. */
  later(ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  addNeverReady(namespace: string, labelSelector: string): string {
    const id = `nr-${++this.neverReadySeq}`;
    this.neverReady.push({
      id,
      namespace,
      labelSelector,
      selector: parseLabelSelector(labelSelector),
    });
    return id;
  }

  clearNeverReady(): void {
    this.neverReady = [];
  }

  neverReadyRules(): { id: string; namespace: string; labelSelector: string }[] {
    return this.neverReady.map(({ id, namespace, labelSelector }) => ({
      id,
      namespace,
      labelSelector,
    }));
  }

  private isNeverReady(pod: KObject): boolean {
    return this.neverReady.some(
      (r) =>
        (r.namespace === '' || r.namespace === pod.metadata.namespace) &&
        matchesLabels(r.selector, pod.metadata.labels),
    );
  }

  // ---------------------------------------------------------------- deletion

  /**
   * Deletes an object as the API server would: pods go through a graceful deletion (deletionTimestamp, then gone
   * after podTerminationDelayMs) unless gracePeriodSeconds is 0; dependents are garbage-collected.
   * Returns the object as stored after the call (with deletionTimestamp) or its last state.
   */
  delete(
    rt: ResourceType,
    ns: string,
    name: string,
    opts: DeleteOptions = {},
  ): { object: KObject; gone: boolean } {
    const current = this.store.mustGet(rt, ns, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      throw preconditionFailed(
        rt,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw preconditionFailed(
        rt,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
      );
    }
    const isPod = rt.group === '' && rt.plural === 'pods';
    const grace = opts.gracePeriodSeconds ?? (isPod ? podGrace(current) : 0);
    if (isPod && grace > 0 && this.options.podTerminationDelayMs > 0) {
      if (current.metadata.deletionTimestamp) return { object: current, gone: false };
      const marked = this.store.markDeleting(rt, ns, name, grace);
      const uid = marked.metadata.uid;
      this.later(this.options.podTerminationDelayMs, () => {
        const now = this.store.get(rt, ns, name);
        if (now && now.metadata.uid === uid) this.removeNow(rt, ns, name);
      });
      return { object: marked, gone: false };
    }
    return { object: this.removeNow(rt, ns, name), gone: true };
  }

  private removeNow(rt: ResourceType, ns: string, name: string): KObject {
    const last = this.store.remove(rt, ns, name);
    const uid = last.metadata.uid;
    if (uid) {
      for (const dep of this.store.dependentsOf(uid, rt.namespaced ? ns : undefined)) {
        const dns = dep.obj.metadata.namespace ?? '';
        const dname = dep.obj.metadata.name ?? '';
        if (!this.store.get(dep.rt, dns, dname)) continue;
        const remaining = (dep.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (remaining.length > 0 && remaining.some((r) => this.ownerExists(r.uid))) {
          // Still owned by someone else: only drop the reference to the deleted owner.
          this.store.update(dep.rt, {
            ...dep.obj,
            metadata: { ...dep.obj.metadata, ownerReferences: remaining },
          });
        } else {
          this.delete(dep.rt, dns, dname);
        }
      }
    }
    return last;
  }

  private ownerExists(uid: string): boolean {
    for (const rt of this.store.registry.all()) {
      if (rt.virtual) continue;
      if (this.store.list(rt).some((o) => o.metadata.uid === uid)) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- controllers

  private onEvent(ev: StoreEvent): void {
    const { rt, object } = ev;
    if (rt.group === '' && rt.plural === 'pods') {
      const owner = controllerOf(object);
      if (owner?.kind === 'ReplicaSet') {
        const ns = object.metadata.namespace ?? '';
        this.markRs(ns, owner.name);
        // The Deployment's status (and a Recreate rollout waiting for old pods to go) depends on pods too.
        const rs = this.store.get(this.replicaSets, ns, owner.name);
        const dep = rs ? controllerOf(rs) : undefined;
        if (dep?.kind === 'Deployment') this.markDeployment(ns, dep.name, false);
      }
    } else if (rt.group === 'apps' && rt.plural === 'replicasets') {
      if (ev.type !== 'DELETED')
        this.markRs(object.metadata.namespace ?? '', object.metadata.name ?? '');
      const owner = controllerOf(object);
      if (owner?.kind === 'Deployment')
        this.markDeployment(object.metadata.namespace ?? '', owner.name, false);
    } else if (rt.group === 'apps' && rt.plural === 'deployments' && ev.type !== 'DELETED') {
      const oldSpec = ev.old?.spec;
      const newSpec = object.spec;
      const templateChanged =
        ev.type === 'ADDED' ||
        !deepEqual(
          isRecord(oldSpec) ? oldSpec.template : undefined,
          isRecord(newSpec) ? newSpec.template : undefined,
        );
      this.markDeployment(
        object.metadata.namespace ?? '',
        object.metadata.name ?? '',
        templateChanged,
      );
    }
  }

  private markRs(ns: string, name: string): void {
    this.dirtyRs.add(`${ns}/${name}`);
    this.schedule();
  }

  private markDeployment(ns: string, name: string, templateChanged: boolean): void {
    const k = `${ns}/${name}`;
    const prev = this.dirtyDeployments.get(k);
    this.dirtyDeployments.set(k, {
      templateChanged: templateChanged || (prev?.templateChanged ?? false),
    });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.reconcile();
    });
  }

  /** Runs controllers until nothing is left to do (bounded, in case of a loop). */
  private reconcile(): void {
    for (let round = 0; round < 20; round++) {
      if (this.dirtyDeployments.size === 0 && this.dirtyRs.size === 0) return;
      const deps = [...this.dirtyDeployments.entries()];
      this.dirtyDeployments.clear();
      for (const [k, v] of deps) this.reconcileDeployment(k, v.templateChanged);
      const rss = [...this.dirtyRs];
      this.dirtyRs.clear();
      for (const k of rss) this.reconcileReplicaSet(k);
    }
  }

  private split(k: string): [string, string] {
    const i = k.indexOf('/');
    return [k.slice(0, i), k.slice(i + 1)];
  }

  private podsOf(rs: KObject): KObject[] {
    const uid = rs.metadata.uid;
    return this.store
      .list(this.pods, rs.metadata.namespace)
      .filter((p) => controllerOf(p)?.uid === uid);
  }

  private reconcileReplicaSet(k: string): void {
    const [ns, name] = this.split(k);
    const rs = this.store.get(this.replicaSets, ns, name);
    if (!rs) return;
    const spec = (rs.spec ?? {}) as { replicas?: number };
    const desired = spec.replicas ?? 1;
    const pods = this.podsOf(rs);
    const alive = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (alive.length < desired) {
      for (let i = alive.length; i < desired; i++) this.createPod(rs);
    } else if (alive.length > desired) {
      const extra = [...alive]
        .sort((a, b) => Number(isReady(a)) - Number(isReady(b)))
        .slice(0, alive.length - desired);
      for (const p of extra) this.delete(this.pods, ns, p.metadata.name ?? '');
    }
    const now = this.podsOf(rs).filter((p) => !p.metadata.deletionTimestamp);
    const ready = now.filter(isReady).length;
    const status: JsonObject = {
      ...(isRecord(rs.status) ? rs.status : {}),
      replicas: now.length,
      fullyLabeledReplicas: now.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    if (ready === 0) {
      delete status.readyReplicas;
      delete status.availableReplicas;
    }
    if (now.length === 0) delete status.fullyLabeledReplicas;
    if (!deepEqual(status, rs.status))
      this.store.update(this.replicaSets, { ...rs, status }, { subresource: 'status' });
  }

  private createPod(rs: KObject): void {
    const ns = rs.metadata.namespace ?? '';
    const rsName = rs.metadata.name ?? '';
    const template = (isRecord(rs.spec) && isRecord(rs.spec.template) ? rs.spec.template : {}) as {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: JsonObject;
    };
    const sibling = this.podsOf(rs)[0] ?? this.store.list(this.pods, ns)[0];
    const siblingSpec = sibling && isRecord(sibling.spec) ? sibling.spec : {};
    const spec: JsonObject = clone(template.spec ?? {});
    spec.nodeName = typeof siblingSpec.nodeName === 'string' ? siblingSpec.nodeName : 'worker-0';
    if (typeof spec.serviceAccountName === 'string') spec.serviceAccount = spec.serviceAccountName;
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${rsName}-${randomSuffix(5)}`,
        generateName: `${rsName}-`,
        namespace: ns,
        labels: { ...(template.metadata?.labels ?? {}) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rsName,
            uid: rs.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec,
      status: {},
    };
    const annotations = { ...(template.metadata?.annotations ?? {}) };
    const scc = sibling?.metadata.annotations?.['openshift.io/scc'];
    if (scc) annotations['openshift.io/scc'] = scc;
    if (Object.keys(annotations).length > 0) pod.metadata.annotations = annotations;
    pod.status = podStatus(pod, 'Pending', sibling);
    let created: KObject;
    try {
      created = this.store.create(this.pods, pod, ns);
    } catch {
      return;
    }
    this.startPod(created, sibling);
  }

  /**
   * What the kubelet does with a new pod: Running (containers started, not ready) at 40 % of podReadyDelayMs,
   * Ready at podReadyDelayMs (unless a never-ready rule matches).
   */
  startPod(created: KObject, sibling?: KObject): void {
    const ns = created.metadata.namespace ?? '';
    const uid = created.metadata.uid;
    const name = created.metadata.name ?? '';
    const delay = this.options.podReadyDelayMs;
    const advance = (stage: PodStage): void => {
      const cur = this.store.get(this.pods, ns, name);
      if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return;
      const next = stage === 'Ready' && this.isNeverReady(cur) ? 'NotReady' : stage;
      this.store.update(
        this.pods,
        { ...cur, status: podStatus(cur, next, sibling) },
        { subresource: 'status' },
      );
    };
    this.later(Math.round(delay * 0.4), () => {
      advance('Started');
    });
    this.later(delay, () => {
      advance('Ready');
    });
  }

  private reconcileDeployment(k: string, templateChanged: boolean): void {
    const [ns, name] = this.split(k);
    const dep = this.store.get(this.deployments, ns, name);
    if (!dep || !isRecord(dep.spec)) return;
    const spec = dep.spec as {
      replicas?: number;
      template?: JsonObject;
      selector?: JsonObject;
      strategy?: { type?: string };
      paused?: boolean;
    };
    const desired = spec.replicas ?? 1;
    const owned = this.store
      .list(this.replicaSets, ns)
      .filter((rs) => controllerOf(rs)?.uid === dep.metadata.uid)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    let current = owned.find((rs) => sameTemplate(rs, spec.template));
    if (!current && !templateChanged) current = owned[owned.length - 1];
    if (spec.paused) return;
    const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    if (!current) {
      current = this.createReplicaSet(
        dep,
        maxRevision + 1,
        owned.length === 0 || spec.strategy?.type !== 'Recreate' ? desired : 0,
      );
      if (!current) return;
    } else if (revisionOf(current) < maxRevision && templateChanged) {
      // Rolling back to an older template: that ReplicaSet becomes the newest revision.
      current = this.store.update(
        this.replicaSets,
        withAnnotation(current, REVISION, String(maxRevision + 1)),
      );
    }
    let cur: KObject = current;
    const currentUid = cur.metadata.uid;
    const old = owned.filter((rs) => rs.metadata.uid !== currentUid);
    const recreate = spec.strategy?.type === 'Recreate';
    const oldPods = old.flatMap((rs) => this.podsOf(rs));
    for (const rs of old) {
      const replicas = (rs.spec as { replicas?: number } | undefined)?.replicas ?? 0;
      const newReady = this.podsOf(cur).filter(
        (p) => !p.metadata.deletionTimestamp && isReady(p),
      ).length;
      if (replicas > 0 && (recreate || newReady >= desired)) this.scaleRs(rs, 0);
    }
    const currentReplicas = (cur.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    if (
      currentReplicas !== desired &&
      (!recreate || oldPods.length === 0 || desired < currentReplicas)
    ) {
      cur = this.scaleRs(cur, desired);
    }
    if (dep.metadata.annotations?.[REVISION] !== String(revisionOf(cur))) {
      this.store.update(this.deployments, withAnnotation(dep, REVISION, String(revisionOf(cur))));
    }
    this.updateDeploymentStatus(ns, name);
  }

  private scaleRs(rs: KObject, replicas: number): KObject {
    const fresh =
      this.store.get(this.replicaSets, rs.metadata.namespace ?? '', rs.metadata.name ?? '') ?? rs;
    const spec = { ...(isRecord(fresh.spec) ? fresh.spec : {}), replicas };
    const annotations = { ...(fresh.metadata.annotations ?? {}) };
    if (annotations['deployment.kubernetes.io/desired-replicas'] !== undefined && replicas > 0) {
      annotations['deployment.kubernetes.io/desired-replicas'] = String(replicas);
    }
    return this.store.update(this.replicaSets, {
      ...fresh,
      spec,
      metadata: { ...fresh.metadata, annotations },
    });
  }

  private createReplicaSet(dep: KObject, revision: number, replicas: number): KObject | undefined {
    const ns = dep.metadata.namespace ?? '';
    const spec = dep.spec as {
      template?: { metadata?: JsonObject; spec?: JsonObject };
      selector?: { matchLabels?: Record<string, string> };
    };
    const hash = randomSuffix(10);
    const template = clone(spec.template ?? {});
    const tmeta = (template.metadata ?? {}) as { labels?: Record<string, string> };
    tmeta.labels = { ...(tmeta.labels ?? {}), 'pod-template-hash': hash };
    template.metadata = tmeta;
    const selector = clone(spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
    const desired = String((dep.spec as { replicas?: number }).replicas ?? 1);
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${dep.metadata.name ?? ''}-${hash}`,
        namespace: ns,
        labels: { ...tmeta.labels },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': desired,
          'deployment.kubernetes.io/max-replicas': desired,
          [REVISION]: String(revision),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: dep.metadata.name ?? '',
            uid: dep.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { replicas, selector, template },
    };
    try {
      return this.store.create(this.replicaSets, rs, ns);
    } catch {
      return undefined;
    }
  }

  private updateDeploymentStatus(ns: string, name: string): void {
    const dep = this.store.get(this.deployments, ns, name);
    if (!dep) return;
    const desired = (dep.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    const owned = this.store
      .list(this.replicaSets, ns)
      .filter((rs) => controllerOf(rs)?.uid === dep.metadata.uid);
    const revision = dep.metadata.annotations?.[REVISION];
    const current =
      owned.find((rs) => rs.metadata.annotations?.[REVISION] === revision) ??
      owned[owned.length - 1];
    const pods = owned
      .flatMap((rs) => this.podsOf(rs))
      .filter((p) => !p.metadata.deletionTimestamp);
    const updated = current
      ? this.podsOf(current).filter((p) => !p.metadata.deletionTimestamp)
      : [];
    const ready = pods.filter(isReady).length;
    const prev = isRecord(dep.status) ? dep.status : {};
    const prevConditions = Array.isArray(prev.conditions) ? (prev.conditions as JsonObject[]) : [];
    const available = ready >= desired;
    const complete =
      updated.length === desired &&
      updated.filter(isReady).length === desired &&
      pods.length === desired;
    const rsName = current?.metadata.name ?? '';
    const conditions = [
      condition(
        prevConditions,
        'Available',
        available,
        available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        available
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
      ),
      condition(
        prevConditions,
        'Progressing',
        true,
        complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        complete
          ? `ReplicaSet "${rsName}" has successfully progressed.`
          : `ReplicaSet "${rsName}" is progressing.`,
      ),
    ];
    const full: JsonObject = {
      observedGeneration: dep.metadata.generation ?? 1,
      replicas: pods.length,
      updatedReplicas: updated.length,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions,
    };
    if (pods.length - ready > 0) full.unavailableReplicas = pods.length - ready;
    const zeroOmitted = ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'];
    const status: JsonObject = Object.fromEntries(
      Object.entries(full).filter(([k, v]) => !(zeroOmitted.includes(k) && v === 0)),
    );
    if (!deepEqual(status, dep.status))
      this.store.update(this.deployments, { ...dep, status }, { subresource: 'status' });
  }
}

function podGrace(pod: KObject): number {
  const g = isRecord(pod.spec) ? pod.spec.terminationGracePeriodSeconds : undefined;
  return typeof g === 'number' ? g : 30;
}

function revisionOf(rs: KObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function withAnnotation(o: KObject, key: string, value: string): KObject {
  return {
    ...o,
    metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), [key]: value } },
  };
}

/** Whether a ReplicaSet's pod template is the Deployment's (ignoring the pod-template-hash label). */
function sameTemplate(rs: KObject, template: unknown): boolean {
  const t = isRecord(rs.spec) ? rs.spec.template : undefined;
  if (!isRecord(t) || !isRecord(template)) return false;
  const strip = (x: JsonObject): JsonObject => {
    const c = clone(x);
    const meta = isRecord(c.metadata) ? c.metadata : {};
    if (isRecord(meta.labels)) delete meta.labels['pod-template-hash'];
    if (meta.creationTimestamp === null) delete meta.creationTimestamp;
    c.metadata = meta;
    return c;
  };
  return deepEqual(strip(t), strip(template));
}

function condition(
  prev: JsonObject[],
  type: string,
  ok: boolean,
  reason: string,
  message: string,
): JsonObject {
  const status = ok ? 'True' : 'False';
  const old = prev.find((c) => c.type === type);
  const now = nowIso();
  const transitioned = !old || old.status !== status;
  return {
    lastTransitionTime: transitioned ? now : (old.lastTransitionTime ?? now),
    lastUpdateTime:
      old && old.reason === reason && !transitioned ? (old.lastUpdateTime ?? now) : now,
    message,
    reason,
    status,
    type,
  };
}

export function isReady(pod: KObject): boolean {
  const st = isRecord(pod.status) ? pod.status : {};
  const conds = Array.isArray(st.conditions) ? st.conditions : [];
  return conds.some((c) => isRecord(c) && c.type === 'Ready' && c.status === 'True');
}

interface ContainerSpec {
  name: string;
  image?: string;
}

function containersOf(pod: KObject, field: 'containers' | 'initContainers'): ContainerSpec[] {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const list = spec[field];
  return Array.isArray(list)
    ? list.filter((c): c is ContainerSpec => isRecord(c) && typeof c.name === 'string')
    : [];
}

function hexId(): string {
  return (randomSuffix(8) + randomSuffix(8))
    .replace(/[^a-f0-9]/g, '0')
    .padEnd(64, 'a')
    .slice(0, 64);
}

/** A kubelet-like pod status for one stage of the pod's start. */
function podStatus(pod: KObject, stage: PodStage, sibling: KObject | undefined): JsonObject {
  const prev = isRecord(pod.status) ? pod.status : {};
  const now = nowIso();
  const sib = sibling && isRecord(sibling.status) ? sibling.status : {};
  const containers = containersOf(pod, 'containers');
  const inits = containersOf(pod, 'initContainers');
  const started = stage !== 'Pending';
  const ready = stage === 'Ready';
  const names = containers.map((c) => c.name).sort();
  const cond = (type: string, ok: boolean, reason?: string, message?: string): JsonObject => {
    const old = Array.isArray(prev.conditions)
      ? (prev.conditions as JsonObject[]).find((c) => c.type === type)
      : undefined;
    const status = ok ? 'True' : 'False';
    const c: JsonObject = {
      lastProbeTime: null,
      lastTransitionTime: old && old.status === status ? (old.lastTransitionTime ?? now) : now,
      status,
      type,
    };
    if (!ok && reason) {
      c.reason = reason;
      if (message) c.message = message;
    }
    return c;
  };
  const unready = `containers with unready status: [${names.join(' ')}]`;
  const status: JsonObject = {
    conditions: [
      cond('PodReadyToStartContainers', started),
      cond(
        'Initialized',
        started,
        'ContainersNotInitialized',
        `containers with incomplete status: [${inits.map((c) => c.name).join(' ')}]`,
      ),
      cond('Ready', ready, 'ContainersNotReady', unready),
      cond('ContainersReady', ready, 'ContainersNotReady', unready),
      cond('PodScheduled', true),
    ],
    containerStatuses: [...containers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => {
        const old = Array.isArray(prev.containerStatuses)
          ? (prev.containerStatuses as JsonObject[]).find((s) => s.name === c.name)
          : undefined;
        const startedAt =
          isRecord(old?.state) && isRecord(old.state.running) ? old.state.running.startedAt : now;
        const s: JsonObject = {
          image: c.image ?? '',
          imageID: '',
          lastState: {},
          name: c.name,
          ready,
          restartCount: 0,
          started,
          state: started
            ? { running: { startedAt } }
            : { waiting: { reason: inits.length > 0 ? 'PodInitializing' : 'ContainerCreating' } },
        };
        if (started) {
          s.containerID =
            typeof old?.containerID === 'string' ? old.containerID : `cri-o://${hexId()}`;
          s.imageID = c.image ?? '';
        }
        return s;
      }),
    hostIP: typeof sib.hostIP === 'string' ? sib.hostIP : '10.0.128.12',
    hostIPs: Array.isArray(sib.hostIPs) ? sib.hostIPs : [{ ip: '10.0.128.12' }],
    phase: started ? 'Running' : 'Pending',
    qosClass: typeof sib.qosClass === 'string' ? sib.qosClass : 'Burstable',
    startTime: typeof prev.startTime === 'string' ? prev.startTime : now,
  };
  if (inits.length > 0) {
    status.initContainerStatuses = inits.map((c) => ({
      image: c.image ?? '',
      imageID: started ? (c.image ?? '') : '',
      lastState: {},
      name: c.name,
      ready: started,
      restartCount: 0,
      started: false,
      state: started
        ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } }
        : { waiting: { reason: 'PodInitializing' } },
    }));
  }
  if (started) {
    const ip =
      typeof prev.podIP === 'string'
        ? prev.podIP
        : `10.128.${Math.floor(Math.random() * 4) + 2}.${Math.floor(Math.random() * 250) + 3}`;
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  return status;
}
