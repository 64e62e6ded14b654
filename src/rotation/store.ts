/**
 * Rotation runs by Reporter, in module memory (never in browser storage): navigating away and back
 * within the console shows the run, and a second rotation of the same Reporter cannot start while
 * one runs. Tokens live here only as long as the record does; dismissing it forgets them.
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

const records = new Map<string, RotationRecord>();
const listeners = new Set<() => void>();

const notify = () => {
  for (const l of listeners) l();
};

export const subscribeRotations = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const getRotation = (key: string): RotationRecord | undefined => records.get(key);

export const setRotation = (record: RotationRecord) => {
  records.set(record.key, record);
  notify();
};

export const updateRotation = (key: string, change: Partial<RotationRecord>) => {
  const current = records.get(key);
  if (!current) return;
  records.set(key, { ...current, ...change });
  notify();
};

/** Forgets a finished run (and the tokens it holds). A running one is kept. */
export const dismissRotation = (key: string) => {
  if (records.get(key)?.running) return;
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
  records.clear();
  notify();
};
