/**
 * The one rule for a License Service Reporter API token, used by the rotation form (as the user types)
 * and by the rotation runner (a second guard before anything is sent).
 *
 * IBM's documented rule: no spaces and none of `?`, `%`, `&`. The Reporter API takes the token as a URL
 * query parameter (`?token=<token>`), so characters that change meaning in a URL are refused too, and so
 * is anything outside printable ASCII (control characters, invisible characters, look-alike letters from
 * other scripts), which cannot be told apart on screen and is encoded differently by different clients.
 * Pure module: no React, no I/O.
 */

/** Shortest token accepted. Below 16 characters a token is guessable; the operator itself generates 24. */
export const TOKEN_MIN_LENGTH = 16;
/** Longest token accepted: keeps `?token=<token>` well inside the URL limits of proxies and servers. */
export const TOKEN_MAX_LENGTH = 256;

export type CharacterClass =
  /** A space or any other Unicode whitespace. */
  | 'whitespace'
  /** `?`, `%` or `&`: forbidden by IBM's rule. */
  | 'ibm-forbidden'
  /** `#`: everything after it is dropped from a URL (it starts the fragment). */
  | 'url-fragment'
  /** `+`: decoded as a space in a query string. */
  | 'url-plus'
  /** Printable ASCII that must be percent-encoded in a URL (clients differ in whether they do). */
  | 'url-unsafe'
  /** A control character (C0, DEL or C1). */
  | 'control'
  /** An invisible character (zero-width, format, bidirectional or other default-ignorable character). */
  | 'invisible'
  /** Any other character outside printable ASCII (letters of other scripts, fullwidth forms, symbols). */
  | 'non-ascii';

export type OffendingCharacter = {
  /** Unicode code point. */
  codePoint: number;
  /** `U+XXXX`. */
  label: string;
  /** A readable name, e.g. "NO-BREAK SPACE" or "CYRILLIC SMALL LETTER A". */
  name: string;
  /** The printable ASCII character it can be mistaken for, when it is a known look-alike. */
  looksLike?: string;
  /** Safe to show as itself (printable ASCII, visible). */
  printable: boolean;
  /** 1-based positions (counted in characters, not UTF-16 units). */
  positions: number[];
};

export type TokenProblem =
  | { code: 'empty' }
  | { code: 'too-short'; length: number; min: number }
  | { code: 'too-long'; length: number; max: number }
  | { code: 'same-as-current' }
  | { code: CharacterClass; characters: OffendingCharacter[] };

export type TokenValidation = {
  valid: boolean;
  /** Every problem found, in a stable order. */
  problems: TokenProblem[];
  /** Length in characters (code points). */
  length: number;
  /** The value has leading or trailing whitespace and trimming it leaves something. */
  trimmable: boolean;
};

export type ValidateOptions = {
  /** The token in use now: a new token must differ from it. */
  currentToken?: string;
};

const CLASS_ORDER: CharacterClass[] = [
  'whitespace',
  'ibm-forbidden',
  'url-fragment',
  'url-plus',
  'url-unsafe',
  'control',
  'invisible',
  'non-ascii',
];

const WHITESPACE = /^[\s\p{White_Space}]$/u;
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]$/u;
const IBM_FORBIDDEN = new Set(['?', '%', '&']);
const URL_UNSAFE = new Set(['"', '<', '>', '\\', '^', '`', '{', '|', '}']);

const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

