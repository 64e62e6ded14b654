import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ExtensionHook } from '@openshift-console/dynamic-plugin-sdk';
import { gvkOf, ReporterModel } from '../models';
import { tokenPageHref } from '../reporter/links';
import { isTokenSecretOf, reporterOwnerOf } from '../reporter/token-secret';
import type { ReporterKind, SecretKind } from '../reporter/types';
import { useWatch } from '../hooks/useWatch';

/**
 * Actions for a Secret's menu (console.action/resource-provider on v1 Secret): on a Reporter's
 * API token Secret, "View API token" opens the token page on that Reporter. Other Secrets get
 * nothing; a Secret without a Reporter controller owner costs no request.
 */
const useTokenSecretActions: ExtensionHook<Action[], SecretKind | undefined> = (secret) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const owner = reporterOwnerOf(secret);
  const namespace = secret?.metadata?.namespace;
  const {
    data: cr,
    loaded,
    error,
  } = useWatch<ReporterKind>(
    owner && namespace
      ? { groupVersionKind: gvkOf(ReporterModel), name: owner.name, namespace }
      : null,
  );
  const ownerName = owner?.name;
  const isToken = !!secret && !!ownerName && loaded && !error && isTokenSecretOf(secret, cr);

  const actions = useMemo<Action[]>(
    () =>
      isToken && namespace && ownerName
        ? [
            {
              id: 'lsr-token-plugin-view-token',
              label: t('View License Service Reporter API token'),
              description: t('Show, copy or rotate this token'),
              cta: { href: tokenPageHref(namespace, ownerName) },
            },
          ]
        : [],
    [isToken, namespace, ownerName, t],
  );

  // When the owner cannot be read (e.g. 403), the Secret simply gets no action.
  return [actions, !ownerName || !namespace || loaded || !!error, undefined];
};

export default useTokenSecretActions;
export { useTokenSecretActions };
