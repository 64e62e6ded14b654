/**
 * What is shown in place of a hidden token. Fixed width: it says nothing about the token's length.
 */
export const TOKEN_MASK = '••••••••••••••••';

/**
 * `text` with every occurrence of `secret` replaced by the mask, unless `revealed`.
 * An empty secret masks nothing.
 */
export const maskSecret = (text: string, secret: string | undefined, revealed: boolean): string =>
  revealed || !secret ? text : text.split(secret).join(TOKEN_MASK);
