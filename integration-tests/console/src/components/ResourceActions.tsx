import { useCallback, useEffect, useMemo, useState } from 'react';
import { useResolvedExtensions } from '@openshift/dynamic-plugin-sdk';
import type {
  Action,
  K8sModel,
  K8sResourceCommon,
  ResourceActionProvider,
} from '@openshift-console/dynamic-plugin-sdk';
import { isResourceActionProvider } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { ActionsMenu } from './ActionsMenu';

type ActionHook = (scope: K8sResourceCommon) => [Action[], boolean, unknown];

/** Calls one provider's hook with the resource and reports its actions once loaded. */
const ProviderHook = ({
  uid,
  useProvider,
  resource,
  onActions,
}: {
  uid: string;
  useProvider: ActionHook;
  resource: K8sResourceCommon;
  onActions: (uid: string, actions: Action[]) => void;
}) => {
  const [actions, loaded] = useProvider(resource);
  useEffect(() => {
    if (loaded) {
      onActions(uid, actions);
    }
  }, [uid, actions, loaded, onActions]);
  return null;
};

const matchesModel = (e: ResourceActionProvider, model: K8sModel): boolean => {
  const m = e.properties.model;
  return (
    m.kind === model.kind &&
    m.version === model.apiVersion &&
    (m.group && m.group !== 'core' ? m.group : undefined) === model.apiGroup
  );
};

/** Actions from every console.action/resource-provider extension for this resource's model. */
export const ResourceActions = ({
  model,
  resource,
}: {
  model: K8sModel;
  resource: K8sResourceCommon;
}) => {
  const [extensions] = useResolvedExtensions(
    isResourceActionProvider as (e: unknown) => e is ResourceActionProvider,
  );
  const providers = useMemo(
    () => extensions.filter((e) => matchesModel(e as unknown as ResourceActionProvider, model)),
    [extensions, model],
  );
  const [byProvider, setByProvider] = useState<Record<string, Action[]>>({});
  const onActions = useCallback((uid: string, actions: Action[]) => {
    setByProvider((prev) => ({ ...prev, [uid]: actions }));
  }, []);
  const actions = providers.flatMap((p) => byProvider[p.uid] ?? []);
  return (
    <>
      {providers.map((p) => (
        <ProviderHook
          key={p.uid}
          uid={p.uid}
          useProvider={p.properties.provider as unknown as ActionHook}
          resource={resource}
          onActions={onActions}
        />
      ))}
      <ActionsMenu actions={actions} resource={resource} />
    </>
  );
};
