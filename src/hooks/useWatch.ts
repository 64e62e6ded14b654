import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';

export type WatchResult<R> = {
  /** Undefined until loaded (and for a named object that does not exist). */
  data: R | undefined;
  loaded: boolean;
  /** What the SDK reported (an HttpError, or an Error such as "Model does not exist"). */
  error: unknown;
};

/** useK8sWatchResource with a typed result; `null` watches nothing. */
export const useWatch = <R extends K8sResourceCommon | K8sResourceCommon[]>(
  resource: WatchK8sResource | null,
): WatchResult<R> => {
  const [data, loaded, error] = useK8sWatchResource<R>(resource) as [
    R | undefined,
    boolean,
    unknown,
  ];
  return { data, loaded, error };
};