const NAMED: Record<number, string> = {
  0x20: 'SPACE',
  0x22: 'QUOTATION MARK',
  0x23: 'NUMBER SIGN',
  0x25: 'PERCENT SIGN',
  0x26: 'AMPERSAND',
  0x2b: 'PLUS SIGN',
  0x3c: 'LESS-THAN SIGN',
  0x3e: 'GREATER-THAN SIGN',
  0x3f: 'QUESTION MARK',
  0x5c: 'REVERSE SOLIDUS',
  0x5e: 'CIRCUMFLEX ACCENT',
  0x60: 'GRAVE ACCENT',
  0x7b: 'LEFT CURLY BRACKET',
  0x7c: 'VERTICAL LINE',
  0x7d: 'RIGHT CURLY BRACKET',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x34f: 'COMBINING GRAPHEME JOINER',
  0x61c: 'ARABIC LETTER MARK',
  0x1680: 'OGHAM SPACE MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2007: 'FIGURE SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** Common letters of other scripts that look like Latin letters or digits. */
const LOOK_ALIKES: Record<number, [string, string]> = {
  0x430: ['CYRILLIC SMALL LETTER A', 'a'],
  0x435: ['CYRILLIC SMALL LETTER IE', 'e'],
  0x43e: ['CYRILLIC SMALL LETTER O', 'o'],
  0x440: ['CYRILLIC SMALL LETTER ER', 'p'],
  0x441: ['CYRILLIC SMALL LETTER ES', 'c'],
  0x443: ['CYRILLIC SMALL LETTER U', 'y'],
  0x445: ['CYRILLIC SMALL LETTER HA', 'x'],
  0x456: ['CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
  0x458: ['CYRILLIC SMALL LETTER JE', 'j'],
  0x455: ['CYRILLIC SMALL LETTER DZE', 's'],
  0x410: ['CYRILLIC CAPITAL LETTER A', 'A'],
  0x412: ['CYRILLIC CAPITAL LETTER VE', 'B'],
  0x415: ['CYRILLIC CAPITAL LETTER IE', 'E'],
  0x41a: ['CYRILLIC CAPITAL LETTER KA', 'K'],
  0x41c: ['CYRILLIC CAPITAL LETTER EM', 'M'],
  0x41d: ['CYRILLIC CAPITAL LETTER EN', 'H'],
  0x41e: ['CYRILLIC CAPITAL LETTER O', 'O'],
  0x420: ['CYRILLIC CAPITAL LETTER ER', 'P'],
  0x421: ['CYRILLIC CAPITAL LETTER ES', 'C'],
  0x422: ['CYRILLIC CAPITAL LETTER TE', 'T'],
  0x425: ['CYRILLIC CAPITAL LETTER HA', 'X'],
  0x3bf: ['GREEK SMALL LETTER OMICRON', 'o'],
  0x3b1: ['GREEK SMALL LETTER ALPHA', 'a'],
  0x391: ['GREEK CAPITAL LETTER ALPHA', 'A'],
  0x392: ['GREEK CAPITAL LETTER BETA', 'B'],
  0x395: ['GREEK CAPITAL LETTER EPSILON', 'E'],
  0x397: ['GREEK CAPITAL LETTER ETA', 'H'],
  0x399: ['GREEK CAPITAL LETTER IOTA', 'I'],
  0x39a: ['GREEK CAPITAL LETTER KAPPA', 'K'],
  0x39c: ['GREEK CAPITAL LETTER MU', 'M'],
  0x39d: ['GREEK CAPITAL LETTER NU', 'N'],
  0x39f: ['GREEK CAPITAL LETTER OMICRON', 'O'],
  0x3a1: ['GREEK CAPITAL LETTER RHO', 'P'],
  0x3a4: ['GREEK CAPITAL LETTER TAU', 'T'],
  0x3a7: ['GREEK CAPITAL LETTER CHI', 'X'],
  0x3a5: ['GREEK CAPITAL LETTER UPSILON', 'Y'],
  0x396: ['GREEK CAPITAL LETTER ZETA', 'Z'],
  0x131: ['LATIN SMALL LETTER DOTLESS I', 'i'],
};

const SCRIPTS: [RegExp, string][] = [
  [/^\p{Script=Cyrillic}$/u, 'CYRILLIC'],
  [/^\p{Script=Greek}$/u, 'GREEK'],
  [/^\p{Script=Latin}$/u, 'LATIN'],
  [/^\p{Script=Armenian}$/u, 'ARMENIAN'],
  [/^\p{Script=Hebrew}$/u, 'HEBREW'],
  [/^\p{Script=Arabic}$/u, 'ARABIC'],
  [/^\p{Script=Han}$/u, 'CJK'],
  [/^\p{Script=Hangul}$/u, 'HANGUL'],
];

export const codePointLabel = (cp: number): string =>
  `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

const isPrintableAscii = (cp: number) => cp >= 0x21 && cp <= 0x7e;

/** The class of a character that may not appear in a token, or undefined when it is allowed. */
export const classifyCharacter = (ch: string): CharacterClass | undefined => {
  const cp = ch.codePointAt(0) ?? 0;
  if (WHITESPACE.test(ch)) return 'whitespace';
  if (IBM_FORBIDDEN.has(ch)) return 'ibm-forbidden';
  if (ch === '#') return 'url-fragment';
  if (ch === '+') return 'url-plus';
  if (URL_UNSAFE.has(ch)) return 'url-unsafe';
  if (isPrintableAscii(cp)) return undefined;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if (INVISIBLE.test(ch)) return 'invisible';
  return 'non-ascii';
};

/** A readable name for a character (names of the characters the rule meets most; a description otherwise). */
export const describeCharacter = (ch: string): { name: string; looksLike?: string } => {
  const cp = ch.codePointAt(0) ?? 0;
  const lookAlike = LOOK_ALIKES[cp];
  if (lookAlike) return { name: lookAlike[0], looksLike: lookAlike[1] };
  const named = NAMED[cp];
  if (named) return { name: named };
  if (cp < 0x20) return { name: C0_NAMES[cp] ?? 'CONTROL CHARACTER' };
  if (cp >= 0x80 && cp <= 0x9f) return { name: 'C1 CONTROL CHARACTER' };
  const folded = ch.normalize('NFKC');
  if (folded !== ch && folded.length === 1 && isPrintableAscii(folded.codePointAt(0) ?? 0)) {
    const kind = cp >= 0xff01 && cp <= 0xff5e ? 'FULLWIDTH FORM' : 'COMPATIBILITY FORM';
    return { name: `${kind} OF ${folded}`, looksLike: folded };
  }
  if (/^\p{Cs}$/u.test(ch)) return { name: 'UNPAIRED SURROGATE' };
  if (/^\p{Co}$/u.test(ch)) return { name: 'PRIVATE USE CHARACTER' };
  if (/^\p{Cn}$/u.test(ch)) return { name: 'UNASSIGNED CODE POINT' };
  if (INVISIBLE.test(ch)) return { name: 'INVISIBLE FORMAT CHARACTER' };
  if (WHITESPACE.test(ch)) return { name: 'WHITESPACE CHARACTER' };
  const script = SCRIPTS.find(([re]) => re.test(ch));
  if (script) return { name: `${script[1]} ${/^\p{L}$/u.test(ch) ? 'LETTER' : 'CHARACTER'}` };
  if (/^\p{L}$/u.test(ch)) return { name: 'NON-LATIN LETTER' };
  if (/^\p{N}$/u.test(ch)) return { name: 'NON-ASCII DIGIT OR NUMBER' };
  if (/^\p{M}$/u.test(ch)) return { name: 'COMBINING MARK' };
  if (/^\p{Extended_Pictographic}$/u.test(ch)) return { name: 'EMOJI OR PICTOGRAPH' };
  return { name: 'NON-ASCII CHARACTER' };
};

const isTrimmableAtEnds = (ch: string) =>
  classifyCharacter(ch) === 'whitespace' || classifyCharacter(ch) === 'invisible';

/** Removes leading and trailing whitespace (and invisible characters stuck to it), as pasted text often has. */
export const trimToken = (value: string): string => {
  const chars = Array.from(value);
  let start = 0;
  let end = chars.length;
  while (start < end && isTrimmableAtEnds(chars[start] ?? '')) start += 1;
  while (end > start && isTrimmableAtEnds(chars[end - 1] ?? '')) end -= 1;
  return chars.slice(start, end).join('');
};

export const validateToken = (value: string, options: ValidateOptions = {}): TokenValidation => {
  const chars = Array.from(value);
  const problems: TokenProblem[] = [];
  if (chars.length === 0) {
    return { valid: false, problems: [{ code: 'empty' }], length: 0, trimmable: false };
  }
  if (chars.length < TOKEN_MIN_LENGTH) {
    problems.push({ code: 'too-short', length: chars.length, min: TOKEN_MIN_LENGTH });
  }
  if (chars.length > TOKEN_MAX_LENGTH) {
    problems.push({ code: 'too-long', length: chars.length, max: TOKEN_MAX_LENGTH });
  }
  const byClass = new Map<CharacterClass, Map<number, OffendingCharacter>>();
  chars.forEach((ch, index) => {
    const cls = classifyCharacter(ch);
    if (!cls) return;
    const cp = ch.codePointAt(0) ?? 0;
    let group = byClass.get(cls);
    if (!group) {
      group = new Map();
      byClass.set(cls, group);
    }
    const existing = group.get(cp);
    if (existing) {
      existing.positions.push(index + 1);
    } else {
      const { name, looksLike } = describeCharacter(ch);
      group.set(cp, {
        codePoint: cp,
        label: codePointLabel(cp),
        name,
        ...(looksLike === undefined ? {} : { looksLike }),
        printable: isPrintableAscii(cp),
        positions: [index + 1],
      });
    }
  });
  for (const cls of CLASS_ORDER) {
    const group = byClass.get(cls);
    if (group) problems.push({ code: cls, characters: [...group.values()] });
  }
  if (options.currentToken !== undefined && value === options.currentToken) {
    problems.push({ code: 'same-as-current' });
  }
  const trimmed = trimToken(value);
  return {
    valid: problems.length === 0,
    problems,
    length: chars.length,
    trimmable: trimmed !== value && trimmed.length > 0,
  };
};

/** True when the value may be used as a token (same rule as validateToken, no current-token check). */
export const isValidToken = (value: string, options: ValidateOptions = {}): boolean =>
  validateToken(value, options).valid;
