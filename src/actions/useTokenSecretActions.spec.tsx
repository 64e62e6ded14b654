import { renderHook } from '@testing-library/react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import useTokenSecretActions from './useTokenSecretActions';
import {
  fixtureReporter,
  fixtureSecret,
  fixtureSecrets,
  loadObjects,
} from '../reporter/testing/fixtures';
import type { ReporterKind, SecretKind } from '../reporter/types';

const watch = jest.mocked(useK8sWatchResource);

/** The SDK watch, answering with the given CRs when asked for a named Reporter. */
const serveReporters = (crs: ReporterKind[], error?: unknown) => {
  watch.mockImplementation(((resource: WatchK8sResource | null) => {
    // As the SDK answers a disabled watch.
    if (!resource) return [undefined, true, undefined];
    if (error) return [undefined, false, error];
    const cr = crs.find(
      (c) => c.metadata?.name === resource.name && c.metadata?.namespace === resource.namespace,
    );
    return [cr ?? {}, true, cr ? undefined : { code: 404 }];
  }) as typeof useK8sWatchResource);
};

const actionsFor = (secret: SecretKind) =>
  renderHook(() => useTokenSecretActions(secret)).result.current;

describe('useTokenSecretActions', () => {
  beforeEach(() => {
    watch.mockClear();
  });

  it('gives the token Secret an action opening the page on its Reporter', () => {
    serveReporters([fixtureReporter()]);
    const [actions, loaded] = actionsFor(fixtureSecret('ibm-license-service-reporter-token'));
    expect(loaded).toBe(true);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      id: 'lsr-token-plugin-view-token',
      label: 'View License Service Reporter API token',
      cta: { href: '/license-service-reporter/api-token?ns=ibm-ls-reporter&name=instance' },
    });
    expect(watch).toHaveBeenCalledWith(
      expect.objectContaining({
        groupVersionKind: {
          group: 'operator.ibm.com',
          version: 'v1alpha1',
          kind: 'IBMLicenseServiceReporter',
        },
        name: 'instance',
        namespace: 'ibm-ls-reporter',
      }),
    );
  });

  it('follows a custom spec.apiSecretToken', () => {
    serveReporters([fixtureReporter('reporter-custom.yaml')]);
    const [actions] = actionsFor(fixtureSecret('my-lsr-token', 'reporter-custom.yaml'));
    expect(actions[0]?.cta).toEqual({
      href: '/license-service-reporter/api-token?ns=ibm-licensing&name=ibm-lsr-instance',
    });
  });

  it("gives the Reporter's other Secrets nothing", () => {
    serveReporters([fixtureReporter()]);
    const others = fixtureSecrets().filter(
      (s) => s.metadata?.name !== 'ibm-license-service-reporter-token',
    );
    expect(others.length).toBeGreaterThan(3);
    for (const secret of others) expect(actionsFor(secret)[0]).toEqual([]);
  });

  it('gives nothing, and reads nothing, for a Secret without a Reporter owner (decoy)', () => {
    serveReporters([fixtureReporter()]);
    const decoy = loadObjects('license-service-same-ns.yaml').find(
      (o) => o.kind === 'Secret' && o.metadata?.name === 'ibm-licensing-token',
    ) as SecretKind;
    const [actions, loaded] = actionsFor(decoy);
    expect(actions).toEqual([]);
    expect(loaded).toBe(true);
    expect(watch).toHaveBeenCalled();
    for (const [resource] of watch.mock.calls) expect(resource).toBeNull();
  });

  it('gives nothing when the owner cannot be read', () => {
    serveReporters([], { code: 403 });
    const [actions, loaded] = actionsFor(fixtureSecret('ibm-license-service-reporter-token'));
    expect(actions).toEqual([]);
    expect(loaded).toBe(true);
  });

  it('is not loaded while the owner is being read', () => {
    // While loading, the SDK hands back {} for a named object.
    watch.mockImplementation(((resource: WatchK8sResource | null) =>
      resource
        ? [{}, false, undefined]
        : [undefined, true, undefined]) as typeof useK8sWatchResource);
    const [actions, loaded] = actionsFor(fixtureSecret('ibm-license-service-reporter-token'));
    expect(actions).toEqual([]);
    expect(loaded).toBe(false);
  });
});
