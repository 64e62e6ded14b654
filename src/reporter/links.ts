/** Route of the token page (console-extensions.json console.page/route). */
export const TOKEN_PAGE_PATH = '/license-service-reporter/api-token';

/** URL query parameters that keep the chosen instance (never the token). */
export const NS_PARAM = 'ns';
export const NAME_PARAM = 'name';

/** The token page on one Reporter instance. */
export const tokenPageHref = (namespace: string, crName: string): string =>
  `${TOKEN_PAGE_PATH}?${new URLSearchParams({ [NS_PARAM]: namespace, [NAME_PARAM]: crName }).toString()}`;

/** IBM's documentation of License Service Reporter (installation and use). */
export const REPORTER_DOCS_URL =
  'https://www.ibm.com/docs/en/cloud-paks/foundational-services/4.x_cd?topic=service-license-reporter';
