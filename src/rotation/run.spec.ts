import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import { decodeToken, encodeToken } from '../token/base64';
import type { SecretKind } from '../reporter/types';
import { buildPlan, type RotationPlan, type SecretRef } from './plan';
import { RequestTimeoutError, runRotation, type RunState, type StepFailure } from './run';
import { SCRUBBED } from './scrub';
import { inputFrom, loadFixtures, type FixtureFile } from './testing/fixtures';
import { ApiError, MemoryCluster, type Fault } from './testing/memory-port';

const OLD = 'Ox50X8n7RpfqCpNReNRDY5cc';
const NEW = 'Zq8mW3kPv7Lr2Tn9Xb4Hc6Jd1Fg5Ys0A';
const REPORTER = 'ibm-ls-reporter/ibm-license-service-reporter-token';
const COPY = 'ibm-licensing/ibm-license-service-reporter-token';
const FILES: FixtureFile[] = ['reporter-instance.yaml', 'license-service-other-ns.yaml'];

/** A cluster from fixtures and a plan built from what it holds now (as the section does). */
const setup = (files: FixtureFile[] = FILES) => {
  const objects = loadFixtures(...files);
  const cluster = new MemoryCluster(objects);
  const planNow = (): RotationPlan => {
    const current = objects.map((o) => {
      if (o.kind === 'Secret') return cluster.secrets.get(cluster.key(o)) ?? o;
      return o;
    });
    const pods = cluster.pods;
    return buildPlan(
      inputFrom(
        [...current.filter((o) => o.kind !== 'Pod'), ...pods],
        'ibm-ls-reporter',
        'instance',
      ),
    );
  };
  return { cluster, plan: planNow(), planNow };
};

const run = (
  cluster: MemoryCluster,
  plan: RotationPlan,
  newToken = NEW,
  previousToken = OLD,
  resume?: RunState,
) => runRotation({ plan, newToken, previousToken, port: cluster.port() }, resume);

const tokenIn = (cluster: MemoryCluster, key: string) => {
  const [ns = '', name = ''] = key.split('/');
  return decodeToken(cluster.secret(ns, name).data?.token ?? '');
};

const writes = (cluster: MemoryCluster) =>
  cluster.calls.filter((c) => c.op === 'patchSecret' || c.op === 'deletePod');

const failureOf = (state: RunState): StepFailure | undefined =>
  state.steps.find((s) => s.status === 'failed')?.failure;

