/**
 * The rotation port backed by the console SDK. Secrets: k8sGet and k8sPatch (JSON Patch only, never a
 * replace). Pods: k8sList with a label selector, k8sDelete by name with a uid precondition, and
 * replacements followed through the section's watch (pod feed), polling only while the watch is silent.
 */
import { k8sDelete, k8sGet, k8sList, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { PodModel, SecretModel } from '../models';
import type { SecretKind } from '../reporter/types';
import type { PodKind } from './plan';
import { feedKey, latestPods, subscribePods } from './pod-feed';
import { readyReplacements, RequestTimeoutError, WaitTimeoutError, type RotationPort } from './run';

/** Longest wait for one API answer. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Poll when the watch has delivered nothing for this long. */
export const WATCH_SILENT_MS = 10_000;
export const POLL_INTERVAL_MS = 5_000;

/**
 * Runs one request with a deadline. The request gets an AbortSignal that fires at the deadline, so
 * the SDK calls that take a fetch init stop waiting for the answer. The Secret patch cannot take one
 * (k8sPatch has no requestInit): a patch that timed out may still be applied later, which the runner
 * reports as uncertain.
 */
const withTimeout = <T>(
  request: (signal: AbortSignal) => Promise<T>,
  what: string,
  ms = REQUEST_TIMEOUT_MS,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new RequestTimeoutError(what));
    }, ms);
    request(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (timedOut) return;
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

const listPods = async (namespace: string, selector: Record<string, string>) => {
  const result = await withTimeout(
    (signal) =>
      k8sList<PodKind>({
        model: PodModel,
        queryParams: { ns: namespace, labelSelector: { matchLabels: selector } },
        requestInit: { signal },
      }),
    'listing pods',
  );
  return Array.isArray(result) ? result : result.items;
};

export const createSdkPort = (): RotationPort => ({
  now: () => Date.now(),
  getSecret: (ref) =>
    withTimeout(
      (signal) =>
        k8sGet<SecretKind>({
          model: SecretModel,
          name: ref.name,
          ns: ref.namespace,
          requestInit: { signal },
        }),
      'reading the Secret',
    ),
  patchSecret: (ref, ops) =>
    withTimeout(
      () =>
        k8sPatch<SecretKind>({
          model: SecretModel,
          resource: { metadata: { name: ref.name, namespace: ref.namespace } },
          data: ops,
        }),
      'the Secret patch',
    ),
  listPods,
  deletePod: async (pod) => {
    await withTimeout(
      (signal) =>
        k8sDelete({
          model: PodModel,
          resource: { metadata: { name: pod.name, namespace: pod.namespace } },
          json: {
            kind: 'DeleteOptions',
            apiVersion: 'v1',
            ...(pod.uid ? { preconditions: { uid: pod.uid } } : {}),
          },
          requestInit: { signal },
        }),
      'deleting the pod',
    );
  },
  waitForReplacement: ({ namespace, selector, oldUids, expected, timeoutMs, onProgress }) =>
    new Promise<PodKind[]>((resolve, reject) => {
      const key = feedKey(namespace, selector);
      let readyCount = 0;
      let finished = false;
      let lastSeen = Date.now();
      const check = (pods: PodKind[]) => {
        if (finished) return;
        const ready = readyReplacements(pods, oldUids);
        readyCount = ready.length;
        onProgress?.(ready.length, expected);
        if (ready.length >= expected)
          finish(() => {
            resolve(ready);
          });
      };
      const unsubscribe = subscribePods(key, (pods) => {
        lastSeen = Date.now();
        check(pods);
      });
      const poll = setInterval(() => {
        const seen = Math.max(lastSeen, latestPods(key)?.at ?? 0);
        if (Date.now() - seen < WATCH_SILENT_MS) return;
        listPods(namespace, selector).then(check, () => {
          // a failed poll is retried at the next interval; the timeout bounds the wait
        });
      }, POLL_INTERVAL_MS);
      const timer = setTimeout(() => {
        finish(() => {
          reject(new WaitTimeoutError(readyCount, expected));
        });
      }, timeoutMs);
      function finish(settle: () => void) {
        finished = true;
        clearInterval(poll);
        clearTimeout(timer);
        unsubscribe();
        settle();
      }
      // An earlier publication may predate the deletions: only fresh watch events and polls count.
    }),
});
