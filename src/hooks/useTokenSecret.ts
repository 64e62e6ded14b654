import { gvkOf, SecretModel } from '../models';
import { secretStateOf } from '../reporter/secret-state';
import type { SecretState } from '../reporter/secret-state';
import type { ReporterInstance, SecretKind } from '../reporter/types';
import { useWatch } from './useWatch';

/** Watches the instance's token Secret (a named object: name and namespace) and decodes it. */
export const useTokenSecret = (instance: ReporterInstance | undefined): SecretState => {
  const { data, loaded, error } = useWatch<SecretKind>(
    instance
      ? {
          groupVersionKind: gvkOf(SecretModel),
          name: instance.secretName,
          namespace: instance.namespace,
        }
      : null,
  );
  return secretStateOf(data, loaded, error);
};
