/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- API answers are asserted loosely with expect() */
import type { EmulatorServer } from './harness';
import {
  call,
  jsonPatch,
  mergePatch,
  NS,
  openWatch,
  PODS,
  REPORTER_POD_SELECTOR,
  useServer,
  waitFor,
  type Loose,
} from './test-utils';

let s: EmulatorServer;
const READY_MS = 300;

useServer(
  (server) => {
    s = server;
  },
  { podReadyDelayMs: READY_MS, podTerminationDelayMs: 100 },
);

const isReady = (p: Loose): boolean =>
  (p.status?.conditions ?? []).some((c: Loose) => c.type === 'Ready' && c.status === 'True');
const reporterPods = async (): Promise<Loose[]> =>
  (await call(s, `${PODS}?labelSelector=${encodeURIComponent(REPORTER_POD_SELECTOR)}`)).body.items;
const DEPLOYMENT = `/apis/apps/v1/namespaces/${NS}/deployments/ibm-license-service-reporter-instance`;
const LS_DEPLOYMENT = `/apis/apps/v1/namespaces/${NS}/deployments/ibm-licensing-service-instance`;
const restartPatch = (at: string): unknown[] => [
  {
    op: 'add',
    path: '/spec/template/metadata/annotations/openshift.openshift.io~1restartedAt',
    value: at,
  },
];

