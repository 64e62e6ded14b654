/**
 * Every data-test ID the plugin renders, in one table: components and browser tests both import it.
 * Add new IDs here (prefix "lsr-token-"), never as literals in components or tests.
 */
export const DataTest = {
  page: 'lsr-token-page',
  // Token page (src/components/TokenPage.tsx and its parts)
  instanceSelect: 'lsr-token-instance-select',
  noReporter: 'lsr-token-no-reporter',
  loadError: 'lsr-token-load-error',
  forbidden: 'lsr-token-forbidden',
  namespaceForbidden: 'lsr-token-namespace-forbidden',
  namespaceForm: 'lsr-token-namespace-form',
  namespaceInput: 'lsr-token-namespace-input',
  namespaceSubmit: 'lsr-token-namespace-submit',
  secretMissing: 'lsr-token-secret-missing',
  secretForbidden: 'lsr-token-secret-forbidden',
  decodeError: 'lsr-token-decode-error',
  tokenValue: 'lsr-token-value',
  revealToggle: 'lsr-token-reveal',
  copyToken: 'lsr-token-copy',
  secretLink: 'lsr-token-secret-link',
  reporterLink: 'lsr-token-reporter-link',
  lastChanged: 'lsr-token-last-changed',
  ageWarning: 'lsr-token-age-warning',
  apiUrl: 'lsr-token-api-url',
  exampleRequest: 'lsr-token-example-request',
  cliLinux: 'lsr-token-cli-linux',
  cliMacos: 'lsr-token-cli-macos',
  cliWindows: 'lsr-token-cli-windows',
  cliPowershell: 'lsr-token-cli-powershell',
  changeNotice: 'lsr-token-change-notice',
  rotateButton: 'lsr-token-rotate',
  // Copy controls (src/components/CopyButton.tsx, CopyableCode.tsx)
  copyStatus: 'lsr-token-copy-status',
  copyFallback: 'lsr-token-copy-fallback',
  copyFallbackHide: 'lsr-token-copy-fallback-hide',
} as const;

export type DataTestId = (typeof DataTest)[keyof typeof DataTest];
