/**
 * Base64 <-> UTF-8 for Secret data values. Pure, no React.
 *
 * Kubernetes stores Secret `data` values as standard base64 (RFC 4648 section 4, with padding).
 * Errors never carry any part of the value: the value is a secret.
 */

export type TokenCodingErrorReason = 'invalid-base64' | 'invalid-utf8' | 'empty';

/** A Secret value that cannot be decoded. The message names the problem, never the content. */
export class TokenCodingError extends Error {
  readonly reason: TokenCodingErrorReason;

  constructor(reason: TokenCodingErrorReason, message: string) {
    super(message);
    this.name = 'TokenCodingError';
    this.reason = reason;
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes a base64 Secret value to its UTF-8 text. Throws TokenCodingError when it cannot. */
export const decodeToken = (base64: string): string => {
  // Secrets written by hand sometimes carry a line break; whitespace is never part of base64.
  const compact = base64.replace(/\s+/g, '');
  if (compact === '') {
    throw new TokenCodingError('empty', 'The token value in the Secret is empty.');
  }
  if (!BASE64.test(compact)) {
    throw new TokenCodingError(
      'invalid-base64',
      'The token value in the Secret is not valid base64. Edit the Secret so that data.token holds the base64 encoding of the token, or delete the key to let the operator generate a new token.',
    );
  }
  const binary = atob(compact);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    // ignoreBOM keeps a leading U+FEFF: the token is exactly what the Secret holds.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TokenCodingError(
      'invalid-utf8',
      'The token value in the Secret decodes to bytes that are not UTF-8 text. Edit the Secret so that data.token holds a text token, or delete the key to let the operator generate a new token.',
    );
  }
};

/** Encodes text as UTF-8, then base64 (the form a Secret's `data` field takes). */
export const encodeToken = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
