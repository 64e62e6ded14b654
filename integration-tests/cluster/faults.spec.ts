/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API answers are asserted loosely with expect() */
import { EmulatorControl } from './control-client';
import type { EmulatorServer } from './harness';
import {
  call,
  jsonPatch,
  NS,
  openWatch,
  PODS,
  SECRETS,
  TOKEN_SECRET,
  useServer,
  waitFor,
  watchStatus,
} from './test-utils';

let s: EmulatorServer;

useServer(
  (server) => {
    s = server;
  },
  { podReadyDelayMs: 100, podTerminationDelayMs: 20 },
);

const TOKEN_PATH = `${SECRETS}/${TOKEN_SECRET}`;
const patchToken = (value: string) =>
  jsonPatch(s, TOKEN_PATH, [{ op: 'replace', path: '/data/token', value }]);

describe('status faults', () => {
  it('fail matching requests with a Status body, leaving others alone, until cleared', async () => {
    const id = await s.control.addFault({
      method: 'PATCH',
      resource: 'secrets',
      namespace: NS,
      name: TOKEN_SECRET,
      status: 500,
      message: 'etcdserver: request timed out',
    });
    expect(id).toMatch(/^fault-/);
    const r = await patchToken('QUJD');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'etcdserver: request timed out',
      reason: 'InternalError',
      details: {},
      code: 500,
    });
    expect((await call(s, TOKEN_PATH)).status).toBe(200);
    expect((await jsonPatch(s, `${SECRETS}/ibm-licensing-token`, [])).status).toBe(200);
    expect((await patchToken('QUJD')).status).toBe(500);
    expect((await s.control.getObject(TOKEN_PATH))?.data).toEqual({
      token: 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj',
    });
    await s.control.clearFaults();
    expect((await patchToken('QUJD')).status).toBe(200);
  });

  it('stop after `times` matches', async () => {
    await s.control.addFault({ method: 'patch', resource: 'secrets', status: 409, times: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await patchToken('QUJD')).status);
    expect(codes).toEqual([409, 409, 200]);
    expect((await s.control.state()).faults).toEqual([]);
  });

  it('match API verbs: a list fault does not break a get', async () => {
    await s.control.addFault({ method: 'list', resource: 'pods', status: 503 });
    const list = await call(s, PODS);
    expect(list.status).toBe(503);
    expect(list.body.reason).toBe('ServiceUnavailable');
    const pod = 'ibm-license-service-reporter-instance-grpft4jmlc-k7kxs';
    expect((await call(s, `${PODS}/${pod}`)).status).toBe(200);
  });

  it('refuse a matching watch upgrade', async () => {
    await s.control.addFault({ method: 'watch', resource: 'pods', status: 500, times: 1 });
    expect(await watchStatus(s, `${PODS}?watch=true`)).toBe(500);
    expect(await watchStatus(s, `${PODS}?watch=true`)).toBe(101);
  });
});

