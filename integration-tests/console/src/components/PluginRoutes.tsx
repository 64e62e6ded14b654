import { Suspense, lazy, useMemo } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { Route } from 'react-router';
import { Bullseye, Spinner } from '@patternfly/react-core';
import type { LoadedExtension } from '@openshift/dynamic-plugin-sdk';
import type { RoutePage } from '@openshift-console/dynamic-plugin-sdk';
import { ErrorBoundary } from './ErrorBoundary';

type CodeRef = () => Promise<ComponentType>;

const lazyCache = new Map<string, LazyExoticComponent<ComponentType>>();

/**
 * A route component is loaded only when its route renders (the console's AsyncComponent):
 * the $codeRef resolves to `(await container.get(module))()[export]`.
 */
const lazyComponent = (e: LoadedExtension<RoutePage>): LazyExoticComponent<ComponentType> => {
  let c = lazyCache.get(e.uid);
  if (!c) {
    const ref = e.properties.component as unknown as CodeRef;
    c = lazy(async () => ({ default: await ref() }));
    lazyCache.set(e.uid, c);
  }
  return c;
};

export const PluginPage = ({ extension }: { extension: LoadedExtension<RoutePage> }) => {
  const Component = useMemo(() => lazyComponent(extension), [extension]);
  return (
    <ErrorBoundary title={`Error in ${extension.pluginName}`}>
      <Suspense
        fallback={
          <Bullseye>
            <Spinner aria-label="Loading" />
          </Bullseye>
        }
      >
        <Component />
      </Suspense>
    </ErrorBoundary>
  );
};

/** console.page/route extensions as react-router routes (`exact` false matches sub-paths). */
export const pluginRoutes = (routes: LoadedExtension<RoutePage>[]) =>
  routes.flatMap((e) => {
    const paths = Array.isArray(e.properties.path) ? e.properties.path : [e.properties.path];
    return paths.map((p) => (
      <Route
        key={`${e.uid}-${p}`}
        path={e.properties.exact ? p : `${p.replace(/\/$/, '')}/*`}
        element={<PluginPage extension={e} />}
      />
    ));
  });
