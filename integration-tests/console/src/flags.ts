import type { PluginStore } from '@openshift/dynamic-plugin-sdk';
import type { ModelFeatureFlag } from '@openshift-console/dynamic-plugin-sdk';
import { isModelFeatureFlag } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { setFlags } from '../sdk/app-state';
import type { ModelsState } from '../sdk/models';

/**
 * console.flag/model: a flag is on when API discovery knows the model. The store gates extensions
 * with flags.required on it; useFlag reads the same values.
 */
export const evaluateModelFlags = (store: PluginStore, models: ModelsState): void => {
  const flags: Record<string, boolean> = {};
  store
    .getExtensions()
    .filter(isModelFeatureFlag)
    .forEach((e) => {
      const { flag, model } = (e as unknown as ModelFeatureFlag).properties;
      flags[flag] = Object.values(models.models).some(
        (m) =>
          m.kind === model.kind &&
          (m.apiGroup || '') === ((model.group as string | undefined) ?? '') &&
          (!model.version || m.apiVersion === model.version),
      );
    });
  store.setFeatureFlags(flags);
  setFlags(flags);
};
