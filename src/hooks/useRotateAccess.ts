import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import type { ReporterInstance } from '../reporter/types';

/**
 * Whether the user may patch the instance's token Secret. A failed review reports "allowed", so
 * the rotation itself still handles a 403.
 */
export const useRotateAccess = (
  instance: ReporterInstance,
): { allowed: boolean; loading: boolean } => {
  const [allowed, loading] = useAccessReview({
    group: '',
    resource: 'secrets',
    verb: 'patch',
    namespace: instance.namespace,
    name: instance.secretName,
  });
  return { allowed, loading };
};
