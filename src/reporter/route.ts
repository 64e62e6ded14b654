import type { RouteKind } from './types';

/** Host a Route is served at: spec.host, else the first admitted ingress host. */
export const routeHostOf = (route: RouteKind | undefined): string | undefined => {
  const host = route?.spec?.host ?? route?.status?.ingress?.find((i) => !!i.host)?.host;
  return host && /^[A-Za-z0-9.-]+(:\d+)?$/.test(host) ? host : undefined;
};

/** The Reporter API base URL (https://<host>, plus the Route's path when it has one). */
export const reporterApiUrlOf = (route: RouteKind | undefined): string | undefined => {
  const host = routeHostOf(route);
  if (!host) return undefined;
  const path = route?.spec?.path;
  const suffix = path && path !== '/' ? path.replace(/\/+$/, '') : '';
  return `https://${host}${suffix}`;
};

/** An example API request; the token goes in the query string, URL-encoded. */
export const snapshotRequestOf = (baseUrl: string, token: string): string =>
  `${baseUrl}/snapshot?token=${encodeURIComponent(token)}`;