describe('pods owned by a ReplicaSet', () => {
  it('are replaced after a delete: new name and UID, Pending, then Running and Ready after the delay', async () => {
    const [old] = await reporterPods();
    const rv = (await call(s, PODS)).body.metadata.resourceVersion as string;
    const w = await openWatch(
      s,
      `${PODS}?watch=true&resourceVersion=${rv}&labelSelector=${encodeURIComponent(REPORTER_POD_SELECTOR)}`,
    );
    const t0 = Date.now();
    const del = await call(s, `${PODS}/${String(old.metadata.name)}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.body.kind).toBe('Pod');
    expect(del.body.metadata.deletionTimestamp).toBeDefined();
    expect(del.body.metadata.deletionGracePeriodSeconds).toBe(
      old.spec.terminationGracePeriodSeconds ?? 30,
    );

    const added = await w.next((e) => e.type === 'ADDED');
    const fresh = added.object;
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid);
    expect(fresh.metadata.name).toMatch(
      /^ibm-license-service-reporter-instance-grpft4jmlc-[a-z0-9]{5}$/,
    );
    expect(fresh.metadata.name).not.toBe(old.metadata.name);
    expect(fresh.status.phase).toBe('Pending');
    expect(isReady(fresh)).toBe(false);
    expect(fresh.metadata.labels).toEqual(old.metadata.labels);
    expect(fresh.metadata.ownerReferences).toEqual(old.metadata.ownerReferences);
    expect(fresh.spec.containers.map((c: Loose) => c.name)).toEqual(
      old.spec.containers.map((c: Loose) => c.name),
    );

    await w.next((e) => e.type === 'DELETED' && e.object.metadata.uid === old.metadata.uid);
    const ready = await w.next(
      (e) =>
        e.type === 'MODIFIED' && e.object.metadata.uid === fresh.metadata.uid && isReady(e.object),
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(READY_MS - 20);
    expect(ready.object.status.phase).toBe('Running');
    expect(
      ready.object.status.containerStatuses.every(
        (c: Loose) => c.ready === true && c.state.running,
      ),
    ).toBe(true);
    // Between Pending and Ready the pod was seen Running but not ready.
    const seen = w.events
      .filter((e) => e.object.metadata.uid === fresh.metadata.uid)
      .map((e) => `${String(e.object.status.phase)}/${String(isReady(e.object))}`);
    expect(seen).toEqual(['Pending/false', 'Running/false', 'Running/true']);
    w.close();

    const now = await reporterPods();
    expect(now.map((p) => p.metadata.uid)).toEqual([fresh.metadata.uid]);
    expect((await call(s, `${PODS}/${String(old.metadata.name)}`)).status).toBe(404);
  });

  it('delete with gracePeriodSeconds=0 removes the pod at once', async () => {
    const [old] = await reporterPods();
    await call(s, `${PODS}/${String(old.metadata.name)}?gracePeriodSeconds=0`, {
      method: 'DELETE',
    });
    expect((await call(s, `${PODS}/${String(old.metadata.name)}`)).status).toBe(404);
    const next = await waitFor(
      async () => (await reporterPods()).find(isReady),
      3000,
      'a Ready replacement',
    );
    expect(next.metadata.uid).not.toBe(old.metadata.uid);
  });

  it('keeps the ReplicaSet and Deployment status in line with the pods', async () => {
    const [old] = await reporterPods();
    await call(s, `${PODS}/${String(old.metadata.name)}`, { method: 'DELETE' });
    const rsPath = `/apis/apps/v1/namespaces/${NS}/replicasets/ibm-license-service-reporter-instance-grpft4jmlc`;
    await waitFor(
      async () =>
        (await call(s, DEPLOYMENT)).body.status.readyReplicas === undefined ? true : undefined,
      2000,
      'the Deployment to lose its ready replica',
    );
    const rs = (await call(s, rsPath)).body;
    expect(rs.status.replicas).toBe(1);
    expect(rs.status.readyReplicas).toBeUndefined();
    await waitFor(
      async () => ((await call(s, DEPLOYMENT)).body.status.readyReplicas === 1 ? true : undefined),
      3000,
      'the Deployment to be ready again',
    );
    expect((await call(s, rsPath)).body.status).toMatchObject({
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
  });

  it('follows a scale of the Deployment, and its ReplicaSet cannot be scaled behind its back', async () => {
    await mergePatch(s, DEPLOYMENT, { spec: { replicas: 3 } });
    await waitFor(
      async () => ((await reporterPods()).filter(isReady).length === 3 ? true : undefined),
      3000,
      '3 ready pods',
    );
    const rsPath = `/apis/apps/v1/namespaces/${NS}/replicasets/ibm-license-service-reporter-instance-grpft4jmlc`;
    await mergePatch(s, rsPath, { spec: { replicas: 5 } });
    await waitFor(
      async () => ((await call(s, rsPath)).body.spec.replicas === 3 ? true : undefined),
      2000,
      'the Deployment to restore 3 replicas',
    );
    await mergePatch(s, DEPLOYMENT, { spec: { replicas: 1 } });
    await waitFor(
      async () =>
        (await reporterPods()).filter((p) => !p.metadata.deletionTimestamp).length === 1
          ? true
          : undefined,
      3000,
      'back to 1 pod',
    );
  });

  it('never become Ready when a never-ready rule matches', async () => {
    await s.control.setNeverReady(NS, 'licensing_cr=instance');
    const [old] = await reporterPods();
    await call(s, `${PODS}/${String(old.metadata.name)}`, { method: 'DELETE' });
    const fresh = await waitFor(
      async () =>
        (await reporterPods()).find(
          (p) => p.metadata.uid !== old.metadata.uid && p.status.phase === 'Running',
        ),
      3000,
      'a running replacement',
    );
    await new Promise((r) => setTimeout(r, READY_MS * 2));
    const again = (await call(s, `${PODS}/${String(fresh.metadata.name)}`)).body;
    expect(again.status.phase).toBe('Running');
    expect(isReady(again)).toBe(false);
    expect(again.status.conditions.find((c: Loose) => c.type === 'Ready').reason).toBe(
      'ContainersNotReady',
    );
    expect((await s.control.state()).neverReady).toHaveLength(1);
  });

  it('created directly are started too, and not replaced when deleted (no owner)', async () => {
    const created = await call(s, PODS, {
      method: 'POST',
      body: {
        metadata: { name: 'lonely', labels: { a: 'b' } },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      },
    });
    expect(created.body.status.phase).toBe('Pending');
    await waitFor(
      async () => (isReady((await call(s, `${PODS}/lonely`)).body) ? true : undefined),
      2000,
      'the pod to be Ready',
    );
    await call(s, `${PODS}/lonely`, { method: 'DELETE', body: { gracePeriodSeconds: 0 } });
    await new Promise((r) => setTimeout(r, 100));
    expect((await call(s, `${PODS}?labelSelector=a%3Db`)).body.items).toEqual([]);
  });
});

describe('Deployment rollout restart', () => {
  it('Recreate: a template annotation patch makes a new ReplicaSet; old pods go first, new ones become Ready', async () => {
    const [old] = await reporterPods();
    const before = (await call(s, DEPLOYMENT)).body;
    const rv = (await call(s, PODS)).body.metadata.resourceVersion as string;
    const w = await openWatch(
      s,
      `${PODS}?watch=true&resourceVersion=${rv}&labelSelector=${encodeURIComponent(REPORTER_POD_SELECTOR)}`,
    );
    // The console adds the annotations map first when it is missing.
    const patched = await jsonPatch(s, DEPLOYMENT, restartPatch(new Date().toISOString()));
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.generation).toBe(Number(before.metadata.generation) + 1);

    const fresh = await w.next((e) => e.type === 'ADDED');
    const oldGone = w.events.findIndex(
      (e) => e.type === 'DELETED' && e.object.metadata.uid === old.metadata.uid,
    );
    const freshAt = w.events.indexOf(fresh);
    expect(oldGone).toBeGreaterThanOrEqual(0);
    expect(oldGone).toBeLessThan(freshAt);
    expect(fresh.object.metadata.annotations['openshift.openshift.io/restartedAt']).toBeDefined();
    const hash = fresh.object.metadata.labels['pod-template-hash'] as string;
    expect(hash).not.toBe('grpft4jmlc');
    await w.next(
      (e) =>
        e.type === 'MODIFIED' &&
        e.object.metadata.uid === fresh.object.metadata.uid &&
        isReady(e.object),
    );
    w.close();

    const rss = (
      await call(
        s,
        `/apis/apps/v1/namespaces/${NS}/replicasets?labelSelector=licensing_cr%3Dinstance,app%3Dibm-license-service-reporter-instance`,
      )
    ).body.items;
    const byName = new Map<string, Loose>((rss as Loose[]).map((r) => [r.metadata.name, r]));
    const newRs = byName.get(`ibm-license-service-reporter-instance-${hash}`);
    expect(newRs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(newRs.metadata.ownerReferences[0]).toMatchObject({
      kind: 'Deployment',
      uid: before.metadata.uid,
      controller: true,
    });
    expect(newRs.spec.selector.matchLabels['pod-template-hash']).toBe(hash);
    expect(byName.get('ibm-license-service-reporter-instance-grpft4jmlc').spec.replicas).toBe(0);

    const dep = await waitFor(
      async () => {
        const d = (await call(s, DEPLOYMENT)).body;
        return d.status.readyReplicas === 1 && d.status.updatedReplicas === 1 ? d : undefined;
      },
      3000,
      'the Deployment to report the new pod',
    );
    expect(dep.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep.status.observedGeneration).toBe(dep.metadata.generation);
    expect(dep.status.conditions.find((c: Loose) => c.type === 'Progressing').reason).toBe(
      'NewReplicaSetAvailable',
    );
    expect(dep.status.conditions.find((c: Loose) => c.type === 'Available').status).toBe('True');
  });

  it('RollingUpdate: the new pod is Ready before the old one goes', async () => {
    const sel = encodeURIComponent('app=ibm-licensing-service-instance');
    const [old] = (await call(s, `${PODS}?labelSelector=${sel}`)).body.items;
    const rv = (await call(s, PODS)).body.metadata.resourceVersion as string;
    const w = await openWatch(s, `${PODS}?watch=true&resourceVersion=${rv}&labelSelector=${sel}`);
    await mergePatch(s, LS_DEPLOYMENT, {
      spec: {
        template: {
          metadata: {
            annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() },
          },
        },
      },
    });
    const fresh = await w.next((e) => e.type === 'ADDED');
    const ready = await w.next(
      (e) => e.object.metadata.uid === fresh.object.metadata.uid && isReady(e.object),
    );
    const terminating = await w.next(
      (e) =>
        e.object.metadata.uid === old.metadata.uid &&
        e.object.metadata.deletionTimestamp !== undefined,
    );
    expect(w.events.indexOf(terminating)).toBeGreaterThan(w.events.indexOf(ready));
    await w.next((e) => e.type === 'DELETED' && e.object.metadata.uid === old.metadata.uid);
    w.close();
  });

  it('does nothing while the Deployment is paused', async () => {
    await mergePatch(s, DEPLOYMENT, { spec: { paused: true } });
    const [old] = await reporterPods();
    await jsonPatch(s, DEPLOYMENT, restartPatch('2030-01-01T00:00:00Z'));
    await new Promise((r) => setTimeout(r, 200));
    expect((await reporterPods()).map((p) => p.metadata.uid)).toEqual([old.metadata.uid]);
  });

  it('deleting a Deployment garbage-collects its ReplicaSets and pods', async () => {
    await call(s, DEPLOYMENT, { method: 'DELETE' });
    await waitFor(
      async () => ((await reporterPods()).length === 0 ? true : undefined),
      2000,
      'pods to be gone',
    );
    const rss = (
      await call(
        s,
        `/apis/apps/v1/namespaces/${NS}/replicasets?labelSelector=app%3Dibm-license-service-reporter-instance`,
      )
    ).body.items;
    expect(rss).toEqual([]);
  });
});
