/**
 * What the IBM License Service Reporter operator does that the plugin depends on:
 * - the token Secret (`spec.apiSecretToken` or `ibm-license-service-reporter-token`, key `token`) is recreated with a
 *   new random 24-character token when it is deleted, and overwritten with one when its `token` key or its label
 *   `app.kubernetes.io/instance=ibm-license-service-reporter` is missing; an edited value is kept;
 * - `status.LicenseServiceReporterPods` of the CR is a copy of the operand pods' status.
 */
import { randomInt } from 'node:crypto';
import type { Cluster } from './cluster';
import { deepEqual, isRecord, type JsonObject, type KObject } from './objects';
import type { ResourceType } from './resources';
import { matchesLabels } from './selectors';
import type { StoreEvent } from './store';

export const DEFAULT_TOKEN_SECRET = 'ibm-license-service-reporter-token';
const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const INSTANCE = 'ibm-license-service-reporter';
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** How long the operator takes to react to a change. */
export const OPERATOR_DELAY_MS = 100;

export function randomToken(length = 24): string {
  let s = '';
  for (let i = 0; i < length; i++) s += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)] ?? 'a';
  return s;
}

export function tokenSecretName(cr: KObject): string {
  const spec = isRecord(cr.spec) ? cr.spec : {};
  return typeof spec.apiSecretToken === 'string' && spec.apiSecretToken !== ''
    ? spec.apiSecretToken
    : DEFAULT_TOKEN_SECRET;
}

function labelsFor(crName: string): Record<string, string> {
  return {
    'app.kubernetes.io/component': 'ibm-license-service-reporter-svc',
    [INSTANCE_LABEL]: INSTANCE,
    'app.kubernetes.io/managed-by': 'operator',
    'app.kubernetes.io/name': `ibm-license-service-reporter-${crName}`,
    release: INSTANCE,
  };
}

function podSelector(crName: string): { key: string; op: '='; values: string[] }[] {
  return [
    { key: 'app', op: '=', values: [`ibm-license-service-reporter-${crName}`] },
    { key: 'component', op: '=', values: ['ibm-license-service-reporter-svc'] },
    { key: 'licensing_cr', op: '=', values: [crName] },
  ];
}

export class ReporterOperator {
  enabled = true;
  private readonly pending = new Set<string>();

  constructor(private readonly cluster: Cluster) {
    cluster.store.subscribe((ev) => {
      this.onEvent(ev);
    });
  }

  private reporters(): ResourceType | undefined {
    return this.cluster.store.registry.find(
      'operator.ibm.com',
      'v1alpha1',
      'ibmlicenseservicereporters',
    );
  }

  private onEvent(ev: StoreEvent): void {
    if (!this.enabled) return;
    const rt = this.reporters();
    if (!rt) return;
    const ns = ev.object.metadata.namespace ?? '';
    if (ev.rt === rt) {
      if (ev.type !== 'DELETED') this.schedule(ns, ev.object.metadata.name ?? '');
      return;
    }
    const isSecret = ev.rt.group === '' && ev.rt.plural === 'secrets';
    const isPod = ev.rt.group === '' && ev.rt.plural === 'pods';
    if (!isSecret && !isPod) return;
    for (const cr of this.cluster.store.list(rt, ns)) {
      const crName = cr.metadata.name ?? '';
      if (isSecret && tokenSecretName(cr) === ev.object.metadata.name) this.schedule(ns, crName);
      if (
        isPod &&
        (matchesLabels(podSelector(crName), ev.object.metadata.labels) ||
          matchesLabels(podSelector(crName), ev.old?.metadata.labels))
      ) {
        this.schedule(ns, crName);
      }
    }
  }

  private schedule(ns: string, crName: string): void {
    const k = `${ns}/${crName}`;
    if (this.pending.has(k)) return;
    this.pending.add(k);
    this.cluster.later(OPERATOR_DELAY_MS, () => {
      this.pending.delete(k);
      if (this.enabled) this.reconcile(ns, crName);
    });
  }

  /** Forgets scheduled work (the cluster's timers are cleared on reset). */
  stop(): void {
    this.pending.clear();
  }

  private reconcile(ns: string, crName: string): void {
    const rt = this.reporters();
    const store = this.cluster.store;
    const secrets = store.registry.find('', 'v1', 'secrets');
    if (!rt || !secrets) return;
    const cr = store.get(rt, ns, crName);
    if (!cr || cr.metadata.deletionTimestamp) return;
    const name = tokenSecretName(cr);
    const owner = {
      apiVersion: 'operator.ibm.com/v1alpha1',
      blockOwnerDeletion: true,
      controller: true,
      kind: 'IBMLicenseServiceReporter',
      name: crName,
      uid: cr.metadata.uid ?? '',
    };
    const current = store.get(secrets, ns, name);
    const token = Buffer.from(randomToken(), 'utf8').toString('base64');
    if (!current) {
      store.create(
        secrets,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name, namespace: ns, labels: labelsFor(crName), ownerReferences: [owner] },
          data: { token },
          type: 'Opaque',
        },
        ns,
      );
    } else {
      const data = isRecord(current.data) ? current.data : {};
      const hasToken = typeof data.token === 'string';
      const labelled = current.metadata.labels?.[INSTANCE_LABEL] === INSTANCE;
      if (!hasToken || !labelled) {
        // The operator replaces the Secret with the one it expects: its labels, its owner, a new random token.
        store.update(secrets, {
          ...current,
          metadata: { ...current.metadata, labels: labelsFor(crName), ownerReferences: [owner] },
          data: { ...data, token },
          type: 'Opaque',
        });
      }
    }
    this.updatePodStatus(rt, cr);
  }

  private updatePodStatus(rt: ResourceType, cr: KObject): void {
    const store = this.cluster.store;
    const pods = store.registry.find('', 'v1', 'pods');
    if (!pods) return;
    const sel = podSelector(cr.metadata.name ?? '');
    const statuses = store
      .list(pods, cr.metadata.namespace)
      .filter((p) => matchesLabels(sel, p.metadata.labels))
      .map((p) => (isRecord(p.status) ? probeTimes(p.status) : {}));
    const status: JsonObject = {
      ...(isRecord(cr.status) ? cr.status : {}),
      LicenseServiceReporterPods: statuses,
    };
    if (!deepEqual(status, cr.status))
      store.update(rt, { ...cr, status }, { subresource: 'status' });
  }
}

/** The operator copies pod status with `lastProbeTime: null` turned into the zero time. */
function probeTimes(status: JsonObject): JsonObject {
  const conditions = Array.isArray(status.conditions)
    ? (status.conditions as unknown[]).map((c) =>
        isRecord(c) && c.lastProbeTime === null
          ? { ...c, lastProbeTime: '1970-01-01T00:00:00Z' }
          : c,
      )
    : status.conditions;
  return conditions === undefined ? { ...status } : { ...status, conditions };
}
