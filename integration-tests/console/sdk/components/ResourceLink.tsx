/* eslint-disable @typescript-eslint/no-deprecated -- the SDK's deprecated names and props are part of what it must implement. */
import { Link } from 'react-router';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { getReferenceForModel, toReference } from '../k8s-ref';
import { findModel, useModelsState } from '../models';
import { ResourceIcon } from './ResourceIcon';

/** The console's resource path: /k8s/ns/<ns>/<plural or group~version~kind>/<name>. */
export const resourcePath = (model: K8sModel, name?: string, namespace?: string): string => {
  let url = '/k8s/';
  if (!model.namespaced) {
    url += 'cluster/';
  } else {
    url += namespace ? `ns/${namespace}/` : 'all-namespaces/';
  }
  url += model.crd ? getReferenceForModel(model) : model.plural;
  if (name) {
    url += `/${encodeURIComponent(name)}`;
  }
  return url;
};

export const ResourceLink: typeof SDK.ResourceLink = ({
  kind,
  groupVersionKind,
  className,
  displayName,
  inline = false,
  linkTo = true,
  name,
  namespace,
  hideIcon,
  title,
  dataTest,
  onClick,
  truncate,
  nameSuffix,
  children,
}) => {
  const models = useModelsState();
  const ref = toReference(groupVersionKind ?? kind);
  const model = findModel(models, ref);
  if (!ref) {
    return null;
  }
  const value = displayName || name;
  const path = model && linkTo ? resourcePath(model, name, namespace) : undefined;
  const classes = [
    'console-resource-item',
    inline ? 'console-resource-item--inline' : '',
    truncate ? 'console-resource-item--truncate' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      {!hideIcon && <ResourceIcon groupVersionKind={groupVersionKind} kind={kind} />}
      {path ? (
        <Link
          to={path}
          title={title}
          className="console-resource-item__name"
          data-test-id={value}
          data-test={dataTest ?? value}
          onClick={onClick}
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span
          className="console-resource-item__name"
          data-test-id={value}
          data-test={dataTest ?? value}
        >
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};
