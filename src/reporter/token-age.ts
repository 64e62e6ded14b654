import { ROTATED_AT_ANNOTATION } from './types';
import type { SecretKind } from './types';

/** Past this age the page suggests a rotation. */
export const TOKEN_MAX_AGE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

export type LastChanged = {
  /** ISO-8601 time. */
  time: string;
  /**
   * Where it comes from: the plugin's rotation annotation, the newest managedFields entry (the
   * newest one that owns `data` when any does), or the Secret's creation.
   */
  source: 'annotation' | 'managed-fields' | 'created';
};

const validTime = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));

const ownsData = (fieldsV1: unknown): boolean =>
  typeof fieldsV1 === 'object' && fieldsV1 !== null && 'f:data' in fieldsV1;

const newest = (times: string[]): string | undefined =>
  times.reduce<string | undefined>(
    (best, t) => (best === undefined || Date.parse(t) > Date.parse(best) ? t : best),
    undefined,
  );

/** When the token last changed, as far as the Secret tells; undefined when it tells nothing. */
export const lastChangedOf = (secret: SecretKind): LastChanged | undefined => {
  const annotated = secret.metadata?.annotations?.[ROTATED_AT_ANNOTATION];
  if (validTime(annotated)) return { time: annotated, source: 'annotation' };

  const entries = (secret.metadata?.managedFields ?? []).filter((e) => validTime(e.time));
  const dataTimes = entries.filter((e) => ownsData(e.fieldsV1)).map((e) => e.time as string);
  const managed = newest(dataTimes.length ? dataTimes : entries.map((e) => e.time as string));
  if (managed) return { time: managed, source: 'managed-fields' };

  const created = secret.metadata?.creationTimestamp;
  if (validTime(created)) return { time: created, source: 'created' };
  return undefined;
};

/** Whole days from `time` to `now` (0 for a future time). */
export const ageInDays = (time: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(time)) / DAY_MS));

/** True when the token is older than TOKEN_MAX_AGE_DAYS. */
export const isTokenOld = (time: string, now: Date): boolean =>
  ageInDays(time, now) > TOKEN_MAX_AGE_DAYS;
