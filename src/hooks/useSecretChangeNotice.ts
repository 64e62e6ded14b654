import { useCallback, useState } from 'react';
import { describeSecretChange } from '../reporter/secret-change';
import type { SecretChange } from '../reporter/secret-change';
import type { SecretKind } from '../reporter/types';

/**
 * Follows the observed Secret and keeps the latest token change seen while the page is open,
 * until dismissed. The first observation is never a change. Callers key it by instance.
 *
 * `ownChange` says whether the Secret as observed now holds the token of this page's own rotation
 * run: that change is the one the user just made here, and the run shows it, so it is no notice.
 */
export const useSecretChangeNotice = (
  secret: SecretKind | undefined,
  ownChange = false,
): { change: SecretChange | undefined; dismiss: () => void } => {
  // Only real observations count: while the Secret is missing, the last one seen is kept, so a
  // Secret deleted and created again is reported as such.
  const current = secret?.metadata?.name ? secret : undefined;
  const [observed, setObserved] = useState<SecretKind | undefined>(current);
  const [change, setChange] = useState<SecretChange | undefined>(undefined);
  if (current && current !== observed) {
    // Adjusting state while rendering: React re-renders at once with the new values.
    setObserved(current);
    const next = describeSecretChange(observed, current);
    if (next && !ownChange) setChange(next);
  }
  const dismiss = useCallback(() => {
    setChange(undefined);
  }, []);
  return { change, dismiss };
};
