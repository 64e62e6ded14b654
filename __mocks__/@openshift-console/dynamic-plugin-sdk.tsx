/**
 * Typed stubs of the console SDK for unit tests (the real package needs console internals).
 * Each stub is typed as the real export, so a stub cannot drift from the SDK's signature.
 * Tests set behaviour with `jest.mocked(useK8sWatchResource).mockImplementation(...)`.
 */
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * By default, answers as the console does before anything arrives: a disabled watch (`null`) is
 * `[undefined, true, undefined]`; any other is still loading, with `{}` for one object and `[]` for
 * a list (not `undefined`).
 */
export const useK8sWatchResource: typeof SDK.useK8sWatchResource = jest.fn((resource) =>
  resource
    ? [(resource.isList ? [] : {}) as never, false, undefined]
    : [undefined as never, true, undefined],
);

export const useAccessReview: typeof SDK.useAccessReview = jest.fn(() => [true, false]);

export const checkAccess: typeof SDK.checkAccess = jest.fn(() =>
  Promise.resolve({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {},
    status: { allowed: true },
  } as Awaited<ReturnType<typeof SDK.checkAccess>>),
);

export const useActiveNamespace: typeof SDK.useActiveNamespace = jest.fn(() => [
  '#ALL_NS#',
  () => undefined,
]);

export const k8sPatch: typeof SDK.k8sPatch = jest.fn(({ resource }) => Promise.resolve(resource));

export const useK8sWatchResources: typeof SDK.useK8sWatchResources = jest.fn(() => ({}) as never);

export const k8sGet: typeof SDK.k8sGet = jest.fn(() => Promise.reject(new Error('k8sGet stub')));

export const k8sList: typeof SDK.k8sList = jest.fn(() => Promise.resolve([]));

export const k8sDelete: typeof SDK.k8sDelete = jest.fn(({ resource }) => Promise.resolve(resource));

export const ResourceLink: typeof SDK.ResourceLink = ({
  name,
  namespace,
  displayName,
  dataTest,
  groupVersionKind,
}) => (
  <a
    data-test={dataTest}
    data-kind={groupVersionKind?.kind}
    data-namespace={namespace}
    href={`#${groupVersionKind?.kind ?? ''}/${namespace ?? ''}/${name ?? ''}`}
  >
    {displayName ?? name}
  </a>
);

export const Timestamp: typeof SDK.Timestamp = ({ timestamp }) => (
  <span data-timestamp={timestamp}>{timestamp}</span>
);

export const DocumentTitle: typeof SDK.DocumentTitle = () => null;

export const ListPageHeader: typeof SDK.ListPageHeader = ({ title, helpText, children }) => (
  <div>
    <h1>{title}</h1>
    {helpText}
    {children}
  </div>
);
