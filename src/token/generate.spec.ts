import fc from 'fast-check';
import {
  GENERATED_DEFAULT_LENGTH,
  GENERATED_MAX_LENGTH,
  GENERATED_MIN_LENGTH,
  REJECTION_LIMIT,
  TOKEN_ALPHABET,
  clampGeneratedLength,
  drawCharacters,
  generateToken,
  type RandomBytes,
} from './generate';
import { validateToken } from './validate';

/** Deterministic byte source (mulberry32), so strict statistical thresholds cannot flake. */
const seededBytes = (seed: number): RandomBytes => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (bytes) => {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = next() & 0xff;
    return bytes;
  };
};

/** The textbook mistake: byte % 62 without rejection. */
const moduloDraw = (count: number, random: RandomBytes): string => {
  const bytes = random(new Uint8Array(count));
  return Array.from(bytes, (b) => TOKEN_ALPHABET.charAt(b % TOKEN_ALPHABET.length)).join('');
};

const chiSquare = (text: string): number => {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  const expected = text.length / TOKEN_ALPHABET.length;
  let sum = 0;
  for (const c of TOKEN_ALPHABET) sum += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
  return sum;
};

/** Upper quantile of chi-square (Wilson-Hilferty), z = standard normal quantile. */
const chiSquareCritical = (df: number, z: number) =>
  df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;

const DF = TOKEN_ALPHABET.length - 1;
const STRICT = chiSquareCritical(DF, 2.326); // p = 0.01
const LOOSE = chiSquareCritical(DF, 6.0); // p ~ 1e-9
const SAMPLE = 62 * 2_000;

describe('generateToken', () => {
  it('defaults to 32 characters of [A-Za-z0-9]', () => {
    const token = generateToken();
    expect(token).toHaveLength(GENERATED_DEFAULT_LENGTH);
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('always produces a valid token of the asked length and charset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: GENERATED_MIN_LENGTH, max: GENERATED_MAX_LENGTH }),
        fc.integer(),
        (length, seed) => {
          const token = generateToken(length, seededBytes(seed));
          expect(token).toHaveLength(length);
          expect(token).toMatch(/^[A-Za-z0-9]+$/);
          expect(validateToken(token).valid).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses lengths outside the bounds', () => {
    expect(() => generateToken(GENERATED_MIN_LENGTH - 1)).toThrow(RangeError);
    expect(() => generateToken(GENERATED_MAX_LENGTH + 1)).toThrow(RangeError);
    expect(() => generateToken(32.5)).toThrow(RangeError);
    expect(clampGeneratedLength(3)).toBe(GENERATED_MIN_LENGTH);
    expect(clampGeneratedLength(1000)).toBe(GENERATED_MAX_LENGTH);
    expect(clampGeneratedLength(Number.NaN)).toBe(GENERATED_DEFAULT_LENGTH);
  });

  it('rejects bytes at or above 248 instead of folding them', () => {
    expect(REJECTION_LIMIT).toBe(248);
    // a source that gives 248..255 first, then 0 and 61: only the last two are used
    let call = 0;
    const source: RandomBytes = (bytes) => {
      call += 1;
      bytes.fill(call === 1 ? 250 : 61);
      if (call === 2) bytes[0] = 0;
      return bytes;
    };
    expect(drawCharacters(2, source)).toBe('A9');
  });

  it('is uniform with a seeded source (strict threshold, p = 0.01)', () => {
    const text = drawCharacters(SAMPLE, seededBytes(42));
    expect(chiSquare(text)).toBeLessThan(STRICT);
  });

  it('the same test detects modulo bias', () => {
    const text = moduloDraw(SAMPLE, seededBytes(42));
    expect(chiSquare(text)).toBeGreaterThan(LOOSE);
  });

  it('is uniform with the real CSPRNG (very loose threshold, p ~ 1e-9)', () => {
    const text = Array.from({ length: SAMPLE / 124 }, () => generateToken(124)).join('');
    expect(chiSquare(text)).toBeLessThan(LOOSE);
  });
});
