/**
 * Every data-test ID the plugin renders, in one table: components and browser tests both import it.
 * Add new IDs here (prefix "lsr-token-"), never as literals in components or tests.
 */
export const DataTest = {
  page: 'lsr-token-page',
} as const;

export type DataTestId = (typeof DataTest)[keyof typeof DataTest];
