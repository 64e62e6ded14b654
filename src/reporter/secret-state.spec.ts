import { secretStateOf } from './secret-state';
import { fixtureSecret } from './testing/fixtures';

const TOKEN_SECRET = 'ibm-license-service-reporter-token';

describe('secretStateOf', () => {
  it('decodes the fixture token', () => {
    const secret = fixtureSecret(TOKEN_SECRET);
    expect(secretStateOf(secret, true, undefined)).toEqual({
      kind: 'ready',
      secret,
      token: 'Ox50X8n7RpfqCpNReNRDY5cc',
    });
  });

  it('is loading before the first result', () => {
    expect(secretStateOf(undefined, false, undefined)).toEqual({ kind: 'loading' });
  });

  it('reports a missing Secret from a 404 or an empty watch result', () => {
    expect(secretStateOf(undefined, false, { code: 404 })).toEqual({ kind: 'missing' });
    expect(secretStateOf({}, true, undefined)).toEqual({ kind: 'missing' });
  });

  it('reports a Secret without a token key', () => {
    const secret = fixtureSecret(TOKEN_SECRET);
    delete secret.data;
    expect(secretStateOf(secret, true, undefined).kind).toBe('no-key');
    expect(secretStateOf({ ...secret, data: { other: 'eA==' } }, true, undefined).kind).toBe(
      'no-key',
    );
  });

  it('reports an empty value as such: the key exists, so the operator does not replace it', () => {
    for (const token of ['', ' \n']) {
      const state = secretStateOf(
        { ...fixtureSecret(TOKEN_SECRET), data: { token } },
        true,
        undefined,
      );
      expect(state.kind === 'invalid' && state.error.reason).toBe('empty');
    }
  });

  it('reports a refused read', () => {
    expect(secretStateOf(undefined, false, { code: 403, message: 'forbidden' })).toEqual({
      kind: 'forbidden',
    });
  });

  it('reports a value that is not base64 without crashing', () => {
    const secret = { ...fixtureSecret(TOKEN_SECRET), data: { token: 'not base64!' } };
    const state = secretStateOf(secret, true, undefined);
    expect(state.kind).toBe('invalid');
    expect(state.kind === 'invalid' && state.error.reason).toBe('invalid-base64');
  });

  it('reports other errors with their message', () => {
    expect(secretStateOf(undefined, false, new Error('socket closed'))).toEqual({
      kind: 'error',
      message: 'socket closed',
    });
  });
});