describe('hang faults', () => {
  it('never answer: the client times out and the request is not applied', async () => {
    await s.control.addFault({ method: 'DELETE', resource: 'pods', hang: true });
    const pod = 'ibm-license-service-reporter-instance-grpft4jmlc-k7kxs';
    const t0 = Date.now();
    await expect(
      call(s, `${PODS}/${pod}`, { method: 'DELETE', signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await waitFor(
      async () => ((await s.control.state()).hangingRequests === 0 ? true : undefined),
      2000,
      'the dropped request to be forgotten',
    );
    await s.control.clearFaults();
    await new Promise((r) => setTimeout(r, 50));
    expect(await s.control.getObject(`${PODS}/${pod}`)).toBeDefined();
  });

  it('are answered once faults are cleared', async () => {
    await s.control.addFault({
      method: 'GET',
      resource: 'secrets',
      name: TOKEN_SECRET,
      hang: true,
    });
    let answered = false;
    const pending = call(s, TOKEN_PATH).then((r) => {
      answered = true;
      return r;
    });
    await waitFor(
      async () => ((await s.control.state()).hangingRequests === 1 ? true : undefined),
      2000,
      'the request to hang',
    );
    expect(answered).toBe(false);
    const entry = (await s.control.requests()).find((e) => e.path === TOKEN_PATH);
    expect(entry?.status).toBe(0);
    await s.control.clearFaults();
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.body.metadata.name).toBe(TOKEN_SECRET);
  });
});

describe('dropped watches', () => {
  it('close matching open watches abnormally (1006) and leave the others open', async () => {
    const pods = await openWatch(s, `${PODS}?watch=true`);
    const secrets = await openWatch(s, `${SECRETS}?watch=true`);
    const dropped = await s.control.dropWatches({ resource: 'pods' });
    expect(dropped).toBe(1);
    expect((await pods.closed).code).toBe(1006);
    await patchToken('QUJD');
    await secrets.next((e) => e.type === 'MODIFIED');
    expect((await s.control.watches()).map((w) => w.resource)).toEqual(['secrets']);
    secrets.close();
  });

  it('with `times`, also drop the next matching watches right after they open', async () => {
    await s.control.addFault({ dropWatch: true, resource: 'secrets', times: 1 });
    const first = await openWatch(s, `${SECRETS}?watch=true`);
    expect((await first.closed).code).toBe(1006);
    const second = await openWatch(s, `${SECRETS}?watch=true`);
    await patchToken('QUJD');
    await second.next((e) => e.type === 'MODIFIED');
    second.close();
  });
});

describe('request log', () => {
  it('records every API request and watch with method, path, user and status', async () => {
    await s.control.clearRequests();
    await call(s, TOKEN_PATH, { user: 'viewer' });
    await patchToken('QUJD');
    await call(s, `${SECRETS}/nope`);
    const w = await openWatch(s, `${SECRETS}?watch=true`, 'rotator-ns');
    await call(s, TOKEN_PATH, { user: 'outsider' });
    w.close();
    const log = await s.control.requests();
    expect(
      log.map(({ method, path, user, status, watch }) => ({ method, path, user, status, watch })),
    ).toEqual([
      { method: 'GET', path: TOKEN_PATH, user: 'viewer', status: 200, watch: undefined },
      { method: 'PATCH', path: TOKEN_PATH, user: 'admin', status: 200, watch: undefined },
      { method: 'GET', path: `${SECRETS}/nope`, user: 'admin', status: 404, watch: undefined },
      {
        method: 'GET',
        path: `${SECRETS}?watch=true`,
        user: 'rotator-ns',
        status: 101,
        watch: true,
      },
      { method: 'GET', path: TOKEN_PATH, user: 'outsider', status: 403, watch: undefined },
    ]);
    expect(Date.parse(log[0]?.time ?? '')).toBeGreaterThan(0);
    await s.control.clearRequests();
    expect(await s.control.requests()).toEqual([]);
  });
});

describe('control API', () => {
  it('reads, writes and deletes objects bypassing RBAC', async () => {
    const path = `/api/v1/namespaces/${NS}/configmaps/probe`;
    expect(await s.control.getObject(path)).toBeUndefined();
    const created = await s.control.putObject(path, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'probe' },
      data: { a: '1' },
    });
    expect(created.metadata.uid).toBeDefined();
    expect((await call(s, path, { user: 'outsider' })).status).toBe(403);
    expect((await s.control.getObject(path))?.data).toEqual({ a: '1' });
    await s.control.deleteObject(path);
    expect(await s.control.getObject(path)).toBeUndefined();
  });

  it('takes the server origin or the control root, and console paths with the /api/kubernetes prefix', async () => {
    const byOrigin = new EmulatorControl(s.baseUrl);
    const byRoot = new EmulatorControl(`${s.baseUrl}/__emulator/`);
    expect((await byOrigin.state()).fixture).toBe('default');
    const a = await byOrigin.getObject(`/api/kubernetes${TOKEN_PATH}`);
    const b = await byRoot.getObject(TOKEN_PATH);
    expect(a?.metadata.uid).toBeDefined();
    expect(a?.metadata.uid).toBe(b?.metadata.uid);
  });

  it('rejects malformed faults', async () => {
    await expect(s.control.addFault({ status: 200 })).rejects.toThrow(/400/);
    await expect(s.control.addFault({ hang: true, dropWatch: true })).rejects.toThrow(/400/);
  });
});
