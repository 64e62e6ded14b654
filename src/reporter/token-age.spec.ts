import { ageInDays, isTokenOld, lastChangedOf } from './token-age';
import { fixtureSecret } from './testing/fixtures';
import { ROTATED_AT_ANNOTATION } from './types';
import type { SecretKind } from './types';

const base = (): SecretKind => fixtureSecret('ibm-license-service-reporter-token');

describe('lastChangedOf', () => {
  it('uses the creation time when nothing else tells (fixture)', () => {
    expect(lastChangedOf(base())).toEqual({ time: '2025-03-10T09:14:24Z', source: 'created' });
  });

  it('prefers the rotation annotation', () => {
    const secret = base();
    secret.metadata = {
      ...secret.metadata,
      annotations: { [ROTATED_AT_ANNOTATION]: '2025-06-01T10:00:00Z' },
      managedFields: [
        { manager: 'kubectl', time: '2025-07-01T00:00:00Z', fieldsV1: { 'f:data': {} } },
      ],
    };
    expect(lastChangedOf(secret)).toEqual({ time: '2025-06-01T10:00:00Z', source: 'annotation' });
  });

  it('ignores an annotation that is not a time', () => {
    const secret = base();
    secret.metadata = { ...secret.metadata, annotations: { [ROTATED_AT_ANNOTATION]: 'soon' } };
    expect(lastChangedOf(secret)?.source).toBe('created');
  });

  it('uses the newest managedFields entry that owns data', () => {
    const secret = base();
    secret.metadata = {
      ...secret.metadata,
      managedFields: [
        { manager: 'operator', time: '2025-03-10T09:14:24Z', fieldsV1: { 'f:data': {} } },
        {
          manager: 'kubectl-edit',
          time: '2025-05-02T08:00:00Z',
          fieldsV1: { 'f:data': { 'f:token': {} } },
        },
        { manager: 'labeler', time: '2025-08-01T00:00:00Z', fieldsV1: { 'f:metadata': {} } },
      ],
    };
    expect(lastChangedOf(secret)).toEqual({
      time: '2025-05-02T08:00:00Z',
      source: 'managed-fields',
    });
  });

  it('uses the newest managedFields entry when none owns data', () => {
    const secret = base();
    secret.metadata = {
      ...secret.metadata,
      managedFields: [
        { manager: 'a', time: '2025-04-01T00:00:00Z' },
        { manager: 'b', time: '2025-04-03T00:00:00Z' },
        { manager: 'c' },
      ],
    };
    expect(lastChangedOf(secret)).toEqual({
      time: '2025-04-03T00:00:00Z',
      source: 'managed-fields',
    });
  });

  it('tells nothing when the Secret has no time at all', () => {
    expect(lastChangedOf({ metadata: { name: 'x' } })).toBeUndefined();
  });
});

describe('age', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  it('counts whole days', () => {
    expect(ageInDays('2025-06-10T00:00:00Z', now)).toBe(0);
    expect(ageInDays('2025-06-09T11:59:59Z', now)).toBe(1);
    expect(ageInDays('2025-03-10T09:14:24Z', now)).toBe(92);
    expect(ageInDays('2026-01-01T00:00:00Z', now)).toBe(0);
  });
  it('warns past 90 days only', () => {
    expect(isTokenOld('2025-03-12T12:00:00Z', now)).toBe(false); // 90 days
    expect(isTokenOld('2025-03-11T12:00:00Z', now)).toBe(true); // 91 days
  });
});
