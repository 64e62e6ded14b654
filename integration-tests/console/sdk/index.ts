/**
 * The stand-in console's implementation of `@openshift-console/dynamic-plugin-sdk`.
 *
 * The published package cannot run outside the console (it requires console internals), so the
 * stand-in provides this module in the share scope under that name. Every export is typed as the
 * published one (`typeof SDK.name`) so that it cannot drift from the real signatures.
 * Extension type guards and enums are plain declarations in the published package: they are
 * re-exported from it as they are.
 */
export * from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
export * from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';

export { consoleFetch, consoleFetchJSON, consoleFetchText } from './console-fetch';
export { HttpError } from './http-error';
export {
  k8sGet,
  k8sCreate,
  k8sUpdate,
  k8sPatch,
  k8sDelete,
  k8sList,
  k8sListItems,
} from './k8s-resource';
export {
  getAPIVersionForModel,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
} from './k8s-ref';
export { useK8sModel, useK8sModels } from './models';
export { useK8sWatchResource, useK8sWatchResources } from './watch-hooks';
export { checkAccess, useAccessReview, useAccessReviewAllowed } from './access-review';
export {
  isAllNamespacesKey,
  useActiveNamespace,
  useActivePerspective,
  PerspectiveContext,
  useFlag,
  useUserSettings,
  useUserPreference,
} from './app-state';
export { useModal, useOverlay } from './overlay';
export { useResolvedExtensions } from './extensions';
export { ResourceLink } from './components/ResourceLink';
export { ResourceIcon } from './components/ResourceIcon';
export { Timestamp } from './components/Timestamp';
export { ListPageHeader, ListPageBody, DocumentTitle } from './components/page';
export {
  ListPageCreate,
  ListPageCreateButton,
  ListPageCreateLink,
  ListPageFilter,
  TableData,
  VirtualizedTable,
  useActiveColumns,
  useDeleteModal,
  useListPageFilter,
} from './components/list-page';
export {
  BlueInfoCircleIcon,
  CamelCaseWrap,
  ErrorBoundaryFallbackPage,
  ErrorStatus,
  GenericStatus,
  GreenCheckCircleIcon,
  InfoStatus,
  PopoverStatus,
  ProgressStatus,
  RedExclamationCircleIcon,
  ResourceStatus,
  StatusComponent,
  StatusIconAndText,
  SuccessStatus,
  YellowExclamationTriangleIcon,
} from './components/status';
