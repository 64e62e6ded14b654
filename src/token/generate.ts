/**
 * Random API tokens from a CSPRNG: characters [A-Za-z0-9] only (nothing a URL or a shell can misread),
 * uniformly distributed (rejection sampling, no modulo bias). Pure apart from the random source.
 */

export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const GENERATED_DEFAULT_LENGTH = 32;
export const GENERATED_MIN_LENGTH = 24;
export const GENERATED_MAX_LENGTH = 128;

/** Fills the array with random bytes and returns it (the shape of crypto.getRandomValues). */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const cryptoRandomBytes: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * Largest multiple of the alphabet size that fits in a byte: bytes at or above it are rejected,
 * so every character is drawn with probability exactly 1/62.
 */
const LIMIT = 256 - (256 % TOKEN_ALPHABET.length);

export const clampGeneratedLength = (length: number): number =>
  Number.isFinite(length)
    ? Math.min(GENERATED_MAX_LENGTH, Math.max(GENERATED_MIN_LENGTH, Math.round(length)))
    : GENERATED_DEFAULT_LENGTH;

/**
 * Draws `count` characters from `alphabet` with rejection sampling. Exported for tests and for the
 * length-independent check of uniformity; use generateToken in code.
 */
export const drawCharacters = (
  count: number,
  random: RandomBytes,
  alphabet: string = TOKEN_ALPHABET,
): string => {
  const size = alphabet.length;
  if (size < 2 || size > 256) throw new RangeError('alphabet must have 2 to 256 characters');
  const limit = 256 - (256 % size);
  let out = '';
  const buffer = new Uint8Array(Math.max(16, Math.ceil(count * 1.25)));
  while (out.length < count) {
    random(buffer);
    for (const byte of buffer) {
      if (byte >= limit) continue;
      out += alphabet.charAt(byte % size);
      if (out.length === count) break;
    }
  }
  return out;
};

/** A new random token of `length` characters (clamped to 24..128), [A-Za-z0-9]. */
export const generateToken = (
  length: number = GENERATED_DEFAULT_LENGTH,
  random: RandomBytes = cryptoRandomBytes,
): string => {
  if (!Number.isInteger(length) || length < GENERATED_MIN_LENGTH || length > GENERATED_MAX_LENGTH) {
    throw new RangeError(
      `token length must be a whole number from ${GENERATED_MIN_LENGTH} to ${GENERATED_MAX_LENGTH}`,
    );
  }
  return drawCharacters(length, random);
};

/** Exposed for tests: the rejection threshold for the default alphabet (248). */
export const REJECTION_LIMIT = LIMIT;
