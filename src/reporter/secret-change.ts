import { ROTATED_AT_ANNOTATION, TOKEN_KEY } from './types';
import type { SecretKind } from './types';

/** A change of the token seen while the page was open. */
export type SecretChange = {
  /**
   * 'plugin': this plugin's rotation (the rotated-at annotation changed in the same update);
   * 'external': anything else (an edit, the operator regenerating it, another tool);
   * 'recreated': the Secret was deleted and created again (new uid), e.g. by the operator.
   */
  origin: 'plugin' | 'external' | 'recreated';
  /** resourceVersion of the Secret after the change. */
  resourceVersion: string | undefined;
};

/**
 * Compares two observations of the same token Secret and says whether its token changed and how.
 * Returns undefined when the token value is the same (other edits are not a token change).
 */
export const describeSecretChange = (
  previous: SecretKind | undefined,
  next: SecretKind | undefined,
): SecretChange | undefined => {
  if (!previous?.metadata?.name || !next?.metadata?.name) return undefined;
  const before = previous.data?.[TOKEN_KEY];
  const after = next.data?.[TOKEN_KEY];
  const resourceVersion = next.metadata.resourceVersion;
  const recreated =
    !!previous.metadata.uid && !!next.metadata.uid && previous.metadata.uid !== next.metadata.uid;
  if (before === after) return recreated ? { origin: 'recreated', resourceVersion } : undefined;
  if (recreated) return { origin: 'recreated', resourceVersion };
  const stampBefore = previous.metadata.annotations?.[ROTATED_AT_ANNOTATION];
  const stampAfter = next.metadata.annotations?.[ROTATED_AT_ANNOTATION];
  const origin = stampAfter !== undefined && stampAfter !== stampBefore ? 'plugin' : 'external';
  return { origin, resourceVersion };
};
