import { gvkOf, RouteModel } from '../models';
import { reporterApiUrlOf } from '../reporter/route';
import { REPORTER_API_ROUTE } from '../reporter/types';
import type { RouteKind } from '../reporter/types';
import { useWatch } from './useWatch';

/**
 * The Reporter API base URL from the `ibm-license-service-reporter` Route in `namespace`;
 * undefined while loading, when the Route is absent, or when the user may not read it.
 */
export const useReporterApiUrl = (namespace: string | undefined): string | undefined => {
  const route = useWatch<RouteKind>(
    namespace ? { groupVersionKind: gvkOf(RouteModel), name: REPORTER_API_ROUTE, namespace } : null,
  );
  return route.loaded && !route.error ? reporterApiUrlOf(route.data) : undefined;
};
