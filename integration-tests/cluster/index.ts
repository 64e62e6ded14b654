/**
 * An emulated Kubernetes/OpenShift API server for the stand-in console: REST and WebSocket watch over a fixture
 * cluster, RBAC for a few demo users, controllers for pods and Deployments, injected faults, and a control API.
 */
import type * as http from 'node:http';
import type * as stream from 'node:stream';
import { ApiServer, Hangs, RequestLog, type RequestContext } from './api';
import { Cluster } from './cluster';
import { handleControl } from './control';
import { ReporterOperator } from './operators';
import { Faults } from './faults';
import { loadFixture, type FixtureName } from './fixtures';
import { Authorizer, USERS } from './rbac';
import { WatchHub } from './watch';

export type { FixtureName } from './fixtures';
export type { RequestContext, RequestLogEntry } from './api';
export type { FaultSpec } from './faults';
export { FIXTURES, FIXTURE_NAMES } from './fixtures';
export { USERS, BINDINGS } from './rbac';

export interface EmulatorOptions {
  fixture?: FixtureName;
  /** From a new pod's creation until it is Ready; default 1500. */
  podReadyDelayMs?: number;
  /** From a pod's (graceful) deletion until it is gone; default 300. 0 removes deleted pods at once. */
  podTerminationDelayMs?: number;
  /** Emulate the Reporter operator's reactions (token Secret recreated/overwritten, CR pod status); default true. */
  reporterOperator?: boolean;
}

export interface ResetOptions {
  podReadyDelayMs?: number;
  podTerminationDelayMs?: number;
  reporterOperator?: boolean;
}

export interface Emulator {
  handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: RequestContext): void;
  handleUpgrade(
    req: http.IncomingMessage,
    socket: stream.Duplex,
    head: Buffer,
    ctx: RequestContext,
  ): void;
  /** The test-control API; `path` is what follows '/__emulator' (with its query). */
  handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string): void;
  users: { name: string; description: string }[];
  close(): void;
}

export const DEFAULT_POD_READY_DELAY_MS = 1500;
export const DEFAULT_POD_TERMINATION_DELAY_MS = 300;

/** Everything one emulator instance holds; the control API works on it. */
export class EmulatorState {
  readonly cluster: Cluster;
  readonly faults = new Faults();
  readonly log = new RequestLog();
  readonly hangs = new Hangs();
  readonly hub: WatchHub;
  readonly authz: Authorizer;
  readonly api: ApiServer;
  readonly operator: ReporterOperator;
  fixture: FixtureName = 'default';
  /** What a reset falls back to for the options it is not given. */
  private readonly defaults: Required<ResetOptions>;
  private reporterNamespaces: string[] = [];

  constructor(opts: EmulatorOptions) {
    this.defaults = {
      podReadyDelayMs: opts.podReadyDelayMs ?? DEFAULT_POD_READY_DELAY_MS,
      podTerminationDelayMs: opts.podTerminationDelayMs ?? DEFAULT_POD_TERMINATION_DELAY_MS,
      reporterOperator: opts.reporterOperator ?? true,
    };
    this.cluster = new Cluster({ ...this.defaults });
    this.hub = new WatchHub(this.cluster.store);
    this.operator = new ReporterOperator(this.cluster);
    this.authz = new Authorizer(() => this.reporterNamespaces);
    this.api = new ApiServer(this.cluster, this.authz, this.faults, this.hub, this.log, this.hangs);
    this.reset(opts.fixture ?? 'default');
  }

  /**
   * Replaces the cluster with a fresh copy of a fixture; ends watches, clears faults, hangs and the log.
   * Options not given go back to those the emulator was created with.
   */
  reset(fixture: FixtureName, opts: ResetOptions = {}): number {
    this.cluster.stop();
    this.operator.stop();
    this.hub.endAll();
    this.hangs.abortAll();
    this.faults.clear();
    this.log.clear();
    this.cluster.options.podReadyDelayMs = opts.podReadyDelayMs ?? this.defaults.podReadyDelayMs;
    this.cluster.options.podTerminationDelayMs =
      opts.podTerminationDelayMs ?? this.defaults.podTerminationDelayMs;
    this.operator.enabled = opts.reporterOperator ?? this.defaults.reporterOperator;
    const store = this.cluster.store;
    store.clear();
    const floor = store.resourceVersion + 1;
    const count = loadFixture(store, fixture);
    store.sealHistory(floor);
    this.fixture = fixture;
    const reporters = store.registry.find(
      'operator.ibm.com',
      'v1alpha1',
      'ibmlicenseservicereporters',
    );
    this.reporterNamespaces = reporters
      ? [...new Set(store.list(reporters).map((o) => o.metadata.namespace ?? ''))]
          .filter((n) => n !== '')
          .sort()
      : [];
    return count;
  }

  /** Namespaces that hold a Reporter CR when the fixture was loaded (where the namespace-scoped users have rights). */
  get reporterNamespaceList(): string[] {
    return [...this.reporterNamespaces];
  }

  close(): void {
    this.cluster.close();
    this.hangs.abortAll();
    this.hub.close();
    this.api.close();
  }
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const state = new EmulatorState(opts);
  return {
    handle: (req, res, ctx) => {
      state.api.handle(req, res, ctx);
    },
    handleUpgrade: (req, socket, head, ctx) => {
      state.api.handleUpgrade(req, socket, head, ctx);
    },
    handleControl: (req, res, path) => {
      handleControl(state, req, res, path);
    },
    users: USERS.map((u) => ({ ...u })),
    close: () => {
      state.close();
    },
  };
}
