import { decodeToken, encodeToken, TokenCodingError } from './base64';

describe('decodeToken', () => {
  it('decodes the fixture token (ASCII)', () => {
    expect(decodeToken('T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj')).toBe('Ox50X8n7RpfqCpNReNRDY5cc');
  });

  it('decodes UTF-8 text', () => {
    // "jeton-é€😀" encoded as UTF-8 then base64
    expect(decodeToken(Buffer.from('jeton-é€😀', 'utf8').toString('base64'))).toBe('jeton-é€😀');
  });

  it('keeps a leading byte order mark (the token is what the Secret holds, byte for byte)', () => {
    const value = Buffer.from('\uFEFFtoken', 'utf8').toString('base64');
    expect(decodeToken(value)).toBe('\uFEFFtoken');
    expect(encodeToken(decodeToken(value))).toBe(value);
  });

  it('ignores whitespace and line breaks around and inside the value', () => {
    expect(decodeToken(' dG9r\nZW4=\n')).toBe('token');
  });

  it.each([
    ['not base64 characters', 'abc$'],
    ['a wrong length', 'abcde'],
    ['misplaced padding', 'ab=c'],
  ])('rejects %s with a typed error', (_what, value) => {
    expect(() => decodeToken(value)).toThrow(TokenCodingError);
    try {
      decodeToken(value);
    } catch (e) {
      expect((e as TokenCodingError).reason).toBe('invalid-base64');
      expect((e as TokenCodingError).message).toMatch(/not valid base64/);
    }
  });

  it('rejects bytes that are not UTF-8, without echoing the value', () => {
    const value = Buffer.from([0x73, 0x65, 0xff, 0xfe, 0x63]).toString('base64');
    let caught: unknown;
    try {
      decodeToken(value);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TokenCodingError);
    expect((caught as TokenCodingError).reason).toBe('invalid-utf8');
    expect((caught as TokenCodingError).message).not.toContain(value);
  });

  it('rejects an empty value', () => {
    expect(() => decodeToken('')).toThrow(expect.objectContaining({ reason: 'empty' }) as Error);
  });
});

describe('encodeToken', () => {
  it('encodes ASCII like the operator does', () => {
    expect(encodeToken('Ox50X8n7RpfqCpNReNRDY5cc')).toBe('T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj');
  });

  it('round-trips UTF-8 text', () => {
    for (const text of ['a', 'ab', 'abc', 'jeton-é€😀', 'x'.repeat(64)]) {
      expect(decodeToken(encodeToken(text))).toBe(text);
      expect(encodeToken(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });
});
