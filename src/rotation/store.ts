/**
 * Rotation runs by Reporter, in module memory (never in browser storage): navigating away and back
 * within the console shows the run, and a second rotation of the same Reporter cannot start while
 * one runs. Tokens live here only as long as the record does; dismissing it forgets them, and a
 * finished run nobody shows is forgotten FINISHED_TTL_MS after the last subscriber left.
 */
import { useSyncExternalStore } from 'react';
import type { ReporterInstance } from '../reporter/types';
import { reporterKey } from './key';
import type { RotationPlan } from './plan';
import type { RunState } from './run';

export type RotationRecord = {
  key: string;
  /** 'revert' runs the same kind of plan back to the token in use before. */
  kind: 'rotate' | 'revert';
  plan: RotationPlan;
  state: RunState;
  newToken: string;
  previousToken: string;
  running: boolean;
};

/** How long a finished run (with both tokens) is kept once nothing shows it. */
export const FINISHED_TTL_MS = 10 * 60 * 1000;
/** The same, in minutes, for the texts that mention it. */
export const FINISHED_TTL_MINUTES = FINISHED_TTL_MS / 60_000;

const records = new Map<string, RotationRecord>();
const listeners = new Set<() => void>();
const expiries = new Map<string, ReturnType<typeof setTimeout>>();

const notify = () => {
  for (const l of listeners) l();
};

const cancelExpiry = (key: string) => {
  clearTimeout(expiries.get(key));
  expiries.delete(key);
};

/** With no subscriber, a finished run is forgotten FINISHED_TTL_MS later (a running one is kept). */
const scheduleExpiry = (key: string) => {
  cancelExpiry(key);
  if (listeners.size > 0 || records.get(key)?.running !== false) return;
  expiries.set(
    key,
    setTimeout(() => {
      expiries.delete(key);
      if (listeners.size > 0 || records.get(key)?.running !== false) return;
      records.delete(key);
      notify();
    }, FINISHED_TTL_MS),
  );
};

export const subscribeRotations = (listener: () => void) => {
  listeners.add(listener);
  for (const key of [...expiries.keys()]) cancelExpiry(key);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) for (const key of records.keys()) scheduleExpiry(key);
  };
};

export const getRotation = (key: string): RotationRecord | undefined => records.get(key);

export const setRotation = (record: RotationRecord) => {
  records.set(record.key, record);
  notify();
  scheduleExpiry(record.key);
};

export const updateRotation = (key: string, change: Partial<RotationRecord>) => {
  const current = records.get(key);
  if (!current) return;
  records.set(key, { ...current, ...change });
  notify();
  // A run that ends while nothing shows it starts its expiry then.
  if (current.running && change.running === false) scheduleExpiry(key);
};

/** Forgets a finished run (and the tokens it holds). A running one is kept. */
export const dismissRotation = (key: string) => {
  if (records.get(key)?.running) return;
  cancelExpiry(key);
  records.delete(key);
  notify();
};

export const isRotationRunning = (key: string) => records.get(key)?.running === true;

export const anyRotationRunning = () => [...records.values()].some((r) => r.running);

/** The run of a Reporter (key `<namespace>/<crName>`), re-rendering on every change. */
export const useRotation = (key: string): RotationRecord | undefined =>
  useSyncExternalStore(subscribeRotations, () => records.get(key));

/**
 * For the token page (a light import: no rotation code comes with it): the run of a Reporter, so the
 * page can open the rotation section again when the user comes back while one runs or has ended.
 */
export const useRotationOf = (instance: Pick<ReporterInstance, 'namespace' | 'crName'>) =>
  useRotation(reporterKey(instance));

/** Test helper: forget every record. */
export const resetRotations = () => {
  for (const key of [...expiries.keys()]) cancelExpiry(key);
  records.clear();
  notify();
};