describe('runRotation: success', () => {
  it('patches both copies, restarts both sets of pods, in order, with the exact patch', async () => {
    const { cluster, plan } = setup();
    const before = JSON.parse(
      JSON.stringify(cluster.secret('ibm-ls-reporter', 'ibm-license-service-reporter-token')),
    ) as SecretKind;
    const oldPodUids = cluster.pods.map((p) => p.metadata?.uid);
    const updates: RunState[] = [];
    const state = await runRotation({
      plan,
      newToken: NEW,
      previousToken: OLD,
      port: cluster.port(),
      onUpdate: (s) => updates.push(s),
    });

    expect(state.outcome).toEqual({ kind: 'succeeded' });
    expect(state.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(state.savedIn).toEqual([
      { namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' },
      { namespace: 'ibm-licensing', name: 'ibm-license-service-reporter-token' },
    ]);
    expect(tokenIn(cluster, REPORTER)).toBe(NEW);
    expect(tokenIn(cluster, COPY)).toBe(NEW);
    expect(cluster.calls.map((c) => `${c.op} ${c.target}`)).toEqual([
      `getSecret ${REPORTER}`,
      `patchSecret ${REPORTER}`,
      `getSecret ${COPY}`,
      `patchSecret ${COPY}`,
      'listPods ibm-ls-reporter',
      'deletePod ibm-ls-reporter/ibm-license-service-reporter-instance-grpft4jmlc-k7kxs',
      'waitForReplacement ibm-ls-reporter',
      'listPods ibm-licensing',
      'deletePod ibm-licensing/ibm-licensing-service-instance-ksszdbvxqm-7pwwr',
      'waitForReplacement ibm-licensing',
    ]);
    const rotatedAt = cluster.calls[1]?.ops?.[3]?.value as string;
    expect(cluster.calls[1]?.ops).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '4822210' },
      { op: 'replace', path: '/data/token', value: encodeToken(NEW) },
      { op: 'add', path: '/metadata/annotations', value: {} },
      {
        op: 'add',
        path: '/metadata/annotations/lsr-token-plugin.ibm.com~1rotated-at',
        value: rotatedAt,
      },
    ]);
    expect(new Date(rotatedAt).toISOString()).toBe(rotatedAt);
    // labels, owner references and other fields are untouched
    const after = cluster.secret('ibm-ls-reporter', 'ibm-license-service-reporter-token');
    expect(after.metadata?.labels).toEqual(before.metadata?.labels);
    expect(after.metadata?.ownerReferences).toEqual(before.metadata?.ownerReferences);
    expect(after.metadata?.uid).toBe(before.metadata?.uid);
    expect(after.type).toBe(before.type);
    expect(after.metadata?.annotations).toEqual({
      'lsr-token-plugin.ibm.com/rotated-at': rotatedAt,
    });
    // every pod is a replacement
    expect(cluster.pods.every((p) => !oldPodUids.includes(p.metadata?.uid))).toBe(true);
    expect(state.steps[2]?.newPodNames).toHaveLength(1);
    // progress was reported with running steps and durations
    expect(updates.some((u) => u.steps[2]?.status === 'running')).toBe(true);
    expect(state.steps.every((s) => (s.endedAt ?? 0) >= (s.startedAt ?? Infinity))).toBe(true);
  });

  it('keeps other annotations and keys of a Secret', async () => {
    const { cluster } = setup();
    cluster.touch('ibm-ls-reporter', 'ibm-license-service-reporter-token', (s) => {
      s.metadata = { ...s.metadata, annotations: { keep: 'me' } };
      s.data = { ...s.data, other: 'eA==' };
    });
    const plan = buildPlan(
      inputFrom(
        [...loadFixtures(...FILES).filter((o) => o.kind !== 'Secret'), ...cluster.secrets.values()],
        'ibm-ls-reporter',
        'instance',
      ),
    );
    const state = await run(cluster, plan);
    expect(state.outcome.kind).toBe('succeeded');
    const s = cluster.secret('ibm-ls-reporter', 'ibm-license-service-reporter-token');
    expect(s.metadata?.annotations?.keep).toBe('me');
    expect(s.data?.other).toBe('eA==');
    expect(cluster.calls[1]?.ops?.map((o) => o.path)).toEqual([
      '/metadata/resourceVersion',
      '/data/token',
      '/metadata/annotations/lsr-token-plugin.ibm.com~1rotated-at',
    ]);
  });

  it('with no License Service: only the Reporter', async () => {
    const { cluster, plan } = setup(['reporter-instance.yaml']);
    const state = await run(cluster, plan);
    expect(state.outcome.kind).toBe('succeeded');
    expect(writes(cluster).map((c) => c.op)).toEqual(['patchSecret', 'deletePod']);
  });
});

describe('runRotation: the runner refuses an invalid token and sends nothing', () => {
  it.each([
    ['empty', ''],
    ['with a space', 'abcdefgh ijklmnopqrs'],
    ['with &', 'abcdefghijklmnopq&rs'],
    ['same as current', OLD],
  ])('%s', async (_name, token) => {
    const { cluster, plan } = setup();
    const state = await run(cluster, plan, token);
    expect(state.outcome.kind).toBe('refused');
    expect(cluster.calls).toEqual([]);
  });
});

