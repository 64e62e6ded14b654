/**
 * Access reviews for every permission a plan needs. A review that cannot be made is treated as
 * allowed (as the console does): the runner still handles the API's 403.
 */
import { useEffect, useMemo, useState } from 'react';
import { checkAccess } from '@openshift-console/dynamic-plugin-sdk';
import { accessKey, type AccessNeed } from './access';

export type AccessState = { loading: boolean; missing: AccessNeed[] };

export const useAccessChecks = (needs: AccessNeed[]): AccessState => {
  const signature = needs.map(accessKey).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not identity
  const stable = useMemo(() => needs, [signature]);
  const [result, setResult] = useState<{ signature: string; missing: AccessNeed[] }>();

  useEffect(() => {
    let cancelled = false;
    Promise.all(
      stable.map((n) =>
        checkAccess({
          group: n.group,
          resource: n.resource,
          verb: n.verb,
          ...(n.namespace ? { namespace: n.namespace } : {}),
          ...(n.name ? { name: n.name } : {}),
        }).then(
          (review) => (review.status?.allowed === false ? n : undefined),
          () => undefined,
        ),
      ),
    ).then(
      (denied) => {
        if (!cancelled) {
          setResult({ signature, missing: denied.filter((d): d is AccessNeed => !!d) });
        }
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [stable, signature]);

  return result?.signature === signature
    ? { loading: false, missing: result.missing }
    : { loading: true, missing: [] };
};
