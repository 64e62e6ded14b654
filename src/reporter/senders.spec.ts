import type { LicensingKind, RouteKind } from './types';
import {
  findSenders,
  isReporterServiceHost,
  licensingPodSelector,
  routeHosts,
  urlHost,
} from './senders';

const licensing = (name: string, spec: LicensingKind['spec']): LicensingKind => ({
  apiVersion: 'operator.ibm.com/v1alpha1',
  kind: 'IBMLicensing',
  metadata: { name },
  spec,
});

const route: RouteKind = {
  metadata: { name: 'ibm-license-service-reporter', namespace: 'lsr' },
  spec: { host: 'lsr-api.apps.example.com' },
  status: { ingress: [{ host: 'lsr-api.apps.example.com' }, { host: 'Alt.Example.com' }] },
};

describe('senders: URL matching', () => {
  it.each([
    ['https://ibm-license-service-reporter:8080', 'ibm-license-service-reporter'],
    ['ibm-license-service-reporter.ns.svc:8080/x', 'ibm-license-service-reporter.ns.svc'],
    ['HTTPS://Host.Example.COM./path', 'host.example.com'],
    ['', undefined],
    ['http://', undefined],
  ])('urlHost(%j) = %j', (url, host) => {
    expect(urlHost(url)).toBe(host);
  });

  it.each([
    ['ibm-license-service-reporter', 'ns', 'ns', true],
    ['ibm-license-service-reporter', 'ns', 'other', false],
    ['ibm-license-service-reporter.ns', 'ns', 'other', true],
    ['ibm-license-service-reporter.ns.svc', 'ns', undefined, true],
    ['ibm-license-service-reporter.ns.svc.cluster.local', 'ns', 'other', true],
    ['ibm-license-service-reporter.nsx.svc', 'ns', 'other', false],
    ['ibm-lsr-console.ns.svc', 'ns', 'ns', false],
  ])('isReporterServiceHost(%s, %s, from %s) = %s', (host, ns, from, expected) => {
    expect(isReporterServiceHost(host, ns, from)).toBe(expected);
  });
});

describe('findSenders', () => {
  it('matches the Route host (spec or admitted), the Service DNS name, and ignores others', () => {
    const { senders, unresolved } = findSenders({ namespace: 'lsr' }, route, [
      licensing('by-route', {
        instanceNamespace: 'a',
        sender: { reporterURL: 'https://LSR-API.apps.example.com:443/' },
      }),
      licensing('by-ingress', {
        instanceNamespace: 'b',
        sender: { reporterURL: 'alt.example.com' },
      }),
      licensing('by-service', {
        instanceNamespace: 'c',
        sender: {
          reporterURL: 'https://ibm-license-service-reporter.lsr.svc:8080',
          reporterSecretToken: ' custom-copy ',
        },
      }),
      licensing('elsewhere', {
        instanceNamespace: 'd',
        sender: { reporterURL: 'https://other.example.com' },
      }),
      licensing('no-ns', { sender: { reporterURL: 'https://lsr-api.apps.example.com' } }),
    ]);
    expect(senders).toEqual([
      {
        crName: 'by-ingress',
        namespace: 'b',
        secretName: 'ibm-license-service-reporter-token',
        podSelector: { app: 'ibm-licensing-service-by-ingress', licensing_cr: 'by-ingress' },
        deploymentName: 'ibm-licensing-service-by-ingress',
        match: 'route-host',
      },
      expect.objectContaining({ crName: 'by-route', namespace: 'a', match: 'route-host' }),
      expect.objectContaining({
        crName: 'by-service',
        namespace: 'c',
        secretName: 'custom-copy',
        match: 'service',
      }),
    ]);
    expect(unresolved).toEqual([{ crName: 'no-ns', reason: 'no-instance-namespace' }]);
  });

  it('without a Route only the Service name matches', () => {
    const { senders } = findSenders({ namespace: 'lsr' }, undefined, [
      licensing('by-route', {
        instanceNamespace: 'a',
        sender: { reporterURL: 'https://lsr-api.apps.example.com' },
      }),
      licensing('same-ns', {
        instanceNamespace: 'lsr',
        sender: { reporterURL: 'https://ibm-license-service-reporter:8080' },
      }),
    ]);
    expect(senders.map((s) => s.crName)).toEqual(['same-ns']);
  });

  it('derives hosts and pod selectors', () => {
    expect(routeHosts(route)).toEqual(['lsr-api.apps.example.com', 'alt.example.com']);
    expect(routeHosts(undefined)).toEqual([]);
    expect(licensingPodSelector('instance')).toEqual({
      app: 'ibm-licensing-service-instance',
      licensing_cr: 'instance',
    });
  });
});

describe('findSenders: order', () => {
  it('sorts by code unit, whatever the browser locale collates', () => {
    const names = ['ls-b', 'ls10', 'ls2', 'lsa', 'ls-a'];
    const collate = jest
      .spyOn(String.prototype, 'localeCompare')
      // a locale that orders in reverse
      .mockImplementation(function (this: string, other: string) {
        return this < other ? 1 : this > other ? -1 : 0;
      });
    const { senders } = findSenders(
      { namespace: 'lsr' },
      undefined,
      names.map((n) =>
        licensing(n, {
          instanceNamespace: 'ns',
          sender: { reporterURL: 'https://ibm-license-service-reporter.lsr.svc:8080' },
        }),
      ),
    );
    collate.mockRestore();
    expect(senders.map((x) => x.crName)).toEqual(['ls-a', 'ls-b', 'ls10', 'ls2', 'lsa']);
  });
});
