import { describeSecretChange } from './secret-change';
import { fixtureSecret } from './testing/fixtures';
import { ROTATED_AT_ANNOTATION } from './types';
import type { SecretKind } from './types';

const before = (): SecretKind => fixtureSecret('ibm-license-service-reporter-token');
const withToken = (
  s: SecretKind,
  token: string,
  annotations?: Record<string, string>,
): SecretKind => ({
  ...s,
  data: { token },
  metadata: { ...s.metadata, resourceVersion: '999', ...(annotations ? { annotations } : {}) },
});

describe('describeSecretChange', () => {
  it('sees no change on the first observation or a re-poll', () => {
    expect(describeSecretChange(undefined, before())).toBeUndefined();
    expect(describeSecretChange(before(), before())).toBeUndefined();
  });

  it('ignores changes that keep the token (e.g. labels)', () => {
    const next = before();
    next.metadata = { ...next.metadata, labels: { a: 'b' }, resourceVersion: '5' };
    expect(describeSecretChange(before(), next)).toBeUndefined();
  });

  it('attributes a change to this plugin when the rotated-at annotation changed with it', () => {
    const prev = withToken(before(), 'b2xk', { [ROTATED_AT_ANNOTATION]: '2025-01-01T00:00:00Z' });
    const next = withToken(before(), 'bmV3', { [ROTATED_AT_ANNOTATION]: '2025-06-01T00:00:00Z' });
    expect(describeSecretChange(prev, next)).toEqual({ origin: 'plugin', resourceVersion: '999' });
  });

  it('calls a change external when the annotation stayed the same', () => {
    const stamp = { [ROTATED_AT_ANNOTATION]: '2025-01-01T00:00:00Z' };
    expect(
      describeSecretChange(withToken(before(), 'b2xk', stamp), withToken(before(), 'bmV3', stamp)),
    ).toEqual({
      origin: 'external',
      resourceVersion: '999',
    });
    expect(describeSecretChange(before(), withToken(before(), 'bmV3'))?.origin).toBe('external');
  });

  it('reports a Secret deleted and created again', () => {
    const next = withToken(before(), 'bmV3');
    next.metadata = { ...next.metadata, uid: 'another-uid' };
    expect(describeSecretChange(before(), next)?.origin).toBe('recreated');
  });
});
