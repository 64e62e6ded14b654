import { discoverReporters, discoveryOf, pickInstance, tokenSecretNameOf } from './discover';
import { fixtureReporter } from './testing/fixtures';
import type { ReporterKind } from './types';

const cr = (namespace: string, name: string, apiSecretToken?: string): ReporterKind => ({
  apiVersion: 'operator.ibm.com/v1alpha1',
  kind: 'IBMLicenseServiceReporter',
  metadata: { name, namespace },
  spec: apiSecretToken === undefined ? {} : { apiSecretToken },
});

const httpError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });

describe('discoverReporters', () => {
  it('finds nothing in no CRs', () => {
    expect(discoverReporters([])).toEqual([]);
    expect(discoverReporters(undefined)).toEqual([]);
  });

  it('derives one instance from the fixture CR', () => {
    const [instance, ...rest] = discoverReporters([fixtureReporter()]);
    expect(rest).toEqual([]);
    expect(instance).toMatchObject({
      namespace: 'ibm-ls-reporter',
      crName: 'instance',
      secretName: 'ibm-license-service-reporter-token',
      podSelector: { app: 'ibm-license-service-reporter-instance', licensing_cr: 'instance' },
      deploymentName: 'ibm-license-service-reporter-instance',
    });
    expect(instance?.cr.metadata?.uid).toBe('f7d7720a-3205-48db-b25e-7f86c0905633');
  });

  it('uses spec.apiSecretToken when set (custom fixture)', () => {
    const [instance] = discoverReporters([fixtureReporter('reporter-custom.yaml')]);
    expect(instance).toMatchObject({
      namespace: 'ibm-licensing',
      crName: 'ibm-lsr-instance',
      secretName: 'my-lsr-token',
      podSelector: {
        app: 'ibm-license-service-reporter-ibm-lsr-instance',
        licensing_cr: 'ibm-lsr-instance',
      },
      deploymentName: 'ibm-license-service-reporter-ibm-lsr-instance',
    });
  });

  it('falls back to the default name for an empty apiSecretToken', () => {
    expect(tokenSecretNameOf(cr('a', 'b', '  '))).toBe('ibm-license-service-reporter-token');
  });

  it('sorts many instances by namespace then name, whatever the input order, without duplicates', () => {
    const input = [
      cr('zeta', 'a'),
      cr('alpha', 'zz'),
      cr('alpha', 'b'),
      cr('Beta', 'x'),
      cr('alpha', 'b'),
    ];
    const keys = (list: ReporterKind[]) =>
      discoverReporters(list).map((i) => `${i.namespace}/${i.crName}`);
    expect(keys(input)).toEqual(['Beta/x', 'alpha/b', 'alpha/zz', 'zeta/a']);
    expect(keys([...input].reverse())).toEqual(keys(input));
  });

  it('skips CRs without a name or namespace', () => {
    expect(
      discoverReporters([{ kind: 'IBMLicenseServiceReporter', metadata: { name: 'x' } }]),
    ).toEqual([]);
  });
});

describe('pickInstance', () => {
  const instances = discoverReporters([cr('a', 'one'), cr('b', 'two'), cr('b', 'three')]);
  it('picks the instance named in the URL', () => {
    expect(pickInstance(instances, 'b', 'two')?.crName).toBe('two');
  });
  it('picks the first of a namespace when only the namespace is given', () => {
    expect(pickInstance(instances, 'b', null)?.crName).toBe('three');
    expect(pickInstance(instances, 'b', 'gone')?.crName).toBe('three');
  });
  it('picks the first instance otherwise', () => {
    expect(pickInstance(instances, null, null)?.crName).toBe('one');
    expect(pickInstance(instances, 'nope', 'nope')?.crName).toBe('one');
    expect(pickInstance([], null, null)).toBeUndefined();
  });
});

describe('discoveryOf', () => {
  it('is loading until loaded', () => {
    expect(discoveryOf(undefined, false, undefined, undefined)).toEqual({ state: 'loading' });
  });
  it('reports ready with no instance', () => {
    expect(discoveryOf([], true, undefined, undefined)).toEqual({
      state: 'ready',
      namespace: undefined,
      instances: [],
    });
  });
  it('reports a forbidden cluster-wide list', () => {
    expect(discoveryOf(undefined, false, httpError(403), undefined)).toEqual({
      state: 'forbidden',
      namespace: undefined,
    });
  });
  it('reports a forbidden namespaced list with its namespace', () => {
    const e = { response: { status: 403 }, message: 'forbidden' };
    expect(discoveryOf(undefined, true, e, 'team-a')).toEqual({
      state: 'forbidden',
      namespace: 'team-a',
    });
  });
  it('reports a missing CRD as not installed', () => {
    expect(discoveryOf(undefined, false, new Error('Model does not exist'), undefined)).toEqual({
      state: 'not-installed',
    });
  });
  it('reports other errors with their message', () => {
    expect(discoveryOf(undefined, false, httpError(500), undefined)).toEqual({
      state: 'error',
      namespace: undefined,
      message: 'HTTP 500',
    });
  });
});
