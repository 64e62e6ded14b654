import { k8sDelete, k8sGet, k8sList, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { PodModel, SecretModel } from '../models';
import type { PodKind } from './plan';
import { feedKey, publishPods } from './pod-feed';
import { RequestTimeoutError, WaitTimeoutError } from './run';
import { POLL_INTERVAL_MS, REQUEST_TIMEOUT_MS, WATCH_SILENT_MS, createSdkPort } from './sdk-port';

const pod = (uid: string, ready: boolean): PodKind => ({
  metadata: { name: `p-${uid}`, namespace: 'ns', uid },
  status: {
    phase: ready ? 'Running' : 'Pending',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  },
});

const anySignal: unknown = expect.any(AbortSignal);

const selector = { app: 'ibm-license-service-reporter-instance', licensing_cr: 'instance' };

describe('createSdkPort: the requests it sends', () => {
  beforeEach(() => {
    jest.mocked(k8sPatch).mockClear();
    jest.mocked(k8sDelete).mockClear();
    jest.mocked(k8sList).mockClear();
    jest.mocked(k8sGet).mockClear();
  });

  it('patchSecret: k8sPatch with the JSON Patch ops on the named Secret', async () => {
    const ops = [{ op: 'test', path: '/metadata/resourceVersion', value: '1' }];
    await createSdkPort().patchSecret({ namespace: 'ns', name: 's' }, ops);
    expect(k8sPatch).toHaveBeenCalledWith({
      model: SecretModel,
      resource: { metadata: { name: 's', namespace: 'ns' } },
      data: ops,
    });
  });

  it('getSecret: k8sGet by name and namespace', async () => {
    jest.mocked(k8sGet).mockResolvedValueOnce({ metadata: { name: 's' } });
    await createSdkPort().getSecret({ namespace: 'ns', name: 's' });
    expect(k8sGet).toHaveBeenCalledWith({
      model: SecretModel,
      name: 's',
      ns: 'ns',
      requestInit: { signal: anySignal },
    });
  });

  it('listPods: k8sList with the selector as an object (a string would be mangled)', async () => {
    jest.mocked(k8sList).mockResolvedValueOnce({ items: [pod('a', true)] });
    const pods = await createSdkPort().listPods('ns', selector);
    expect(k8sList).toHaveBeenCalledWith({
      model: PodModel,
      queryParams: { ns: 'ns', labelSelector: { matchLabels: selector } },
      requestInit: { signal: anySignal },
    });
    expect(pods).toHaveLength(1);
  });

  it('deletePod: k8sDelete of the named pod with a uid precondition', async () => {
    await createSdkPort().deletePod({ namespace: 'ns', name: 'p-a', uid: 'a' });
    expect(k8sDelete).toHaveBeenCalledWith({
      model: PodModel,
      resource: { metadata: { name: 'p-a', namespace: 'ns' } },
      json: { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: 'a' } },
      requestInit: { signal: anySignal },
    });
  });
});

describe('createSdkPort: timing', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('a request with no answer ends with RequestTimeoutError', async () => {
    jest.mocked(k8sPatch).mockImplementationOnce(() => new Promise(() => undefined));
    const result = createSdkPort().patchSecret({ namespace: 'ns', name: 's' }, []);
    jest.advanceTimersByTime(REQUEST_TIMEOUT_MS + 1);
    await expect(result).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('a read with no answer is aborted at the deadline', async () => {
    let signal: AbortSignal | undefined;
    jest.mocked(k8sGet).mockImplementationOnce((options) => {
      signal = options.requestInit?.signal ?? undefined;
      return new Promise(() => undefined);
    });
    const result = createSdkPort().getSecret({ namespace: 'ns', name: 's' });
    expect(signal?.aborted).toBe(false);
    jest.advanceTimersByTime(REQUEST_TIMEOUT_MS + 1);
    await expect(result).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(signal?.aborted).toBe(true);
  });

  it('the abort that follows the deadline does not replace the timeout error', async () => {
    jest.mocked(k8sDelete).mockImplementationOnce(
      (options) =>
        new Promise((_resolve, reject) => {
          options.requestInit?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    );
    const result = createSdkPort().deletePod({ namespace: 'ns', name: 'p' });
    jest.advanceTimersByTime(REQUEST_TIMEOUT_MS + 1);
    await expect(result).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('follows replacements through the watch feed, without polling', async () => {
    jest.mocked(k8sList).mockClear();
    // published before the wait (stale): ignored
    publishPods(feedKey('ns', selector), [pod('stale', true)]);
    const progress: number[] = [];
    const wait = createSdkPort().waitForReplacement({
      namespace: 'ns',
      selector,
      oldUids: ['old'],
      expected: 1,
      timeoutMs: 60_000,
      onProgress: (ready) => progress.push(ready),
    });
    publishPods(feedKey('ns', selector), [pod('old', true), pod('new', false)]);
    publishPods(feedKey('ns', selector), [pod('new', true)]);
    await expect(wait).resolves.toEqual([pod('new', true)]);
    expect(progress).toEqual([0, 1]);
    expect(k8sList).not.toHaveBeenCalled();
  });

  it('polls when the watch is silent, and times out with the ready count', async () => {
    jest.mocked(k8sList).mockClear();
    jest.mocked(k8sList).mockResolvedValue([pod('other', false)] as never);
    const wait = createSdkPort().waitForReplacement({
      namespace: 'silent',
      selector,
      oldUids: ['old'],
      expected: 1,
      timeoutMs: 60_000,
    });
    await jest.advanceTimersByTimeAsync(WATCH_SILENT_MS + POLL_INTERVAL_MS);
    expect(k8sList).toHaveBeenCalled();
    const failed = expect(wait).rejects.toEqual(new WaitTimeoutError(0, 1));
    await jest.advanceTimersByTimeAsync(60_000);
    await failed;
  });
});
