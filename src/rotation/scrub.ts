/**
 * Removes tokens from text before it is shown (API error messages can echo a request body).
 * Each token is removed raw, base64-encoded (standard and URL-safe, with or without padding) and
 * URL-encoded (encodeURIComponent, and form encoding with + for spaces).
 */
import { encodeToken } from '../token/base64';

export const SCRUBBED = '[token removed]';

const variants = (token: string): string[] => {
  if (!token) return [];
  const b64 = encodeToken(token);
  const urlSafe = b64.replace(/\+/g, '-').replace(/\//g, '_');
  const encoded = encodeURIComponent(token);
  const forms = [
    token,
    b64,
    b64.replace(/=+$/, ''),
    urlSafe,
    urlSafe.replace(/=+$/, ''),
    encoded,
    encoded.replace(/%20/g, '+'),
    encodeURIComponent(b64),
    JSON.stringify(token).slice(1, -1),
  ];
  // longest first, so a longer form is never left half-replaced by a shorter one
  return [...new Set(forms.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
};

export const scrubTokens = (text: string, tokens: (string | undefined)[]): string => {
  let out = text;
  for (const token of tokens) {
    if (!token) continue;
    for (const form of variants(token)) out = out.split(form).join(SCRUBBED);
  }
  return out;
};
