/**
 * Pods seen by the section's watches (useK8sWatchResource), by namespace and selector, so the
 * runner can follow replacements without polling while the watch delivers.
 */
import type { PodKind } from './plan';

export const feedKey = (namespace: string, selector: Record<string, string>) =>
  `${namespace}?${Object.entries(selector)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

type Entry = { pods: PodKind[]; at: number };
const latest = new Map<string, Entry>();
const listeners = new Map<string, Set<(pods: PodKind[]) => void>>();

export const publishPods = (key: string, pods: PodKind[], at: number = Date.now()) => {
  latest.set(key, { pods, at });
  for (const l of listeners.get(key) ?? []) l(pods);
};

export const latestPods = (key: string): Entry | undefined => latest.get(key);

export const subscribePods = (key: string, listener: (pods: PodKind[]) => void) => {
  let set = listeners.get(key);
  if (!set) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
};