describe('runRotation: the first write fails, nothing changed', () => {
  const firstFails = async (fault: Omit<Fault, 'op'> & { op?: Fault['op'] }) => {
    const { cluster, plan } = setup();
    cluster.faults.push({ op: 'patchSecret', target: REPORTER, ...fault });
    const state = await run(cluster, plan);
    return { cluster, plan, state };
  };

  it('403: names the missing permission; nothing written', async () => {
    const { cluster, state } = await firstFails({
      error: () => new ApiError(403, 'secrets "ibm-license-service-reporter-token" is forbidden'),
    });
    expect(state.outcome).toEqual({
      kind: 'failed',
      stepId: 'patch-secret:ibm-ls-reporter/ibm-license-service-reporter-token',
      tokenSaved: 'no',
      canRetry: true,
      reviewAgain: false,
    });
    expect(failureOf(state)).toMatchObject({
      kind: 'forbidden',
      status: 403,
      permission: {
        verb: 'patch',
        resource: 'secrets',
        namespace: 'ibm-ls-reporter',
        name: 'ibm-license-service-reporter-token',
      },
    });
    expect(tokenIn(cluster, REPORTER)).toBe(OLD);
    expect(cluster.calls.filter((c) => c.op === 'deletePod')).toEqual([]);
    expect(state.steps.slice(1).map((s) => s.status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('Secret changed since the review: conflict, review again, nothing written', async () => {
    const { cluster, plan } = setup();
    cluster.touch('ibm-ls-reporter', 'ibm-license-service-reporter-token');
    const state = await run(cluster, plan);
    expect(state.outcome).toMatchObject({
      kind: 'failed',
      tokenSaved: 'no',
      reviewAgain: true,
      canRetry: false,
    });
    expect(failureOf(state)?.kind).toBe('conflict');
    expect(writes(cluster)).toEqual([]);
  });

  it('Secret changed between the read and the write: the test op fails (422), reported as conflict', async () => {
    const { cluster, plan } = setup();
    const port = cluster.port();
    const racing = {
      ...port,
      patchSecret: (...args: Parameters<typeof port.patchSecret>) => {
        cluster.touch('ibm-ls-reporter', 'ibm-license-service-reporter-token');
        return port.patchSecret(...args);
      },
    };
    const state = await runRotation({ plan, newToken: NEW, previousToken: OLD, port: racing });
    expect(failureOf(state)).toMatchObject({ kind: 'conflict', status: 422 });
    expect(state.outcome).toMatchObject({ tokenSaved: 'no', reviewAgain: true });
    expect(tokenIn(cluster, REPORTER)).toBe(OLD);
  });

  it('5xx not applied: read back, nothing changed, Retry offered', async () => {
    const { cluster, state } = await firstFails({ error: () => new ApiError(503, 'unavailable') });
    expect(state.outcome).toMatchObject({ tokenSaved: 'no', canRetry: true });
    expect(failureOf(state)).toMatchObject({ kind: 'server', status: 503 });
    expect(cluster.calls.map((c) => c.op)).toEqual(['getSecret', 'patchSecret', 'getSecret']);
    expect(tokenIn(cluster, REPORTER)).toBe(OLD);
  });

  it('timeout but applied: the read-back shows the new token, the run goes on', async () => {
    const { cluster, state } = await firstFails({
      error: () => new RequestTimeoutError('PATCH'),
      afterApply: true,
    });
    expect(state.outcome.kind).toBe('succeeded');
    expect(tokenIn(cluster, COPY)).toBe(NEW);
  });

  it('timeout and the read-back fails: it is unknown whether the token was saved', async () => {
    const { cluster, plan } = setup();
    cluster.faults.push(
      {
        op: 'patchSecret',
        target: REPORTER,
        error: () => new RequestTimeoutError('PATCH'),
        afterApply: true,
      },
      { op: 'getSecret', target: REPORTER, error: () => new TypeError('Failed to fetch') },
    );
    // the read before the write succeeds (it bypasses the faults); the read-back fails
    const port = cluster.port();
    let reads = 0;
    const state = await runRotation({
      plan,
      newToken: NEW,
      previousToken: OLD,
      port: {
        ...port,
        getSecret: (ref) => {
          reads += 1;
          return reads === 1
            ? Promise.resolve(cluster.secret(ref.namespace, ref.name))
            : port.getSecret(ref);
        },
      },
    });
    expect(state.outcome).toMatchObject({ kind: 'failed', tokenSaved: 'unknown', canRetry: true });
    expect(failureOf(state)).toMatchObject({ kind: 'timeout', uncertain: true });
    // Retry reads first, finds the new token, and completes without a second write
    const retried = await run(cluster, plan, NEW, OLD, state);
    expect(retried.outcome.kind).toBe('succeeded');
    expect(
      cluster.calls.filter((c) => c.op === 'patchSecret' && c.target === REPORTER),
    ).toHaveLength(1);
  });

  describe.each([
    ['timeout', () => new RequestTimeoutError('PATCH')],
    ['network', () => new TypeError('Failed to fetch')],
    ['unknown', () => new Error('connection reset')],
  ] as const)(
    'no answer to the patch (%s), the read-back shows the previous token',
    (kind, error) => {
      /** A port whose first Secret patch gets no answer; the request is held, not applied (yet). */
      const holding = (cluster: MemoryCluster) => {
        const port = cluster.port();
        const held: { ref: SecretRef; ops: Patch[] }[] = [];
        return {
          held,
          port: {
            ...port,
            patchSecret: (ref: SecretRef, ops: Patch[]) => {
              if (held.length > 0) return port.patchSecret(ref, ops);
              cluster.calls.push({ op: 'patchSecret' as const, target: cluster.key(ref), ops });
              held.push({ ref, ops });
              return Promise.reject(error());
            },
          },
          /** The held request reaches the API server late. */
          land: async () => {
            const first = held[0];
            if (!first) throw new Error('nothing held');
            await port.patchSecret(first.ref, first.ops);
          },
        };
      };

      it('is uncertain, never "nothing changed"', async () => {
        const { cluster, plan } = setup();
        const { port } = holding(cluster);
        const state = await runRotation({ plan, newToken: NEW, previousToken: OLD, port });
        expect(state.outcome).toEqual({
          kind: 'failed',
          stepId: 'patch-secret:ibm-ls-reporter/ibm-license-service-reporter-token',
          tokenSaved: 'unknown',
          canRetry: true,
          reviewAgain: false,
        });
        expect(failureOf(state)).toMatchObject({ kind, uncertain: true, readBack: 'previous' });
        expect(tokenIn(cluster, REPORTER)).toBe(OLD);
      });

      it('the write lands afterwards: Retry finds the new token and goes on without writing twice', async () => {
        const { cluster, plan } = setup();
        const { port, land } = holding(cluster);
        const state = await runRotation({ plan, newToken: NEW, previousToken: OLD, port });
        await land();
        expect(tokenIn(cluster, REPORTER)).toBe(NEW);
        const before = cluster.calls.length;
        const retried = await runRotation(
          { plan, newToken: NEW, previousToken: OLD, port: cluster.port() },
          state,
        );
        expect(retried.outcome.kind).toBe('succeeded');
        const again = cluster.calls.slice(before);
        expect(again.filter((c) => c.op === 'patchSecret' && c.target === REPORTER)).toEqual([]);
        expect(again.some((c) => c.op === 'deletePod')).toBe(true);
        expect(tokenIn(cluster, COPY)).toBe(NEW);
      });

      it('the write never lands: Retry sends the same patch on the same resourceVersion', async () => {
        const { cluster, plan } = setup();
        const { port, held } = holding(cluster);
        const state = await runRotation({ plan, newToken: NEW, previousToken: OLD, port });
        const before = cluster.calls.length;
        const retried = await runRotation(
          { plan, newToken: NEW, previousToken: OLD, port: cluster.port() },
          state,
        );
        expect(retried.outcome.kind).toBe('succeeded');
        const resent = cluster.calls
          .slice(before)
          .filter((c) => c.op === 'patchSecret' && c.target === REPORTER);
        expect(resent).toHaveLength(1);
        const sameExceptTime = (ops: Patch[] | undefined) =>
          ops?.filter((o) => !o.path.endsWith('rotated-at'));
        expect(sameExceptTime(resent[0]?.ops)).toEqual(sameExceptTime(held[0]?.ops));
        expect(resent[0]?.ops?.[0]).toEqual({
          op: 'test',
          path: '/metadata/resourceVersion',
          value: '4822210',
        });
        expect(tokenIn(cluster, REPORTER)).toBe(NEW);
      });
    },
  );

  it('removes both tokens (raw, base64, URL-encoded) from API messages', async () => {
    const { state } = await firstFails({
      error: () =>
        new ApiError(
          500,
          `boom ${encodeToken(NEW)} ${OLD} ${encodeURIComponent(NEW)} ${encodeToken(OLD).replace(/=+$/, '')}`,
        ),
    });
    const message = failureOf(state)?.message ?? '';
    expect(message).not.toContain(NEW);
    expect(message).not.toContain(OLD);
    expect(message).not.toContain(encodeToken(NEW));
    expect(message).toContain(SCRUBBED);
  });
});

describe('runRotation: a later step fails, the new token is saved; Retry resumes there', () => {
  const cases: [string, Fault, string, StepFailure['kind']][] = [
    [
      'patching the License Service copy (403)',
      { op: 'patchSecret', target: COPY, error: () => new ApiError(403, 'forbidden') },
      'patch-secret:ibm-licensing/ibm-license-service-reporter-token',
      'forbidden',
    ],
    [
      'listing the Reporter pods (500)',
      { op: 'listPods', target: 'ibm-ls-reporter', error: () => new ApiError(500, 'etcd') },
      'restart-pods:ibm-ls-reporter/ibm-license-service-reporter-instance',
      'server',
    ],
    [
      'deleting the Reporter pod (403)',
      { op: 'deletePod', target: 'ibm-ls-reporter', error: () => new ApiError(403, 'forbidden') },
      'restart-pods:ibm-ls-reporter/ibm-license-service-reporter-instance',
      'forbidden',
    ],
    [
      'deleting the License Service pod (network)',
      { op: 'deletePod', target: 'ibm-licensing', error: () => new TypeError('Failed to fetch') },
      'restart-pods:ibm-licensing/ibm-licensing-service-instance',
      'network',
    ],
  ];

  it.each(cases)('%s', async (_name, fault, stepId, kind) => {
    const { cluster, plan } = setup();
    cluster.faults.push(fault);
    const state = await run(cluster, plan);
    expect(state.outcome).toEqual({
      kind: 'failed',
      stepId,
      tokenSaved: 'yes',
      canRetry: true,
      reviewAgain: false,
    });
    expect(failureOf(state)?.kind).toBe(kind);
    expect(state.savedIn[0]).toEqual({
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-token',
    });
    expect(tokenIn(cluster, REPORTER)).toBe(NEW);
    const failedIndex = plan.steps.findIndex((s) => s.id === stepId);
    expect(state.steps.slice(0, failedIndex).every((s) => s.status === 'done')).toBe(true);
    expect(state.steps.slice(failedIndex + 1).every((s) => s.status === 'pending')).toBe(true);

    const callsBefore = cluster.calls.length;
    const retried = await run(cluster, plan, NEW, OLD, state);
    expect(retried.outcome.kind).toBe('succeeded');
    const retryCalls = cluster.calls.slice(callsBefore);
    // done steps are not repeated
    for (const done of plan.steps.slice(0, failedIndex)) {
      if (done.kind === 'patch-secret') {
        expect(
          retryCalls.some((c) => c.target === `${done.secret.namespace}/${done.secret.name}`),
        ).toBe(false);
      }
    }
    expect(tokenIn(cluster, COPY)).toBe(NEW);
  });

  it('replacements not ready in time: says how many were ready; Retry waits again without deleting twice', async () => {
    const { cluster, plan } = setup();
    cluster.neverReady.add('ibm-ls-reporter');
    const state = await run(cluster, plan);
    expect(failureOf(state)).toMatchObject({ kind: 'not-ready', ready: 0, expected: 1 });
    expect(state.outcome).toMatchObject({ tokenSaved: 'yes', canRetry: true });
    // the pods become ready later
    for (const p of cluster.pods) {
      p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    }
    const deletesBefore = cluster.calls.filter((c) => c.op === 'deletePod').length;
    const retried = await run(cluster, plan, NEW, OLD, state);
    expect(retried.outcome.kind).toBe('succeeded');
    const reporterDeletes = cluster.calls
      .slice()
      .filter((c) => c.op === 'deletePod' && c.target.startsWith('ibm-ls-reporter/'));
    expect(reporterDeletes).toHaveLength(1);
    expect(cluster.calls.filter((c) => c.op === 'deletePod').length).toBe(deletesBefore + 1);
  });

  it('a copy changed by someone else to another value is not overwritten', async () => {
    const { cluster, plan } = setup();
    cluster.touch('ibm-licensing', 'ibm-license-service-reporter-token', (s) => {
      s.data = { token: encodeToken('SomethingElseEntirely123') };
    });
    const state = await run(cluster, plan);
    expect(failureOf(state)?.kind).toBe('changed-by-others');
    expect(state.outcome).toMatchObject({ tokenSaved: 'yes', canRetry: true });
    expect(tokenIn(cluster, COPY)).toBe('SomethingElseEntirely123');
  });

  it('a copy whose metadata changed but still holds the previous token is patched', async () => {
    const { cluster, plan } = setup();
    cluster.touch('ibm-licensing', 'ibm-license-service-reporter-token', (s) => {
      s.metadata = { ...s.metadata, labels: { team: 'a' } };
    });
    const state = await run(cluster, plan);
    expect(state.outcome.kind).toBe('succeeded');
    expect(
      cluster.secret('ibm-licensing', 'ibm-license-service-reporter-token').metadata?.labels,
    ).toEqual({
      team: 'a',
    });
  });
});

describe('revert', () => {
  it('runs the same kind of reviewed rotation back to the previous token', async () => {
    const { cluster, plan, planNow } = setup();
    expect((await run(cluster, plan)).outcome.kind).toBe('succeeded');
    const back = planNow();
    expect(back.steps.map((s) => s.id)).toEqual(plan.steps.map((s) => s.id));
    const reverted = await run(cluster, back, OLD, NEW);
    expect(reverted.outcome.kind).toBe('succeeded');
    expect(tokenIn(cluster, REPORTER)).toBe(OLD);
    expect(tokenIn(cluster, COPY)).toBe(OLD);
  });
});
