/** A typed client for the emulator's control API, for tests (Node 20+ or browsers: uses fetch). */
import type { FaultSpec } from './faults';
import type { FixtureName } from './fixtures';
import type { RequestLogEntry } from './api';

export type { FaultSpec, FixtureName, RequestLogEntry };

export interface ResetOptions {
  podReadyDelayMs?: number;
  podTerminationDelayMs?: number;
  /** Emulate the Reporter operator's reactions; default: as the emulator was created (true). */
  reporterOperator?: boolean;
}

export interface EmulatorStateInfo {
  fixture: FixtureName;
  fixtures: FixtureName[];
  users: { name: string; description: string }[];
  reporterNamespaces: string[];
  podReadyDelayMs: number;
  podTerminationDelayMs: number;
  reporterOperator: boolean;
  resourceVersion: string;
  faults: (FaultSpec & { id: string; hits: number })[];
  neverReady: { id: string; namespace: string; labelSelector: string }[];
  watches: number;
  hangingRequests: number;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

/** A control client for a server at `baseUrl` (its origin, or the control API root). */
export function createControlClient(baseUrl: string, init: RequestInit = {}): EmulatorControl {
  return new EmulatorControl(baseUrl, init);
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`emulator control API answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ControlError';
  }
}

export const CONTROL_PATH = '/__emulator';

export class EmulatorControl {
  private readonly baseUrl: string;

  /**
   * `baseUrl` is the server's origin (`http://127.0.0.1:9000`) or the control API root
   * (`http://127.0.0.1:9000/__emulator`); `init` is merged into every request (headers, credentials).
   */
  constructor(
    baseUrl: string,
    private readonly init: RequestInit = {},
  ) {
    const trimmed = baseUrl.replace(/\/+$/, '');
    this.baseUrl = trimmed.endsWith(CONTROL_PATH) ? trimmed : `${trimmed}${CONTROL_PATH}`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers = new Headers(this.init.headers);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...this.init,
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ControlError(res.status, parsed);
    return parsed as T;
  }

  reset(
    fixture: FixtureName = 'default',
    opts: ResetOptions = {},
  ): Promise<{ fixture: FixtureName; objects: number; loadMs: number; resourceVersion: string }> {
    return this.call('POST', '/reset', { fixture, ...opts });
  }

  state(): Promise<EmulatorStateInfo> {
    return this.call('GET', '/state');
  }

  async addFault(f: FaultSpec): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/faults', f)).id;
  }

  /** Drops matching open watches now; returns how many were dropped. */
  async dropWatches(f: Omit<FaultSpec, 'dropWatch' | 'hang' | 'status'> = {}): Promise<number> {
    return (await this.call<{ dropped: number }>('POST', '/faults', { ...f, dropWatch: true }))
      .dropped;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  /** The stored object at an API path (bypassing RBAC), or undefined when there is none. */
  async getObject<T extends KubeObject = KubeObject>(path: string): Promise<T | undefined> {
    try {
      return await this.call<T>('GET', `/object?path=${encodeURIComponent(path)}`);
    } catch (e) {
      if (e instanceof ControlError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Creates or replaces an object at an API path (bypassing RBAC and resourceVersion checks). */
  putObject<T extends KubeObject = KubeObject>(path: string, obj: KubeObject): Promise<T> {
    return this.call<T>('PUT', `/object?path=${encodeURIComponent(path)}`, obj);
  }

  /** Deletes an object at once (no graceful deletion), with garbage collection of its dependents. */
  async deleteObject(path: string): Promise<void> {
    await this.call('DELETE', `/object?path=${encodeURIComponent(path)}`);
  }

  /** Drops the watch history: watches from any older resourceVersion then get 410 Gone. */
  async compact(): Promise<string> {
    return (await this.call<{ resourceVersion: string }>('POST', '/compact')).resourceVersion;
  }

  requests(): Promise<RequestLogEntry[]> {
    return this.call('GET', '/requests');
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  /** New pods in `namespace` matching `labelSelector` start but never become Ready. */
  async setNeverReady(namespace: string, labelSelector: string): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/never-ready', { namespace, labelSelector }))
      .id;
  }

  async clearNeverReady(): Promise<void> {
    await this.call('DELETE', '/never-ready');
  }

  watches(): Promise<
    { id: number; user: string; resource: string; group: string; namespace: string }[]
  > {
    return this.call('GET', '/watches');
  }
}
