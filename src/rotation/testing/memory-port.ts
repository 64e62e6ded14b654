/**
 * An in-memory cluster behind the rotation port, for unit tests: Secrets patched with a real
 * RFC 6902 implementation (a failed `test` is a 422, as from the API server), pods replaced by a
 * "controller" when deleted, and faults that can be injected into any call.
 */
import { applyPatch } from 'fast-json-patch';
import type { K8sResourceCommon, Patch } from '@openshift-console/dynamic-plugin-sdk';
import type { SecretKind } from '../../reporter/types';
import type { PodKind, SecretRef } from '../plan';
import {
  readyReplacements,
  WaitTimeoutError,
  type PodRef,
  type RotationPort,
  type WaitRequest,
} from '../run';
import { matchesLabels } from './fixtures';

export type PortOp = 'getSecret' | 'patchSecret' | 'listPods' | 'deletePod' | 'waitForReplacement';

export type Fault = {
  op: PortOp;
  /** Which call: by Secret key / namespace (omitted: any). */
  target?: string;
  error: () => Error;
  /** For patchSecret: apply the patch, then fail (the answer is lost). */
  afterApply?: boolean;
  /** How many calls fail (default 1). */
  times?: number;
};

export class ApiError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
  }
}

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

export class MemoryCluster {
  secrets = new Map<string, SecretKind>();
  pods: PodKind[] = [];
  faults: Fault[] = [];
  calls: { op: PortOp; target: string; ops?: Patch[] }[] = [];
  /** Namespaces whose replacement pods never become ready. */
  neverReady = new Set<string>();
  private rv = 9_000_000;
  private clock = Date.parse('2026-12-04T16:00:00.000Z');
  private serial = 0;

  constructor(objects: K8sResourceCommon[]) {
    for (const o of objects) {
      if (o.kind === 'Secret') this.secrets.set(this.key(o), clone(o as SecretKind));
      if (o.kind === 'Pod') this.pods.push(clone(o as PodKind));
    }
  }

  key(o: K8sResourceCommon | SecretRef): string {
    if ('namespace' in o && 'name' in o) return `${o.namespace}/${o.name}`;
    const meta = o.metadata;
    return `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
  }

  secret(namespace: string, name: string): SecretKind {
    const s = this.secrets.get(`${namespace}/${name}`);
    if (!s) throw new Error(`no Secret ${namespace}/${name}`);
    return s;
  }

  /** Someone else edits a Secret. */
  touch(namespace: string, name: string, change: (s: SecretKind) => void = () => undefined) {
    const s = this.secret(namespace, name);
    change(s);
    s.metadata = { ...s.metadata, resourceVersion: String((this.rv += 1)) };
  }

  podsOf(namespace: string, selector: Record<string, string>): PodKind[] {
    return this.pods.filter(
      (p) => p.metadata?.namespace === namespace && matchesLabels(p, selector),
    );
  }

  private fault(op: PortOp, target: string): Fault | undefined {
    const f = this.faults.find(
      (x) => x.op === op && (x.target === undefined || x.target === target),
    );
    if (!f) return undefined;
    const left = (f.times ?? 1) - 1;
    if (left <= 0) this.faults = this.faults.filter((x) => x !== f);
    else f.times = left;
    return f;
  }

  port(): RotationPort {
    return {
      now: () => (this.clock += 1000),
      getSecret: (ref) => {
        const target = this.key(ref);
        this.calls.push({ op: 'getSecret', target });
        const f = this.fault('getSecret', target);
        if (f) return Promise.reject(f.error());
        const s = this.secrets.get(target);
        return s ? Promise.resolve(clone(s)) : Promise.reject(new ApiError(404, 'not found'));
      },
      patchSecret: (ref, ops) => {
        const target = this.key(ref);
        this.calls.push({ op: 'patchSecret', target, ops: clone(ops) });
        const f = this.fault('patchSecret', target);
        if (f && !f.afterApply) return Promise.reject(f.error());
        const s = this.secrets.get(target);
        if (!s) return Promise.reject(new ApiError(404, 'not found'));
        let next: SecretKind;
        try {
          next = applyPatch(clone(s), clone(ops) as never, true, false).newDocument;
        } catch (e) {
          return Promise.reject(new ApiError(422, `the server rejected our request: ${String(e)}`));
        }
        next.metadata = { ...next.metadata, resourceVersion: String((this.rv += 1)) };
        this.secrets.set(target, next);
        if (f) return Promise.reject(f.error());
        return Promise.resolve(clone(next));
      },
      listPods: (namespace, selector) => {
        this.calls.push({ op: 'listPods', target: namespace });
        const f = this.fault('listPods', namespace);
        if (f) return Promise.reject(f.error());
        return Promise.resolve(clone(this.podsOf(namespace, selector)));
      },
      deletePod: (pod: PodRef) => {
        const target = `${pod.namespace}/${pod.name}`;
        this.calls.push({ op: 'deletePod', target });
        const f = this.fault('deletePod', pod.namespace);
        if (f) return Promise.reject(f.error());
        const found = this.pods.find(
          (p) => p.metadata?.namespace === pod.namespace && p.metadata.name === pod.name,
        );
        if (!found) return Promise.reject(new ApiError(404, 'not found'));
        if (pod.uid && found.metadata?.uid !== pod.uid) {
          return Promise.reject(new ApiError(409, 'uid precondition failed'));
        }
        this.pods = this.pods.filter((p) => p !== found);
        // the ReplicaSet controller creates a replacement
        this.serial += 1;
        const replacement = clone(found);
        replacement.metadata = {
          ...replacement.metadata,
          name: `${found.metadata?.generateName ?? 'pod-'}new${this.serial}`,
          uid: `uid-new-${this.serial}`,
        };
        const ready = !this.neverReady.has(pod.namespace);
        replacement.status = {
          phase: ready ? 'Running' : 'Pending',
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
        };
        this.pods.push(replacement);
        return Promise.resolve();
      },
      waitForReplacement: (request: WaitRequest) => {
        this.calls.push({ op: 'waitForReplacement', target: request.namespace });
        const f = this.fault('waitForReplacement', request.namespace);
        if (f) return Promise.reject(f.error());
        const ready = readyReplacements(
          this.podsOf(request.namespace, request.selector),
          request.oldUids,
        );
        request.onProgress?.(ready.length, request.expected);
        if (ready.length >= request.expected) return Promise.resolve(clone(ready));
        return Promise.reject(new WaitTimeoutError(ready.length, request.expected));
      },
    };
  }
}
