import { PluginStore } from '@openshift/dynamic-plugin-sdk';
import type { ShareScope } from './share-scope';

/** The console's plugin store, configured as console 4.22 configures it. */
export const createPluginStore = (sharedScope: ShareScope): PluginStore =>
  new PluginStore({
    loaderOptions: {
      sharedScope,
      entryCallbackSettings: { name: '__load_plugin_entry__', registerCallback: true },
      customDependencyResolutions: { '@console/pluginAPI': window.SERVER_FLAGS.releaseVersion },
    },
  });

export const loadConsolePlugins = async (store: PluginStore): Promise<void> => {
  await Promise.all(
    window.SERVER_FLAGS.consolePlugins.map((name) =>
      store
        .loadPlugin(`${window.SERVER_FLAGS.basePath}api/plugins/${name}/plugin-manifest.json`)
        .catch((e: unknown) => {
          console.error(`Failed to load plugin ${name}`, e);
        }),
    ),
  );
};
