import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { PluginStoreProvider } from '@openshift/dynamic-plugin-sdk';
import '@patternfly/react-core/dist/styles/base.css';
import { discoverModels } from '../sdk/models';
import { App } from './App';
import { evaluateModelFlags } from './flags';
import { initI18n } from './i18n';
import { createPluginStore, loadConsolePlugins } from './plugins';
import { buildShareScope } from './share-scope';
import { applyTheme, currentTheme } from './theme';
import './host.css';

/**
 * Start-up in the console's order: share scope, plugin store, plugins and API discovery in
 * parallel, flags from discovery, then render. `?pf=none` leaves PatternFly out of the share scope
 * (each plugin then loads its own fallback copy).
 */
const start = async () => {
  applyTheme(currentTheme());
  const patternfly = new URLSearchParams(window.location.search).get('pf') !== 'none';
  const shareScope = buildShareScope({ patternfly });
  const store = createPluginStore(shareScope);
  // For browser tests: which provider each shared module was taken from.
  Object.assign(window, { __consoleShareScope: shareScope, __consolePluginStore: store });
  const [models] = await Promise.all([discoverModels(), loadConsolePlugins(store), initI18n()]);
  evaluateModelFlags(store, models);
  const root = document.getElementById('app');
  if (!root) {
    throw new Error('No #app element');
  }
  createRoot(root).render(
    <PluginStoreProvider store={store}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </PluginStoreProvider>,
  );
};

void start();
