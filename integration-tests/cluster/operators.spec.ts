/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- API answers are asserted loosely with expect() */
import type { EmulatorServer } from './harness';
import { OPERATOR_DELAY_MS } from './operators';
import {
  call,
  jsonPatch,
  NS,
  PODS,
  SECRETS,
  TOKEN_SECRET,
  useServer,
  waitFor,
  type Loose,
} from './test-utils';

let s: EmulatorServer;

useServer(
  (server) => {
    s = server;
  },
  { podReadyDelayMs: 100, podTerminationDelayMs: 20 },
);

const FIXTURE_TOKEN = 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj';
const TOKEN_PATH = `${SECRETS}/${TOKEN_SECRET}`;
const CR_PATH = `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters/instance`;
const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, OPERATOR_DELAY_MS * 3));

describe('the Reporter operator', () => {
  it('recreates a deleted token Secret with a new random 24-character token, its labels and owner', async () => {
    const before = (await call(s, TOKEN_PATH)).body;
    const cr = (await call(s, CR_PATH)).body;
    expect((await call(s, TOKEN_PATH, { method: 'DELETE' })).status).toBe(200);
    const fresh = await waitFor(
      async () => {
        const r = await call(s, TOKEN_PATH);
        return r.status === 200 ? r.body : undefined;
      },
      2000,
      'the Secret to be recreated',
    );
    expect(fresh.metadata.uid).not.toBe(before.metadata.uid);
    expect(decode(String(fresh.data.token))).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(fresh.data.token).not.toBe(FIXTURE_TOKEN);
    expect(fresh.metadata.labels).toEqual(before.metadata.labels);
    expect(fresh.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'operator.ibm.com/v1alpha1',
        blockOwnerDeletion: true,
        controller: true,
        kind: 'IBMLicenseServiceReporter',
        name: 'instance',
        uid: cr.metadata.uid,
      },
    ]);
  });

  it('overwrites the token when the instance label is removed, and when the token key is removed', async () => {
    await jsonPatch(s, TOKEN_PATH, [
      { op: 'remove', path: '/metadata/labels/app.kubernetes.io~1instance' },
    ]);
    const relabelled = await waitFor(
      async () => {
        const b = (await call(s, TOKEN_PATH)).body;
        return b.metadata.labels['app.kubernetes.io/instance'] === 'ibm-license-service-reporter'
          ? b
          : undefined;
      },
      2000,
      'the label to be restored',
    );
    expect(relabelled.data.token).not.toBe(FIXTURE_TOKEN);
    const second = relabelled.data.token as string;
    await jsonPatch(s, TOKEN_PATH, [{ op: 'remove', path: '/data/token' }]);
    const refilled = await waitFor(
      async () => {
        const b = (await call(s, TOKEN_PATH)).body;
        return typeof b.data?.token === 'string' ? b : undefined;
      },
      2000,
      'the token key to be restored',
    );
    expect(refilled.data.token).not.toBe(second);
  });

  it('keeps an edited token value when the key and labels are kept', async () => {
    const value = Buffer.from('EditedTokenValue1234567890abcdef').toString('base64');
    await jsonPatch(s, TOKEN_PATH, [{ op: 'replace', path: '/data/token', value }]);
    await settle();
    expect((await call(s, TOKEN_PATH)).body.data.token).toBe(value);
  });

  it('watches the Secret named by spec.apiSecretToken, not a License Service copy', async () => {
    await s.control.reset('other-namespace', { podReadyDelayMs: 100 });
    await call(s, '/api/v1/namespaces/ibm-licensing/secrets/my-lsr-token', { method: 'DELETE' });
    await call(s, `/api/v1/namespaces/ibm-licensing/secrets/${TOKEN_SECRET}`, { method: 'DELETE' });
    await settle();
    const custom = await call(s, '/api/v1/namespaces/ibm-licensing/secrets/my-lsr-token');
    expect(custom.status).toBe(200);
    expect(custom.body.metadata.labels['app.kubernetes.io/name']).toBe(
      'ibm-license-service-reporter-ibm-lsr-instance',
    );
    expect((await call(s, `/api/v1/namespaces/ibm-licensing/secrets/${TOKEN_SECRET}`)).status).toBe(
      404,
    );
  });

  it('can be switched off per reset', async () => {
    await s.control.reset('default', { reporterOperator: false });
    expect((await s.control.state()).reporterOperator).toBe(false);
    await call(s, TOKEN_PATH, { method: 'DELETE' });
    await settle();
    expect((await call(s, TOKEN_PATH)).status).toBe(404);
    await s.control.reset('default');
    expect((await s.control.state()).reporterOperator).toBe(true);
  });

  it('copies the operand pod status into status.LicenseServiceReporterPods', async () => {
    const pods = (
      await call(
        s,
        `${PODS}?labelSelector=licensing_cr%3Dinstance,app%3Dibm-license-service-reporter-instance`,
      )
    ).body.items as Loose[];
    const old = pods[0];
    await call(s, `${PODS}/${String(old.metadata.name)}?gracePeriodSeconds=0`, {
      method: 'DELETE',
    });
    const cr = await waitFor(
      async () => {
        const b = (await call(s, CR_PATH)).body;
        const st = b.status.LicenseServiceReporterPods as Loose[];
        const ready =
          st.length === 1 &&
          st[0].conditions.some((c: Loose) => c.type === 'Ready' && c.status === 'True');
        return ready && st[0].startTime !== old.status.startTime ? b : undefined;
      },
      3000,
      'the CR status to show the new Ready pod',
    );
    expect(
      cr.status.LicenseServiceReporterPods[0].conditions.every(
        (c: Loose) => c.lastProbeTime === '1970-01-01T00:00:00Z',
      ),
    ).toBe(true);
  });
});
