/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are asserted loosely with expect() */
import * as http from 'node:http';
import type { EmulatorServer } from './harness';
import {
  call,
  jsonPatch,
  mergePatch,
  NS,
  openWatch,
  SECRETS,
  TOKEN_SECRET,
  useServer,
  type Loose,
} from './test-utils';

let s: EmulatorServer;

useServer(
  (server) => {
    s = server;
  },
  { podReadyDelayMs: 200, podTerminationDelayMs: 50 },
);

const CMS = `/api/v1/namespaces/${NS}/configmaps`;

describe('watch over WebSocket', () => {
  it('without resourceVersion: ADDED for every existing match, then live events', async () => {
    const w = await openWatch(s, `${SECRETS}?watch=true`);
    await w.next((e) => e.type === 'ADDED' && e.object.metadata.name === TOKEN_SECRET);
    const initial = w.events.length;
    const listed = (await call(s, SECRETS)).body.items.length;
    expect(initial).toBe(listed);
    await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/data/token', value: 'QUJD' },
    ]);
    const mod = await w.next((e) => e.type === 'MODIFIED');
    expect(mod.object).toMatchObject({ apiVersion: 'v1', kind: 'Secret', data: { token: 'QUJD' } });
    w.close();
  });

  it('from a list resourceVersion replays only newer events, honouring the label selector', async () => {
    const list = await call(s, `${CMS}?labelSelector=team%3Dx`);
    const rv = list.body.metadata.resourceVersion as string;
    // Changes made between the list and the watch must be replayed.
    await call(s, CMS, {
      method: 'POST',
      body: { metadata: { name: 'before', labels: { team: 'x' } } },
    });
    await call(s, CMS, {
      method: 'POST',
      body: { metadata: { name: 'other-team', labels: { team: 'y' } } },
    });
    const w = await openWatch(s, `${CMS}?watch=true&labelSelector=team%3Dx&resourceVersion=${rv}`);
    await w.next((e) => e.object.metadata.name === 'before');
    await call(s, CMS, {
      method: 'POST',
      body: { metadata: { name: 'after', labels: { team: 'x' } } },
    });
    await w.next((e) => e.object.metadata.name === 'after');
    // Relabelling out of the selector is seen as DELETED, into it as ADDED.
    await mergePatch(s, `${CMS}/before`, { metadata: { labels: { team: 'y' } } });
    const gone = await w.next((e) => e.type === 'DELETED' && e.object.metadata.name === 'before');
    expect(gone.object.metadata.labels.team).toBe('y');
    await mergePatch(s, `${CMS}/other-team`, { metadata: { labels: { team: 'x' } } });
    await w.next((e) => e.type === 'ADDED' && e.object.metadata.name === 'other-team');
    await call(s, `${CMS}/after`, { method: 'DELETE' });
    await w.next((e) => e.type === 'DELETED' && e.object.metadata.name === 'after');
    expect(w.events.map((e) => `${e.type} ${String(e.object.metadata.name)}`)).toEqual([
      'ADDED before',
      'ADDED after',
      'DELETED before',
      'ADDED other-team',
      'DELETED after',
    ]);
    // Each event carries the resourceVersion of its write, increasing.
    const rvs = w.events.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(rvs[0]).toBeGreaterThan(Number(rv));
    w.close();
  });

  it('watches one object with fieldSelector metadata.name', async () => {
    const cur = (await call(s, `${SECRETS}/${TOKEN_SECRET}`)).body;
    const w = await openWatch(
      s,
      `${SECRETS}?watch=true&fieldSelector=${encodeURIComponent(`metadata.name=${TOKEN_SECRET}`)}&resourceVersion=${String(cur.metadata.resourceVersion)}`,
    );
    await jsonPatch(s, `${SECRETS}/ibm-licensing-token`, [
      { op: 'replace', path: '/data/token', value: 'QUJD' },
    ]);
    await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/data/token', value: 'REVG' },
    ]);
    const ev = await w.next((e) => e.type === 'MODIFIED');
    expect(ev.object.metadata.name).toBe(TOKEN_SECRET);
    expect(w.events).toHaveLength(1);
    w.close();
  });

  it('sends a 410 Expired ERROR event for a resourceVersion older than the kept history', async () => {
    const rv = (await call(s, SECRETS)).body.metadata.resourceVersion as string;
    // Still in the history: replayed.
    await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/data/token', value: 'QUJD' },
    ]);
    const ok = await openWatch(s, `${SECRETS}?watch=true&resourceVersion=${rv}`);
    await ok.next((e) => e.type === 'MODIFIED');
    ok.close();
    // Before the fixture was loaded, or after a compaction: gone.
    const w = await openWatch(s, `${SECRETS}?watch=true&resourceVersion=5`);
    const ev = await w.next((e) => e.type === 'ERROR');
    expect(ev.object).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
    });
    expect(ev.object.message).toMatch(/^too old resource version: 5 \(\d+\)$/);
    expect((await w.closed).code).toBe(1000);
    await s.control.compact();
    const after = await openWatch(s, `${SECRETS}?watch=true&resourceVersion=${rv}`);
    expect((await after.next((e) => e.type === 'ERROR')).object.code).toBe(410);
  });

  it('watches across all namespaces and cluster-scoped kinds', async () => {
    const rv = (await call(s, '/api/v1/namespaces')).body.metadata.resourceVersion as string;
    const w = await openWatch(s, `/api/v1/namespaces?watch=true&resourceVersion=${rv}`);
    const pods = await openWatch(s, `/api/v1/pods?watch=true&resourceVersion=${rv}`);
    await call(s, '/api/v1/namespaces', { method: 'POST', body: { metadata: { name: 'fresh' } } });
    await w.next((e) => e.type === 'ADDED' && e.object.metadata.name === 'fresh');
    await call(s, '/api/v1/namespaces/fresh/pods', {
      method: 'POST',
      body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } },
    });
    const added = await pods.next((e) => e.type === 'ADDED');
    expect(added.object.metadata.namespace).toBe('fresh');
    w.close();
    pods.close();
  });

  it('refuses a watch on something that is not a collection watch', async () => {
    await expect(openWatch(s, SECRETS)).rejects.toThrow(/HTTP 400/);
    await expect(
      openWatch(s, `/apis/operator.ibm.com/v1alpha1/nothings?watch=true`),
    ).rejects.toThrow(/HTTP 404/);
  });
});

describe('watch over HTTP streaming', () => {
  it('streams newline-delimited events and honours timeoutSeconds', async () => {
    const rv = (await call(s, SECRETS)).body.metadata.resourceVersion as string;
    const lines: Loose[] = [];
    const done = new Promise<number>((resolve, reject) => {
      const req = http.get(
        `${s.apiUrl}${SECRETS}?watch=true&resourceVersion=${rv}&timeoutSeconds=1`,
        { headers: { 'X-Remote-User': 'admin' } },
        (res) => {
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let i;
            while ((i = buf.indexOf('\n')) >= 0) {
              lines.push(JSON.parse(buf.slice(0, i)));
              buf = buf.slice(i + 1);
            }
          });
          res.on('end', () => {
            resolve(res.statusCode ?? 0);
          });
        },
      );
      req.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    await jsonPatch(s, `${SECRETS}/${TOKEN_SECRET}`, [
      { op: 'replace', path: '/data/token', value: 'QUJD' },
    ]);
    expect(await done).toBe(200);
    expect(lines.map((l) => `${String(l.type)} ${String(l.object.metadata.name)}`)).toEqual([
      `MODIFIED ${TOKEN_SECRET}`,
    ]);
  });
});
