import fc from 'fast-check';
import {
  TOKEN_MAX_LENGTH,
  TOKEN_MIN_LENGTH,
  trimToken,
  validateToken,
  type CharacterClass,
  type TokenProblem,
} from './validate';

const GOOD = 'Ab3dEf6hIj9lMn0p'; // 16 characters, [A-Za-z0-9]

const codes = (value: string, currentToken?: string) =>
  validateToken(value, currentToken === undefined ? {} : { currentToken }).problems.map(
    (p) => p.code,
  );

const charsOf = (problems: TokenProblem[], code: CharacterClass) => {
  const problem = problems.find((p) => p.code === code);
  return problem && 'characters' in problem ? problem.characters : [];
};

describe('validateToken: named cases', () => {
  const cases: [string, string, string[]][] = [
    ['empty', '', ['empty']],
    ['valid 16 characters', GOOD, []],
    ['valid with printable punctuation', `${GOOD}-_.~!*()@$,;:=/[]'`, []],
    ['too short (15)', GOOD.slice(1), ['too-short']],
    ['too long (257)', 'a'.repeat(TOKEN_MAX_LENGTH + 1), ['too-long']],
    ['exactly the maximum', 'a'.repeat(TOKEN_MAX_LENGTH), []],
    ['space', `${GOOD} x`, ['whitespace']],
    ['tab', `${GOOD}\tx`, ['whitespace']],
    ['line feed', `${GOOD}\n`, ['whitespace']],
    ['carriage return', `${GOOD}\r`, ['whitespace']],
    ['vertical tab', `${GOOD}\u000b`, ['whitespace']],
    ['form feed', `${GOOD}\f`, ['whitespace']],
    ['next line U+0085', `${GOOD}\u0085`, ['whitespace']],
    ['no-break space', `${GOOD}\u00a0`, ['whitespace']],
    ['ogham space mark', `${GOOD}\u1680`, ['whitespace']],
    ['en quad U+2000', `${GOOD}\u2000`, ['whitespace']],
    ['hair space U+200A', `${GOOD}\u200a`, ['whitespace']],
    ['line separator', `${GOOD}\u2028`, ['whitespace']],
    ['paragraph separator', `${GOOD}\u2029`, ['whitespace']],
    ['narrow no-break space', `${GOOD}\u202f`, ['whitespace']],
    ['medium mathematical space', `${GOOD}\u205f`, ['whitespace']],
    ['ideographic space', `${GOOD}\u3000`, ['whitespace']],
    ['byte order mark', `${GOOD}\ufeff`, ['whitespace']],
    ['question mark', `${GOOD}?`, ['ibm-forbidden']],
    ['percent sign', `${GOOD}%`, ['ibm-forbidden']],
    ['ampersand', `${GOOD}&`, ['ibm-forbidden']],
    ['number sign', `${GOOD}#`, ['url-fragment']],
    ['plus sign', `${GOOD}+`, ['url-plus']],
    ['quotation mark', `${GOOD}"`, ['url-unsafe']],
    ['angle brackets', `${GOOD}<>`, ['url-unsafe']],
    ['backslash', `${GOOD}\\`, ['url-unsafe']],
    ['curly brackets and bar', `${GOOD}{|}`, ['url-unsafe']],
    ['caret and grave accent', `${GOOD}^\``, ['url-unsafe']],
    ['NUL', `${GOOD}\u0000`, ['control']],
    ['escape', `${GOOD}\u001b`, ['control']],
    ['delete', `${GOOD}\u007f`, ['control']],
    ['C1 control U+0090', `${GOOD}\u0090`, ['control']],
    ['zero width space', `${GOOD}\u200b`, ['invisible']],
    ['zero width joiner', `${GOOD}\u200d`, ['invisible']],
    ['word joiner', `${GOOD}\u2060`, ['invisible']],
    ['soft hyphen', `${GOOD}\u00ad`, ['invisible']],
    ['right-to-left override', `${GOOD}\u202e`, ['invisible']],
    ['mongolian vowel separator', `${GOOD}\u180e`, ['invisible']],
    ['hangul filler', `${GOOD}\u3164`, ['invisible']],
    ['Cyrillic a look-alike', `${GOOD}\u0430`, ['non-ascii']],
    ['Greek omicron look-alike', `${GOOD}\u03bf`, ['non-ascii']],
    ['fullwidth A', `${GOOD}\uff21`, ['non-ascii']],
    ['accented letter', `${GOOD}\u00e9`, ['non-ascii']],
    ['emoji (astral plane)', `${GOOD}\u{1f511}`, ['non-ascii']],
    ['lone surrogate', `${GOOD}\ud800`, ['non-ascii']],
    [
      'several problems at once, stable order',
      ' a?b#c+d\u0430\u200b',
      [
        'too-short',
        'whitespace',
        'ibm-forbidden',
        'url-fragment',
        'url-plus',
        'invisible',
        'non-ascii',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(codes(value)).toEqual(expected);
  });

  it('refuses the current token', () => {
    expect(codes(GOOD, GOOD)).toEqual(['same-as-current']);
    expect(codes(GOOD, `${GOOD}x`)).toEqual([]);
  });

  it('reports code points, names and 1-based positions (counted in characters)', () => {
    const value = `\u{1f511}a b\u00a0c d?`;
    const { problems } = validateToken(value);
    expect(charsOf(problems, 'whitespace')).toEqual([
      {
        codePoint: 0x20,
        label: 'U+0020',
        name: 'SPACE',
        printable: false,
        positions: [3, 7],
      },
      {
        codePoint: 0xa0,
        label: 'U+00A0',
        name: 'NO-BREAK SPACE',
        printable: false,
        positions: [5],
      },
    ]);
    expect(charsOf(problems, 'ibm-forbidden')).toEqual([
      { codePoint: 0x3f, label: 'U+003F', name: 'QUESTION MARK', printable: true, positions: [9] },
    ]);
    expect(charsOf(problems, 'non-ascii')[0]).toMatchObject({ label: 'U+1F511', positions: [1] });
  });

  it('names look-alikes and what they look like', () => {
    const { problems } = validateToken(`${GOOD}\u0430\uff21`);
    expect(charsOf(problems, 'non-ascii')).toEqual([
      expect.objectContaining({ label: 'U+0430', name: 'CYRILLIC SMALL LETTER A', looksLike: 'a' }),
      expect.objectContaining({ label: 'U+FF21', name: 'FULLWIDTH FORM OF A', looksLike: 'A' }),
    ]);
  });

  it('gives length limits and the measured length', () => {
    expect(validateToken('abc').problems).toEqual([
      { code: 'too-short', length: 3, min: TOKEN_MIN_LENGTH },
    ]);
    expect(validateToken('\u{1f511}'.repeat(16)).length).toBe(16);
  });

  it('offers trimming only for leading or trailing whitespace', () => {
    expect(validateToken(`  ${GOOD}\n`).trimmable).toBe(true);
    expect(validateToken(`\ufeff${GOOD}\u00a0`).trimmable).toBe(true);
    expect(validateToken(`${GOOD} x`).trimmable).toBe(false);
    expect(validateToken('   ').trimmable).toBe(false);
    expect(trimToken(` \t${GOOD}\u200b\r\n`)).toBe(GOOD);
    expect(validateToken(trimToken(`  ${GOOD}\n`)).valid).toBe(true);
  });
});

/** Independent statement of the rule, from IBM's documentation and URL syntax. */
const oracleAllows = (value: string, currentToken: string): boolean => {
  const points = Array.from(value, (c) => c.codePointAt(0) ?? -1);
  if (points.length < 16 || points.length > 256) return false;
  if (value === currentToken) return false;
  const refused = new Set('?%&#+"<>\\^`{|}'.split('').map((c) => c.charCodeAt(0)));
  return points.every((p) => p > 0x20 && p < 0x7f && !refused.has(p));
};

describe('validateToken: property', () => {
  const alnum = fc.constantFrom(...'abcXYZ0189'.split(''));
  const tricky = fc.constantFrom(
    ...' \t\n?%&#+"<>\\^`{|}-_.~!\u00a0\u2003\u3000\u200b\ufeff\u0430\uff21\u0000\u007f\u0085\u00e9'.split(
      '',
    ),
  );
  const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
  const printable = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)),
    minLength: 1,
    maxLength: 1,
  });
  const unit = fc.oneof(
    { weight: 20, arbitrary: alnum },
    { weight: 2, arbitrary: tricky },
    { weight: 2, arbitrary: printable },
    { weight: 1, arbitrary: anyChar },
  );
  const mixed = fc.string({ unit, minLength: 0, maxLength: 60 });
  const nearLimit = fc.string({ unit: alnum, minLength: 240, maxLength: 270 });
  // a valid-looking token with up to two characters of any kind inserted
  const almostValid = fc
    .tuple(
      fc.string({ unit: alnum, minLength: 14, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(), fc.oneof(tricky, printable, anyChar)), { maxLength: 2 }),
    )
    .map(([base, inserts]) =>
      inserts.reduce(
        (s, [at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)),
        base,
      ),
    );
  const token = fc.oneof(mixed, nearLimit, almostValid);

  it('accepts exactly what the oracle accepts (10,000 strings)', () => {
    const current = 'abc0189XYZabc0189XYZ';
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(token, fc.constant(current)), (value) => {
        const result = validateToken(value, { currentToken: current });
        const expected = oracleAllows(value, current);
        if (expected) accepted += 1;
        expect(result.valid).toBe(expected);
        expect(result.problems.length === 0).toBe(expected);
        // every refused character is reported at its position, and nothing else is
        const reported = result.problems
          .flatMap((p) => ('characters' in p ? p.characters.flatMap((c) => c.positions) : []))
          .sort((a, b) => a - b);
        const refused = Array.from(value).flatMap((c, i) => {
          const p = c.codePointAt(0) ?? -1;
          return p > 0x20 && p < 0x7f && !'?%&#+"<>\\^`{|}'.includes(c) ? [] : [i + 1];
        });
        expect(reported).toEqual(refused);
      }),
      { numRuns: 10_000, seed: 20260204 },
    );
    // the generator produced both outcomes in meaningful numbers
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(9_500);
  });
});
