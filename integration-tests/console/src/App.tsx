import { Suspense, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { Bullseye, Page, PageSidebar, PageSidebarBody, Spinner } from '@patternfly/react-core';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import type { RoutePage } from '@openshift-console/dynamic-plugin-sdk';
import { isRoutePage } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { activeNamespaceStore } from '../sdk/app-state';
import { OverlayProvider } from '../sdk/overlay';
import { ConsoleMasthead } from './components/Masthead';
import { ConsoleNav } from './components/ConsoleNav';
import { pluginRoutes } from './components/PluginRoutes';
import { HomePage, NotFoundPage } from './pages/HomePage';
import { SecretDetailsPage } from './pages/SecretDetailsPage';
import { SecretsListPage } from './pages/SecretsListPage';

/** The console's active namespace follows /k8s/ns/<ns>/... and otherwise keeps the last one. */
const NamespaceFromURL = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    const match = /^\/k8s\/ns\/([^/]+)/.exec(pathname);
    if (match?.[1]) {
      activeNamespaceStore.set(decodeURIComponent(match[1]));
    } else if (pathname.startsWith('/k8s/all-namespaces')) {
      activeNamespaceStore.set('#ALL_NS#');
    }
  }, [pathname]);
  return null;
};

export const App = () => {
  const routes = useExtensions(isRoutePage as (e: unknown) => e is RoutePage).filter(
    (e) => !e.properties.perspective || e.properties.perspective === 'admin',
  );
  return (
    <OverlayProvider>
      <NamespaceFromURL />
      <Page
        masthead={<ConsoleMasthead />}
        sidebar={
          <PageSidebar>
            <PageSidebarBody>
              <ConsoleNav />
            </PageSidebarBody>
          </PageSidebar>
        }
        isManagedSidebar
        mainContainerId="content"
      >
        <Suspense
          fallback={
            <Bullseye>
              <Spinner aria-label="Loading" />
            </Bullseye>
          }
        >
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/k8s/all-namespaces/secrets" element={<SecretsListPage />} />
            <Route path="/k8s/ns/:ns/secrets" element={<SecretsListPage />} />
            <Route path="/k8s/ns/:ns/secrets/:name" element={<SecretDetailsPage />} />
            {pluginRoutes(routes)}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Page>
    </OverlayProvider>
  );
};
