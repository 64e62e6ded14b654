/** Helpers for the emulator's own tests: HTTP calls as a user, WebSocket watches, polling. */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are asserted loosely with expect() */
import WebSocket from 'ws';
import { startEmulatorServer, type EmulatorServer } from './harness';
import type { EmulatorOptions, ResetOptions } from './index';

export interface CallOptions {
  user?: string;
  method?: string;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Any JSON the API answers, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export async function call(
  s: EmulatorServer,
  path: string,
  o: CallOptions = {},
): Promise<CallResult<Loose>> {
  const headers: Record<string, string> = { 'X-Remote-User': o.user ?? 'admin' };
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['Content-Type'] = o.contentType ?? 'application/json';
  }
  const init: RequestInit = { method: o.method ?? 'GET', headers };
  if (body !== undefined) init.body = body;
  if (o.signal) init.signal = o.signal;
  const res = await fetch(`${s.apiUrl}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export function jsonPatch(
  s: EmulatorServer,
  path: string,
  ops: unknown[],
  user = 'admin',
): Promise<CallResult<Loose>> {
  return call(s, path, {
    method: 'PATCH',
    body: ops,
    contentType: 'application/json-patch+json',
    user,
  });
}

export function mergePatch(
  s: EmulatorServer,
  path: string,
  patch: unknown,
  user = 'admin',
): Promise<CallResult<Loose>> {
  return call(s, path, {
    method: 'PATCH',
    body: patch,
    contentType: 'application/merge-patch+json',
    user,
  });
}

export interface WatchEventLike {
  type: string;
  object: Loose;
}

export interface OpenWatch {
  events: WatchEventLike[];
  closed: Promise<{ code: number }>;
  ws: WebSocket;
  /** Resolves with the first event (already received or to come) matching `pred`. */
  next(pred: (e: WatchEventLike) => boolean, timeoutMs?: number): Promise<WatchEventLike>;
  close(): void;
}

export function openWatch(s: EmulatorServer, path: string, user = 'admin'): Promise<OpenWatch> {
  const url = `${s.apiUrl.replace(/^http/, 'ws')}${path}`;
  const ws = new WebSocket(url, { headers: { 'X-Remote-User': user } });
  const events: WatchEventLike[] = [];
  const waiters: {
    pred: (e: WatchEventLike) => boolean;
    resolve: (e: WatchEventLike) => void;
    from: number;
  }[] = [];
  ws.on('message', (data: WebSocket.RawData) => {
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Buffer.from(data as ArrayBuffer).toString('utf8');
    const ev = JSON.parse(text) as WatchEventLike;
    events.push(ev);
    for (const w of [...waiters]) {
      if (w.pred(ev)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(ev);
      }
    }
  });
  const closed = new Promise<{ code: number }>((resolve) => {
    ws.on('close', (code: number) => {
      resolve({ code });
    });
  });
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      reject(new Error(`watch refused with HTTP ${res.statusCode ?? 0}`));
    });
    ws.on('error', (e) => {
      reject(e);
    });
    ws.on('open', () => {
      resolve({
        events,
        closed,
        ws,
        next: (pred, timeoutMs = 5000) =>
          new Promise((res2, rej2) => {
            const found = events.find(pred);
            if (found) {
              res2(found);
              return;
            }
            const t = setTimeout(() => {
              rej2(
                new Error(
                  `no matching watch event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => `${e.type} ${String(e.object?.metadata?.name)}`))}`,
                ),
              );
            }, timeoutMs);
            waiters.push({
              pred,
              from: events.length,
              resolve: (e) => {
                clearTimeout(t);
                res2(e);
              },
            });
          }),
        close: () => {
          ws.close();
        },
      });
    });
  });
}

/** Refusal status of a WebSocket watch (or 101 when it opened). */
export function watchStatus(s: EmulatorServer, path: string, user = 'admin'): Promise<number> {
  const url = `${s.apiUrl.replace(/^http/, 'ws')}${path}`;
  const ws = new WebSocket(url, { headers: { 'X-Remote-User': user } });
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => {
      resolve(0);
    });
  });
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function startServer(opts: EmulatorOptions = {}): Promise<EmulatorServer> {
  return startEmulatorServer({ podReadyDelayMs: 200, podTerminationDelayMs: 50, ...opts });
}

/**
 * One server for the whole spec file, handed to `use` before the first test and closed after the
 * last; with `reset`, the default fixture is loaded with those options before each test.
 */
export function useServer(use: (s: EmulatorServer) => void, reset?: ResetOptions): void {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startServer();
    use(server);
  });
  afterAll(async () => {
    await server.close();
  });
  if (reset) {
    beforeEach(async () => {
      await server.control.reset('default', reset);
    });
  }
}

export const NS = 'ibm-ls-reporter';
export const TOKEN_SECRET = 'ibm-license-service-reporter-token';
export const SECRETS = `/api/v1/namespaces/${NS}/secrets`;
export const PODS = `/api/v1/namespaces/${NS}/pods`;
export const REPORTERS = '/apis/operator.ibm.com/v1alpha1/ibmlicenseservicereporters';
export const REPORTER_POD_SELECTOR =
  'app=ibm-license-service-reporter-instance,component=ibm-license-service-reporter-svc,licensing_cr=instance';
