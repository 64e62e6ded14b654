import { ReporterModel } from '../models';
import { tokenSecretNameOf } from './discover';
import type { ReporterKind, SecretKind } from './types';

/** The Reporter CR that controls a Secret (its controller owner reference), if any. */
export const reporterOwnerOf = (
  secret: SecretKind | undefined,
): { name: string; uid: string | undefined } | undefined => {
  const ref = secret?.metadata?.ownerReferences?.find(
    (r) =>
      r.controller === true &&
      r.kind === ReporterModel.kind &&
      r.apiVersion.split('/')[0] === ReporterModel.apiGroup,
  );
  return ref?.name ? { name: ref.name, uid: ref.uid } : undefined;
};

/**
 * True when `secret` is the API token Secret of `cr`: controlled by that CR (same namespace,
 * same name, and same uid when both are known) and named as its token Secret.
 */
export const isTokenSecretOf = (secret: SecretKind, cr: ReporterKind | undefined): boolean => {
  const owner = reporterOwnerOf(secret);
  if (!owner || !cr?.metadata?.name) return false;
  if (owner.name !== cr.metadata.name) return false;
  if (secret.metadata?.namespace !== cr.metadata.namespace) return false;
  if (owner.uid && cr.metadata.uid && owner.uid !== cr.metadata.uid) return false;
  return secret.metadata?.name === tokenSecretNameOf(cr);
};
