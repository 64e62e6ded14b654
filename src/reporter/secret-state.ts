import { decodeToken, TokenCodingError } from '../token/base64';
import { errorMessageOf, httpStatusOf } from './load-error';
import { TOKEN_KEY } from './types';
import type { SecretKind } from './types';

/** What the page can say about a Reporter's token Secret, from its watch result. */
export type SecretState =
  | { kind: 'loading' }
  /** The Secret does not exist (yet): the operator creates it. */
  | { kind: 'missing' }
  /** The Secret exists without a `token` key: the operator will regenerate it. */
  | { kind: 'no-key'; secret: SecretKind }
  /** The user may not read the Secret. */
  | { kind: 'forbidden' }
  | { kind: 'error'; message: string }
  /**
   * The value cannot be decoded, or is empty (the key exists, so the operator leaves it as it is);
   * `error.reason` says why (never the content).
   */
  | { kind: 'invalid'; secret: SecretKind; error: TokenCodingError }
  | { kind: 'ready'; secret: SecretKind; token: string };

export const secretStateOf = (
  secret: SecretKind | undefined,
  loaded: boolean,
  loadError: unknown,
): SecretState => {
  if (loadError) {
    const status = httpStatusOf(loadError);
    if (status === 404) return { kind: 'missing' };
    if (status === 403) return { kind: 'forbidden' };
    return { kind: 'error', message: errorMessageOf(loadError) };
  }
  if (!loaded) return { kind: 'loading' };
  // A watch on a named object that does not exist settles with an empty object.
  if (!secret?.metadata?.name) return { kind: 'missing' };
  // A key with an empty value is not a missing key: decodeToken reports it as empty.
  const encoded = secret.data?.[TOKEN_KEY];
  if (encoded === undefined) return { kind: 'no-key', secret };
  try {
    return { kind: 'ready', secret, token: decodeToken(encoded) };
  } catch (e) {
    if (e instanceof TokenCodingError) return { kind: 'invalid', secret, error: e };
    throw e;
  }
};
