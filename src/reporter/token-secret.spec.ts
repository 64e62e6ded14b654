import { isTokenSecretOf, reporterOwnerOf } from './token-secret';
import { fixtureReporter, fixtureSecret, fixtureSecrets, loadObjects } from './testing/fixtures';
import type { SecretKind } from './types';

describe('isTokenSecretOf', () => {
  it('recognises only the token Secret among the Reporter-owned Secrets', () => {
    const cr = fixtureReporter();
    const tokens = fixtureSecrets().filter((s) => isTokenSecretOf(s, cr));
    expect(tokens.map((s) => s.metadata?.name)).toEqual(['ibm-license-service-reporter-token']);
    expect(fixtureSecrets().filter((s) => reporterOwnerOf(s)).length).toBeGreaterThan(3);
  });

  it('follows spec.apiSecretToken', () => {
    const cr = fixtureReporter('reporter-custom.yaml');
    const tokens = fixtureSecrets('reporter-custom.yaml').filter((s) => isTokenSecretOf(s, cr));
    expect(tokens.map((s) => s.metadata?.name)).toEqual(['my-lsr-token']);
  });

  it('rejects the License Service decoys and the unowned copy', () => {
    const cr = fixtureReporter();
    const others = loadObjects('license-service-other-ns.yaml').filter(
      (o): o is SecretKind => o.kind === 'Secret',
    );
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(isTokenSecretOf(s, cr)).toBe(false);
  });

  it('rejects a Secret owned by another CR of the same name (uid differs)', () => {
    const cr = fixtureReporter();
    cr.metadata = { ...cr.metadata, uid: 'other' };
    expect(isTokenSecretOf(fixtureSecret('ibm-license-service-reporter-token'), cr)).toBe(false);
  });
});
