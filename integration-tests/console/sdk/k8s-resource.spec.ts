import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './console-fetch';
import { HttpError } from './http-error';
import { k8sDelete, k8sGet, k8sList, k8sPatch } from './k8s-resource';
import { selectorToString } from './k8s-url';

const SecretModel: K8sModel = {
  apiVersion: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  abbr: 'S',
  label: 'Secret',
  labelPlural: 'Secrets',
  namespaced: true,
};
const ReporterModel: K8sModel = {
  apiGroup: 'operator.ibm.com',
  apiVersion: 'v1alpha1',
  kind: 'IBMLicenseServiceReporter',
  plural: 'ibmlicenseservicereporters',
  abbr: 'LSR',
  label: 'IBMLicenseServiceReporter',
  labelPlural: 'IBMLicenseServiceReporters',
  namespaced: true,
};

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];
let respond: () => Response;

/** A minimal fetch Response (jsdom has none). */
const fakeResponse = (status: number, body: string, headers: Record<string, string>): Response => {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body) as unknown),
  } as unknown as Response;
};

const json = (status: number, body: unknown) =>
  fakeResponse(status, JSON.stringify(body), { 'Content-Type': 'application/json' });

beforeEach(() => {
  calls = [];
  respond = () => json(200, { kind: 'Secret', metadata: { name: 'x' } });
  document.cookie = 'csrf-token=the-csrf-token';
  global.fetch = jest.fn((url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: typeof url === 'string' ? url : url instanceof URL ? url.href : url.url,
      init: init ?? {},
    });
    return Promise.resolve(respond());
  }) as typeof fetch;
});

const headersOf = (c: Call | undefined) => (c?.init.headers ?? {}) as Record<string, string>;

describe('stand-in SDK k8s calls', () => {
  it('k8sGet builds the console URL and sends same-origin credentials', async () => {
    await k8sGet({ model: ReporterModel, name: 'instance', ns: 'ibm-ls-reporter' });
    expect(calls[0]?.url).toBe(
      '/api/kubernetes/apis/operator.ibm.com/v1alpha1/namespaces/ibm-ls-reporter/ibmlicenseservicereporters/instance',
    );
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('k8sGet joins queryParams without encoding them, as the console does', async () => {
    await k8sGet({ model: SecretModel, name: 's', ns: 'n', queryParams: { a: 'x=y&z' } });
    expect(calls[0]?.url).toBe('/api/kubernetes/api/v1/namespaces/n/secrets/s?a=x=y&z');
  });

  it('k8sPatch sends a JSON Patch with the CSRF header; an empty patch list sends nothing', async () => {
    const resource = { metadata: { name: 's', namespace: 'n' } };
    await k8sPatch({
      model: SecretModel,
      resource,
      data: [{ op: 'replace', path: '/data/token', value: 'dA==' }],
    });
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(headersOf(calls[0])['Content-Type']).toMatch(/^application\/json-patch\+json/);
    expect(headersOf(calls[0])['X-CSRFToken']).toBe('the-csrf-token');
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual([
      { op: 'replace', path: '/data/token', value: 'dA==' },
    ]);
    calls = [];
    await expect(k8sPatch({ model: SecretModel, resource, data: [] })).resolves.toBe(resource);
    expect(calls).toEqual([]);
  });

  it('k8sList serialises a selector object and encodes every value; a string selector is mangled', async () => {
    respond = () => json(200, { apiVersion: 'v1', items: [{ metadata: { name: 'a' } }] });
    const items = await k8sList({
      model: SecretModel,
      queryParams: { ns: 'n', labelSelector: { matchLabels: { app: 'x', b: 'y' } } },
    });
    expect(calls[0]?.url).toBe(
      '/api/kubernetes/api/v1/namespaces/n/secrets?labelSelector=app%3Dx%2Cb%3Dy',
    );
    expect(items).toEqual([{ kind: 'Secret', apiVersion: 'v1', metadata: { name: 'a' } }]);
    expect(selectorToString('ap' as never)).toBe('0=a,1=p');
  });

  it('k8sDelete deletes one named object', async () => {
    await k8sDelete({ model: SecretModel, resource: { metadata: { name: 's', namespace: 'n' } } });
    expect(calls[0]?.init.method).toBe('DELETE');
    expect(calls[0]?.url).toBe('/api/kubernetes/api/v1/namespaces/n/secrets/s');
  });

  it('a failed call throws HttpError with the Status message, code and JSON', async () => {
    const status = { kind: 'Status', message: 'secrets "s" is forbidden', code: 403 };
    respond = () => json(403, status);
    const error = await k8sGet({ model: SecretModel, name: 's', ns: 'n' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('secrets "s" is forbidden');
    expect((error as HttpError).code).toBe(403);
    expect((error as HttpError).json).toEqual(status);
    expect((error as HttpError).response?.status).toBe(403);
  });

  it('the first Status cause names the field', async () => {
    respond = () =>
      json(422, { message: 'invalid', details: { causes: [{ message: 'bad', field: 'data' }] } });
    await expect(consoleFetchJSON('/api/kubernetes/x')).rejects.toThrow(
      'Error "bad" for field "data".',
    );
  });

  it('retries a 429', async () => {
    let n = 0;
    respond = () => (n++ === 0 ? fakeResponse(429, '', { 'Retry-After': '0' }) : json(200, {}));
    await expect(consoleFetchJSON('/api/kubernetes/x')).resolves.toEqual({});
    expect(calls).toHaveLength(2);
  });
});
